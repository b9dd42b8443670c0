"""Check the shapes' core constraints with rudof, a SHACL engine written in Rust.

pySHACL spends most of a validation in Python walking the shapes node by
node; rudof (``pyrudof``) checks the same constraints natively, four to five
times faster on the project's data, and gives the same results on every shape
example and on the real data (``tests/test_shape_engines.py`` checks that).

Its results are written into an rdflib graph in the SHACL report vocabulary,
as pySHACL's are, so the rest of the report does not know which engine ran.
rudof's result messages are its own; like pySHACL, the report uses the
shape's ``sh:message`` when the shape has one. A shape that uses a SHACL term
outside :data:`CHECKED` stays with pySHACL (see :func:`supports`).
"""

from __future__ import annotations

import pyrudof
import rdflib
from rdflib.namespace import RDF, RDFS, SH, XSD

#: SHACL terms whose results were compared with pySHACL's (every shape example).
CHECKED = frozenset(
    SH[name]
    for name in (
        "NodeShape PropertyShape property node path alternativePath zeroOrMorePath "
        "targetClass targetSubjectsOf targetObjectsOf targetNode "
        "minCount maxCount datatype class in pattern flags uniqueLang languageIn nodeKind "
        "hasValue or xone and not qualifiedValueShape qualifiedMinCount qualifiedMaxCount "
        "severity message name description group order deactivated "
        "Violation Warning Info IRI Literal BlankNode BlankNodeOrIRI IRIOrLiteral "
        "BlankNodeOrLiteral prefixes declare prefix namespace PrefixDeclaration"
        # What remains of a SPARQL-based constraint taken away to Oxigraph: inert
        # without sh:sparql, which is not here (a shape that has it goes to pySHACL).
        " SPARQLConstraint select"
    ).split()
)

_PREFIXED = {"xsd": str(XSD), "rdf": str(RDF), "rdfs": str(RDFS)}


def supports(shapes: rdflib.Graph) -> bool:
    """Tell whether every SHACL term in ``shapes`` is one rudof was checked on."""
    used = {
        term
        for triple in shapes
        for term in triple
        if isinstance(term, rdflib.URIRef) and term.startswith(str(SH))
    }
    return used <= CHECKED


def validate(n_triples: str, shapes: rdflib.Graph) -> tuple[bool, rdflib.Graph]:
    """Validate the data (N-Triples) against ``shapes``.

    Returns:
        Whether it conforms (no violation) and the SHACL report graph.
    """
    engine = pyrudof.Rudof(pyrudof.RudofConfig())
    engine.read_data(n_triples, format=pyrudof.RDFFormat.NTriples)
    engine.read_shacl(shapes.serialize(format="turtle"), format=pyrudof.ShaclFormat.Turtle)
    entries = engine.validate_shacl()
    report = rdflib.Graph()
    report_node = rdflib.BNode()
    report.add((report_node, RDF.type, SH.ValidationReport))
    conforms = True
    for entry in entries:
        shape = _node(entry.source_shape or "")
        severity = (
            SH[entry.severity] if ":" not in entry.severity else rdflib.URIRef(entry.severity)
        )
        result = rdflib.BNode()
        report.add((report_node, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, _node(entry.focus_node)))
        report.add((result, SH.resultSeverity, severity))
        report.add((result, SH.sourceShape, shape))
        report.add(
            (result, SH.sourceConstraintComponent, rdflib.URIRef(entry.constraint_component))
        )
        path = shapes.value(shape, SH.path)
        if path is not None:
            report.add((result, SH.resultPath, path))
            _copy_path(shapes, path, report)
        if entry.value is not None:
            report.add((result, SH.value, _node(entry.value)))
        messages = list(shapes.objects(shape, SH.message))
        for message in messages or [rdflib.Literal(entry.message.split("\n")[0])]:
            report.add((result, SH.resultMessage, message))
        conforms = conforms and severity != SH.Violation
    report.add((report_node, SH.conforms, rdflib.Literal(conforms)))
    return conforms, report


def _copy_path(shapes: rdflib.Graph, path: rdflib.term.Node, report: rdflib.Graph) -> None:
    """Copy a complex path (blank nodes, lists) into the report, as pySHACL does."""
    if not isinstance(path, rdflib.BNode) or (path, None, None) in report:
        return
    for _s, predicate, node in shapes.triples((path, None, None)):
        report.add((path, predicate, node))
        _copy_path(shapes, node, report)


def _node(text: str) -> rdflib.term.Node:
    """Read back a term as rudof writes it: an IRI, ``_:label``, or a literal.

    A literal is ``"lexical form"`` then ``@lang`` or ``^^datatype`` (``xsd:``
    abbreviated, quotes inside not escaped), so it is split at its last quote.
    """
    if text.startswith("_:"):
        return rdflib.BNode(text[2:])
    if not text.startswith('"'):
        return rdflib.URIRef(text.removeprefix("<").removesuffix(">"))
    end = text.rindex('"')
    lexical, suffix = text[1:end], text[end + 1 :]
    if suffix.startswith("@"):
        return rdflib.Literal(lexical, lang=suffix[1:])
    if suffix.startswith("^^<"):
        return rdflib.Literal(lexical, datatype=rdflib.URIRef(suffix[3:-1]))
    if suffix.startswith("^^"):
        prefix, _colon, local = suffix[2:].partition(":")
        namespace = _PREFIXED.get(prefix)
        datatype = namespace + local if namespace else suffix[2:]
        return rdflib.Literal(lexical, datatype=rdflib.URIRef(datatype))
    return rdflib.Literal(lexical)
