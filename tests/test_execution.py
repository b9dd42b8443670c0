"""Runaway queries and large answers, through Flask's test client on the real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask

from iscm_graph import create_app
from iscm_graph.errors import QueryRejected
from iscm_graph.sparql import ON_ABANDONED_QUERY

# A cartesian product of all triples with all triples, forty times over: about
# two seconds of work on the real data, far past the deadlines set below.
FORTY = " ".join(str(i) for i in range(40))
CARTESIAN_COUNT = (
    f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . VALUES ?x {{ {FORTY} }} }}"
)
ALL_TRIPLES = "SELECT * WHERE { ?s ?p ?o } LIMIT 2000"
SIMPLE = "ASK { <https://w3id.org/iscm/id/mechanism/rcm> ?p ?o }"


def app_with(built_store: Path, **settings: object) -> Flask:
    return create_app({"TESTING": True, "STORE_DIR": str(built_store), **settings})


def test_a_runaway_query_is_stopped_with_a_503_naming_the_limit(built_store: Path) -> None:
    app = app_with(built_store, QUERY_TIMEOUT=0.3)
    abandoned: list[bool] = []
    app.extensions[ON_ABANDONED_QUERY] = lambda: abandoned.append(True)
    response = app.test_client().get("/sparql", query_string={"query": CARTESIAN_COUNT})
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert "0.3 s" in response.json["detail"]
    assert abandoned == [True]


def test_the_next_query_is_answered_after_a_runaway_one(built_store: Path) -> None:
    client = app_with(built_store, QUERY_TIMEOUT=0.3).test_client()
    assert client.get("/sparql", query_string={"query": CARTESIAN_COUNT}).status_code == 503
    response = client.get("/sparql", query_string={"query": SIMPLE})
    assert response.status_code == 200
    assert response.json["boolean"] is True


def test_an_unbounded_property_path_is_stopped_too(built_store: Path) -> None:
    client = app_with(built_store, QUERY_TIMEOUT=0.3).test_client()
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:p>)* ?b . ?c (!<urn:x:p>)* ?d }"
    assert client.get("/sparql", query_string={"query": query}).status_code == 503


def test_a_large_answer_is_streamed_whole(built_store: Path) -> None:
    client = app_with(built_store, STREAM_AFTER_BYTES=1000).test_client()
    streamed = client.get("/sparql", query_string={"query": ALL_TRIPLES})
    whole = app_with(built_store).test_client().get("/sparql", query_string={"query": ALL_TRIPLES})
    assert "Content-Length" not in streamed.headers
    assert int(whole.headers["Content-Length"]) == len(whole.data)
    rows = json.loads(streamed.get_data())["results"]["bindings"]
    assert len(rows) == len(whole.json["results"]["bindings"]) > 100


def test_a_streamed_answer_past_the_size_cap_is_cut_off_not_completed(built_store: Path) -> None:
    client = app_with(built_store, STREAM_AFTER_BYTES=1000, MAX_RESULT_BYTES=50_000).test_client()
    response = client.get("/sparql", query_string={"query": ALL_TRIPLES})
    assert response.status_code == 200  # the status was sent with the first bytes
    with pytest.raises(QueryRejected, match="LIMIT"):
        response.get_data()
