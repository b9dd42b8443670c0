"""Check data against the SHACL shapes and explain what is wrong.

The core constraints run on rudof (see :mod:`iscm_graph.shacl_rudof`), or on
pySHACL for shapes rudof was not checked on, with the ontology merged into the
data graph (so that subclass instances are targeted and the concept schemes it
defines are seen) and no inference: RDFS inference would type a wrong value
through ``rdfs:range`` and hide the very error a shape is there to catch. The
shapes' SPARQL-based constraints run on Oxigraph (see
:mod:`iscm_graph.shacl_sparql`).

Oxigraph's parser does not report the line of each triple, so a finding's
line is found again in the file that states the focus node: the first line
where the node is the subject, else the first line that names it. That is
approximate (a node described in several places is reported at the first),
and the report says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import chain, groupby
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib.namespace import RDFS, SH, SKOS

from . import shacl_rudof, shacl_sparql
from .config import BASE_IRI
from .errors import ShapesError
from .formats import PREFIXES
from .sources import Sources, rdf_files

SEVERITIES = ("Violation", "Warning", "Info")
#: The engines that can check the core constraints (``auto``: rudof when it can).
ENGINES = ("auto", "rudof", "pyshacl")
SEVERITY_ORDER = {str(SH) + name: rank for rank, name in enumerate(SEVERITIES)}

_RESULTS = """
SELECT ?result ?severity ?focus ?path ?message ?value ?shape WHERE {
    ?report sh:result ?result .
    ?result a sh:ValidationResult ;
        sh:resultSeverity ?severity ;
        sh:focusNode ?focus ;
        sh:sourceShape ?shape .
    OPTIONAL { ?result sh:resultPath ?path }
    OPTIONAL { ?result sh:resultMessage ?message }
    OPTIONAL { ?result sh:value ?value }
}
"""

#: Prefixes of the project's own IRIs, to abbreviate focus nodes for people.
ID_PREFIXES = {
    "mech": f"{BASE_IRI}id/mechanism/",
    "state": f"{BASE_IRI}id/state/",
    "orgid": f"{BASE_IRI}id/organization/",
    "src": f"{BASE_IRI}id/source/",
    "id": f"{BASE_IRI}id/",
    "scheme": f"{BASE_IRI}scheme/",
    "shape": f"{BASE_IRI}shapes#",
    "time": "http://www.w3.org/2006/time#",
}

LOCATION_NOTE = "line numbers are approximate: the first line that describes the node"


@dataclass(frozen=True)
class Location:
    """Where a node is stated: a file and, when found, a 1-based line."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


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
    locations: list[Location] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        """Return the files that state the focus node."""
        return [location.file for location in self.locations]


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

    @property
    def warnings(self) -> list[Finding]:
        """Return the findings published with the data."""
        return [f for f in self.findings if f.severity == "Warning"]

    def counts(self) -> dict[str, int]:
        """Count findings by severity."""
        return {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}

    def summary(self) -> str:
        """Return one line counting findings by severity."""
        verdict = "conforms" if self.conforms else "does NOT conform"
        counts = self.counts()
        return f"Data {verdict}: " + ", ".join(f"{n} {s.lower()}(s)" for s, n in counts.items())

    def grouped(self) -> list[tuple[str, list[tuple[str, list[Finding]]]]]:
        """Return the findings by severity, then by focus node (the order of every view)."""
        return [
            (severity, [(focus, list(g)) for focus, g in groupby(items, key=_focus_key)])
            for severity, items in groupby(self.findings, key=lambda f: f.severity)
        ]

    def to_text(self) -> str:
        """Render the report for people: by severity, then by focus node."""
        lines = [self.summary()]
        for severity, nodes in self.grouped():
            count = sum(len(items) for _focus, items in nodes)
            lines.append(f"\n{severity}s ({count})")
            for focus, items in nodes:
                head = items[0]
                label = f' "{head.label}"' if head.label else ""
                node = focus if focus.startswith("_:") else f"<{focus}>"
                lines.append(f"  {node}{label}")
                if head.locations:
                    lines.append(f"    at {', '.join(map(str, head.locations))}")
                for finding in items:
                    path = f"{self.abbreviate(finding.path)}: " if finding.path else ""
                    lines.append(f"    - {path}{finding.message}")
                    if finding.value and finding.value != f"<{focus}>":
                        lines.append(f"      value: {self._value(finding.value)}")
                    lines.append(f"      (shape {self.abbreviate(finding.shape)})")
        if any(location.line for f in self.findings for location in f.locations):
            lines.append(f"\n({LOCATION_NOTE})")
        return "\n".join(lines) + "\n"

    def _value(self, value: str) -> str:
        if value.startswith("<") and value.endswith(">"):
            return self.abbreviate(value[1:-1]) or value
        return value

    def to_json(self) -> str:
        """Render the report as JSON for scripts."""
        results = []
        for finding in self.findings:
            row = asdict(finding)
            row["files"] = finding.files
            results.append(row)
        return json.dumps(
            {
                "conforms": self.conforms,
                "counts": self.counts(),
                "note": LOCATION_NOTE,
                "results": results,
            },
            ensure_ascii=False,
            indent=2,
        )

    def to_turtle(self) -> str:
        """Render the SHACL validation report graph itself."""
        return self.graph.serialize(format="turtle")


def _focus_key(finding: Finding) -> str:
    return finding.focus_node


def load_shapes(shapes_dir: Path) -> rdflib.Graph:
    """Read every shapes file in ``shapes_dir`` into one graph.

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


def validate(
    data: Sources, shapes: rdflib.Graph, ontology: rdflib.Graph, engine: str = "auto"
) -> ValidationReport:
    """Validate ``data`` against ``shapes``, with ``ontology`` for class hierarchy.

    Args:
        data: the data files as loaded by :func:`iscm_graph.sources.load`.
        shapes: the SHACL shapes graph.
        ontology: the vocabulary, mixed in so that subclass instances are targeted.
        engine: one of :data:`ENGINES`, for the core constraints.

    Returns:
        The report. It conforms when there is no violation; warnings are allowed.
    """
    # The whole ontology goes into the data graph, not only the class axioms
    # pySHACL's ont_graph "inoculates": the concept schemes (roles, statuses)
    # live in ontology/ and the shapes look them up.
    core_shapes, sparql_constraints = shacl_sparql.split(shapes)
    ontology_triples = ox.parse(ontology.serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES)
    triples = set(chain((q.triple for q in data.quads), (q.triple for q in ontology_triples)))
    labels: rdflib.Graph | None
    if engine == "rudof" or (engine == "auto" and shacl_rudof.supports(core_shapes)):
        n_triples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        conforms, results_graph = shacl_rudof.validate(n_triples.decode(), core_shapes)
        labels = None
    else:
        data_graph = data.to_rdflib()
        for triple in ontology:
            data_graph.add(triple)
        conforms, results_graph, _text = pyshacl.validate(
            data_graph,
            shacl_graph=core_shapes,
            inference="none",
            allow_warnings=True,
            advanced=True,
            inplace=True,  # data_graph is our own copy: no second copy
        )
        labels = data_graph
    conforms = shacl_sparql.run(sparql_constraints, triples, results_graph) and bool(conforms)
    if labels is None:
        focus_nodes = {str(node) for node in results_graph.objects(None, SH.focusNode)}
        labels = _labels(triples, focus_nodes)
    prefixes = {
        prefix: str(namespace)
        for graph in (shapes, ontology)
        for prefix, namespace in graph.namespaces()
        if prefix
    }
    prefixes.update(PREFIXES)
    prefixes.update(ID_PREFIXES)
    findings = _findings(results_graph, labels, shapes, data)
    return ValidationReport(bool(conforms), findings, results_graph, prefixes)


_LABEL_PREDICATES = {ox.NamedNode(str(SKOS.prefLabel)), ox.NamedNode(str(RDFS.label))}


def _labels(triples: Iterable[ox.Triple], nodes: set[str]) -> rdflib.Graph:
    """Return the labels of ``nodes`` (IRIs or blank node ids): all a report needs of the data.

    Only the findings' focus nodes: the labels of a million-triple graph
    would take seconds to copy into rdflib.
    """
    graph = rdflib.Graph()
    for triple in triples:
        if (
            triple.predicate in _LABEL_PREDICATES
            and isinstance(triple.object, ox.Literal)
            and getattr(triple.subject, "value", None) in nodes
        ):
            subject = triple.subject
            node: rdflib.term.Node
            if isinstance(subject, ox.BlankNode):
                node = rdflib.BNode(subject.value)
            elif isinstance(subject, ox.NamedNode):
                node = rdflib.URIRef(subject.value)
            else:
                continue
            literal = triple.object
            graph.add(
                (
                    node,
                    rdflib.URIRef(triple.predicate.value),
                    rdflib.Literal(literal.value, lang=literal.language)
                    if literal.language
                    else rdflib.Literal(literal.value),
                )
            )
    return graph


def from_report_graph(results: rdflib.Graph, labels: rdflib.Graph) -> ValidationReport:
    """Read a saved SHACL report back (a build's ``report.ttl``), with labels for its nodes.

    Files and lines are not in a SHACL report, so its findings have none.
    """
    conforms = all(
        bool(value.toPython()) if isinstance(value, rdflib.Literal) else True
        for value in results.objects(None, SH.conforms)
    )
    findings = _findings(results, labels, rdflib.Graph(), Sources())
    prefixes = dict(PREFIXES) | ID_PREFIXES
    return ValidationReport(conforms, findings, results, prefixes)


def _findings(
    results: rdflib.Graph, labels: rdflib.Graph, shapes: rdflib.Graph, sources: Sources
) -> list[Finding]:
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
                focus_node=_name(focus),
                label=_label(labels, focus),
                path=_name(path) if path is not None else None,
                message=_message(message, shape, shapes),
                value=value.n3() if value is not None else None,
                shape=_name(shape),
                locations=locate(focus, sources.files_by_subject.get(str(focus), ())),
            )
        )
    found.sort(key=lambda f: (SEVERITY_ORDER.get(str(SH) + f.severity, 9), f.focus_node, f.shape))
    return found


def _message(
    message: rdflib.term.Node | None, shape: rdflib.term.Node, shapes: rdflib.Graph
) -> str:
    """Return the English message of a result.

    pySHACL drops the language tags of the messages of SPARQL-based
    constraints, so fall back on the shape's own English ``sh:message``.
    """
    if isinstance(message, rdflib.Literal) and message.language == "en":
        return str(message)
    for candidate in shapes.objects(shape, SH.message):
        if isinstance(candidate, rdflib.Literal) and candidate.language == "en":
            return str(candidate)
    return str(message) if message is not None else "constraint not met"


def _label(graph: rdflib.Graph, node: rdflib.term.Node) -> str | None:
    for predicate in (SKOS.prefLabel, RDFS.label):
        # Sorted, so that a node with two labels in one language (a finding in
        # itself) is shown the same way whatever the graph's order.
        labels: dict[str | None, str] = {}
        for lit in sorted(graph.objects(node, predicate), key=str, reverse=True):
            if isinstance(lit, rdflib.Literal):
                labels[lit.language] = str(lit)
        for language in ("en", "fr", None):
            if language in labels:
                return labels[language]
    return None


def _name(node: rdflib.term.Node) -> str:
    """Return an IRI as it is, a blank node as ``_:id``."""
    return f"_:{node}" if isinstance(node, rdflib.BNode) else str(node)


def locate(node: rdflib.term.Node, files: Iterable[Path]) -> list[Location]:
    """Find where each file states ``node``: its first line as a subject, else its first mention."""
    if not isinstance(node, rdflib.URIRef):
        return [Location(_display(path)) for path in sorted(files)]
    return [Location(_display(path), _line_of(str(node), path)) for path in sorted(files)]


def _display(path: Path) -> str:
    """Write a path relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_END = r"(?=[\s;,()\[\]]|\.(?:\s|$)|$)"


def _line_of(iri: str, path: Path) -> int | None:
    try:
        return _lines_of(path, path.stat().st_mtime_ns).get(iri)
    except OSError:
        return None


@lru_cache(maxsize=64)
def _lines_of(path: Path, _mtime: int) -> dict[str, int]:
    """Map every IRI a Turtle/TriG file names to the line that best describes it.

    A light tokenizer, not a parser: it knows prefixes, ``<iri>`` and
    ``prefix:local`` tokens, and whether a token opens a line (a subject).
    """
    prefixes: dict[str, str] = {}
    subject_lines: dict[str, int] = {}
    first_lines: dict[str, int] = {}
    token = re.compile(r"<([^<>\s]*)>|(?<![\w:/<-])([A-Za-z][\w.-]*)?:([\w\-/.%]*[\w\-/%])?" + _END)
    for number, text in enumerate(path.read_text("utf-8").splitlines(), start=1):
        declared = _PREFIX.match(text)
        if declared:
            prefixes[declared.group(1)] = declared.group(2)
            continue
        code = text.split("#", 1)[0] if '"' not in text and "<" not in text else text
        for match in token.finditer(code):
            if match.group(1) is not None:
                iri = match.group(1)
            elif (match.group(2) or "") in prefixes:
                iri = prefixes[match.group(2) or ""] + (match.group(3) or "")
            else:
                continue
            first_lines.setdefault(iri, number)
            if not code[: match.start()].strip():
                subject_lines.setdefault(iri, number)
    return first_lines | subject_lines
