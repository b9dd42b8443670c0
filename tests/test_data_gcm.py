"""The GCM, history, engagement and meeting data: bilingual, sourced, in its sources' graphs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from iscm_graph.store import GraphStore, run_query

PREFIXES = """
PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

MINTED = (
    "iscm:GCMGuidingPrinciple iscm:GCMObjective iscm:GCMTheme iscm:GlobalMigrationInitiative "
    "iscm:HistoricalEvent iscm:Position iscm:Engagement iscm:Partnership iscm:Recommendation "
    "iscm:Meeting iscm:MeetingSeries iscm:AttendanceFigure"
)
CLAIMS = "iscm:Position iscm:Engagement iscm:Partnership iscm:Meeting iscm:AttendanceFigure"


@pytest.fixture(scope="module")
def store(built_store: Path) -> ox.Store:
    return GraphStore(built_store).current().store


def subjects(store: ox.Store, query: str) -> list[str]:
    return sorted(s["s"].value for s in run_query(store, PREFIXES + query))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_resource_has_one_preferred_label_in_french_and_english(
    store: ox.Store, language: str
) -> None:
    missing = subjects(
        store,
        f"""SELECT DISTINCT ?s WHERE {{ VALUES ?class {{ {MINTED} }} ?s a ?class
          FILTER NOT EXISTS {{ ?s skos:prefLabel ?l FILTER(lang(?l) = "{language}") }} }}""",
    )
    assert missing == []


def test_every_claim_says_where_it_comes_from(store: ox.Store) -> None:
    unsourced = subjects(
        store,
        f"""SELECT DISTINCT ?s WHERE {{ VALUES ?class {{ {CLAIMS} }} ?s a ?class
          FILTER NOT EXISTS {{ ?s prov:wasDerivedFrom ?source }} }}""",
    )
    assert unsourced == []


def test_every_claim_sits_in_the_graph_of_a_source(store: ox.Store) -> None:
    outside = subjects(
        store,
        f"""SELECT DISTINCT ?s WHERE {{ VALUES ?class {{ {CLAIMS} }}
          GRAPH ?g {{ ?s ?p ?o }} ?s a ?class
          FILTER(!STRSTARTS(STR(?g), "https://w3id.org/iscm/graph/source/")) }}""",
    )
    assert outside == []


@pytest.mark.parametrize(("scheme", "count"), [("gcm-objective", 23), ("gcm-principle", 10)])
def test_the_numbers_are_those_of_the_compact(store: ox.Store, scheme: str, count: int) -> None:
    # Seed 002, section 1: ten guiding principles and 23 objectives.
    query = f"""SELECT ?n WHERE {{
      ?c skos:inScheme <https://w3id.org/iscm/scheme/{scheme}> ; skos:notation ?n }}"""
    numbers = sorted(int(s["n"].value) for s in run_query(store, PREFIXES + query))
    assert numbers == list(range(1, count + 1))
