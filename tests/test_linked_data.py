"""Dereferencing: every IRI the graph mints answers, as HTML or RDF, by Accept or extension."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from flask.testing import FlaskClient
from rdflib.namespace import RDFS, SKOS

from iscm_graph import create_app
from iscm_graph.config import BASE_IRI
from iscm_graph.resources import MINTED_ROOTS
from iscm_graph.store import current_build

RCM = rdflib.URIRef(BASE_IRI + "id/mechanism/rcm")
ISCM = rdflib.Namespace("https://w3id.org/iscm/ontology#")
RDF_FORMATS = {
    "ttl": ("text/turtle", "turtle"),
    "jsonld": ("application/ld+json", "json-ld"),
    "nt": ("application/n-triples", "nt"),
    "rdf": ("application/rdf+xml", "xml"),
}


def open_store(store_dir: Path) -> ox.Store:
    build = current_build(store_dir)
    assert build is not None
    return ox.Store.read_only(str(build / "oxigraph"))


def minted_iris(store_dir: Path) -> list[str]:
    """Every IRI under the base, in a dereferenced root, that is a subject or names a graph."""
    store = open_store(store_dir)
    roots = tuple(BASE_IRI + root + "/" for root in MINTED_ROOTS)
    subjects = {
        q.subject.value
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        if isinstance(q.subject, ox.NamedNode)
    }
    graphs = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    return sorted(iri for iri in subjects | graphs if iri.startswith(roots) and "#" not in iri)


def path_of(iri: str) -> str:
    return "/" + iri[len(BASE_IRI) :]


def parse(response_text: str, rdflib_format: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=response_text, format=rdflib_format)


@pytest.mark.parametrize("extension", list(RDF_FORMATS))
def test_accept_header_gets_a_303_to_the_document_in_that_format(
    client: FlaskClient, extension: str
) -> None:
    media_type, _ = RDF_FORMATS[extension]
    response = client.get("/id/mechanism/rcm", headers={"Accept": media_type})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/id/mechanism/rcm.{extension}"
    assert "Accept" in response.headers["Vary"]


def test_a_browser_is_sent_to_the_html_page(client: FlaskClient) -> None:
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/id/mechanism/rcm", headers={"Accept": browser_accept})
    assert response.status_code == 303
    assert response.headers["Location"] == "/id/mechanism/rcm.html"


def test_q_values_are_honoured(client: FlaskClient) -> None:
    accept = "text/html;q=0.5, application/ld+json"
    response = client.get("/id/mechanism/rcm", headers={"Accept": accept})
    assert response.headers["Location"] == "/id/mechanism/rcm.jsonld"


def test_an_unacceptable_type_is_406(client: FlaskClient) -> None:
    response = client.get("/id/mechanism/rcm", headers={"Accept": "image/png"})
    assert response.status_code == 406


@pytest.mark.parametrize("extension", list(RDF_FORMATS))
def test_the_document_describes_the_resource_in_each_format(
    client: FlaskClient, extension: str
) -> None:
    media_type, rdflib_format = RDF_FORMATS[extension]
    response = client.get(f"/id/mechanism/rcm.{extension}")
    assert response.status_code == 200
    assert response.mimetype == media_type
    graph = parse(response.text, rdflib_format)
    assert (RCM, SKOS.altLabel, rdflib.Literal("Puebla Process", lang="en")) in graph
    assert (RCM, rdflib.RDF.type, ISCM.RegionalConsultativeProcess) in graph


def test_the_description_carries_the_labels_of_what_it_links_to(client: FlaskClient) -> None:
    graph = parse(client.get("/id/mechanism/rcm.ttl").text, "turtle")
    linked = {o for o in graph.objects(RCM, None) if isinstance(o, rdflib.URIRef)}
    ours = {iri for iri in linked if str(iri).startswith(BASE_IRI + "id/source/")}
    assert ours, "the RCM cites its sources"
    for iri in ours:
        assert set(graph.objects(iri, SKOS.prefLabel)), f"{iri} has no label in the description"
    assert set(graph.objects(ISCM.RegionalConsultativeProcess, RDFS.label))


def test_the_description_includes_the_triples_pointing_at_it(client: FlaskClient) -> None:
    graph = parse(client.get("/id/source/seed-001.ttl").text, "turtle")
    source = rdflib.URIRef(BASE_IRI + "id/source/seed-001")
    assert (RCM, rdflib.DCTERMS.isReferencedBy, source) in graph


def test_a_graph_iri_answers_with_the_statements_of_its_source(client: FlaskClient) -> None:
    response = client.get("/graph/source/seed-001.nt")
    graph = parse(response.text, "nt")
    fr = rdflib.Literal("Processus de Puebla", lang="fr")
    assert (RCM, SKOS.altLabel, fr) in graph
    assert (RCM, SKOS.altLabel, rdflib.Literal("Puebla Process", lang="en")) not in graph


def test_an_unknown_iri_is_404(client: FlaskClient) -> None:
    assert client.get("/id/mechanism/no-such-mechanism").status_code == 404
    assert client.get("/id/mechanism/no-such-mechanism.ttl").status_code == 404
    assert client.get("/id/mechanism/no-such-mechanism.html").status_code == 404


def test_the_public_base_is_a_setting(built_store: Path) -> None:
    """Served under another base, the same paths name that base's IRIs (none in this graph)."""
    app = create_app(
        {"TESTING": True, "STORE_DIR": str(built_store), "BASE_IRI": "https://example.org/x/"}
    )
    assert app.test_client().get("/id/mechanism/rcm.ttl").status_code == 404


def test_every_minted_resource_dereferences_to_its_description(
    client: FlaskClient, built_store: Path
) -> None:
    graphs = {g.value for g in open_store(built_store).named_graphs()}
    iris = [iri for iri in minted_iris(built_store) if iri not in graphs]
    assert len(iris) > 50
    for iri in iris:
        response = client.get(path_of(iri) + ".ttl")
        assert response.status_code == 200, iri
        assert set(parse(response.text, "turtle").predicate_objects(rdflib.URIRef(iri))), iri


def test_every_named_graph_dereferences_to_its_statements(
    client: FlaskClient, built_store: Path
) -> None:
    store = open_store(built_store)
    for graph in store.named_graphs():
        assert isinstance(graph, ox.NamedNode)
        if not graph.value.startswith(BASE_IRI + "graph/"):
            continue
        response = client.get(path_of(graph.value) + ".nt")
        assert response.status_code == 200, graph.value
        expected = len(list(store.quads_for_pattern(None, None, None, graph)))
        assert len(parse(response.text, "nt")) == expected, graph.value


@pytest.mark.parametrize("extension", ["html", *RDF_FORMATS])
def test_one_iri_of_each_kind_answers_in_every_format(
    client: FlaskClient, built_store: Path, extension: str
) -> None:
    kinds: dict[str, str] = {}
    for iri in minted_iris(built_store):
        kinds.setdefault(iri[len(BASE_IRI) :].rsplit("/", 1)[0], iri)
    for iri in kinds.values():
        response = client.get(f"{path_of(iri)}.{extension}")
        assert response.status_code == 200, iri
        if extension == "html":
            assert iri in response.text
        else:
            parse(response.text, RDF_FORMATS[extension][1])


def test_an_unknown_iri_is_a_readable_page_for_a_browser(client: FlaskClient) -> None:
    response = client.get("/id/mechanism/no-such-mechanism", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "https://w3id.org/iscm/id/mechanism/no-such-mechanism" in response.text


def test_an_unknown_iri_is_problem_details_for_a_program(client: FlaskClient) -> None:
    response = client.get("/id/mechanism/no-such-mechanism.ttl")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
