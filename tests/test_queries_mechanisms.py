"""The named queries about mechanisms give, on the real store, the answers the sources give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iscm_graph.store import GraphStore, run_query

QUERIES = Path(__file__).resolve().parents[1] / "queries"
BASE = "https://w3id.org/iscm/"

MECHANISM_QUERIES = [
    "members-of-mechanism",
    "mechanisms-of-state",
    "mechanisms-linking-regions",
    "iom-roles",
    "status-history",
    "status-disagreements",
    "states-in-at-least-n-iscms",
    "emerging-iscms",
    "counts-by-type-per-source",
    "find-mechanism-by-name",
    "states-in-both-mechanisms",
    "founding-years",
    "regions-of-mechanism",
    "statements-of-source",
    "predecessors-and-renamings",
    "secretariat-of",
    "observers-of-mechanism",
    "global-processes-by-leadership",
]


def short(value: str | None) -> str | None:
    """The last segment of an IRI, so that answers read like the sources."""
    return None if value is None else re.split(r"[/#]", value)[-1]


def answer(built_store: Path, name: str, values: str | None = None) -> list[dict[str, str | None]]:
    """Run ``queries/<name>.rq``; ``values`` replaces the default of its first VALUES clause."""
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    if values is not None:
        text, replaced = re.subn(
            r"VALUES (\S+|\([^)]*\)) \{[^}]*\}", f"VALUES {values}", text, count=1
        )
        assert replaced == 1, f"{name} has no VALUES clause to change"
    store = GraphStore(built_store).current().store
    solutions = run_query(store, text)
    return [
        {v.value: (s[v].value if s[v] is not None else None) for v in solutions.variables}
        for s in solutions
    ]


@pytest.mark.parametrize("name", MECHANISM_QUERIES)
def test_each_query_is_documented_in_english_and_french(name: str) -> None:
    header = (QUERIES / f"{name}.rq").read_text(encoding="utf-8").splitlines()[:3]
    assert [line.split(":", 1)[0] for line in header] == ["# title", "# titre", "# description"]


def test_members_of_sacm_are_the_twelve_states_of_seed_003(built_store: Path) -> None:
    rows = answer(built_store, "members-of-mechanism")
    assert {short(r["member"]) for r in rows if short(r["source"]) == "sacm"} == {
        "arg", "bol", "bra", "chl", "col", "ecu", "guy", "pry", "per", "sur", "ury", "ven"
    }  # fmt: skip
    assert {short(r["role"]) for r in rows} == {"member"}


def test_members_of_mirps_differ_by_source(built_store: Path) -> None:
    # Seed 003 names six States; the OAS page adds El Salvador, which joined in 2019.
    rows = answer(built_store, "members-of-mechanism", "?mechanism { mech:mirps }")
    by_source: dict[str | None, set[str | None]] = {}
    for r in rows:
        by_source.setdefault(short(r["source"]), set()).add(short(r["member"]))
    assert by_source["mirps"] == {"blz", "cri", "gtm", "hnd", "mex", "pan"}
    assert by_source["oas-org-mirps-joint-unit"] == by_source["mirps"] | {"slv"}


def test_roles_in_the_bali_process_come_from_two_sources(built_store: Path) -> None:
    rows = answer(built_store, "members-of-mechanism", "?mechanism { mech:bali-process }")
    roles = {(short(r["member"]), short(r["role"]), short(r["source"])) for r in rows}
    assert roles == {
        ("aus", "co-chair", "baliprocess-net-coordination"),
        ("idn", "co-chair", "baliprocess-net-coordination"),
        ("iom", "participant", "iom-as-participant-member"),
    }


def test_colombia_is_member_of_sacm_and_quito_and_observer_of_rcm(built_store: Path) -> None:
    rows = answer(built_store, "mechanisms-of-state")
    roles = {(short(r["mechanism"]), short(r["role"])) for r in rows}
    assert {("sacm", "member"), ("quito-process", "member"), ("rcm", "observer")} <= roles


def test_mechanisms_linking_africa_and_europe_are_the_annex_5_forums(built_store: Path) -> None:
    rows = answer(built_store, "mechanisms-linking-regions")
    assert {short(r["mechanism"]) for r in rows} == {
        "five-plus-five-dialogue", "khartoum-process", "rabat-process", "acp-eu"
    }  # fmt: skip
    assert {short(r["graph"]) for r in rows} == {"seed-002"}


def test_mechanisms_linking_asia_and_the_middle_east(built_store: Path) -> None:
    rows = answer(
        built_store,
        "mechanisms-linking-regions",
        "(?regionA ?regionB) { (ireg:asia ireg:middle-east) }",
    )
    assert {short(r["mechanism"]) for r in rows} == {"abu-dhabi-dialogue", "bali-process"}


def test_iom_roles_are_those_of_seed_001_with_partner_organisations(built_store: Path) -> None:
    rows = answer(built_store, "iom-roles")
    from_seed = {
        (short(r["mechanism"]), short(r["role"]))
        for r in rows
        if (r["source"] or "").startswith(f"{BASE}id/source/seed-001/")
    }
    assert from_seed == {
        ("bali-process", "participant"),
        ("budapest-process", "participant"),
        ("igc", "participant"),
        ("prague-process", "participant"),
        ("cmc", "interim-secretariat"),
        ("midiocc", "interim-secretariat"),
        ("midcom", "secretariat-support"),
        ("igad-rcp", "secretariat-support"),
        ("midwa", "secretariat-support"),
        ("pafom", "secretariat-support"),
        ("igc", "administrative-secretariat"),
        ("rcm", "administrative-secretariat"),
        ("gfmd", "support-unit"),
    }
    partners = {
        short(r["mechanism"]): {short(p) for p in (r["inConsultationWith"] or "").split()}
        for r in rows
        if short(r["role"]) == "secretariat-support"
    }
    assert partners == {
        "midcom": {"comesa"},
        "igad-rcp": {"igad", "auc"},
        "midwa": {"ecowas"},
        "pafom": {"auc"},
    }


def test_status_history_of_cmc_keeps_the_three_conflicting_claims(built_store: Path) -> None:
    rows = answer(built_store, "status-history")
    claims = {(short(r["status"]), r["asOf"], short(r["source"])) for r in rows}
    assert claims == {
        ("active", "2018", "annex-5"),
        ("emerging", "2019", "secretariat-services"),
        ("not-functioning", "2020", "cmc"),
    }
    assert [r["asOf"] for r in rows] == sorted(r["asOf"] or "" for r in rows)


def test_status_disagreements_are_cmc_and_midcas(built_store: Path) -> None:
    rows = answer(built_store, "status-disagreements")
    assert {short(r["mechanism"]) for r in rows} == {"cmc", "midcas"}
    midcas = {
        (short(r["statusA"]), short(r["statusB"]))
        for r in rows
        if short(r["mechanism"]) == "midcas"
    }
    assert midcas in ({("dormant", "active")}, {("active", "dormant")})


def test_states_in_at_least_three_iscms(built_store: Path) -> None:
    rows = answer(built_store, "states-in-at-least-n-iscms")
    counts = {short(r["state"]): int(r["iscms"] or 0) for r in rows}
    # Dominican Republic: Quito Process, CMC (participant), RCM, RIAM.
    # Spain: 5+5 Dialogue, IGC, RIAM, Rabat Process.
    # Panama: Quito Process, RCM, RIAM, OCAM.
    assert counts["dom"] >= 4 and counts["esp"] >= 4 and counts["pan"] >= 4
    # Guyana: SACM, Quito Process, CMC; Morocco: 5+5 Dialogue, ARCP, Rabat Process.
    assert counts["guy"] >= 3 and counts["mar"] >= 3
    # Venezuela: the SACM only. Belize: the RCM, the CMC and OCAM; the MIRPS is not an ISCM.
    assert "ven" not in counts
    assert counts["blz"] == 3
    assert min(counts.values()) >= 3
    assert [r["iscms"] for r in rows] == sorted((r["iscms"] for r in rows), key=int, reverse=True)


def test_states_in_at_least_n_iscms_honours_n(built_store: Path) -> None:
    rows = answer(built_store, "states-in-at-least-n-iscms", "?n { 2 }")
    assert all(int(r["iscms"] or 0) >= 2 for r in rows)
    assert {"arg", "col", "guy", "dom", "mex"} <= {short(r["state"]) for r in rows}


def test_emerging_iscms_are_cmc_and_midiocc_with_iom_as_interim_secretariat(
    built_store: Path,
) -> None:
    rows = answer(built_store, "emerging-iscms")
    assert {(short(r["mechanism"]), short(r["interimSecretariat"])) for r in rows} == {
        ("cmc", "iom"),
        ("midiocc", "iom"),
    }


def test_seed_002_types_15_rcps_13_irfs_and_2_global_processes(built_store: Path) -> None:
    rows = answer(built_store, "counts-by-type-per-source")
    counts = {short(r["type"]): r["count"] for r in rows if short(r["graph"]) == "seed-002"}
    assert counts == {
        "RegionalConsultativeProcess": "15",
        "InterRegionalForum": "13",
        "GlobalProcess": "2",
    }


@pytest.mark.parametrize(
    ("text", "mechanism"),
    [
        ("Puebla", "rcm"),
        ("CRM", "rcm"),
        ("RCM", "rcm"),
        ("Lima", "sacm"),
        ("CSM", "sacm"),
        ("FMMD", "gfmd"),
        ("CIG", "igc"),
        ("MID-IGAD", "igad-rcp"),
        ("CDIP", "pidc"),
        ("DIMAC", "midcas"),
        ("Colombo", "colombo-process"),
        ("Plate-forme R4V", "r4v"),
        ("Söderköping", "eap-panel"),
    ],
)
def test_find_a_mechanism_by_any_name_or_acronym(
    built_store: Path, text: str, mechanism: str
) -> None:
    rows = answer(built_store, "find-mechanism-by-name", f'?text {{ "{text}" }}')
    assert mechanism in {short(r["mechanism"]) for r in rows}


def test_find_by_name_gives_the_language_of_each_name(built_store: Path) -> None:
    rows = answer(built_store, "find-mechanism-by-name", '?text { "CRM" }')
    assert {r["language"] for r in rows if short(r["mechanism"]) == "rcm"} >= {"fr", "es"}


def test_states_in_both_sacm_and_the_quito_process(built_store: Path) -> None:
    rows = answer(built_store, "states-in-both-mechanisms")
    assert {short(r["state"]) for r in rows} == {
        "arg",
        "bra",
        "chl",
        "col",
        "ecu",
        "guy",
        "per",
        "ury",
    }


def test_founding_years_keep_each_source(built_store: Path) -> None:
    rows = answer(built_store, "founding-years")
    years = {(short(r["mechanism"]), r["created"], short(r["graph"])) for r in rows}
    assert {
        ("sacm", "1999", "seed-003"),
        ("sacm", "2000", "iom-int-south-american-conference-migration-sacm"),
        ("cmc", "2016-01", "seed-003"),
        ("gfmd", "2007", "seed-000"),
        ("idm", "2001", "seed-000"),
        ("cam", "2012-06", "seed-003"),
    } <= years


def test_an_irf_covers_each_region_of_its_heading(built_store: Path) -> None:
    bali = answer(built_store, "regions-of-mechanism")
    assert {short(r["region"]) for r in bali} == {"europe", "asia", "americas", "middle-east"}
    pafom = answer(built_store, "regions-of-mechanism", "?mechanism { mech:pafom }")
    assert {short(r["region"]) for r in pafom} == {"africa"}


def test_an_rcp_covers_the_one_region_of_its_heading(built_store: Path) -> None:
    rows = answer(built_store, "regions-of-mechanism", "?mechanism { mech:almaty-process }")
    assert [short(r["region"]) for r in rows] == ["europe-eurasia"]


def test_every_statement_of_seed_003(built_store: Path) -> None:
    rows = answer(built_store, "statements-of-source")
    said = {(short(r["subject"]), short(r["property"]), short(r["value"])) for r in rows}
    assert ("sacm", "created", "1999") in said
    assert ("seed-003", "status", "not-functioning") in said  # id/status/cmc/seed-003
    assert ("cam", "unitOf", "oas") in said
    assert ("mirps", "type", "RegionalCooperationFramework") in said
    assert all(short(r["value"]) != "annex-5" for r in rows)


def test_predecessors_and_renamings(built_store: Path) -> None:
    rows = answer(built_store, "predecessors-and-renamings")
    replaced = {(short(r["mechanism"]), short(r["predecessor"]), short(r["change"])) for r in rows}
    assert ("cam", "ceam", "ceam-to-cam") in replaced
    former = {(short(r["mechanism"]), r["formerName"]) for r in rows}
    assert ("pafom", "Forum intrarégional sur la migration en Afrique") in former
    assert ("midcom", "COMESA Regional Consultative Process") in former


def test_icmpd_is_secretariat_of_four_processes(built_store: Path) -> None:
    rows = answer(built_store, "secretariat-of")
    assert {short(r["mechanism"]) for r in rows} == {
        "budapest-process", "khartoum-process", "rabat-process", "prague-process"
    }  # fmt: skip
    assert {short(r["source"]) for r in rows} == {"individual-positions", "iom-int-prague-process"}
    prague = {short(r["role"]) for r in rows if short(r["mechanism"]) == "prague-process"}
    assert prague == {"technical-secretariat", "secretariat"}


def test_observers_of_rcm_are_not_its_members(built_store: Path) -> None:
    observers = {short(r["observer"]) for r in answer(built_store, "observers-of-mechanism")}
    members = {
        short(r["member"])
        for r in answer(built_store, "members-of-mechanism", "?mechanism { mech:rcm }")
        if short(r["role"]) == "member"
    }
    assert {"arg", "col", "ecu", "jam", "per", "unhcr", "iom"} <= observers
    assert not observers & members


def test_global_processes_state_led_or_igo_facilitated(built_store: Path) -> None:
    rows = answer(built_store, "global-processes-by-leadership")
    assert {(short(r["mechanism"]), short(r["leadership"])) for r in rows} == {
        ("gfmd", "state-led"),
        ("idm", "igo-facilitated"),
    }
    assert {short(r["facilitator"]) for r in rows if short(r["mechanism"]) == "idm"} == {"iom"}
