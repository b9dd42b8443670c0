"""What the public endpoint refuses before a query reaches the engine."""

from __future__ import annotations

import pytest

from iscm_graph.errors import QueryRejected
from iscm_graph.safety import check_query, looks_like_update

TARGET = "<http://127.0.0.1:9/sparql>"


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT * WHERE {{ SERVICE {TARGET} {{ ?s ?p ?o }} }}",
        f"select * where {{ service {TARGET} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ OPTIONAL {{ SERVICE SILENT {TARGET} {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c .SERVICE{TARGET}{{ ?s ?p ?o }} }}",
        "SELECT * WHERE { BIND(<http://x/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        f"SELECT * WHERE {{ \\u0053ERVICE {TARGET} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # a comment\nSERVICE {TARGET} {{ ?s ?p ?o }} }}",
        f"PREFIX ex: <http://ex/> SELECT * WHERE {{ ?s ex:a\\# ?o . SERVICE {TARGET} {{ ?a ?b ?c }}"
        " }",
        f"PREFIX ex: <http://ex/> SELECT * WHERE {{ ?s ex:p\\' ?o . SERVICE {TARGET} {{ ?a ?b ?c }}"
        " ?x ex:q\\' ?y FILTER(?y != 'z') }",
        f"SELECT * WHERE {{ FILTER(?a<?b) SERVICE{TARGET}{{ ?s ?p ?o }} }}",
        f"ASK {{ SERVICE {TARGET} {{ }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {TARGET} {{ ?s ?p ?o }} }}",
    ],
    ids=["plain", "lowercase", "silent-in-optional", "no-spaces", "variable-endpoint",
         "codepoint-escape", "after-comment", "escaped-hash-in-name", "escaped-quote-in-name",
         "after-less-than", "ask", "construct"],
)  # fmt: skip
def test_a_service_clause_is_refused(query: str) -> None:
    with pytest.raises(QueryRejected, match="SERVICE"):
        check_query(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE" }',
        "SELECT * WHERE { ?s ?p '''a SERVICE <http://x/> { } in a long string''' }",
        "SELECT * WHERE { <http://example.org/SERVICE> ?p ?o }",
        "PREFIX ex: <http://ex/> SELECT * WHERE { ?s ex:service ?o }",
        "PREFIX service: <http://ex/> SELECT * WHERE { ?s service:p ?o }",
        "SELECT ?service WHERE { ?service ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> is mentioned in a comment",
        "SELECT * WHERE { _:service ?p ?o }",
    ],
    ids=["literal", "long-literal", "iri", "local-name", "prefix", "variable", "comment", "bnode"],
)
def test_the_word_service_elsewhere_is_fine(query: str) -> None:
    check_query(query)


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX ex: <http://ex/>\n# comment\nDELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "BASE <http://ex/> CLEAR ALL",
        "WITH <http://ex/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_recognised(text: str) -> None:
    assert looks_like_update(text)


def test_a_broken_select_is_not_an_update() -> None:
    assert not looks_like_update("SELECT ?x WHERE { ?x }")
