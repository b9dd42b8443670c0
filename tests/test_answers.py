"""The answer cache: a repeated request is answered from memory, the same bytes as a
fresh run, until another build is served; its size stays within its bound."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from flask import Flask
from flask.testing import FlaskClient

from iscm_graph import create_app
from iscm_graph.answers import AnswerCache, CachedAnswer
from iscm_graph.sparql import answers
from iscm_graph.store import write_build

RCM_LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name WHERE { <https://w3id.org/iscm/id/mechanism/rcm> skos:prefLabel ?name }
ORDER BY ?name
"""
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def cache_of(app: Flask) -> AnswerCache:
    with app.app_context():
        return answers()


def test_a_repeated_query_is_answered_from_the_cache_with_a_fresh_runs_bytes(
    built_store: Path,
) -> None:
    cached_app = create_app({"STORE_DIR": str(built_store)})
    uncached_app = create_app({"STORE_DIR": str(built_store), "ANSWER_CACHE_BYTES": 0})
    cached, uncached = cached_app.test_client(), uncached_app.test_client()
    request = {"query_string": {"query": RCM_LABELS}, "headers": {"Accept": "text/csv"}}
    first = cached.get("/sparql", **request)
    assert len(cache_of(cached_app)) == 1
    again = cached.get("/sparql", **request)
    fresh = uncached.get("/sparql", **request)
    assert len(cache_of(uncached_app)) == 0
    assert first.status_code == again.status_code == fresh.status_code == 200
    assert again.data == fresh.data == first.data
    assert (
        again.headers["Content-Type"] == fresh.headers["Content-Type"] == "text/csv; charset=utf-8"
    )
    assert again.headers["ETag"] == fresh.headers["ETag"]
    assert "Regional Conference on Migration" in again.text


def test_each_negotiated_format_is_kept_apart(client: FlaskClient) -> None:
    for _ in range(2):
        as_json = client.get("/sparql", query_string={"query": RCM_LABELS})
        as_xml = client.get(
            "/sparql",
            query_string={"query": RCM_LABELS},
            headers={"Accept": "application/sparql-results+xml"},
        )
        assert as_json.mimetype == "application/sparql-results+json"
        assert as_xml.mimetype == "application/sparql-results+xml"
        assert as_json.data.lstrip().startswith(b"{")
        assert as_xml.data.lstrip().startswith(b"<?xml")


def test_a_new_build_is_answered_afresh(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    thing = ox.NamedNode("https://w3id.org/iscm/id/thing")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")

    def publish(build_id: str, triples: int) -> None:
        quads = [ox.Quad(thing, label, ox.Literal(f"label {i}")) for i in range(triples)]
        write_build(store_dir, build_id, quads, {"id": build_id}, "")

    publish("first", 1)
    client = create_app({"STORE_DIR": str(store_dir)}).test_client()
    counts = []
    for build_id, triples in (("first", 1), ("second", 3)):
        if build_id == "second":
            publish(build_id, triples)
        for _ in range(2):  # the second request of each build may come from the cache
            response = client.get("/sparql", query_string={"query": COUNT_ALL})
            counts.append(int(response.json["results"]["bindings"][0]["n"]["value"]))
    assert counts == [1, 1, 3, 3]


def test_an_error_is_not_kept(app: Flask, client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT WHERE {"})
    assert response.status_code == 400
    assert len(cache_of(app)) == 0


def answer(size: int) -> CachedAnswer:
    return CachedAnswer("text/csv", b"x" * size)


def test_the_cache_stays_within_its_bytes_and_forgets_the_least_recently_used() -> None:
    cache = AnswerCache(10_000)
    for i in range(40):
        cache.put("build", f"q{i}", answer(1_000))
        cache.get("build", "q0")  # q0 is used all along, so it stays
        assert cache.size <= 10_000
    assert cache.get("build", "q0") is not None
    assert cache.get("build", "q39") is not None
    assert cache.get("build", "q1") is None
    assert 5 <= len(cache) < 10


def test_one_answer_may_not_fill_the_cache() -> None:
    cache = AnswerCache(10_000)
    cache.put("build", "large", answer(5_000))
    assert cache.get("build", "large") is None and cache.size == 0


def test_another_build_empties_the_cache() -> None:
    cache = AnswerCache(10_000)
    cache.put("old", "q", answer(100))
    assert cache.get("new", "q") is None
    assert cache.size == 0 and len(cache) == 0


def test_a_cache_of_zero_bytes_keeps_nothing() -> None:
    cache = AnswerCache(0)
    cache.put("build", "q", answer(0))
    assert cache.get("build", "q") is None and len(cache) == 0
