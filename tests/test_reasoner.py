"""A real OWL reasoner (HermiT, through owlready2) finds the vocabulary and the data consistent.

owlready2 reads N-Triples, not TriG, so the quads are flattened to triples
first. HermiT needs a Java runtime (``.ci/run`` installs one when absent).
xsd:gYear and xsd:gYearMonth are outside the OWL 2 datatype map, so HermiT is
told to ignore such literals rather than refuse the whole graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import owlready2
import pyoxigraph as ox
import pytest

from iscm_graph.sources import load

from .conftest import INPUTS

pytestmark = pytest.mark.slow

ISCM = "https://w3id.org/iscm/ontology#"


def reason(tmp_path: Path, paths: Sequence[Path], extra: str = "") -> owlready2.World:
    """Run HermiT over the files (and extra Turtle); return the world it classified."""
    triples = [quad.triple for quad in load(list(paths)).quads]
    if extra:
        triples += list(ox.parse(extra, format=ox.RdfFormat.TURTLE))
    flat = tmp_path / "input.nt"
    ox.serialize(triples, str(flat), format=ox.RdfFormat.N_TRIPLES)
    world = owlready2.World()
    world.get_ontology(flat.as_uri()).load()
    owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
    return world


def test_the_vocabulary_is_consistent_with_no_unsatisfiable_class(tmp_path: Path) -> None:
    world = reason(tmp_path, [INPUTS.ontology_dir])
    assert list(world.inconsistent_classes()) == []


def test_the_vocabulary_and_all_the_data_are_consistent(tmp_path: Path) -> None:
    world = reason(tmp_path, [INPUTS.ontology_dir, INPUTS.data_dir])
    assert list(world.inconsistent_classes()) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("RegionalConsultativeProcess", "InterRegionalForum"),
        ("RegionalConsultativeProcess", "InterAgencyPlatform"),
        ("GlobalProcess", "GlobalMigrationInitiative"),
        ("State", "IntergovernmentalOrganization"),
        ("UNAgency", "CivilSocietyOrganization"),
    ],
)
def test_the_reasoner_refuses_a_thing_of_two_disjoint_classes(
    tmp_path: Path, first: str, second: str
) -> None:
    both = f"<http://example.org/x> a <{ISCM}{first}> , <{ISCM}{second}> ."
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(tmp_path, [INPUTS.ontology_dir], both)
