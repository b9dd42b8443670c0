"""Read the RDF files of the ontology and the data into one in-memory dataset.

Each file is parsed by Oxigraph (strict RDF 1.1, precise error positions).
Triples inside a TriG ``GRAPH`` block keep that graph; every other triple goes
into a graph named after its file, so that ``GRAPH ?g`` always tells where a
statement came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from .config import BASE_IRI
from .errors import DataLoadError

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG}


def rdf_files(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """List the RDF files under ``paths`` as ``(file, root)`` pairs, in a stable order.

    A directory contributes every ``.ttl`` and ``.trig`` file below it; a file
    is taken as it is, whatever its suffix, and is its own root.

    Raises:
        DataLoadError: a path does not exist.
    """
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                (f, path) for f in sorted(path.rglob("*")) if f.suffix in FORMATS and f.is_file()
            )
        elif path.is_file():
            found.append((path, path.parent))
        else:
            raise DataLoadError(path, "no such file or directory")
    return found


def file_graph(path: Path, root: Path, prefix: str = "") -> ox.NamedNode:
    """Name the graph that holds a file's triples outside ``GRAPH`` blocks.

    >>> file_graph(Path("data/mechanisms.trig"), Path("data")).value
    'https://w3id.org/iscm/graph/mechanisms'
    >>> file_graph(Path("ontology/iscm.ttl"), Path("ontology"), "ontology/").value
    'https://w3id.org/iscm/graph/ontology/iscm'
    """
    relative = path.relative_to(root).with_suffix("").as_posix()
    return ox.NamedNode(f"{BASE_IRI}graph/{prefix}{relative}")


@dataclass
class Sources:
    """The quads read from a set of files, and which file stated what."""

    quads: list[ox.Quad] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    #: subject (IRI or blank node value) -> files where it is a subject
    files_by_subject: dict[str, set[Path]] = field(default_factory=lambda: defaultdict(set))

    def extend(self, other: Sources) -> None:
        """Add another set of sources to this one."""
        self.quads.extend(other.quads)
        self.files.extend(other.files)
        for subject, files in other.files_by_subject.items():
            self.files_by_subject[subject].update(files)

    def to_rdflib(self) -> rdflib.Graph:
        """Return the union of all graphs as one rdflib graph (what SHACL validates)."""
        triples = (quad.triple for quad in self.quads)
        return rdflib.Graph().parse(
            data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt"
        )


def load(
    paths: Sequence[Path],
    graph_prefix: str = "",
    progress: Callable[[str], None] | None = None,
) -> Sources:
    """Parse every RDF file under ``paths``.

    Args:
        paths: files and folders to read.
        graph_prefix: put before the file name in the file's graph IRI.
        progress: called with one line per file read.

    Returns:
        The quads, each in its named graph.

    Raises:
        DataLoadError: a file is missing or is not valid Turtle/TriG, with the
            file, line and column of the first error.
    """
    sources = Sources()
    for path, root in rdf_files(paths):
        default_graph = file_graph(path, root, graph_prefix)
        rdf_format = FORMATS.get(path.suffix, ox.RdfFormat.TURTLE)
        try:
            parsed = list(ox.parse(path=path, format=rdf_format))
        except SyntaxError as error:
            # Oxigraph puts "line L column C" in the message and (file, L, C, ...) in args.
            details = error.args[1] if len(error.args) > 1 else (None, None, None)
            raise DataLoadError(path, error.args[0], details[1], details[2]) from error
        except (OSError, ValueError) as error:
            raise DataLoadError(path, str(error)) from error
        for quad in parsed:
            graph = default_graph if isinstance(quad.graph_name, ox.DefaultGraph) else None
            if graph is not None:
                quad = ox.Quad(quad.subject, quad.predicate, quad.object, graph)
            sources.quads.append(quad)
            sources.files_by_subject[getattr(quad.subject, "value", str(quad.subject))].add(path)
        sources.files.append(path)
        if progress:
            progress(f"  read {path} ({len(parsed)} statements)")
    return sources
