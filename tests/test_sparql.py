"""The SPARQL 1.1 Protocol endpoint, through Flask's test client on the real store."""

from __future__ import annotations

import csv
import io
import json
import socket
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import rdflib
from flask.testing import FlaskClient

SKOS_LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name WHERE { <https://w3id.org/iscm/id/mechanism/rcm> skos:prefLabel ?name }
"""
RCM_GRAPH = (
    "CONSTRUCT { ?s ?p ?o } WHERE { BIND(<https://w3id.org/iscm/id/mechanism/rcm> AS ?s) ?s ?p ?o }"
)
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
FORM = "application/x-www-form-urlencoded"


def names(response_json: dict) -> set[str]:
    return {b["name"]["value"] for b in response_json["results"]["bindings"]}


def count(client: FlaskClient, **params: str) -> int:
    response = client.get("/sparql", query_string={"query": COUNT_ALL, **params})
    assert response.status_code == 200, response.text
    return int(response.json["results"]["bindings"][0]["n"]["value"])


# --- the three ways to send a query -------------------------------------------


def test_query_by_get(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": SKOS_LABELS})
    assert response.status_code == 200
    assert "Regional Conference on Migration" in names(response.json)


def test_query_by_post_form(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"query": SKOS_LABELS})
    assert response.status_code == 200
    assert "Conférence régionale sur la migration" in names(response.json)


def test_query_by_post_body(client: FlaskClient) -> None:
    response = client.post("/sparql", data=SKOS_LABELS, content_type="application/sparql-query")
    assert response.status_code == 200
    assert "Conferencia Regional sobre Migración" in names(response.json)


# --- result formats chosen by Accept ------------------------------------------


def test_select_defaults_to_sparql_json(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": SKOS_LABELS})
    assert response.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"


def test_select_as_sparql_xml(client: FlaskClient) -> None:
    response = client.get(
        "/sparql",
        query_string={"query": SKOS_LABELS},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert response.mimetype == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    literals = ET.fromstring(response.data).findall(".//r:literal", ns)
    assert "Regional Conference on Migration" in {lit.text for lit in literals}


def test_select_as_csv(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": SKOS_LABELS}, headers={"Accept": "text/csv"}
    )
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["name"]
    assert ["Regional Conference on Migration"] in rows


def test_select_as_tsv(client: FlaskClient) -> None:
    response = client.get(
        "/sparql",
        query_string={"query": SKOS_LABELS},
        headers={"Accept": "text/tab-separated-values"},
    )
    assert response.mimetype == "text/tab-separated-values"
    assert '"Regional Conference on Migration"@en' in response.text.splitlines()


def test_accept_q_values_are_honoured(client: FlaskClient) -> None:
    response = client.get(
        "/sparql",
        query_string={"query": SKOS_LABELS},
        headers={"Accept": "application/sparql-results+json;q=0.5, text/csv"},
    )
    assert response.mimetype == "text/csv"


def test_ask(client: FlaskClient) -> None:
    ask = "ASK { <https://w3id.org/iscm/id/mechanism/rcm> a ?type }"
    response = client.get("/sparql", query_string={"query": ask})
    assert response.json == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("media_type", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_in_each_rdf_format(
    client: FlaskClient, media_type: str, rdflib_format: str
) -> None:
    response = client.get(
        "/sparql", query_string={"query": RCM_GRAPH}, headers={"Accept": media_type}
    )
    assert response.status_code == 200
    assert response.mimetype == media_type
    graph = rdflib.Graph().parse(data=response.data, format=rdflib_format)
    assert rdflib.Literal("Regional Conference on Migration", lang="en") in set(graph.objects())


def test_describe_defaults_to_turtle(client: FlaskClient) -> None:
    describe = "DESCRIBE <https://w3id.org/iscm/id/mechanism/sacm>"
    response = client.get("/sparql", query_string={"query": describe})
    assert response.mimetype == "text/turtle"
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    assert len(graph) > 5


@pytest.mark.parametrize(
    ("media_type", "rdf_format"),
    [
        ("application/n-quads", ox.RdfFormat.N_QUADS),
        ("application/trig", ox.RdfFormat.TRIG),
    ],
)
def test_construct_in_dataset_formats(
    client: FlaskClient, media_type: str, rdf_format: ox.RdfFormat
) -> None:
    response = client.get(
        "/sparql", query_string={"query": RCM_GRAPH}, headers={"Accept": media_type}
    )
    assert response.mimetype == media_type
    labels = {quad.object for quad in ox.parse(response.data, rdf_format)}
    assert ox.Literal("Regional Conference on Migration", language="en") in labels


def test_construct_q_values_pick_the_preferred_rdf_format(client: FlaskClient) -> None:
    response = client.get(
        "/sparql",
        query_string={"query": RCM_GRAPH},
        headers={"Accept": "text/turtle;q=0.2, application/n-triples;q=0.9, */*;q=0.1"},
    )
    assert response.mimetype == "application/n-triples"


def test_a_select_asked_for_in_an_rdf_format_only_is_406(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": SKOS_LABELS}, headers={"Accept": "text/turtle"}
    )
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.json["detail"]


@pytest.mark.parametrize(
    ("name", "query", "media_type"),
    [
        ("tsv", SKOS_LABELS, "text/tab-separated-values"),
        ("xml", SKOS_LABELS, "application/sparql-results+xml"),
        ("nt", RCM_GRAPH, "application/n-triples"),
        ("jsonld", RCM_GRAPH, "application/ld+json"),
        ("trig", RCM_GRAPH, "application/trig"),
        ("text/csv", SKOS_LABELS, "text/csv"),
    ],
)
def test_format_parameter_names(
    client: FlaskClient, name: str, query: str, media_type: str
) -> None:
    response = client.get("/sparql", query_string={"query": query, "format": name})
    assert response.mimetype == media_type


def test_every_answer_declares_its_charset(client: FlaskClient) -> None:
    for query in (SKOS_LABELS, RCM_GRAPH):
        response = client.get("/sparql", query_string={"query": query})
        assert response.mimetype_params == {"charset": "utf-8"}


def test_format_parameter_for_plain_links(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": SKOS_LABELS, "format": "csv"})
    assert response.mimetype == "text/csv"


def test_nothing_acceptable_is_406(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": SKOS_LABELS}, headers={"Accept": "image/png"}
    )
    assert response.status_code == 406


def test_answers_allow_cross_origin_browser_clients(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": SKOS_LABELS})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_cors_preflight_allows_posting_a_query_body(client: FlaskClient) -> None:
    response = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 200
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


# --- errors -------------------------------------------------------------------


def test_a_syntax_error_is_400_with_the_parsers_message(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x }"})
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert "error at 1:" in response.json["detail"]


def test_two_queries_are_400(client: FlaskClient) -> None:
    response = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert response.status_code == 400


def test_a_post_in_another_media_type_is_415(client: FlaskClient) -> None:
    response = client.post("/sparql", data="{}", content_type="application/json")
    assert response.status_code == 415


# The negative cases of the W3C SPARQL 1.1 Protocol test suite (its runner needs
# the endpoint to load data from w3.org and kasei.us, which this one never does).


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("text/plain", "ASK {}"), (None, "query=ASK%20%7B%7D"), (None, "ASK {}")],
    ids=["wrong-media-type", "missing-form-type", "missing-direct-type"],
)
def test_w3c_bad_post_media_types_are_415(
    client: FlaskClient, content_type: str | None, body: str
) -> None:
    response = client.post("/sparql", data=body.encode(), content_type=content_type)
    assert response.status_code == 415


def test_w3c_bad_query_non_utf8(client: FlaskClient) -> None:
    response = client.post(
        "/sparql",
        data="ASK {}".encode("utf-16"),
        content_type="application/sparql-query; charset=UTF-16",
    )
    assert response.status_code == 400


def test_w3c_bad_update_get(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"update": "CLEAR ALL"})
    assert response.status_code == 403


def test_w3c_query_multiple_dataset(client: FlaskClient) -> None:
    seed_002 = SEED_001.replace("seed-001", "seed-002")
    both = client.get(
        "/sparql",
        query_string=[
            ("query", COUNT_ALL),
            ("default-graph-uri", SEED_001),
            ("default-graph-uri", seed_002),
        ],
    )
    together = int(both.json["results"]["bindings"][0]["n"]["value"])
    one = count(client, **{"default-graph-uri": SEED_001})
    assert together > one


def test_a_post_without_query_is_400(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"nothing": "here"})
    assert response.status_code == 400


def test_other_methods_are_405_with_allow(client: FlaskClient) -> None:
    response = client.put("/sparql", data=COUNT_ALL)
    assert response.status_code == 405
    assert {"GET", "POST"} <= {m.strip() for m in response.headers["Allow"].split(",")}
    assert response.mimetype == "application/problem+json"


def test_a_query_body_with_a_charset_parameter_is_accepted(client: FlaskClient) -> None:
    response = client.post(
        "/sparql", data=SKOS_LABELS, content_type="application/sparql-query; charset=UTF-8"
    )
    assert response.status_code == 200


def test_a_syntax_error_by_post_is_400_too(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"query": "SELECT ?x WHERE { ?x }"})
    assert response.status_code == 400
    assert "error at 1:" in response.json["detail"]


def test_a_query_over_the_limit_is_413(client: FlaskClient, app) -> None:
    padding = "#" * int(app.config["MAX_QUERY_BYTES"])
    response = client.post(
        "/sparql", data=f"{padding}\nASK {{}}", content_type="application/sparql-query"
    )
    assert response.status_code == 413


def test_a_result_over_the_limit_is_refused_with_a_message(built_store) -> None:
    from iscm_graph import create_app

    app = create_app({"TESTING": True, "STORE_DIR": str(built_store), "MAX_RESULT_BYTES": 10_000})
    runaway = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    response = app.test_client().get("/sparql", query_string={"query": runaway})
    assert response.status_code == 400
    assert "LIMIT" in response.json["detail"]


def test_a_get_query_over_the_limit_is_414(client: FlaskClient, app) -> None:
    padding = "#" * int(app.config["MAX_QUERY_BYTES"])
    response = client.get("/sparql", query_string={"query": f"{padding}\nASK {{}}"})
    assert response.status_code == 414


# --- read-only and no outbound requests ---------------------------------------


@pytest.mark.parametrize(
    "send",
    [
        lambda c, u: c.get("/sparql", query_string={"query": u}),
        lambda c, u: c.post("/sparql", data={"query": u}),
        lambda c, u: c.post("/sparql", data={"update": u}),
        lambda c, u: c.post("/sparql", data=u, content_type="application/sparql-update"),
    ],
    ids=["query-get", "query-form", "update-form", "update-body"],
)
def test_updates_are_refused_and_change_nothing(client: FlaskClient, send) -> None:
    before = count(client)
    update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    response = send(client, update)
    assert response.status_code == 403
    assert "read-only" in response.json["detail"]
    assert count(client) == before


def test_load_is_refused(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"update": "LOAD <http://example.org/data.ttl>"})
    assert response.status_code == 403


def test_service_is_refused_before_execution(client: FlaskClient) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    assert "SERVICE" in response.json["detail"]


def test_a_service_query_never_opens_a_connection(client: FlaskClient) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        response = client.get("/sparql", query_string={"query": query})
        assert response.status_code == 400
        with pytest.raises(TimeoutError):
            listener.accept()


def test_service_hidden_in_a_codepoint_escape_is_refused(client: FlaskClient) -> None:
    query = "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/s> { ?s ?p ?o } }"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400


def test_the_word_service_in_a_literal_is_fine(client: FlaskClient) -> None:
    query = 'SELECT * WHERE { ?s ?p "SERVICE" }'
    assert client.get("/sparql", query_string={"query": query}).status_code == 200


def test_from_a_local_file_reads_nothing(client: FlaskClient) -> None:
    query = "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200
    assert response.json["results"]["bindings"] == []


def test_from_named_a_url_opens_no_connection(client: FlaskClient) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/data.ttl"
        query = (
            f"SELECT * FROM <{url}> FROM NAMED <{url}> "
            "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        )
        response = client.get("/sparql", query_string={"query": query})
        assert response.status_code == 200
        assert response.json["results"]["bindings"] == []
        with pytest.raises(TimeoutError):
            listener.accept()


def test_default_graph_uri_of_a_url_opens_no_connection(client: FlaskClient) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/data.ttl"
        assert count(client, **{"default-graph-uri": url, "named-graph-uri": url}) == 0
        with pytest.raises(TimeoutError):
            listener.accept()


def test_default_graph_uri_of_a_local_file_reads_nothing(client: FlaskClient) -> None:
    assert count(client, **{"default-graph-uri": "file:///etc/passwd"}) == 0


# --- caching ------------------------------------------------------------------


def test_answers_carry_an_etag_and_cache_control(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": SKOS_LABELS})
    assert response.headers["ETag"]
    assert "max-age=" in response.headers["Cache-Control"]
    assert "Accept" in response.headers["Vary"]


def test_if_none_match_gets_304_for_the_same_request(client: FlaskClient) -> None:
    etag = client.get("/sparql", query_string={"query": SKOS_LABELS}).headers["ETag"]
    again = client.get(
        "/sparql", query_string={"query": SKOS_LABELS}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304
    assert again.data == b""


def test_another_format_has_another_etag(client: FlaskClient) -> None:
    etag = client.get("/sparql", query_string={"query": SKOS_LABELS}).headers["ETag"]
    as_csv = client.get(
        "/sparql",
        query_string={"query": SKOS_LABELS},
        headers={"If-None-Match": etag, "Accept": "text/csv"},
    )
    assert as_csv.status_code == 200
    assert as_csv.headers["ETag"] != etag


def test_a_new_build_changes_the_etag(tmp_path) -> None:
    from iscm_graph import create_app
    from iscm_graph.build import build

    from .conftest import INPUTS

    build(INPUTS, tmp_path)
    client = create_app({"TESTING": True, "STORE_DIR": str(tmp_path)}).test_client()
    etag = client.get("/sparql", query_string={"query": SKOS_LABELS}).headers["ETag"]
    build(INPUTS, tmp_path)
    again = client.get(
        "/sparql", query_string={"query": SKOS_LABELS}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 200


# --- datasets -----------------------------------------------------------------


SEED_001 = "https://w3id.org/iscm/graph/source/seed-001"


def test_the_default_graph_is_the_union_of_all_sources(client: FlaskClient) -> None:
    assert count(client) > count(client, **{"default-graph-uri": SEED_001})


def test_default_graph_uri_selects_a_source_graph(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": SKOS_LABELS, "default-graph-uri": SEED_001}
    )
    assert names(response.json) == {"Conférence régionale sur la migration"}


def test_from_selects_a_source_graph(client: FlaskClient) -> None:
    query = SKOS_LABELS.replace("SELECT ?name", f"SELECT ?name FROM <{SEED_001}>")
    response = client.get("/sparql", query_string={"query": query})
    assert names(response.json) == {"Conférence régionale sur la migration"}


def test_named_graph_uri_limits_what_graph_sees(client: FlaskClient) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.get("/sparql", query_string={"query": query, "named-graph-uri": SEED_001})
    assert {b["g"]["value"] for b in response.json["results"]["bindings"]} == {SEED_001}


def test_dataset_parameters_in_a_form_post(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"query": SKOS_LABELS, "default-graph-uri": SEED_001})
    assert names(response.json) == {"Conférence régionale sur la migration"}


def test_dataset_parameters_beside_a_query_body(client: FlaskClient) -> None:
    response = client.post(
        f"/sparql?default-graph-uri={SEED_001}",
        data=SKOS_LABELS,
        content_type="application/sparql-query",
    )
    assert names(response.json) == {"Conférence régionale sur la migration"}


def test_graph_tells_which_source_said_what(client: FlaskClient) -> None:
    query = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/iscm/id/mechanism/rcm>
        skos:prefLabel "Conférence régionale sur la migration"@fr } }"""
    response = client.get("/sparql", query_string={"query": query})
    graphs = {b["g"]["value"] for b in response.json["results"]["bindings"]}
    assert graphs == {SEED_001}


# --- service description and home ---------------------------------------------


def test_get_without_query_describes_the_service(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = graph.value(predicate=rdflib.RDF.type, object=sd.Service)
    assert graph.value(service, sd.endpoint) == rdflib.URIRef("http://localhost/sparql")
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (None, sd.name, rdflib.URIRef(SEED_001)) in graph


def test_service_description_as_json_ld(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert response.mimetype == "application/ld+json"
    assert json.loads(response.text)


def test_home_page_links_the_endpoint(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert 'href="/sparql"' in response.text


def test_without_a_store_the_service_says_so(tmp_path) -> None:
    from iscm_graph import create_app

    client = create_app({"TESTING": True, "STORE_DIR": str(tmp_path)}).test_client()
    response = client.get("/sparql", query_string={"query": COUNT_ALL})
    assert response.status_code == 503
    assert "iscm-graph build" in response.json["detail"]


def test_an_internal_error_is_500_without_a_stack_trace(built_store, monkeypatch) -> None:
    from iscm_graph import create_app, sparql

    def broken(*_args, **_kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(sparql, "run_query", broken)
    client = create_app({"STORE_DIR": str(built_store)}).test_client()
    response = client.get("/sparql", query_string={"query": COUNT_ALL})
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text
