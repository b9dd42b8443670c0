"""rudof and pySHACL, the two engines for the core constraints, report the same findings.

rudof is the default because it is faster; it is only right to use it while
both engines agree, on every shape example (conforming and violating) and on
the real data: same focus node, shape, severity, path, value and message.
Blank nodes are named differently by each engine, so they compare as ``_:``.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib

from iscm_graph import shacl_rudof, shacl_sparql
from iscm_graph.sources import Sources, load
from iscm_graph.validate import Finding, ValidationReport, load_shapes, validate

from .conftest import INPUTS
from .shape_examples import BASE
from .test_shapes import CASES

EXAMPLES = [
    (f"{c.shape}-{kind}", turtle)
    for c in CASES
    for kind, turtle in (("good", c.good), ("bad", c.bad))
]


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes(INPUTS.shapes_dir)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load([INPUTS.ontology_dir]).to_rdflib()


def _blank(term: str | None) -> str | None:
    return "_:" if term is not None and term.startswith("_:") else term


def _seen(finding: Finding) -> tuple[object, ...]:
    focus = _blank(finding.focus_node)
    locations = tuple(finding.locations) if focus != "_:" else ()
    return (
        finding.severity,
        focus,
        finding.label,
        _blank(finding.path),
        _blank(finding.value),
        finding.message,
        finding.shape,
        locations,
    )


def _same(a: ValidationReport, b: ValidationReport) -> None:
    assert a.conforms == b.conforms
    assert sorted(map(_seen, a.findings), key=str) == sorted(map(_seen, b.findings), key=str)


def test_rudof_handles_every_core_shape_of_the_project(shapes) -> None:
    core, _sparql = shacl_sparql.split(shapes)
    assert shacl_rudof.supports(core)


@pytest.mark.parametrize("turtle", [t for _n, t in EXAMPLES], ids=[n for n, _t in EXAMPLES])
def test_both_engines_report_the_same_on_the_shape_example(turtle, shapes, ontology) -> None:
    sources = Sources()
    sources.quads = list(ox.parse(BASE + turtle, format=ox.RdfFormat.TURTLE))
    _same(
        validate(sources, shapes, ontology, engine="rudof"),
        validate(sources, shapes, ontology, engine="pyshacl"),
    )


def test_both_engines_report_the_same_on_the_real_data(shapes, ontology) -> None:
    data = load([INPUTS.data_dir])
    _same(
        validate(data, shapes, ontology, engine="rudof"),
        validate(data, shapes, ontology, engine="pyshacl"),
    )


def test_a_shape_with_an_unchecked_term_goes_to_pyshacl() -> None:
    shapes = rdflib.Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ;
            sh:property [ sh:path <urn:p> ; sh:lessThan <urn:q> ] .
        """,
        format="turtle",
    )
    assert not shacl_rudof.supports(shapes)
