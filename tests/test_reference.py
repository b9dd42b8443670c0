"""The reference data: States, M49 regions, IOM listing regions and organisations.

States and M49 regions are generated from maintained tables by
``scripts/generate_reference.py``; the checked-in files must be exactly what the
script writes, and what they say must match the tables.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from iscm_graph.store import GraphStore, run_query

from .conftest import PROJECT_ROOT

REFERENCE = PROJECT_ROOT / "data" / "reference"
SCRIPT = PROJECT_ROOT / "scripts" / "generate_reference.py"

PREFIXES = """
PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX m49: <https://w3id.org/iscm/scheme/m49/>
PREFIX ireg: <https://w3id.org/iscm/scheme/iom-region/>
PREFIX state: <https://w3id.org/iscm/id/state/>
"""

# Seed 002, annex 5: the region headings, as the seed writes them.
ANNEX_5_HEADINGS = {
    "africa": "Afrique",
    "americas": "Amériques",
    "asia": "Asie",
    "asia-pacific": "Asie et Pacifique",
    "europe": "Europe",
    "europe-eurasia": "Europe (Eurasie)",
    "middle-east": "Moyen-Orient",
}


def select(store: ox.Store, query: str) -> list[dict[str, str]]:
    """Run a SELECT and return each solution as {variable: value}."""
    solutions = run_query(store, PREFIXES + query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


@pytest.fixture(scope="module")
def store(built_store: Path) -> ox.Store:
    return GraphStore(built_store).current().store


def quads(path: Path) -> set[ox.Quad]:
    return set(ox.parse(path=path, format=ox.RdfFormat.TRIG))


@pytest.mark.parametrize("name", ["states.trig", "m49.trig"])
def test_the_script_regenerates_exactly_the_checked_in_file(tmp_path: Path, name: str) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], check=True)
    # No blank nodes in these files, so equal quad sets are isomorphic datasets.
    assert quads(tmp_path / name) == quads(REFERENCE / name)


def test_the_193_members_of_the_united_nations(store: ox.Store) -> None:
    rows = select(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a iscm:UNMemberState }")
    assert rows == [{"n": "193"}]


def test_states_that_are_not_un_members_are_the_observers_and_other_participants(
    store: ox.Store,
) -> None:
    rows = select(
        store,
        "SELECT ?s WHERE { ?s a iscm:State FILTER NOT EXISTS { ?s a iscm:UNMemberState } }",
    )
    others = {row["s"].rsplit("/", 1)[-1] for row in rows}
    # Holy See, State of Palestine, Cook Islands, Niue, and Kosovo (Prague Process).
    assert others == {"vat", "pse", "cok", "niu", "xkx"}


def test_every_state_has_one_well_formed_unique_alpha3_matching_its_iri(store: ox.Store) -> None:
    rows = select(
        store,
        "SELECT ?s ?code WHERE { ?s a iscm:State OPTIONAL { ?s iscm:iso3166Alpha3 ?code } }",
    )
    codes: dict[str, list[str]] = {}
    for row in rows:
        codes.setdefault(row["s"], []).append(row.get("code", ""))
    assert len(codes) == 198
    for state, found in codes.items():
        assert len(found) == 1 and re.fullmatch(r"[A-Z]{3}", found[0]), (state, found)
        assert state.endswith("/" + found[0].lower())


def test_every_state_has_one_english_and_one_french_name(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?s (SUM(IF(LANG(?l) = "en", 1, 0)) AS ?en) (SUM(IF(LANG(?l) = "fr", 1, 0)) AS ?fr)
        WHERE { ?s a iscm:State ; skos:prefLabel ?l } GROUP BY ?s""",
    )
    assert len(rows) == 198
    assert all(row["en"] == "1" and row["fr"] == "1" for row in rows), [
        row for row in rows if row["en"] != "1" or row["fr"] != "1"
    ]


def test_every_m49_code_is_a_three_digit_string(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?code WHERE {
            { ?r skos:inScheme <https://w3id.org/iscm/scheme/m49> ; skos:notation ?code }
            UNION { ?s iscm:m49Code ?code } }""",
    )
    assert len(rows) > 200
    assert all(re.fullmatch(r"[0-9]{3}", row["code"]) for row in rows)


def test_every_m49_region_has_a_broader_chain_up_to_the_world(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?r WHERE { ?r skos:inScheme <https://w3id.org/iscm/scheme/m49>
            FILTER(?r != m49:001) FILTER NOT EXISTS { ?r skos:broader+ m49:001 } }""",
    )
    assert rows == []
    regions = select(
        store, "SELECT ?r WHERE { ?r skos:inScheme <https://w3id.org/iscm/scheme/m49> }"
    )
    assert len(regions) == 30


def test_every_m49_region_has_an_english_and_a_french_name(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?r WHERE { ?r skos:inScheme <https://w3id.org/iscm/scheme/m49>
            FILTER NOT EXISTS { ?r skos:prefLabel ?en FILTER(LANG(?en) = "en") }
            FILTER NOT EXISTS { ?r skos:prefLabel ?fr FILTER(LANG(?fr) = "fr") } }""",
    )
    assert rows == []


def test_every_state_lies_in_an_m49_region(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?s WHERE { ?s a iscm:State FILTER NOT EXISTS {
            ?s iscm:inRegion ?r . ?r skos:inScheme <https://w3id.org/iscm/scheme/m49> } }""",
    )
    assert rows == []


def test_france_is_in_western_europe(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?code ?region ?up WHERE { state:fra iscm:m49Code ?code ;
            iscm:inRegion ?r . ?r skos:prefLabel ?region ; skos:broader ?up
            FILTER(LANG(?region) = "en") }""",
    )
    assert rows == [
        {"code": "250", "region": "Western Europe", "up": "https://w3id.org/iscm/scheme/m49/150"}
    ]


def test_mexico_is_in_central_america_within_latin_america_within_the_americas(
    store: ox.Store,
) -> None:
    rows = select(
        store,
        """SELECT ?r ?r2 ?r3 ?r4 WHERE { state:mex iscm:inRegion ?r .
            ?r skos:broader ?r2 . ?r2 skos:broader ?r3 . ?r3 skos:broader ?r4 }""",
    )
    codes = [[value.rsplit("/", 1)[-1] for value in row.values()] for row in rows]
    assert codes == [["013", "419", "019", "001"]]


def test_kosovo_codes_are_user_assigned_and_explained(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?a2 ?note WHERE { state:xkx iscm:iso3166Alpha2 ?a2 ;
            skos:editorialNote ?note }""",
    )
    assert len(rows) == 1 and rows[0]["a2"] == "XK"
    assert "user-assigned" in rows[0]["note"]


def test_the_iom_region_scheme_holds_exactly_the_listing_regions(store: ox.Store) -> None:
    rows = select(
        store,
        "SELECT ?c WHERE { ?c skos:inScheme <https://w3id.org/iscm/scheme/iom-region> }",
    )
    assert {row["c"].rsplit("/", 1)[-1] for row in rows} == {*ANNEX_5_HEADINGS, "world"}


def test_iom_regions_carry_the_annex_5_headings_in_the_seed_graph(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?c ?fr WHERE { GRAPH <https://w3id.org/iscm/graph/source/seed-002> {
            ?c skos:prefLabel ?fr FILTER(LANG(?fr) = "fr") }
            FILTER(STRSTARTS(STR(?c), "https://w3id.org/iscm/scheme/iom-region/")) }""",
    )
    found = {row["c"].rsplit("/", 1)[-1]: row["fr"] for row in rows}
    assert found == ANNEX_5_HEADINGS


def test_world_is_the_exact_match_of_m49_world(store: ox.Store) -> None:
    rows = select(store, "SELECT ?m WHERE { ireg:world skos:exactMatch ?m }")
    assert rows == [{"m": "https://w3id.org/iscm/scheme/m49/001"}]


def test_every_organisation_has_a_class_and_english_and_french_names(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT DISTINCT ?o ?class ?en ?fr WHERE { ?o ?p ?v
            FILTER(STRSTARTS(STR(?o), "https://w3id.org/iscm/id/organization/"))
            OPTIONAL { ?o a ?class }
            OPTIONAL { ?o skos:prefLabel ?en FILTER(LANG(?en) = "en") }
            OPTIONAL { ?o skos:prefLabel ?fr FILTER(LANG(?fr) = "fr") } }""",
    )
    incomplete = sorted(row["o"] for row in rows if not {"class", "en", "fr"} <= row.keys())
    assert incomplete == []
    slugs = {row["o"].rsplit("/", 1)[-1] for row in rows}
    # The organisations the seeds name, with IOM and the OAS, then those of public pages.
    assert {
        "iom", "oas", "icmpd", "unhcr", "comesa", "igad", "auc", "ecowas",
        "ilo", "ohchr", "unicef", "eclac", "icrc", "eu",
        "au", "eccas", "sadc", "league-of-arab-states", "unodc", "ec",
    } <= slugs  # fmt: skip


def test_icmpd_keeps_the_names_seed_002_gives(store: ox.Store) -> None:
    rows = select(
        store,
        """SELECT ?l WHERE { GRAPH <https://w3id.org/iscm/graph/source/seed-002> {
            <https://w3id.org/iscm/id/organization/icmpd> skos:prefLabel ?l } }""",
    )
    assert {row["l"] for row in rows} == {
        "Centre international pour le développement de politiques migratoires",
        "International Centre for Migration Policy Development",
    }
