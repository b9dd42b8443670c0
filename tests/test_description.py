"""The service describes itself: SPARQL Service Description and VoID + DCAT, on the real store."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from flask.testing import FlaskClient
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, SKOS, VOID

from iscm_graph import create_app
from iscm_graph.store import GraphStore, read_manifest

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
DATASET = rdflib.URIRef("https://w3id.org/iscm/dataset")
SEED_001_GRAPH = "https://w3id.org/iscm/graph/source/seed-001"
SEED_001 = rdflib.URIRef("https://w3id.org/iscm/id/source/seed-001")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def void(client: FlaskClient, accept: str = "text/turtle", fmt: str = "turtle") -> rdflib.Graph:
    response = client.get("/.well-known/void", headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.mimetype == accept
    return rdflib.Graph().parse(data=response.data, format=fmt)


def count_in_graph(built_store: Path, graph_iri: str) -> int:
    store = GraphStore(built_store).current().store
    (row,) = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
    return int(row["n"].value)


def test_the_dataset_is_a_void_and_dcat_dataset(client: FlaskClient) -> None:
    graph = void(client)
    assert (DATASET, RDF.type, VOID.Dataset) in graph
    assert (DATASET, RDF.type, DCAT.Dataset) in graph


def test_the_triple_count_is_the_builds(client: FlaskClient, built_store: Path) -> None:
    manifest = read_manifest((built_store / "current").resolve())
    assert void(client).value(DATASET, VOID.triples).toPython() == manifest["triples"]


def test_one_subset_per_named_graph_with_its_count_and_source(
    client: FlaskClient, built_store: Path
) -> None:
    graph = void(client)
    manifest = read_manifest((built_store / "current").resolve())
    subsets = set(graph.objects(DATASET, VOID.subset))
    names = {str(graph.value(subset, SD.name)) for subset in subsets}
    assert names == set(manifest["graphs"])
    (seed_001,) = (s for s in subsets if str(graph.value(s, SD.name)) == SEED_001_GRAPH)
    assert graph.value(seed_001, VOID.triples).toPython() == count_in_graph(
        built_store, SEED_001_GRAPH
    )
    assert graph.value(seed_001, DCTERMS.source) == SEED_001
    assert graph.value(seed_001, PROV.wasDerivedFrom) == SEED_001


def test_vocabularies_are_those_the_data_uses(client: FlaskClient) -> None:
    vocabularies = set(void(client).objects(DATASET, VOID.vocabulary))
    assert rdflib.URIRef(str(SKOS)) in vocabularies
    assert rdflib.URIRef("https://w3id.org/iscm/ontology#") in vocabularies
    assert rdflib.URIRef("http://www.w3.org/ns/dcat#") not in vocabularies


def test_every_dump_is_a_distribution_with_its_media_type(client: FlaskClient) -> None:
    graph = void(client)
    dumps = set(graph.objects(DATASET, VOID.dataDump))
    suffixes = {str(d).removeprefix("http://localhost/downloads/iscm-graph.") for d in dumps}
    assert suffixes == {"ttl.gz", "nt.gz", "jsonld.gz", "rdf.gz", "nq.gz", "trig.gz"}
    for dump in dumps:
        (distribution,) = graph.subjects(DCAT.downloadURL, dump)
        assert (DATASET, DCAT.distribution, distribution) in graph
        assert graph.value(distribution, DCAT.mediaType) is not None
    turtle = graph.value(
        predicate=DCAT.downloadURL,
        object=rdflib.URIRef("http://localhost/downloads/iscm-graph.ttl.gz"),
    )
    assert graph.value(turtle, DCAT.mediaType) == rdflib.URIRef(
        "https://www.iana.org/assignments/media-types/text/turtle"
    )


def test_licence_publisher_modified_and_endpoint(client: FlaskClient, built_store: Path) -> None:
    graph = void(client)
    assert graph.value(DATASET, DCTERMS.license) == rdflib.URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert graph.value(DATASET, DCTERMS.publisher) is not None
    manifest = read_manifest((built_store / "current").resolve())
    modified = graph.value(DATASET, DCTERMS.modified)
    assert modified is not None and modified.toPython().isoformat() == manifest["created"]
    assert graph.value(DATASET, VOID.sparqlEndpoint) == rdflib.URIRef("http://localhost/sparql")


def test_endpoint_urls_follow_the_request_host(client: FlaskClient) -> None:
    response = client.get("/.well-known/void", base_url="https://mirror.example.org")
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    assert graph.value(DATASET, VOID.sparqlEndpoint) == rdflib.URIRef(
        "https://mirror.example.org/sparql"
    )


def test_dataset_iris_follow_base_iri(built_store: Path) -> None:
    base = "https://example.org/iscm/"
    client = create_app(
        {"TESTING": True, "STORE_DIR": str(built_store), "BASE_IRI": base}
    ).test_client()
    graph = void(client)
    assert (rdflib.URIRef(f"{base}dataset"), RDF.type, VOID.Dataset) in graph


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
    ],
)
def test_void_in_other_rdf_formats(client: FlaskClient, accept: str, fmt: str) -> None:
    assert (DATASET, RDF.type, VOID.Dataset) in void(client, accept, fmt)


def test_void_is_not_offered_as_html(client: FlaskClient) -> None:
    response = client.get("/.well-known/void", headers={"Accept": "text/html"})
    assert response.status_code == 406


def test_void_answers_304_when_unchanged(client: FlaskClient) -> None:
    etag = client.get("/.well-known/void").headers["ETag"]
    again = client.get("/.well-known/void", headers={"If-None-Match": etag})
    assert again.status_code == 304


# --- service description --------------------------------------------------------


def test_service_description_counts_each_named_graph(
    client: FlaskClient, built_store: Path
) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    (named,) = graph.subjects(SD.name, rdflib.URIRef(SEED_001_GRAPH))
    described = graph.value(named, SD.graph)
    assert graph.value(described, VOID.triples).toPython() == count_in_graph(
        built_store, SEED_001_GRAPH
    )


def test_service_description_lists_dataset_result_formats(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    formats = set(graph.objects(predicate=SD.resultFormat))
    assert rdflib.URIRef("http://www.w3.org/ns/formats/N-Quads") in formats
    assert rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_CSV") in formats


def test_a_browser_gets_an_html_page_about_the_endpoint(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert 'href="/query"' in response.text
    assert 'href="/.well-known/void"' in response.text
    assert SEED_001_GRAPH in response.text
    assert "application/sparql-results+json" in response.text


def test_a_client_without_preference_gets_turtle(client: FlaskClient) -> None:
    assert client.get("/sparql", headers={"Accept": "*/*"}).mimetype == "text/turtle"


def test_each_dump_states_the_size_of_the_file_the_build_wrote(
    client: FlaskClient, built_store: Path
) -> None:
    graph = void(client)
    dump = (built_store / "current" / "downloads" / "iscm-graph.nq.gz").resolve()
    (distribution,) = graph.subjects(
        DCAT.downloadURL, rdflib.URIRef("http://localhost/downloads/iscm-graph.nq.gz")
    )
    assert graph.value(distribution, DCAT.byteSize).toPython() == dump.stat().st_size
