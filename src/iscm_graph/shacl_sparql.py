"""Run the shapes' SPARQL-based constraints on Oxigraph, one query per constraint.

pySHACL evaluates a SPARQL-based constraint once per focus node and parses
the query text again each time with rdflib's pure-Python parser (about 80 ms a
parse on a 2-core machine): a few thousand memberships make that minutes.
Here each constraint becomes a single query whose ``$this`` is bound by the
shape's targets, run by Oxigraph's engine over the whole data at once; pySHACL
keeps the core constraints, which it checks quickly.

Only node shapes with SHACL-core targets are handled this way (all of the
project's SPARQL shapes are); any other ``sh:sparql`` shape stays with pySHACL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SH

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class SparqlConstraint:
    """One ``sh:sparql`` constraint of a node shape, as a query over all its targets."""

    shape: rdflib.URIRef
    constraint: rdflib.term.Node
    severity: rdflib.URIRef
    messages: tuple[rdflib.Literal, ...]
    query: str


def split(shapes: rdflib.Graph) -> tuple[rdflib.Graph, list[SparqlConstraint]]:
    """Take the SPARQL-based constraints out of a shapes graph.

    Returns:
        A copy of ``shapes`` without the constraints that Oxigraph will run,
        and those constraints as queries.
    """
    remaining = rdflib.Graph()
    for triple in shapes:
        remaining.add(triple)
    for prefix, namespace in shapes.namespaces():
        remaining.bind(prefix, namespace)
    constraints = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        if not isinstance(shape, rdflib.URIRef) or (shape, SH.path, None) in shapes:
            continue
        if (shape, SH.deactivated, rdflib.Literal(True)) in shapes:
            continue
        targets = _targets(shapes, shape)
        select = shapes.value(constraint, SH.select)
        if targets is None or select is None or not _WHERE.search(str(select)):
            continue
        prologue = "".join(
            f"PREFIX {prefix}: <{namespace}>\n"
            for prefix, namespace in _prefixes(shapes, shapes.value(constraint, SH.prefixes))
        )
        where = _WHERE.search(str(select))
        assert where is not None
        body = f"{str(select)[: where.end()]}\n{targets}\n{str(select)[where.end() :]}"
        own = tuple(_literals(shapes.objects(constraint, SH.message)))
        constraints.append(
            SparqlConstraint(
                shape=shape,
                constraint=constraint,
                severity=shapes.value(shape, SH.severity) or SH.Violation,  # type: ignore[arg-type]
                messages=own or tuple(_literals(shapes.objects(shape, SH.message))),
                query=prologue + body,
            )
        )
        remaining.remove((shape, SH.sparql, constraint))
    return remaining, constraints


def _targets(shapes: rdflib.Graph, shape: rdflib.URIRef) -> str | None:
    """Write the shape's targets as a pattern that binds ``$this``."""
    patterns = [
        f"{{ $this <{RDF.type}>/<{rdflib.RDFS.subClassOf}>* {c.n3()} }}"
        for c in shapes.objects(shape, SH.targetClass)
    ]
    patterns += [f"{{ VALUES $this {{ {n.n3()} }} }}" for n in shapes.objects(shape, SH.targetNode)]
    patterns += [f"{{ $this {p.n3()} [] }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"{{ [] {p.n3()} $this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    if not patterns or (shape, SH.target, None) in shapes:
        return None
    return f"{{ SELECT DISTINCT $this WHERE {{ {' UNION '.join(patterns)} }} }}"


def _prefixes(shapes: rdflib.Graph, holder: rdflib.term.Node | None) -> list[tuple[str, str]]:
    if holder is None:
        return []
    return [
        (str(shapes.value(d, SH.prefix)), str(shapes.value(d, SH.namespace)))
        for d in shapes.objects(holder, SH.declare)
    ]


def _literals(nodes: Iterable[rdflib.term.Node]) -> Iterable[rdflib.Literal]:
    return (n for n in nodes if isinstance(n, rdflib.Literal))


def run(
    constraints: list[SparqlConstraint], triples: Iterable[ox.Triple], report: rdflib.Graph
) -> bool:
    """Run ``constraints`` over the union of ``triples`` and add their results to ``report``.

    Returns:
        True when no result is a violation.
    """
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in set(triples))
    (report_node,) = report.subjects(RDF.type, SH.ValidationReport)
    conforms = True
    for constraint in constraints:
        solutions = store.query(constraint.query)
        assert isinstance(solutions, ox.QuerySolutions)
        has_value = "value" in variables_names(solutions)
        for solution in solutions:
            focus = _rdflib(solution["this"])
            if focus is None:
                continue
            value = _rdflib(solution["value"]) if has_value else None
            result = rdflib.BNode()
            report.add((report_node, SH.result, result))
            report.add((result, RDF.type, SH.ValidationResult))
            report.add((result, SH.focusNode, focus))
            report.add((result, SH.value, value if value is not None else focus))
            report.add((result, SH.resultSeverity, constraint.severity))
            report.add((result, SH.sourceShape, constraint.shape))
            report.add((result, SH.sourceConstraint, constraint.constraint))
            report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
            for message in constraint.messages:
                report.add((result, SH.resultMessage, message))
            conforms = conforms and constraint.severity != SH.Violation
    if not conforms:
        report.set((report_node, SH.conforms, rdflib.Literal(False)))
    return conforms


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> rdflib.term.Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def variables_names(solutions: ox.QuerySolutions) -> list[str]:
    """Return the names of a result set's variables."""
    return [v.value for v in solutions.variables]
