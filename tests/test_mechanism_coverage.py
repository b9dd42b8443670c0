"""Every mechanism the seeds name is in the graph, with its type and its names in English and French."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscm_graph.store import GraphStore, run_query

MECHANISM = "https://w3id.org/iscm/id/mechanism/"
ISCM = "https://w3id.org/iscm/ontology#"

# Seed 001, "MCIM actuellement actifs": the 22 currently active ISCMs.
SEED_001_ACTIVE = [
    "au-hoai", "almaty-process", "arcp", "bali-process", "budapest-process", "ocam",
    "khartoum-process", "rabat-process", "gfmd", "riam", "quito-process", "igc", "igad-rcp",
    "midsa", "midwa", "midcom", "abu-dhabi-dialogue", "pidc", "pafom", "prague-process", "rcm",
    "sacm",
]  # fmt: skip

# Seed 002, annex 5, by heading: 15 RCPs, 13 IRFs, 2 global processes, and the French name of
# the eight that seed 001 does not list, as annex 5 writes it.
ANNEX_5 = {
    "RegionalConsultativeProcess": [
        "almaty-process", "eap-panel", "prague-process", "arcp", "igad-rcp",
        "midcom", "midcas", "midsa", "midwa", "colombo-process", "pidc", "rcm", "sacm", "cmc",
        "ocam",
    ],
    "InterRegionalForum": [
        "five-plus-five-dialogue", "khartoum-process", "rabat-process", "acp-eu",
        "fibemyd", "eu-celac-dialogue", "riam", "asem-dg-conference", "budapest-process",
        "abu-dhabi-dialogue", "igc", "bali-process", "pafom",
    ],
    "GlobalProcess": ["gfmd", "idm"],
}  # fmt: skip
ANNEX_5_FRENCH_NAMES = {
    "eap-panel": "Groupe sur les migrations, la mobilité et la gestion intégrée des frontières du Partenariat oriental",
    "midcas": "Dialogue sur la migration pour les États de l’Afrique centrale",
    "colombo-process": "Processus consultatif régional sur l’emploi outre-mer et la main-d’œuvre contractuelle pour les pays d’origine en Asie",
    "cmc": "Consultations caribéennes sur la migration",
    "five-plus-five-dialogue": "Dialogue 5+5 sur la migration dans la Méditerranée occidentale",
    "acp-eu": "Dialogue sur la migration du Groupe des États d’Afrique, des Caraïbes et du Pacifique (ACP) de l’Union européenne (UE)",
    "fibemyd": "Forum ibéro-américain sur la migration et le développement",
    "eu-celac-dialogue": "Dialogue birégional structuré et global sur les migrations entre l’Union européenne et les pays d’Amérique latine et des Caraïbes",
    "asem-dg-conference": "Conférence des directeurs généraux des services d’immigration et de gestion des flux migratoires de la Réunion Asie-Europe (ASEM)",
    "idm": "Dialogue international sur la migration",
}  # fmt: skip

# Seed 001, emerging ISCMs (named by acronym); seed 003, the other mechanisms of the Americas.
OTHER_MECHANISMS = {
    "midiocc": "InterRegionalForum",
    "cam": "IntergovernmentalCommittee",
    "ceam": "IntergovernmentalCommittee",
    "mirps": "RegionalCooperationFramework",
    "r4v": "InterAgencyPlatform",
}

EVERY_MECHANISM = sorted(
    set(SEED_001_ACTIVE) | {m for ms in ANNEX_5.values() for m in ms} | set(OTHER_MECHANISMS)
)

DESCRIBE = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?type ?en ?fr WHERE {
  ?m a ?type .
  OPTIONAL { ?m skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?m skos:prefLabel ?fr FILTER(LANG(?fr) = "fr") }
}
"""


@pytest.fixture(scope="module")
def described(built_store: Path) -> dict[str, list[tuple[str, str | None, str | None]]]:
    store = GraphStore(built_store).current().store
    rows: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for slug in EVERY_MECHANISM:
        solutions = run_query(store, DESCRIBE.replace("?m", f"<{MECHANISM}{slug}>"))
        rows[slug] = [
            (
                s["type"].value.removeprefix(ISCM),
                s["en"].value if s["en"] is not None else None,
                s["fr"].value if s["fr"] is not None else None,
            )
            for s in solutions
        ]
    return rows


def test_annex_5_lists_twenty_of_the_twenty_two_active_iscms_of_seed_001() -> None:
    annex_5 = {m for ms in ANNEX_5.values() for m in ms}
    assert len(annex_5) == 30
    assert set(SEED_001_ACTIVE) - annex_5 == {"au-hoai", "quito-process"}


@pytest.mark.parametrize("slug", EVERY_MECHANISM)
def test_each_mechanism_has_a_type_and_one_english_and_one_french_name(described, slug) -> None:
    rows = described[slug]
    assert rows, f"{slug} is not in the graph"
    assert len({en for _, en, _ in rows}) == 1 and rows[0][1], f"{slug}: English names {rows}"
    assert len({fr for _, _, fr in rows}) == 1 and rows[0][2], f"{slug}: French names {rows}"


@pytest.mark.parametrize(
    ("kind", "slug"), [(kind, slug) for kind, slugs in ANNEX_5.items() for slug in slugs]
)
def test_each_annex_5_iscm_has_the_type_of_its_heading(described, kind, slug) -> None:
    assert kind in {t for t, _, _ in described[slug]}


@pytest.mark.parametrize(("slug", "kind"), sorted(OTHER_MECHANISMS.items()))
def test_other_mechanisms_are_typed_for_what_they_are(described, slug, kind) -> None:
    assert kind in {t for t, _, _ in described[slug]}


@pytest.mark.parametrize(("slug", "name"), sorted(ANNEX_5_FRENCH_NAMES.items()))
def test_annex_5_names_are_kept_as_seed_002_writes_them(built_store: Path, slug, name) -> None:
    query = f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    ASK {{ GRAPH <https://w3id.org/iscm/graph/source/seed-002> {{
      <{MECHANISM}{slug}> skos:prefLabel "{name}"@fr }} }}"""
    store = GraphStore(built_store).current().store
    assert bool(run_query(store, query))
