"""Each shape: one conforming and one violating example, asserting which shape fires."""

from __future__ import annotations

import pyshacl
import pytest
import rdflib

from iscm_graph.sources import Sources
from iscm_graph.validate import ValidationReport, validate

SHAPES = "https://w3id.org/iscm/shapes#"

PREFIXES = """
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix iscm: <https://w3id.org/iscm/ontology#> .
@prefix lang: <http://id.loc.gov/vocabulary/iso639-1/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://w3id.org/iscm/id/mechanism/> .
@prefix src: <https://w3id.org/iscm/id/source/> .

src:doc a iscm:SourceDocument ;
    skos:prefLabel "A source"@en , "Une source"@fr ;
    dcterms:identifier "doc.txt" ;
    dcterms:language lang:fr .
"""


def check(turtle: str, shapes: rdflib.Graph, ontology: rdflib.Graph) -> ValidationReport:
    import pyoxigraph as ox

    sources = Sources()
    sources.quads = list(ox.parse(PREFIXES + turtle, format=ox.RdfFormat.TURTLE))
    return validate(sources, shapes, ontology)


def fired(report: ValidationReport) -> set[str]:
    return {f.shape for f in report.violations}


VALID_RCP = """
ex:m a iscm:RegionalConsultativeProcess ;
    skos:prefLabel "A Process"@en , "Un processus"@fr ;
    dcterms:isReferencedBy src:doc .
"""


def test_a_well_described_mechanism_conforms(shapes_graph, ontology_graph) -> None:
    report = check(VALID_RCP, shapes_graph, ontology_graph)
    assert report.conforms, report.to_text()


@pytest.mark.parametrize(
    "types",
    [
        "iscm:InterStateConsultationMechanism",
        "iscm:RegionalConsultativeProcess , iscm:GlobalProcess",
    ],
    ids=["no-kind", "two-kinds"],
)
def test_a_mechanism_must_be_exactly_one_kind(types, shapes_graph, ontology_graph) -> None:
    turtle = f"""ex:m a {types} ;
        skos:prefLabel "A Process"@en , "Un processus"@fr ; dcterms:isReferencedBy src:doc ."""
    report = check(turtle, shapes_graph, ontology_graph)
    assert not report.conforms
    assert SHAPES + "MechanismType" in fired(report)


def test_a_mechanism_without_a_source_is_refused(shapes_graph, ontology_graph) -> None:
    turtle = """ex:m a iscm:InterRegionalForum ; skos:prefLabel "F"@en , "F"@fr ."""
    report = check(turtle, shapes_graph, ontology_graph)
    assert SHAPES + "MechanismReferencedBySource" in fired(report)


def test_a_founding_date_must_carry_its_precision(shapes_graph, ontology_graph) -> None:
    report = check(VALID_RCP + 'ex:m dcterms:created "1996" .', shapes_graph, ontology_graph)
    assert SHAPES + "MechanismFoundingDate" in fired(report)


@pytest.mark.parametrize("missing", ["en", "fr"])
def test_a_name_is_required_in_english_and_french(missing, shapes_graph, ontology_graph) -> None:
    kept = "fr" if missing == "en" else "en"
    turtle = f"""ex:m a iscm:GlobalProcess ; skos:prefLabel "Name"@{kept} ;
        dcterms:isReferencedBy src:doc ."""
    report = check(turtle, shapes_graph, ontology_graph)
    expected = {"en": "EnglishPrefLabel", "fr": "FrenchPrefLabel"}[missing]
    assert fired(report) == {SHAPES + expected}


def test_one_preferred_name_per_language(shapes_graph, ontology_graph) -> None:
    report = check(
        VALID_RCP + 'ex:m skos:prefLabel "Another Process"@en .', shapes_graph, ontology_graph
    )
    assert fired(report) == {SHAPES + "PrefLabelOnePerLanguage"}


def test_an_acronym_needs_a_language_tag(shapes_graph, ontology_graph) -> None:
    report = check(VALID_RCP + 'ex:m iscm:acronym "AP" .', shapes_graph, ontology_graph)
    assert fired(report) == {SHAPES + "AcronymLanguageTagged"}


def test_a_source_document_must_be_findable(shapes_graph, ontology_graph) -> None:
    turtle = """src:lost a iscm:SourceDocument ; skos:prefLabel "Lost"@en , "Perdu"@fr ;
        dcterms:language lang:en ."""
    report = check(turtle, shapes_graph, ontology_graph)
    assert fired(report) == {SHAPES + "SourceDocument"}


def test_a_source_document_states_its_language(shapes_graph, ontology_graph) -> None:
    turtle = """src:mute a iscm:SourceDocument ; skos:prefLabel "Mute"@en , "Muet"@fr ;
        dcterms:identifier "mute.txt" ."""
    report = check(turtle, shapes_graph, ontology_graph)
    assert fired(report) == {SHAPES + "SourceDocumentLanguage"}


def test_every_shape_explains_itself(shapes_graph) -> None:
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    shapes = set(shapes_graph.subjects(rdflib.RDF.type, sh.PropertyShape))
    for node_shape in shapes_graph.subjects(rdflib.RDF.type, sh.NodeShape):
        if (node_shape, sh.property, None) not in shapes_graph:
            shapes.add(node_shape)  # a node shape with constraints of its own
    for shape in shapes:
        assert (shape, sh.message, None) in shapes_graph, f"{shape} has no sh:message"


def test_the_shapes_are_valid_shacl(shapes_graph) -> None:
    conforms, _graph, text = pyshacl.validate(
        rdflib.Graph(), shacl_graph=shapes_graph, meta_shacl=True, inference="none"
    )
    assert conforms, text
