"""Members and observers of mechanisms, as the public pages that list them give them.

Each test runs ``queries/members-of-mechanism.rq`` with the mechanism bound and
compares the answer with what the cited page says, source by source.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_queries_mechanisms import answer, short

Roles = dict[tuple[str | None, str | None], set[str | None]]


def roles_by_source(built_store: Path, mechanism: str) -> Roles:
    """The members of ``mechanism`` grouped by (source, role)."""
    rows = answer(built_store, "members-of-mechanism", f"?mechanism {{ mech:{mechanism} }}")
    grouped: Roles = {}
    for r in rows:
        grouped.setdefault((short(r["source"]), short(r["role"])), set()).add(short(r["member"]))
    return grouped


def test_almaty_process_sources_disagree_on_turkmenistan(built_store: Path) -> None:
    # IOM: six members, Turkmenistan a founder now observer; UNHCR's FAQ: seven members;
    # UNHCR in 2016: six members and Turkmenistan "tbc" (not recorded).
    got = roles_by_source(built_store, "almaty-process")
    iom = "iom-int-almaty-process-refugee-protection-and-international-migration"
    six = {"afg", "aze", "kaz", "kgz", "tjk", "tur"}
    assert got[(iom, "member")] == six
    assert got[(iom, "founding-state")] == {"kaz", "kgz", "tjk", "tkm"}
    assert got[(iom, "observer")] == {"irn", "ita", "pak", "tkm"}
    assert got[("unhcr-org-almaty-process-faq", "member")] == six | {"tkm"}
    assert got[("unhcr-kz-almaty-process-2016", "member")] == six
    assert got[("unhcr-kz-almaty-process-2016", "observer")] == {"irn", "pak"}


def test_midcom_has_the_21_member_states_of_its_iom_page(built_store: Path) -> None:
    got = roles_by_source(built_store, "midcom")
    members = got[
        ("iom-int-migration-dialogue-comesa-member-states-midcom-formerly-comesa-rcp", "member")
    ]
    assert len(members) == 21
    assert {"swz", "cod", "tun", "zwe"} <= members


def test_khartoum_process_has_the_rome_signatories_and_four_later_members(
    built_store: Path,
) -> None:
    members = roles_by_source(built_store, "khartoum-process")[
        ("khartoumprocess-net-actors-and-governance", "member")
    ]
    assert len(members) == 37 + 4
    assert {"lby", "nor", "che", "uga"} <= members
    assert {"eri", "egy", "ssd", "gbr"} <= members


def test_prague_process_has_the_49_states_its_site_names(built_store: Path) -> None:
    # The page announces 50 participating States as of 2018 but names 49.
    got = roles_by_source(built_store, "prague-process")
    members = got[("pragueprocess-eu-states-partners", "member")]
    assert len(members) == 49
    assert {"xkx", "blr", "rus", "uzb"} <= members
    assert got[("iom-int-prague-process", "secretariat")] == {"icmpd"}


def test_fibemyd_records_only_the_states_its_page_names(built_store: Path) -> None:
    # IOM counts 22 participating States; the copy read names 17 (Andorra to Peru).
    got = roles_by_source(built_store, "fibemyd")
    assert set(got) == {("iom-int-fibemyd", "member")}
    members = got[("iom-int-fibemyd", "member")]
    assert len(members) == 17
    assert {"and", "per"} <= members
    assert "esp" not in members


def test_budapest_process_participants_and_observers_in_2017(built_store: Path) -> None:
    got = roles_by_source(built_store, "budapest-process")
    source = "iom-overview-principal-iscms-2017"
    assert len(got[(source, "member")]) == 49 + 3
    assert {"afg", "irq", "pak", "gbr"} <= got[(source, "member")]
    assert got[(source, "observer")] == {"aus", "bgd", "can", "chn", "ind", "irn", "usa"}


def test_midcas_has_ten_eccas_states_without_rwanda(built_store: Path) -> None:
    members = roles_by_source(built_store, "midcas")[
        ("docsbay-net-midcas-for-iom-webpage", "member")
    ]
    assert len(members) == 10
    assert "rwa" not in members
    assert {"ago", "stp", "tcd"} <= members
