"""The vocabulary meets the FOOPS!/OOPS! checks that can be run offline.

Header metadata (FOOPS! OM1, OM2, OM5, VER1), labels and definitions of every
term (VOC3, VOC4, OOPS! P08), no term in another namespace (P40), no
equivalence onto other vocabularies (P27, P31), one domain and one range at
most (P19), and well-formed concept schemes.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD, Namespace

from iscm_graph.namespace import ISCM
from iscm_graph.sources import load

from .conftest import INPUTS

ONTOLOGY = rdflib.URIRef("https://w3id.org/iscm/ontology")
VERSION = "0.2.0"
VANN = Namespace("http://purl.org/vocab/vann/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEME = "https://w3id.org/iscm/scheme/"
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def schemes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(INPUTS.ontology_dir / "schemes.ttl")


def terms(graph: rdflib.Graph) -> list[rdflib.URIRef]:
    found = {t for kind in TERM_TYPES for t in graph.subjects(RDF.type, kind)}
    return sorted(t for t in found if isinstance(t, rdflib.URIRef))


def languages(
    graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef
) -> list[str]:
    return sorted(
        str(o.language) for o in graph.objects(subject, predicate) if isinstance(o, rdflib.Literal)
    )


def concepts(graph: rdflib.Graph) -> list[rdflib.URIRef]:
    return sorted(c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, rdflib.URIRef))


# --- Header ------------------------------------------------------------------------


def test_the_ontology_has_one_header_with_its_iri(ontology_graph: rdflib.Graph) -> None:
    assert list(ontology_graph.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY]


def test_the_version_iri_differs_from_the_ontology_iri_and_matches_version_info(
    ontology_graph: rdflib.Graph,
) -> None:
    version_iri = ontology_graph.value(ONTOLOGY, OWL.versionIRI)
    assert version_iri == rdflib.URIRef(f"{ONTOLOGY}/{VERSION}")
    assert version_iri != ONTOLOGY
    assert str(ontology_graph.value(ONTOLOGY, OWL.versionInfo)) == VERSION
    assert ontology_graph.value(ONTOLOGY, OWL.priorVersion) == rdflib.URIRef(f"{ONTOLOGY}/0.1.0")


@pytest.mark.parametrize("predicate", [DCTERMS.title, DCTERMS.description, RDFS.label])
def test_the_header_is_described_in_english_and_french(
    ontology_graph: rdflib.Graph, predicate: rdflib.URIRef
) -> None:
    assert languages(ontology_graph, ONTOLOGY, predicate) == ["en", "fr"]


@pytest.mark.parametrize(
    "predicate",
    [DCTERMS.license, DCTERMS.creator, DCTERMS.created, DCTERMS.bibliographicCitation],
)
def test_the_header_has_licence_creator_date_and_citation(
    ontology_graph: rdflib.Graph, predicate: rdflib.URIRef
) -> None:
    assert ontology_graph.value(ONTOLOGY, predicate) is not None


def test_the_creation_date_is_a_date(ontology_graph: rdflib.Graph) -> None:
    created = ontology_graph.value(ONTOLOGY, DCTERMS.created)
    assert isinstance(created, rdflib.Literal) and created.datatype == XSD.date


def test_the_preferred_prefix_and_namespace_are_declared(ontology_graph: rdflib.Graph) -> None:
    assert str(ontology_graph.value(ONTOLOGY, VANN.preferredNamespacePrefix)) == "iscm"
    assert str(ontology_graph.value(ONTOLOGY, VANN.preferredNamespaceUri)) == str(ISCM)


# --- Terms -------------------------------------------------------------------------


def test_every_term_has_one_label_in_english_and_one_in_french(
    ontology_graph: rdflib.Graph,
) -> None:
    wrong = {
        t: langs
        for t in terms(ontology_graph)
        if (langs := languages(ontology_graph, t, RDFS.label)) != ["en", "fr"]
    }
    assert wrong == {}


def test_every_term_is_defined_in_english_and_french(ontology_graph: rdflib.Graph) -> None:
    wrong = {
        t: langs
        for t in terms(ontology_graph)
        if (langs := languages(ontology_graph, t, SKOS.definition)) != ["en", "fr"]
    }
    assert wrong == {}


def test_every_term_is_defined_by_the_ontology(ontology_graph: rdflib.Graph) -> None:
    wrong = [
        t for t in terms(ontology_graph) if ontology_graph.value(t, RDFS.isDefinedBy) != ONTOLOGY
    ]
    assert wrong == []


def test_no_two_classes_share_a_label(ontology_graph: rdflib.Graph) -> None:
    labels = [
        (str(label), label.language)
        for c in ontology_graph.subjects(RDF.type, OWL.Class)
        for label in ontology_graph.objects(c, RDFS.label)
        if isinstance(label, rdflib.Literal)
    ]
    assert len(labels) == len(set(labels))


def test_no_term_is_declared_in_another_namespace(ontology_graph: rdflib.Graph) -> None:
    subjects = {s for s in ontology_graph.subjects() if isinstance(s, rdflib.URIRef)}
    assert {s for s in subjects if not s.startswith(str(ISCM))} == {ONTOLOGY}


def test_every_iscm_term_used_is_declared(ontology_graph: rdflib.Graph) -> None:
    used = {
        node
        for triple in ontology_graph
        for node in triple
        if isinstance(node, rdflib.URIRef) and node.startswith(str(ISCM))
    }
    assert used - set(terms(ontology_graph)) == set()


@pytest.mark.parametrize(
    "predicate",
    [OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs],
)
def test_nothing_is_made_equivalent_to_another_vocabulary(
    ontology_graph: rdflib.Graph, schemes_graph: rdflib.Graph, predicate: rdflib.URIRef
) -> None:
    assert list((ontology_graph + schemes_graph).subject_objects(predicate)) == []


@pytest.mark.parametrize("predicate", [RDFS.domain, RDFS.range])
def test_a_property_has_one_domain_and_one_range_at_most(
    ontology_graph: rdflib.Graph, predicate: rdflib.URIRef
) -> None:
    several = [
        t for t in terms(ontology_graph) if len(list(ontology_graph.objects(t, predicate))) > 1
    ]
    assert several == []


# --- Concept schemes ---------------------------------------------------------------


def test_the_schemes_file_declares_only_scheme_iris(schemes_graph: rdflib.Graph) -> None:
    subjects = {s for s in schemes_graph.subjects() if isinstance(s, rdflib.URIRef)}
    assert subjects and all(s.startswith(SCHEME) for s in subjects)


def test_the_five_vocabulary_schemes_are_there(schemes_graph: rdflib.Graph) -> None:
    schemes = set(schemes_graph.subjects(RDF.type, SKOS.ConceptScheme))
    names = {"role", "status", "leadership", "partnership-type", "engagement-form"}
    assert schemes == {rdflib.URIRef(SCHEME + name) for name in names}


def test_every_scheme_is_labelled_and_defined_in_english_and_french(
    schemes_graph: rdflib.Graph,
) -> None:
    for scheme in schemes_graph.subjects(RDF.type, SKOS.ConceptScheme):
        assert languages(schemes_graph, scheme, SKOS.prefLabel) == ["en", "fr"], scheme
        assert languages(schemes_graph, scheme, SKOS.definition) == ["en", "fr"], scheme


def test_every_concept_has_one_preferred_label_in_english_and_one_in_french(
    schemes_graph: rdflib.Graph,
) -> None:
    wrong = {
        c: langs
        for c in concepts(schemes_graph)
        if (langs := languages(schemes_graph, c, SKOS.prefLabel)) != ["en", "fr"]
    }
    assert wrong == {}


def test_every_concept_is_defined_in_english_and_french(schemes_graph: rdflib.Graph) -> None:
    wrong = {
        c: langs
        for c in concepts(schemes_graph)
        if (langs := languages(schemes_graph, c, SKOS.definition)) != ["en", "fr"]
    }
    assert wrong == {}


def test_every_concept_is_in_its_scheme_with_its_code_as_notation(
    schemes_graph: rdflib.Graph,
) -> None:
    for concept in concepts(schemes_graph):
        scheme, _, code = str(concept).rpartition("/")
        assert list(schemes_graph.objects(concept, SKOS.inScheme)) == [rdflib.URIRef(scheme)]
        assert [str(n) for n in schemes_graph.objects(concept, SKOS.notation)] == [code]


def test_a_concept_is_a_top_concept_exactly_when_it_has_no_broader(
    schemes_graph: rdflib.Graph,
) -> None:
    for concept in concepts(schemes_graph):
        scheme = schemes_graph.value(concept, SKOS.inScheme)
        is_top = (concept, SKOS.topConceptOf, scheme) in schemes_graph
        assert is_top == ((scheme, SKOS.hasTopConcept, concept) in schemes_graph), concept
        assert is_top != (schemes_graph.value(concept, SKOS.broader) is not None), concept


def test_every_role_is_an_org_role(schemes_graph: rdflib.Graph) -> None:
    roles = set(schemes_graph.subjects(SKOS.inScheme, rdflib.URIRef(SCHEME + "role")))
    assert roles and roles == set(schemes_graph.subjects(RDF.type, ORG.Role))


@pytest.mark.parametrize(
    ("role", "shortcut"),
    [
        ("member", ORG.memberOf),
        ("founding-state", ORG.memberOf),
        ("participant", ORG.memberOf),
        ("observer", ISCM.observerOf),
        ("secretariat", ISCM.secretariatOf),
        ("chair", None),
        ("partner", None),
    ],
)
def test_a_role_names_its_shortcut_property(
    schemes_graph: rdflib.Graph, role: str, shortcut: rdflib.URIRef | None
) -> None:
    concept = rdflib.URIRef(f"{SCHEME}role/{role}")
    assert schemes_graph.value(concept, ORG.roleProperty) == shortcut


def test_every_kind_of_secretariat_gives_secretariat_of(schemes_graph: rdflib.Graph) -> None:
    secretariat = rdflib.URIRef(f"{SCHEME}role/secretariat")
    kinds = set(schemes_graph.subjects(SKOS.broader, secretariat))
    assert len(kinds) == 5
    assert {schemes_graph.value(k, ORG.roleProperty) for k in kinds} == {ISCM.secretariatOf}


def test_status_concepts_are_mechanism_statuses(schemes_graph: rdflib.Graph) -> None:
    statuses = set(schemes_graph.subjects(SKOS.inScheme, rdflib.URIRef(SCHEME + "status")))
    assert len(statuses) == 7
    assert statuses == set(schemes_graph.subjects(RDF.type, ISCM.MechanismStatus))


def test_not_functioning_is_mapped_to_dormant(schemes_graph: rdflib.Graph) -> None:
    status = SCHEME + "status/"
    assert (
        rdflib.URIRef(status + "not-functioning"),
        SKOS.closeMatch,
        rdflib.URIRef(status + "dormant"),
    ) in schemes_graph


def test_each_ontology_file_gets_its_own_named_graph() -> None:
    graphs = {
        q.graph_name.value for q in load([INPUTS.ontology_dir], graph_prefix="ontology/").quads
    }
    assert graphs == {
        "https://w3id.org/iscm/graph/ontology/iscm",
        "https://w3id.org/iscm/graph/ontology/schemes",
    }


def test_the_data_and_shapes_use_only_terms_the_ontology_declares(
    ontology_graph: rdflib.Graph,
) -> None:
    declared = {str(t) for t in terms(ontology_graph)}
    used = {
        node.value
        for quad in load([INPUTS.data_dir, INPUTS.shapes_dir]).quads
        for node in (quad.subject, quad.predicate, quad.object)
        if isinstance(node, ox.NamedNode) and node.value.startswith(str(ISCM))
    }
    assert used - declared == set()


def test_every_vocabulary_concept_the_data_uses_is_defined(schemes_graph: rdflib.Graph) -> None:
    schemes = ("role", "status", "leadership", "partnership-type", "engagement-form")
    prefixes = tuple(f"{SCHEME}{name}/" for name in schemes)
    used = {
        node.value
        for quad in load([INPUTS.data_dir]).quads
        for node in (quad.subject, quad.object)
        if isinstance(node, ox.NamedNode) and node.value.startswith(prefixes)
    }
    assert used - {str(c) for c in concepts(schemes_graph)} == set()
