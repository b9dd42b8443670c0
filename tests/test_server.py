"""The real service: `iscm-graph serve` (gunicorn) in a subprocess, queried by real clients."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from iscm_graph.cli import cli

from .conftest import FIXTURES, INPUTS

pytestmark = pytest.mark.slow

COUNT_ISCMS = """
PREFIX iscm: <https://w3id.org/iscm/ontology#>
SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
  VALUES ?kind { iscm:RegionalConsultativeProcess iscm:InterRegionalForum iscm:GlobalProcess }
  ?m a ?kind }
"""
#: Short enough for the runaway test, long enough for every real query here.
QUERY_TIMEOUT = 3
RCM_GRAPH = (
    "CONSTRUCT { ?s ?p ?o } WHERE { BIND(<https://w3id.org/iscm/id/mechanism/rcm> AS ?s) ?s ?p ?o }"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Service:
    """A running `iscm-graph serve` on a loopback port, with its own store."""

    def __init__(
        self,
        store_dir: Path,
        port: int,
        query_timeout: float = QUERY_TIMEOUT,
        environment: dict[str, str] | None = None,
    ) -> None:
        self.store_dir = store_dir
        self.endpoint = f"http://127.0.0.1:{port}/sparql"
        # The access log goes to a file: an unread pipe would fill up and block the server.
        self.log_path = store_dir.parent / f"server-{port}.log"
        self.log = self.log_path.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "iscm_graph",
                "serve",
                "--port",
                str(port),
                "--workers",
                "2",
                "--store",
                str(store_dir),
                "--data",
                str(INPUTS.data_dir),
                "--ontology",
                str(INPUTS.ontology_dir),
                "--shapes",
                str(INPUTS.shapes_dir),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "ISCM_QUERY_TIMEOUT": str(query_timeout), **(environment or {})},
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text('utf-8')}")
            try:
                with urllib.request.urlopen(self.endpoint, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not answer within 60 s")

    def count_iscms(self) -> int:
        client = SPARQLWrapper(self.endpoint, returnFormat=JSON)
        client.setQuery(COUNT_ISCMS)
        result = client.queryAndConvert()
        return int(result["results"]["bindings"][0]["n"]["value"])  # type: ignore[index]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    running = Service(tmp_path_factory.mktemp("served-store"), free_port())
    yield running
    running.stop()


def test_serve_builds_the_missing_store_and_answers_the_iscm_count(service: Service) -> None:
    assert service.count_iscms() >= 22


@pytest.mark.parametrize("return_format", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_reads_every_result_format(service: Service, return_format: str) -> None:
    client = SPARQLWrapper(service.endpoint, returnFormat=return_format)
    client.setQuery(COUNT_ISCMS)
    response = client.query()
    assert response.response.status == 200
    converted = response.convert()
    assert converted


@pytest.mark.parametrize("return_format", [TURTLE, RDFXML, JSONLD, N3])
def test_sparqlwrapper_reads_every_graph_format(service: Service, return_format: str) -> None:
    client = SPARQLWrapper(service.endpoint, returnFormat=return_format)
    client.setQuery(RCM_GRAPH)
    graph = client.queryAndConvert()
    if not isinstance(graph, rdflib.Graph):  # SPARQLWrapper hands back raw bytes for some
        graph = rdflib.Graph().parse(
            data=graph, format={TURTLE: "turtle", N3: "turtle"}.get(return_format, return_format)
        )
    assert rdflib.Literal("Regional Conference on Migration", lang="en") in set(graph.objects())


def test_sparqlwrapper_post(service: Service) -> None:
    client = SPARQLWrapper(service.endpoint, returnFormat=JSON)
    client.setMethod("POST")
    client.setQuery(COUNT_ISCMS)
    assert int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"]) >= 22


def test_a_bad_query_reaches_sparqlwrapper_as_query_bad_formed(service: Service) -> None:
    client = SPARQLWrapper(service.endpoint, returnFormat=JSON)
    client.setQuery("SELECT ?x WHERE { ?x }")
    with pytest.raises(QueryBadFormed, match="error at 1:"):
        client.query()


def test_a_get_query_longer_than_the_request_line_limit_is_414(service: Service) -> None:
    query = "#" * 9000 + "\nASK {}"
    url = service.endpoint + "?" + urllib.parse.urlencode({"query": query})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=10)
    assert refused.value.code == 414
    refused.value.close()


def test_the_same_query_by_post_is_answered(service: Service) -> None:
    query = "#" * 9000 + "\nASK { ?s ?p ?o }"
    client = SPARQLWrapper(service.endpoint, returnFormat=JSON)
    client.setMethod("POST")
    client.setQuery(query)
    assert client.queryAndConvert()["boolean"] is True


def test_rdflib_sparqlstore_as_client(service: Service) -> None:
    graph = rdflib.Graph(store=SPARQLStore(service.endpoint))
    labels = {
        str(row[0])
        for row in graph.query(
            "SELECT ?l WHERE { <https://w3id.org/iscm/id/mechanism/sacm> "
            "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
        )
    }
    assert "South American Conference on Migration" in labels


def test_cli_queries_a_remote_endpoint(service: Service) -> None:
    result = CliRunner().invoke(
        cli, ["query", "--endpoint", service.endpoint, "--format", "csv", COUNT_ISCMS]
    )
    assert result.exit_code == 0, result.output
    header, value = result.stdout.split()
    assert header == "n" and int(value) >= 22


def test_a_refused_build_leaves_the_served_answers_unchanged(
    service: Service, tmp_path: Path
) -> None:
    before = service.count_iscms()
    served = (service.store_dir / "current").resolve()
    data = tmp_path / "data"
    shutil.copytree(INPUTS.data_dir, data)
    shutil.copy(FIXTURES / "mechanism-without-type.ttl", data)
    result = CliRunner().invoke(
        cli, ["build", "--data", str(data), "--store", str(service.store_dir)]
    )
    assert result.exit_code == 1
    assert (service.store_dir / "current").resolve() == served
    assert service.count_iscms() == before


def test_the_access_log_records_status_and_time(service: Service) -> None:
    service.count_iscms()
    lines = service.log_path.read_text("utf-8").splitlines()
    assert any('"GET /sparql?query=' in line and " 200 " in line and "ms" in line for line in lines)


def test_a_new_build_is_served_without_a_restart(service: Service, tmp_path: Path) -> None:
    before = service.count_iscms()
    data = tmp_path / "data"
    shutil.copytree(INPUTS.data_dir, data)
    (data / "contributed.ttl").write_text(
        (FIXTURES / "mechanism-without-type.ttl")
        .read_text("utf-8")
        .replace("a iscm:InterStateConsultationMechanism", "a iscm:InterRegionalForum"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["build", "--data", str(data), "--store", str(service.store_dir)]
    )
    assert result.exit_code == 0, result.output
    # Each of the workers notices the new build on its next request.
    assert {service.count_iscms() for _ in range(4)} == {before + 1}


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def query_url(service: Service, query: str) -> str:
    return service.endpoint + "?" + urllib.parse.urlencode({"query": query})


def test_a_runaway_query_gets_a_503_while_other_clients_are_served(service: Service) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    answers: list[tuple[int, dict[str, str], bytes]] = []
    worker = threading.Thread(target=lambda: answers.append(get(query_url(service, runaway))))
    worker.start()
    served = 0
    while worker.is_alive():
        assert service.count_iscms() >= 22
        served += 1
    worker.join()
    ((status, headers, body),) = answers
    assert status == 503
    assert headers["Content-Type"] == "application/problem+json"
    assert f"{QUERY_TIMEOUT} s" in json.loads(body)["detail"]
    assert served > 0
    assert service.count_iscms() >= 22


def test_the_worker_left_with_a_runaway_query_is_replaced(service: Service) -> None:
    booted = service.log_path.read_text("utf-8").count("Booting worker")
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    assert get(query_url(service, runaway))[0] == 503
    deadline = time.monotonic() + 30
    while service.log_path.read_text("utf-8").count("Booting worker") == booted:
        assert time.monotonic() < deadline, "no fresh worker replaced the retired one"
        time.sleep(0.2)
    assert {service.count_iscms() for _ in range(4)} == {service.count_iscms()}


def test_a_service_query_to_a_listener_is_refused_and_no_connection_arrives(
    service: Service,
) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(1)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = get(query_url(service, query))
        assert status == 400
        assert "SERVICE" in json.loads(body)["detail"]
        with pytest.raises(TimeoutError):
            listener.accept()


def test_an_update_is_refused_and_changes_nothing(service: Service) -> None:
    before = service.count_iscms()
    client = SPARQLWrapper(service.endpoint)
    client.setMethod("POST")
    client.setQuery(
        "PREFIX iscm: <https://w3id.org/iscm/ontology#> "
        "INSERT DATA { <urn:x:new> a iscm:InterRegionalForum }"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    refused.value.close()
    assert service.count_iscms() == before


def test_etag_and_304_through_the_real_server(service: Service) -> None:
    url = query_url(service, COUNT_ISCMS)
    status, headers, _ = get(url)
    assert status == 200 and "max-age" in headers["Cache-Control"]
    status, _, body = get(url, {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


def test_void_names_the_endpoint_it_was_reached_at(service: Service) -> None:
    status, _, body = get(service.endpoint.replace("/sparql", "/.well-known/void"))
    assert status == 200
    graph = rdflib.Graph().parse(data=body, format="turtle")
    endpoint = graph.value(
        rdflib.URIRef("https://w3id.org/iscm/dataset"), rdflib.VOID.sparqlEndpoint
    )
    assert endpoint == rdflib.URIRef(service.endpoint)


@pytest.mark.parametrize("return_format", ["json", "xml", "csv", "tsv"])
def test_rdflib_sparqlstore_reads_every_result_format(service: Service, return_format: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(service.endpoint, returnFormat=return_format))
    rows = graph.query(
        "SELECT ?l WHERE { <https://w3id.org/iscm/id/mechanism/sacm> "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
    )
    assert "South American Conference on Migration" in {str(row[0]) for row in rows}


def test_rdflib_sparqlstore_reads_a_construct(service: Service) -> None:
    graph = rdflib.Graph(store=SPARQLStore(service.endpoint, returnFormat="xml"))
    result = graph.query(RCM_GRAPH)
    assert rdflib.Literal("Regional Conference on Migration", lang="en") in {
        triple[2] for triple in result
    }


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", "text/html"),
        ("text/turtle", "text/turtle"),
    ],
)
def test_the_ontology_path_serves_documentation_and_turtle(
    service: Service, accept: str, media_type: str
) -> None:
    url = service.endpoint.replace("/sparql", "/ontology")
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers.get_content_type() == media_type
        body = response.read()
    if media_type == "text/turtle":
        assert (None, None, rdflib.URIRef("http://www.w3.org/2002/07/owl#Ontology")) in (
            rdflib.Graph().parse(data=body, format="turtle")
        )
    else:
        assert "inter-State consultation mechanism on migration" in body.decode()


@pytest.fixture(scope="module")
def threaded_service(service: Service) -> Iterator[Service]:
    """The same store served by gthread workers (two request threads each)."""
    running = Service(service.store_dir, free_port(), environment={"ISCM_WORKER_THREADS": "2"})
    yield running
    running.stop()


def test_threaded_workers_answer_two_requests_on_one_connection(
    threaded_service: Service,
) -> None:
    address = urllib.parse.urlsplit(threaded_service.endpoint)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=30)
    try:
        answers = []
        for query in (COUNT_ISCMS, RCM_GRAPH):
            connection.request("GET", query_url(threaded_service, query), headers={"Accept": "*/*"})
            response = connection.getresponse()
            answers.append((response.status, response.will_close, response.read()))
            if query == COUNT_ISCMS:
                first_socket = connection.sock
        assert connection.sock is first_socket is not None
    finally:
        connection.close()
    assert [(status, will_close) for status, will_close, _ in answers] == [(200, False)] * 2
    assert b"Regional Conference on Migration" in answers[1][2]


def test_sync_workers_close_each_connection(service: Service) -> None:
    address = urllib.parse.urlsplit(service.endpoint)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=30)
    try:
        connection.request("GET", query_url(service, COUNT_ISCMS))
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    assert response.status == 200 and response.will_close


def test_threaded_workers_cut_a_runaway_query_and_keep_serving(threaded_service: Service) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    booted = threaded_service.log_path.read_text("utf-8").count("Booting worker")
    answers: list[tuple[int, dict[str, str], bytes]] = []
    worker = threading.Thread(
        target=lambda: answers.append(get(query_url(threaded_service, runaway)))
    )
    worker.start()
    served = 0
    while worker.is_alive():
        assert threaded_service.count_iscms() >= 22
        served += 1
    worker.join()
    ((status, _, body),) = answers
    assert status == 503 and f"{QUERY_TIMEOUT} s" in json.loads(body)["detail"]
    assert served > 0
    deadline = time.monotonic() + 30
    while threaded_service.log_path.read_text("utf-8").count("Booting worker") == booted:
        assert time.monotonic() < deadline, "no fresh worker replaced the retired one"
        time.sleep(0.2)
    assert threaded_service.count_iscms() >= 22
