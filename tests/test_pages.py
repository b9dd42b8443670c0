"""The HTML pages: what a reader sees, in which language, and the queries behind it."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient

RCM_PAGE = "/id/mechanism/rcm.html"


def query_links(page: str) -> list[str]:
    """The queries a page links to the editor."""
    hrefs = re.findall(r'href="(/query\?[^"]+)"', page)
    return [parse_qs(urlsplit(html.unescape(href)).query)["query"][0] for href in hrefs]


@pytest.fixture(scope="module")
def rcm_page(built_store: object) -> str:
    from iscm_graph import create_app

    app = create_app({"TESTING": True, "STORE_DIR": str(built_store)})
    return app.test_client().get(RCM_PAGE).text


def test_the_mechanism_page_shows_its_names_in_each_language(rcm_page: str) -> None:
    assert '<h1 lang="en">Regional Conference on Migration</h1>' in rcm_page
    assert '<span lang="fr">Processus de Puebla</span>' in rcm_page
    assert '<span lang="es">CRM</span>' in rcm_page


def test_the_mechanism_page_names_its_type_and_the_sources_of_each_statement(
    rcm_page: str,
) -> None:
    assert 'title="https://w3id.org/iscm/ontology#RegionalConsultativeProcess"' in rcm_page
    assert 'href="/id/source/seed-001"' in rcm_page


def test_the_mechanism_page_has_the_sections_of_a_mechanism(rcm_page: str) -> None:
    for title in ("Status history", "Members", "Observers", "Secretariat", "Partnerships"):
        assert f"<h2>{title} " in rcm_page
    assert "Meetings" in rcm_page
    assert "Positions on the Global Compact for Migration" in rcm_page


def test_a_page_links_its_machine_readable_forms(rcm_page: str) -> None:
    for media_type, extension in (
        ("text/turtle", "ttl"),
        ("application/ld+json", "jsonld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "rdf"),
    ):
        link = f'<link rel="alternate" type="{media_type}" href="/id/mechanism/rcm.{extension}"'
        assert link in rcm_page


def test_every_query_a_page_links_runs_on_the_endpoint(client: FlaskClient, rcm_page: str) -> None:
    queries = query_links(rcm_page)
    assert len(queries) >= 5
    for query in queries:
        response = client.get("/sparql", query_string={"query": query})
        assert response.status_code == 200, query


def test_the_description_query_finds_what_the_page_shows(
    client: FlaskClient, rcm_page: str
) -> None:
    describe = query_links(rcm_page)[0]
    answer = client.get("/sparql", query_string={"query": describe}).json
    values = {row["value"]["value"] for row in answer["results"]["bindings"]}
    assert "Processus de Puebla" in values


def test_the_status_section_lists_a_claim_with_its_source(client: FlaskClient) -> None:
    page = client.get("/id/mechanism/rcm.html").text
    status = page.split("<h2>Status history", 1)[1].split("</section>", 1)[0]
    assert 'href="/scheme/status/' in status
    assert 'href="/id/source/' in status


def test_the_search_finds_the_rcm_by_its_former_name(client: FlaskClient) -> None:
    page = client.get("/search", query_string={"q": "Puebla"}).text
    first = re.search(r'<ol class="results">\s*<li><a href="([^"]+)"', page)
    assert first is not None
    assert first.group(1) == "/id/mechanism/rcm"


def test_the_search_finds_an_acronym_in_another_language(client: FlaskClient) -> None:
    page = client.get("/search", query_string={"q": "FMMD"}).text
    assert 'href="/id/mechanism/gfmd"' in page


def test_the_search_is_safe_from_quotes_in_the_text(client: FlaskClient) -> None:
    response = client.get("/search", query_string={"q": '" } } SELECT * WHERE { ?s ?p ?o } #\\'})
    assert response.status_code == 200
    assert "0 resources" in response.text


def test_the_mechanism_index_filters_by_type(client: FlaskClient) -> None:
    irf = "https://w3id.org/iscm/ontology#InterRegionalForum"
    page = client.get("/mechanisms", query_string={"type": irf}).text
    assert 'href="/id/mechanism/rabat-process"' in page
    assert 'href="/id/mechanism/rcm"' not in page
    everything = client.get("/mechanisms").text
    assert 'href="/id/mechanism/rcm"' in everything


def test_the_mechanism_index_filters_by_region(client: FlaskClient) -> None:
    americas = "https://w3id.org/iscm/scheme/iom-region/americas"
    page = client.get("/mechanisms", query_string={"region": americas}).text
    assert 'href="/id/mechanism/rcm"' in page
    assert 'href="/id/mechanism/rabat-process"' not in page


def test_the_index_pages_answer(client: FlaskClient) -> None:
    for path in ("/states", "/gcm", "/downloads", "/query", "/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.mimetype == "text/html"


def test_the_query_editor_is_served_from_the_package(client: FlaskClient) -> None:
    page = client.get("/query").text
    scripts = re.findall(r'<script src="([^"]+)"', page)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert scripts and styles
    for url in scripts + styles:
        assert url.startswith("/static/"), url
        with client.get(url) as response:
            assert response.status_code == 200, url


def test_the_query_editor_carries_the_named_queries(client: FlaskClient) -> None:
    page = client.get("/query").text
    assert "Every name and acronym of a mechanism, by language and source" in page
    assert '<span lang="fr" class="fr">Tous les noms et sigles' in page


def test_no_page_asks_another_host_for_anything(client: FlaskClient) -> None:
    for path in (RCM_PAGE, "/query", "/mechanisms", "/"):
        page = client.get(path).text
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', page)


def section(page: str, title: str) -> str:
    """The HTML of one titled section of a page."""
    return page.split(f"<h2>{title} ", 1)[1].split("</section>", 1)[0]


def test_the_members_of_the_rcm_link_their_state_pages(rcm_page: str) -> None:
    # The RCM's official site lists Mexico among its eleven member countries.
    members = section(rcm_page, "Members")
    assert 'href="/id/state/mex"' in members
    assert "Mexico" in members
    assert 'href="/id/state/arg"' not in members  # an observer
    assert 'href="/id/state/arg"' in section(rcm_page, "Observers")


def test_a_state_page_lists_its_mechanisms_by_role(client: FlaskClient) -> None:
    roles = section(client.get("/id/state/mex.html").text, "Roles in mechanisms")
    assert 'href="/id/mechanism/rcm"' in roles
    assert 'href="/scheme/role/member"' in roles


def test_an_organisation_page_lists_its_roles_across_mechanisms(client: FlaskClient) -> None:
    roles = section(client.get("/id/organization/iom.html").text, "Roles in mechanisms")
    assert 'href="/id/mechanism/rcm"' in roles
    assert 'href="/scheme/role/observer"' in roles


def test_a_source_page_lists_the_claims_it_supports(client: FlaskClient) -> None:
    claims = section(
        client.get("/id/source/crmsv-org-about-us.html").text, "Claims derived from it"
    )
    assert 'href="/id/membership/rcm/mex/member"' in claims


def test_a_gcm_objective_page_lists_the_positions_addressing_it(client: FlaskClient) -> None:
    # Figure 3 of seed 002: every official position of the surveyed ISCMs addresses objective 1.
    positions = section(client.get("/scheme/gcm-objective/1.html").text, "Positions addressing it")
    assert 'href="/id/position/' in positions
    assert 'href="/id/mechanism/' in positions


def test_the_gcm_page_lists_the_23_objectives(client: FlaskClient) -> None:
    objectives = section(client.get("/gcm").text, "Objectives")
    assert objectives.count('href="/scheme/gcm-objective/') == 23
