"""The named queries about the GCM, meetings and history give the answers the sources give.

Each test runs one file of ``queries/`` on the store built from the real data and checks the
answer against what the seeds (and the public pages cited in data/gcm/sources.ttl) say.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from iscm_graph.store import GraphStore, run_query

QUERIES = Path(__file__).resolve().parents[1] / "queries"
ID = "https://w3id.org/iscm/id/"
SOURCE = f"{ID}source/"

GCM_QUERIES = [
    "gcm-positions",
    "gcm-objectives-addressed",
    "position-addresses",
    "gcm-objectives-not-addressed",
    "sdg-10-7-links",
    "meetings-in-period",
    "meeting-attendance",
    "meetings-of-series",
    "partnerships-of-mechanism",
    "global-governance-timeline",
    "gcm-principles",
    "gcm-objectives",
    "gcm-themes",
    "positions-issued-via",
    "gcm-engagements-by-form",
    "survey-2018-respondents",
    "study-recommendations",
    "source-supports",
    "gcm-adoption-claims",
    "global-migration-initiatives",
    "iscms-engaged-with-gcm",
]

# Figure 3 of seed 002: the objectives all official positions of the surveyed ISCMs address.
FIGURE_3_OBJECTIVES = {1, 2, 5, 7, 10, 16, 23}


@pytest.fixture(scope="module")
def store(built_store: Path) -> ox.Store:
    return GraphStore(built_store).current().store


def ask(store: ox.Store, name: str, **replace: str) -> list[dict[str, str | None]]:
    """Run ``queries/<name>.rq``, with default values replaced, as rows of plain strings."""
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, f"{name}: no default {old!r} to replace"
        text = text.replace(old, new)
    solutions = run_query(store, text)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [{n: (None if s[n] is None else s[n].value) for n in names} for s in solutions]


def slug(iri: str | None) -> str:
    assert iri is not None
    return iri.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.parametrize("name", GCM_QUERIES)
def test_each_query_says_what_it_answers_in_english_and_french(name: str) -> None:
    header = [
        line for line in (QUERIES / f"{name}.rq").read_text(encoding="utf-8").splitlines()
        if line.startswith("# ")
    ]  # fmt: skip
    keys = {line[2:].split(":", 1)[0] for line in header}
    assert {"title", "titre", "description"} <= keys


def test_official_positions_and_the_iscms_behind_them(store: ox.Store) -> None:
    rows = ask(store, "gcm-positions")
    official = {slug(r["mechanism"]) for r in rows if r["presentedAt"] is None}
    # Seed 002 section 2 table, first and third columns (the ICMPD position covers four).
    assert official == {
        "arcp", "bali-process", "gfmd", "idm", "abu-dhabi-dialogue", "rcm", "colombo-process",
        "sacm", "budapest-process", "khartoum-process", "rabat-process", "prague-process",
        "igad-rcp", "pafom",
    }  # fmt: skip


def test_recommendations_collected_for_grcp_7_in_2017(store: ox.Store) -> None:
    rows = ask(store, "gcm-positions")
    for_grcp_7 = [r for r in rows if r["presentedAt"] == f"{ID}meeting/grcp-7"]
    assert {slug(r["mechanism"]) for r in for_grcp_7} == {
        "acp-eu", "arcp", "budapest-process", "colombo-process", "gfmd", "igad-rcp", "midcas",
        "midsa", "midwa", "abu-dhabi-dialogue", "pafom", "rcm",
    }  # fmt: skip
    assert {r["issued"] for r in for_grcp_7} == {"2017"}


def test_positions_of_surveyed_iscms_address_the_seven_objectives_of_figure_3(
    store: ox.Store,
) -> None:
    rows = ask(store, "gcm-positions")
    addressing = {slug(r["position"]) for r in rows if r["objectives"] == "7"}
    assert addressing == {
        f"{m}-gcm"
        for m in ("arcp", "rabat-process", "igad-rcp", "abu-dhabi-dialogue", "pafom", "rcm", "sacm")
    }


def test_what_the_puebla_process_position_addresses(store: ox.Store) -> None:
    rows = ask(store, "position-addresses")
    by_kind: dict[str, list[int]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"] or "", []).append(int(r["number"] or 0))
    # Seed 002, figure 3.
    assert by_kind == {
        "objective": sorted(FIGURE_3_OBJECTIVES),
        "principle": [2, 4, 5, 6, 7],
        "theme": [2, 4, 5, 6],
    }
    assert {slug(r["position"]) for r in rows} == {"rcm-gcm"}


def test_an_iscm_without_a_detailed_position_addresses_nothing(store: ox.Store) -> None:
    rows = ask(store, "position-addresses", **{"mechanism/rcm>": "mechanism/bali-process>"})
    assert rows == []


def test_objectives_addressed_by_positions_are_those_of_figure_3(store: ox.Store) -> None:
    rows = ask(store, "gcm-objectives-addressed")
    assert {int(r["number"] or 0) for r in rows} == FIGURE_3_OBJECTIVES
    assert {r["positions"] for r in rows} == {"7"}


def test_objectives_addressed_by_no_position(store: ox.Store) -> None:
    rows = ask(store, "gcm-objectives-not-addressed")
    assert [int(r["number"] or 0) for r in rows] == sorted(set(range(1, 24)) - FIGURE_3_OBJECTIVES)
    assert all(r["fr"] and r["en"] for r in rows)


def test_sdg_target_10_7_is_linked_to_the_gcm_and_the_idm_workshop_not_to_an_objective(
    store: ox.Store,
) -> None:
    rows = ask(store, "sdg-10-7-links")
    links = {(slug(r["resource"]), slug(r["source"])) for r in rows}
    assert links == {
        ("gcm", "seed-002"),
        ("gcm", "seed-004"),
        ("idm-2017-new-york", "seed-004"),
    }


def test_meetings_of_2017_and_2018_with_place_and_organiser(store: ox.Store) -> None:
    rows = {slug(r["meeting"]): r for r in ask(store, "meetings-in-period")}
    assert list(rows) == [
        "idm-2017-new-york",
        "idm-2017-geneva",
        "grcp-7",
        "side-event-geneva-2018-09-03",
        "side-event-geneva-2018-09-04",
        "side-event-marrakech-2018-12",
    ]
    grcp_7 = rows["grcp-7"]
    assert (grcp_7["start"], grcp_7["end"], grcp_7["venue"]) == (
        "2017-10-10",
        "2017-10-11",
        "Geneva",
    )
    assert grcp_7["organisers"] == f"{ID}organization/iom"
    assert slug(grcp_7["hostCountry"]) == "che"
    side_event = set((rows["side-event-geneva-2018-09-03"]["organisers"] or "").split())
    assert {slug(o) for o in side_event} == {"uae-mohre", "iom", "migrant-forum-asia"}


def test_a_meeting_dated_to_the_month_falls_in_the_period_of_that_month(store: ox.Store) -> None:
    rows = ask(
        store,
        "meetings-in-period",
        **{'"2017-01-01"': '"2016-01-01"', '"2018-12-31"': '"2016-12-31"'},
    )
    assert [(slug(r["meeting"]), r["start"]) for r in rows] == [("grcp-6", "2016-10")]


def test_attendance_at_grcp_7_as_seed_002_gives_it(store: ox.Store) -> None:
    rows = ask(store, "meeting-attendance")
    assert {(r["count"], r["who"]) for r in rows if slug(r["source"]) == "seed-002"} == {
        ("22", "ISCMs"),
        ("5", "UN regional commissions"),
        ("5", "regional economic organisations"),
    }


def test_sources_that_count_the_iscms_at_grcp_7_differently_each_keep_their_count(
    store: ox.Store,
) -> None:
    rows = ask(store, "meeting-attendance")
    iscms = {(slug(r["source"]), r["count"]) for r in rows if (r["who"] or "").startswith("ISCMs")}
    assert iscms == {
        ("seed-002", "22"),
        ("iom-int-2017-global-iscm-meeting", "22"),
        ("iom-int-news-grcp-7", "19"),
    }


def test_the_global_rcp_meetings_in_order(store: ox.Store) -> None:
    rows = ask(store, "meetings-of-series")
    assert [(slug(r["meeting"]), r["date"]) for r in rows] == [
        ("grcp-1", "2005"),
        ("grcp-4", "2013-05-22"),
        ("grcp-6", "2016-10"),
        ("grcp-7", "2017-10-10"),
        ("grcp-8", "2019-04-05"),
    ]
    assert all(r["label"] for r in rows)


def test_partnerships_of_the_south_american_conference_on_migration(store: ox.Store) -> None:
    rows = {slug(r["partner"]): r for r in ask(store, "partnerships-of-mechanism")}
    assert set(rows) == {"rcm", "ilo", "iom", "ohchr", "unicef", "eclac", "icrc"}
    assert rows["rcm"]["since"] == "2017"
    assert slug(rows["rcm"]["type"]) == "other-iscm"
    assert slug(rows["eclac"]["type"]) == "un-regional-commission"


def test_timeline_of_global_migration_governance(store: ox.Store) -> None:
    rows = ask(store, "global-governance-timeline")
    assert [(slug(r["event"]), (r["earliest"] or "")[:4]) for r in rows] == [
        ("iom-council-1955", "1955"),
        ("rio-1992", "1992"),
        ("icpd-1994", "1994"),
        ("berne-initiative-2001", "2001"),
        ("idm-2001", "2001"),
        ("hld-2006", "2006"),
        ("gfmd-2007", "2007"),
        ("hld-2013", "2013"),
        ("unga-hlm-2016", "2016"),
        ("marrakech-2018", "2018"),
        ("imrf-2022", "2022"),
    ]
    assert all(r["fr"] and r["en"] for r in rows)


def test_the_2016_meeting_is_dated_to_the_year_by_one_seed_and_to_the_day_by_another(
    store: ox.Store,
) -> None:
    rows = {slug(r["event"]): r for r in ask(store, "global-governance-timeline")}
    assert set((rows["unga-hlm-2016"]["dates"] or "").split()) == {"2016", "2016-09-19"}


def test_the_ten_guiding_principles_in_french_and_english(store: ox.Store) -> None:
    rows = ask(store, "gcm-principles")
    assert [r["number"] for r in rows] == [str(n) for n in range(1, 11)]
    assert (rows[0]["fr"], rows[0]["en"]) == ("Priorité à la dimension humaine", "People-centred")
    assert (rows[9]["fr"], rows[9]["en"]) == (
        "Approche associant l’ensemble de la société",
        "Whole-of-society approach",
    )


def test_the_23_objectives_each_with_a_sourced_english_title(store: ox.Store) -> None:
    rows = ask(store, "gcm-objectives")
    assert [r["number"] for r in rows] == [str(n) for n in range(1, 24)]
    assert all(r["fr"] and r["en"] and r["enSource"] for r in rows)
    seventh = rows[6]
    assert (
        seventh["fr"]
        == "S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire"
    )
    assert seventh["en"] == "Address and reduce vulnerabilities in migration"
    assert slug(seventh["enSource"]) == "emm-iom-int-handbooks-gcm"


def test_six_themes_and_a_note_on_the_five_areas_of_seed_003(store: ox.Store) -> None:
    rows = ask(store, "gcm-themes")
    assert len(rows) == 6
    assert all(r["fr"] and r["en"] for r in rows)
    assert "five thematic areas" in (rows[0]["scopeNote"] or "")


def test_iscms_that_positioned_themselves_via_icmpd(store: ox.Store) -> None:
    rows = ask(store, "positions-issued-via")
    assert {slug(r["mechanism"]) for r in rows} == {
        "budapest-process", "khartoum-process", "rabat-process", "prague-process",
    }  # fmt: skip
    assert {r["issued"] for r in rows} == {"2017"}


def test_iscms_with_an_action_plan_for_the_gcm(store: ox.Store) -> None:
    rows = ask(store, "gcm-engagements-by-form")
    assert {slug(r["mechanism"]) for r in rows} == {"rcm", "cmc"}


def test_iscms_with_the_gcm_on_their_meeting_agenda(store: ox.Store) -> None:
    rows = ask(store, "gcm-engagements-by-form", **{"action-plan>": "standing-agenda-item>"})
    assert {slug(r["mechanism"]) for r in rows} == {"rcm", "sacm"}


def test_respondents_to_the_2018_survey_and_how_they_answered(store: ox.Store) -> None:
    rows = {
        slug(r["mechanism"]): set((r["answers"] or "").split())
        for r in ask(store, "survey-2018-respondents")
    }
    # Seed 002 section 3 lists eight questionnaires and three interviews; the SACM did both,
    # so ten ISCMs are named (the seed counts eleven).
    assert rows == {
        "arcp": {"questionnaire"},
        "cmc": {"questionnaire"},
        "eap-panel": {"questionnaire"},
        "rabat-process": {"questionnaire"},
        "igad-rcp": {"questionnaire"},
        "igc": {"questionnaire"},
        "rcm": {"questionnaire"},
        "sacm": {"questionnaire", "interview"},
        "abu-dhabi-dialogue": {"interview"},
        "pafom": {"interview"},
    }


def test_the_study_recommendations_a_to_j(store: ox.Store) -> None:
    rows = ask(store, "study-recommendations")
    assert [r["letter"] for r in rows] == list("abcdefghij")
    assert (
        rows[0]["fr"]
        == "Élaborer des positions sur le Pacte mondial, s'ils ne l'ont pas déjà fait."
    )
    assert all(r["en"] for r in rows)


def test_what_seed_004_supports(store: ox.Store) -> None:
    rows = ask(store, "source-supports")
    supported = {slug(r["resource"]) for r in rows}
    assert {
        "idm-2017-new-york",
        "idm-2017-geneva",
        "idm",
        "new-york-declaration",
        "gcm",
    } <= supported
    assert "grcp-7" not in supported


def test_each_source_keeps_its_own_date_and_count_for_the_adoption_of_the_gcm(
    store: ox.Store,
) -> None:
    rows = ask(store, "gcm-adoption-claims")
    dates = {(slug(r["source"]), r["date"]) for r in rows if r["date"]}
    counts = {(slug(r["source"]), r["countries"]) for r in rows if r["countries"]}
    assert ("seed-003", "2018-12") in dates
    assert ("gmdac-iom-int-gcm-adopted", "2018-12-10") in dates
    assert counts == {("seed-003", "164"), ("gmdac-iom-int-gcm-adopted", "165")}


def test_global_migration_initiatives_and_the_events_that_produced_them(store: ox.Store) -> None:
    rows = {slug(r["initiative"]): r for r in ask(store, "global-migration-initiatives")}
    assert set(rows) == {"gcm", "gcr", "new-york-declaration", "berne-initiative"}
    assert all(r["fr"] and r["en"] for r in rows.values())
    assert slug(rows["gcm"]["event"]) == "marrakech-2018"
    assert slug(rows["new-york-declaration"]["event"]) == "unga-hlm-2016"
    assert set((rows["gcm"]["dates"] or "").split()) == {"2018-12", "2018-12-10"}


def test_how_the_arab_regional_consultative_process_engages_with_the_gcm(store: ox.Store) -> None:
    rows = {slug(r["mechanism"]): r for r in ask(store, "iscms-engaged-with-gcm")}
    arcp = rows["arcp"]
    assert arcp["positions"] == "2"
    assert set((arcp["forms"] or "").split()) == {"survey-response", "capacity-building"}


def test_the_legal_force_of_the_gcm_is_not_stated(store: ox.Store) -> None:
    # Seeds 002 and 003 contradict each other on it; the graph makes no claim either way.
    query = """SELECT ?p ?o WHERE { <https://w3id.org/iscm/id/initiative/gcm> ?p ?o
      FILTER(CONTAINS(LCASE(STR(?p)), "binding") || CONTAINS(LCASE(STR(?o)), "contraignant")) }"""
    assert list(run_query(store, query)) == []
