"""Check data against the SHACL shapes and explain what is wrong.

pySHACL runs with the ontology as ``ont_graph`` and no inference: RDFS
inference would type a wrong value through ``rdfs:range`` and hide the very
error a shape is there to catch.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

import pyshacl
import rdflib
from rdflib.namespace import RDFS, SH, SKOS

from .errors import ShapesError
from .sources import Sources, rdf_files

SEVERITY_ORDER = {str(SH.Violation): 0, str(SH.Warning): 1, str(SH.Info): 2}

_RESULTS = """
SELECT ?result ?severity ?focus ?path ?message ?value ?shape WHERE {
    ?result a sh:ValidationResult ;
        sh:resultSeverity ?severity ;
        sh:focusNode ?focus ;
        sh:sourceShape ?shape .
    OPTIONAL { ?result sh:resultPath ?path }
    OPTIONAL { ?result sh:resultMessage ?message }
    OPTIONAL { ?result sh:value ?value }
}
"""


@dataclass(frozen=True)
class Finding:
    """One SHACL result, in the words a data editor needs."""

    severity: str
    focus_node: str
    label: str | None
    path: str | None
    message: str
    value: str | None
    shape: str
    files: list[str] = field(default_factory=list)


@dataclass
class ValidationReport:
    """The outcome of a validation: conforms or not, and every finding."""

    conforms: bool
    findings: list[Finding]
    graph: rdflib.Graph
    #: prefix -> namespace, to abbreviate IRIs for people
    prefixes: dict[str, str] = field(default_factory=dict)

    def abbreviate(self, iri: str | None) -> str | None:
        """Write an IRI as prefix:name when a known namespace covers it."""
        if iri is None or iri.startswith("_:"):
            return iri
        for prefix, namespace in sorted(self.prefixes.items(), key=lambda p: -len(p[1])):
            if iri.startswith(namespace) and namespace:
                return f"{prefix}:{iri[len(namespace) :]}"
        return f"<{iri}>"

    @property
    def violations(self) -> list[Finding]:
        """Return the findings that block a build."""
        return [f for f in self.findings if f.severity == "Violation"]

    def summary(self) -> str:
        """Return one line counting findings by severity."""
        counts = {
            s: sum(f.severity == s for f in self.findings) for s in ("Violation", "Warning", "Info")
        }
        verdict = "conforms" if self.conforms else "does NOT conform"
        return f"Data {verdict}: " + ", ".join(f"{n} {s.lower()}(s)" for s, n in counts.items())

    def to_text(self) -> str:
        """Render the report for people: by severity, then by focus node."""
        lines = [self.summary()]
        by_severity = groupby(self.findings, key=lambda f: f.severity)
        for severity, findings in by_severity:
            lines.append(f"\n{severity}")
            for focus, group in groupby(findings, key=lambda f: f.focus_node):
                items = list(group)
                head = items[0]
                label = f' "{head.label}"' if head.label else ""
                where = f" in {', '.join(head.files)}" if head.files else ""
                lines.append(f"  <{focus}>{label}{where}")
                for finding in items:
                    path = f"{self.abbreviate(finding.path)}: " if finding.path else ""
                    value = f" [value: {finding.value}]" if finding.value else ""
                    lines.append(f"    - {path}{finding.message}{value}")
                    lines.append(f"      (shape {self.abbreviate(finding.shape)})")
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """Render the report as JSON for scripts."""
        return json.dumps(
            {"conforms": self.conforms, "results": [asdict(f) for f in self.findings]},
            ensure_ascii=False,
            indent=2,
        )

    def to_turtle(self) -> str:
        """Render the SHACL validation report graph itself."""
        return self.graph.serialize(format="turtle")


def load_shapes(shapes_dir: Path) -> rdflib.Graph:
    """Read every shapes file in ``shapes_dir``.

    Raises:
        ShapesError: a shapes file cannot be parsed, or there is none.
    """
    shapes = rdflib.Graph()
    files = rdf_files([shapes_dir])
    if not files:
        raise ShapesError(f"{shapes_dir}: no shapes (.ttl) found")
    for path, _root in files:
        try:
            shapes.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many parser-specific types
            raise ShapesError(f"{path}: cannot parse shapes: {error}") from error
    return shapes


def validate(data: Sources, shapes: rdflib.Graph, ontology: rdflib.Graph) -> ValidationReport:
    """Validate ``data`` against ``shapes``, with ``ontology`` for class hierarchy.

    Args:
        data: the data files as loaded by :func:`iscm_graph.sources.load`.
        shapes: the SHACL shapes graph.
        ontology: the vocabulary, mixed in so that subclass instances are targeted.

    Returns:
        The report. It conforms when there is no violation; warnings are allowed.
    """
    data_graph = data.to_rdflib()
    conforms, results_graph, _text = pyshacl.validate(
        data_graph,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
        advanced=True,
    )
    findings = _findings(results_graph, data_graph, ontology, data)
    prefixes = {
        prefix: str(namespace)
        for graph in (shapes, ontology, data_graph)
        for prefix, namespace in graph.namespaces()
        if prefix
    }
    return ValidationReport(bool(conforms), findings, results_graph, prefixes)


def _findings(
    results: rdflib.Graph, data: rdflib.Graph, ontology: rdflib.Graph, sources: Sources
) -> list[Finding]:
    label_graph = data + ontology
    rows: dict[rdflib.term.Node, list[Any]] = {}
    for row in results.query(_RESULTS, initNs={"sh": SH}):
        result, *values = row  # type: ignore[misc]
        message = values[3]
        kept = rows.get(result)
        # A shape may give its message in several languages: report the English one.
        if kept is None or (message is not None and getattr(message, "language", None) == "en"):
            rows[result] = values
    found = []
    for severity, focus, path, message, value, shape in rows.values():
        found.append(
            Finding(
                severity=str(severity).rsplit("#", 1)[-1],
                focus_node=str(focus),
                label=_label(label_graph, focus),
                path=_name(path) if path is not None else None,
                message=str(message) if message is not None else "constraint not met",
                value=value.n3() if value is not None else None,
                shape=_name(shape),
                files=sorted(str(p) for p in sources.files_by_subject.get(str(focus), ())),
            )
        )
    found.sort(key=lambda f: (SEVERITY_ORDER.get(str(SH) + f.severity, 9), f.focus_node, f.shape))
    return found


def _label(graph: rdflib.Graph, node: rdflib.term.Node) -> str | None:
    for predicate in (SKOS.prefLabel, RDFS.label):
        labels = {
            lit.language: str(lit)
            for lit in graph.objects(node, predicate)
            if isinstance(lit, rdflib.Literal)
        }
        for language in ("en", "fr", None):
            if language in labels:
                return labels[language]
    return None


def _name(node: rdflib.term.Node) -> str:
    """Return an IRI as it is, a blank node as ``_:id``."""
    return f"_:{node}" if isinstance(node, rdflib.BNode) else str(node)
