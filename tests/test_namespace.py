"""The generated Python namespace and the ontology file say the same thing."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest
import rdflib
from rdflib.namespace import OWL, RDF

from iscm_graph.namespace import ISCM

from .conftest import INPUTS, PROJECT_ROOT

NAMESPACE_MODULE = PROJECT_ROOT / "src" / "iscm_graph" / "namespace.py"


def generator() -> ModuleType:
    path = PROJECT_ROOT / "scripts" / "generate_namespace.py"
    spec = importlib.util.spec_from_file_location("generate_namespace", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_namespace_module_is_what_the_generator_writes_from_the_ontology() -> None:
    expected = generator().render(INPUTS.ontology_dir / "iscm.ttl")
    assert NAMESPACE_MODULE.read_text(encoding="utf-8") == expected, (
        "src/iscm_graph/namespace.py is out of date: run python scripts/generate_namespace.py"
    )


def test_every_declared_term_is_in_the_namespace(ontology_graph: rdflib.Graph) -> None:
    declared = {
        term
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for term in ontology_graph.subjects(RDF.type, kind)
        if isinstance(term, rdflib.URIRef) and term.startswith(str(ISCM._NS))
    }
    assert declared
    assert {ISCM[term.removeprefix(str(ISCM._NS))] for term in declared} == declared


def test_a_term_missing_from_the_ontology_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = ISCM.RegionalConsultativeProces
