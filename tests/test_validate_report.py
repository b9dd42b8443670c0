"""The last build's validation report, published at /validation for people and programs."""

from __future__ import annotations

import json

import rdflib
import rdflib.compare
from flask.testing import FlaskClient

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def report_graph(client: FlaskClient, url: str, media_type: str, rdf_format: str) -> rdflib.Graph:
    response = client.get(url, headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.mimetype == media_type
    return rdflib.Graph().parse(data=response.get_data(as_text=True), format=rdf_format)


def test_people_get_the_report_as_html_with_the_build_and_its_verdict(client) -> None:
    response = client.get("/validation", headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Data conforms" in page
    manifest = client.application.extensions["iscm_graph"].current().manifest
    assert manifest["id"] in page


def test_the_html_report_shows_every_node_the_report_names(client) -> None:
    graph = report_graph(client, "/validation.ttl", "text/turtle", "turtle")
    results = list(graph.objects(None, SH.result))
    named = {str(f) for r in results for f in graph.objects(r, SH.focusNode)}
    page = client.get("/validation.html").get_data(as_text=True)
    for focus in named:
        assert f'href="{focus}"' in page


def test_pafoms_single_heading_is_a_visible_warning(client) -> None:
    """Annex 5 files PAFOM, an interregional forum, under "Afrique" alone."""
    page = client.get("/validation.html").get_data(as_text=True)
    warnings = page[page.index('<section id="warnings">') :]
    pafom = warnings[warnings.index("mech:pafom") :]
    assert "shape:InterRegionalForumRegions" in pafom[: pafom.index("</article>")]


def test_programs_get_the_shacl_report_as_turtle_by_accept(client) -> None:
    graph = report_graph(client, "/validation", "text/turtle", "turtle")
    (report,) = graph.subjects(rdflib.RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == rdflib.Literal(True)


def test_the_report_is_the_same_graph_in_every_rdf_format(client) -> None:
    turtle = report_graph(client, "/validation.ttl", "text/turtle", "turtle")
    ntriples = report_graph(client, "/validation.nt", "application/n-triples", "nt")
    jsonld = client.get("/validation.jsonld")
    assert jsonld.mimetype == "application/ld+json"
    from_jsonld = rdflib.Graph().parse(data=jsonld.get_data(as_text=True), format="json-ld")
    assert len(turtle) == len(ntriples) == len(from_jsonld) > 0
    assert json.loads(jsonld.get_data(as_text=True))


def test_the_report_is_the_one_the_build_saved(client) -> None:
    build = client.application.extensions["iscm_graph"].current()
    saved = rdflib.Graph().parse(build.directory / "report.ttl", format="turtle")
    served = report_graph(client, "/validation", "text/turtle", "turtle")
    assert rdflib.compare.isomorphic(saved, served)


def test_negotiated_answers_vary_on_accept_and_link_their_alternates(client) -> None:
    response = client.get("/validation", headers={"Accept": "application/n-triples"})
    assert response.headers["Vary"] == "Accept"
    alternate = '</validation.jsonld>; rel="alternate"; type="application/ld+json"'
    assert alternate in response.headers["Link"]


def test_an_unknown_format_is_406_and_an_unknown_extension_404(client) -> None:
    assert client.get("/validation", headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/validation.pdf").status_code == 404


def test_the_home_page_links_the_report(client) -> None:
    assert 'href="/validation"' in client.get("/").get_data(as_text=True)
