"""The data holds the 22 ISCMs that seed 001 lists as currently active, as the seed names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from iscm_graph.store import GraphStore, run_query

# Seed 001 (001_5baa41d7a5a1846a.txt), section "MCIM actuellement actifs":
# the French name of each, without its acronym, and its kind.
ACTIVE_IN_SEED_001 = {
    "au-hoai": "Initiative Union africaine-Corne de l’Afrique sur la traite des êtres humains et le trafic illicite de migrants",
    "almaty-process": "Processus d’Almaty sur la protection des réfugiés et les migrations internationale",
    "arcp": "Processus consultatif régional pour les pays arabes sur les questions relatives à la migration et aux réfugiés",
    "bali-process": "Processus de Bali sur le trafic illicite d’êtres humains, la traite des personnes et la criminalité transnationale connexe",
    "budapest-process": "Processus de Budapest",
    "ocam": "Commission centraméricaine des directeurs de la migration",
    "khartoum-process": "Initiative sur la route migratoire UE-Corne de l’Afrique",
    "rabat-process": "Dialogue euro-africain sur la migration et le développement",
    "gfmd": "Forum mondial sur la migration et le développement",
    "riam": "Réseau ibéro-américain des autorités chargées de la migration",
    "quito-process": "Réunion technique internationale sur la mobilité humaine des citoyens vénézuéliens dans la région",
    "igc": "Consultations intergouvernementales sur le droit d’asile, les réfugiés et les migrations",
    "igad-rcp": "Processus consultatif régional sur la migration de l’Autorité intergouvernementale pour le développement",
    "midsa": "Dialogue sur la migration pour l’Afrique australe",
    "midwa": "Dialogue sur la migration pour l’Afrique de l’Ouest",
    "midcom": "Dialogue sur la migration pour les États membres du Marché commun de l’Afrique de l’Est et de l’Afrique australe",
    "abu-dhabi-dialogue": "Consultation ministérielle sur l’emploi outre-mer et la main-d’œuvre contractuelle intéressant les pays d’origine et de destination en Asie",
    "pidc": "Conférence des directeurs de l’immigration du Pacifique",
    "pafom": "Forum panafricain sur la migration",
    "prague-process": "Processus de Prague",
    "rcm": "Conférence régionale sur la migration",
    "sacm": "Conférence sud-américaine sur la migration",
}  # fmt: skip

# Seed 002 annex 5 (and each mechanism's IOM page for AU-HoAI and the Quito Process).
KIND = {
    "RegionalConsultativeProcess": {
        "au-hoai",
        "almaty-process",
        "arcp",
        "ocam",
        "quito-process",
        "igad-rcp",
        "midsa",
        "midwa",
        "midcom",
        "pidc",
        "prague-process",
        "rcm",
        "sacm",
    },
    "InterRegionalForum": {
        "bali-process",
        "budapest-process",
        "khartoum-process",
        "rabat-process",
        "riam",
        "igc",
        "abu-dhabi-dialogue",
        "pafom",
    },
    "GlobalProcess": {"gfmd"},
}

MECHANISM = "https://w3id.org/iscm/id/mechanism/"

DESCRIPTION = """
PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?kind ?fr ?en WHERE {
  GRAPH <https://w3id.org/iscm/graph/source/seed-001> {
    ?m skos:prefLabel ?fr ; dcterms:isReferencedBy <https://w3id.org/iscm/id/source/seed-001> }
  ?m a ?kind ; skos:prefLabel ?en .
  FILTER(?kind IN (iscm:RegionalConsultativeProcess, iscm:InterRegionalForum, iscm:GlobalProcess))
  FILTER(lang(?fr) = "fr" && lang(?en) = "en")
}
"""


@pytest.fixture(scope="module")
def described(built_store: Path) -> dict[str, tuple[str, str, str]]:
    store = GraphStore(built_store).current().store
    rows = {}
    for slug in ACTIVE_IN_SEED_001:
        solutions = list(run_query(store, DESCRIPTION.replace("?m", f"<{MECHANISM}{slug}>")))
        assert len(solutions) == 1, f"{slug}: expected one kind, fr and en name, got {solutions}"
        kind, fr, en = (solutions[0][v].value for v in ("kind", "fr", "en"))
        rows[slug] = (kind.rsplit("#", 1)[-1], fr, en)
    return rows


@pytest.mark.parametrize("slug", sorted(ACTIVE_IN_SEED_001))
def test_each_active_iscm_has_its_seed_name_kind_and_english_name(described, slug) -> None:
    kind, fr, en = described[slug]
    assert fr == ACTIVE_IN_SEED_001[slug]
    assert slug in KIND[kind]
    assert en and en != fr


def test_acronyms_in_each_language(built_store: Path) -> None:
    query = f"""PREFIX iscm: <https://w3id.org/iscm/ontology#>
    SELECT ?a WHERE {{ <{MECHANISM}rcm> iscm:acronym ?a }}"""
    store = GraphStore(built_store).current().store
    acronyms = {(s["a"].value, s["a"].language) for s in run_query(store, query)}
    assert {("CRM", "fr"), ("RCM", "en"), ("CRM", "es")} <= acronyms


def test_conflicting_founding_years_are_both_kept_with_their_source(built_store: Path) -> None:
    # SACM: 1999 per seed 003, 2000 per its IOM page.
    query = f"""PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?year ?g WHERE {{ GRAPH ?g {{ <{MECHANISM}sacm> dcterms:created ?year }} }}"""
    store = GraphStore(built_store).current().store
    claims = {(s["year"].value, s["g"].value.rsplit("/", 1)[-1]) for s in run_query(store, query)}
    assert ("1999", "seed-003") in claims
    assert ("2000", "iom-int-south-american-conference-migration-sacm") in claims


def test_every_source_graph_has_its_source_document(built_store: Path) -> None:
    query = """PREFIX iscm: <https://w3id.org/iscm/ontology#>
    SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o }
      FILTER(STRSTARTS(STR(?g), "https://w3id.org/iscm/graph/source/"))
      FILTER NOT EXISTS {
        BIND(IRI(REPLACE(STR(?g), "/graph/source/", "/id/source/")) AS ?doc)
        ?doc a iscm:SourceDocument } }"""
    store = GraphStore(built_store).current().store
    assert [s["g"].value for s in run_query(store, query)] == []
