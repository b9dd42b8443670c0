"""The vocabulary at /ontology: documentation for people, RDF for programs."""

from __future__ import annotations

import logging

import pytest
import rdflib
from flask.testing import FlaskClient
from rdflib.compare import isomorphic

from iscm_graph.vocabulary import render_html

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

RDF_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
}
EXTENSIONS = {"ttl": "text/turtle", "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}
EXTENSIONS["nt"] = "application/n-triples"


def parsed(body: bytes, media_type: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=body, format=RDF_TYPES[media_type])


def test_a_browser_gets_the_html_documentation_with_the_term_labels(
    client: FlaskClient,
) -> None:
    response = client.get("/ontology", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "interregional forum on migration" in page
    assert "forum interrégional sur la migration" in page
    assert "secretariat of" in page


def test_the_answer_varies_with_accept(client: FlaskClient) -> None:
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert "Accept" in response.headers["Vary"]


def test_without_accept_the_documentation_is_the_default(client: FlaskClient) -> None:
    assert client.get("/ontology").mimetype == "text/html"


@pytest.mark.parametrize("media_type", list(RDF_TYPES))
def test_accept_gets_the_ontology_graph_in_that_format(
    client: FlaskClient, media_type: str, ontology_graph: rdflib.Graph
) -> None:
    response = client.get("/ontology", headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert isomorphic(parsed(response.data, media_type), ontology_graph)


@pytest.mark.parametrize(("extension", "media_type"), list(EXTENSIONS.items()))
def test_an_extension_names_the_format(
    client: FlaskClient, extension: str, media_type: str, ontology_graph: rdflib.Graph
) -> None:
    response = client.get(f"/ontology.{extension}", headers={"Accept": BROWSER})
    assert response.mimetype == media_type
    assert isomorphic(parsed(response.data, media_type), ontology_graph)


def test_an_unknown_extension_is_not_found(client: FlaskClient) -> None:
    assert client.get("/ontology.docx").status_code == 404


def test_the_version_iri_serves_the_current_version(
    client: FlaskClient, ontology_graph: rdflib.Graph
) -> None:
    response = client.get("/ontology/0.2.0", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert isomorphic(parsed(response.data, "text/turtle"), ontology_graph)


def test_another_version_is_not_found(client: FlaskClient) -> None:
    assert client.get("/ontology/0.1.0", headers={"Accept": "text/turtle"}).status_code == 404


def test_a_type_that_cannot_be_produced_is_406(client: FlaskClient) -> None:
    response = client.get("/ontology", headers={"Accept": "application/pdf"})
    assert response.status_code == 406


def test_rendering_leaves_the_root_logger_as_it_was(ontology_graph: rdflib.Graph) -> None:
    root = logging.getLogger()
    before = (root.level, list(root.handlers))
    render_html(ontology_graph)
    assert (root.level, list(root.handlers)) == before


def test_the_home_page_links_the_vocabulary(client: FlaskClient) -> None:
    assert 'href="/ontology"' in client.get("/").get_data(as_text=True)
