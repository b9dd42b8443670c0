"""Shortcut triples derived from memberships: what each role yields, and where it goes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from iscm_graph.build import build
from iscm_graph.derive import DERIVED_GRAPH, derive
from iscm_graph.namespace import ISCM
from iscm_graph.sources import load
from iscm_graph.store import GraphStore, run_query

from .conftest import INPUTS

ORG = "http://www.w3.org/ns/org#"
MECH = "https://w3id.org/iscm/id/mechanism/"
ROLE = "https://w3id.org/iscm/scheme/role/"

MEMBERSHIPS = """
@prefix org: <http://www.w3.org/ns/org#> .
@prefix role: <https://w3id.org/iscm/scheme/role/> .
@prefix mech: <https://w3id.org/iscm/id/mechanism/> .
@prefix ex: <http://example.org/> .

<https://w3id.org/iscm/graph/source/example> {
    ex:m1 a org:Membership ; org:member ex:mexico ; org:organization mech:rcm ;
        org:role role:member .
    ex:m2 a org:Membership ; org:member ex:iom ; org:organization mech:bali-process ;
        org:role role:participant .
    ex:m3 a org:Membership ; org:member ex:iom ; org:organization mech:midcom ;
        org:role role:secretariat-support .
    ex:m4 a org:Membership ; org:member ex:unhcr ; org:organization mech:rcm ;
        org:role role:observer .
    ex:m5 a org:Membership ; org:member ex:mexico ; org:organization mech:rcm ;
        org:role role:chair .
}
"""


@pytest.fixture(scope="module")
def ontology_quads() -> list[ox.Quad]:
    return load([INPUTS.ontology_dir]).quads


def derived_from(ontology: list[ox.Quad], data: str) -> set[tuple[str, str, str]]:
    quads = ontology + list(ox.parse(data, format=ox.RdfFormat.TRIG))
    return {(q.subject.value, q.predicate.value, q.object.value) for q in derive(quads)}


def test_a_member_role_gives_member_of_and_has_member(ontology_quads: list[ox.Quad]) -> None:
    derived = derived_from(ontology_quads, MEMBERSHIPS)
    assert ("http://example.org/mexico", f"{ORG}memberOf", f"{MECH}rcm") in derived
    assert (f"{MECH}rcm", f"{ORG}hasMember", "http://example.org/mexico") in derived


def test_a_participating_organisation_counts_as_a_member(ontology_quads: list[ox.Quad]) -> None:
    derived = derived_from(ontology_quads, MEMBERSHIPS)
    assert ("http://example.org/iom", f"{ORG}memberOf", f"{MECH}bali-process") in derived


def test_an_observer_is_observer_of_and_not_member(ontology_quads: list[ox.Quad]) -> None:
    derived = derived_from(ontology_quads, MEMBERSHIPS)
    unhcr = {t for t in derived if "http://example.org/unhcr" in (t[0], t[2])}
    assert unhcr == {("http://example.org/unhcr", str(ISCM.observerOf), f"{MECH}rcm")}


def test_a_narrower_secretariat_role_gives_secretariat_of(ontology_quads: list[ox.Quad]) -> None:
    derived = derived_from(ontology_quads, MEMBERSHIPS)
    midcom = {t for t in derived if f"{MECH}midcom" in (t[0], t[2])}
    assert midcom == {("http://example.org/iom", str(ISCM.secretariatOf), f"{MECH}midcom")}


def test_a_role_without_role_property_gives_nothing(ontology_quads: list[ox.Quad]) -> None:
    chair_only = MEMBERSHIPS.replace("role:member .", "role:chair .")
    derived = derived_from(ontology_quads, chair_only)
    assert not {t for t in derived if t[0] == "http://example.org/mexico"}


def test_derived_triples_sit_in_the_derived_graph(ontology_quads: list[ox.Quad]) -> None:
    quads = ontology_quads + list(ox.parse(MEMBERSHIPS, format=ox.RdfFormat.TRIG))
    graphs = {quad.graph_name for quad in derive(quads)}
    assert graphs == {DERIVED_GRAPH}
    assert DERIVED_GRAPH.value == "https://w3id.org/iscm/graph/derived"


@pytest.mark.slow
def test_the_build_adds_the_shortcuts_to_the_store(tmp_path: Path, data_copy: Path) -> None:
    # A membership the shapes accept: a typed State, the mechanism, a role, a source.
    (data_copy / "memberships-example.trig").write_text(
        """
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<https://w3id.org/iscm/graph/source/seed-001> {
    <https://w3id.org/iscm/id/membership/example> a org:Membership ;
        org:member <https://w3id.org/iscm/id/state/mex> ;
        org:organization <https://w3id.org/iscm/id/mechanism/arcp> ;
        org:role <https://w3id.org/iscm/scheme/role/member> ;
        prov:wasDerivedFrom <https://w3id.org/iscm/id/source/seed-001> .
}
""",
        encoding="utf-8",
    )
    store_dir = tmp_path / "store"
    build(type(INPUTS)(INPUTS.ontology_dir, data_copy, INPUTS.shapes_dir), store_dir)
    rows = run_query(
        GraphStore(store_dir).current().store,
        f"SELECT ?m WHERE {{ GRAPH <{DERIVED_GRAPH.value}> "
        f"{{ ?m <{ORG}hasMember> <https://w3id.org/iscm/id/state/mex> }} }}",
    )
    assert f"{MECH}arcp" in [row["m"].value for row in rows]
