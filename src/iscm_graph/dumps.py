"""Whole-graph downloads, written once per build beside the store.

Triple formats hold the union of every source (the store's default graph);
N-Quads and TriG keep one named graph per source, so that the provenance of
each statement survives the download. Files are gzipped and written before
the build is published, so a served build always has its dumps.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .formats import PREFIXES

DUMPS_DIR = "downloads"
STEM = "iscm-graph"


@dataclass(frozen=True)
class DumpFormat:
    """One download: its file extension, media type, serializer and shape."""

    extension: str
    media_type: str
    rdf_format: ox.RdfFormat
    name: str
    quads: bool

    @property
    def filename(self) -> str:
        """The file name, e.g. ``iscm-graph.ttl.gz``."""
        return f"{STEM}.{self.extension}.gz"


DUMP_FORMATS = (
    DumpFormat("ttl", "text/turtle", ox.RdfFormat.TURTLE, "Turtle", quads=False),
    DumpFormat("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, "N-Triples", quads=False),
    DumpFormat("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "JSON-LD", quads=False),
    DumpFormat("rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML, "RDF/XML", quads=False),
    DumpFormat("nq", "application/n-quads", ox.RdfFormat.N_QUADS, "N-Quads", quads=True),
    DumpFormat("trig", "application/trig", ox.RdfFormat.TRIG, "TriG", quads=True),
)


def named_quads(store: ox.Store) -> list[ox.Quad]:
    """Return every quad of the named graphs (the default graph is their union)."""
    return [
        q for q in store.quads_for_pattern(None, None, None) if q.graph_name != ox.DefaultGraph()
    ]


def write_dumps(store: ox.Store, build_dir: Path) -> None:
    """Write every download of a build into ``build_dir/downloads``."""
    target = build_dir / DUMPS_DIR
    target.mkdir(exist_ok=True)
    quads = named_quads(store)
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    for dump in DUMP_FORMATS:
        prefixes = PREFIXES if dump.rdf_format in _PREFIXED else None
        data = quads if dump.quads else triples
        body = ox.serialize(data, None, dump.rdf_format, prefixes=prefixes)
        assert body is not None
        (target / dump.filename).write_bytes(gzip.compress(body, mtime=0))


_PREFIXED = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML}


def dump_path(build_dir: Path, filename: str) -> Path | None:
    """Return the file of a download by name, or None if there is no such download."""
    if filename not in {dump.filename for dump in DUMP_FORMATS}:
        return None
    path = build_dir / DUMPS_DIR / filename
    return path if path.is_file() else None
