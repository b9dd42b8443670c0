"""Media types of SPARQL results and RDF graphs, and the choice among them.

Two explicit tables map a media type to an Oxigraph serializer: one for
result sets (SELECT, ASK), one for graphs (CONSTRUCT, DESCRIBE). The first
entry of each is the default when the client states no preference.
"""

from __future__ import annotations

import io
from typing import IO, cast

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

from .errors import QueryRejected
from .namespace import ISCM

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}

GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    # A CONSTRUCT answer is a set of triples: in N-Quads or TriG they sit in the
    # default graph (N-Triples and Turtle are subsets of those), for clients that
    # only read dataset formats.
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}

#: Short names for ``?format=`` links and the CLI's ``--format``. Clients such
#: as SPARQLWrapper send ``format=xml`` or ``format=json`` for any query form,
#: so a name means the matching format of whichever kind the result is.
RESULT_FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMAT_NAMES: dict[str, str] = {
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "json": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "xml": "application/rdf+xml",
    "nq": "application/n-quads",
    "nquads": "application/n-quads",
    "trig": "application/trig",
}
FORMAT_NAMES = sorted(set(RESULT_FORMAT_NAMES) | set(GRAPH_FORMAT_NAMES))


def media_type_for(name: str, offers: list[str]) -> str | None:
    """Resolve a ``format`` value (short name or media type) among ``offers``.

    >>> media_type_for("xml", list(GRAPH_FORMATS))
    'application/rdf+xml'
    >>> media_type_for("xml", list(RESULT_FORMATS))
    'application/sparql-results+xml'
    >>> media_type_for("csv", list(GRAPH_FORMATS)) is None
    True
    """
    names = GRAPH_FORMAT_NAMES if set(offers) <= set(GRAPH_FORMATS) else RESULT_FORMAT_NAMES
    media_type = names.get(name.lower(), name)
    return media_type if media_type in offers else None


#: Prefixes used to abbreviate Turtle output.
PREFIXES = {
    "iscm": str(ISCM),
    "mech": "https://w3id.org/iscm/id/mechanism/",
    "src": "https://w3id.org/iscm/id/source/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def choose(accept: MIMEAccept, offers: list[str]) -> str | None:
    """Pick the offer the client prefers, or the first offer if it states none.

    Returns None when the client accepts none of the offers (HTTP 406).

    >>> from werkzeug.http import parse_accept_header
    >>> choose(parse_accept_header("text/csv;q=0.5, text/turtle", MIMEAccept), ["text/csv"])
    'text/csv'
    >>> choose(parse_accept_header("", MIMEAccept), ["text/turtle", "text/csv"])
    'text/turtle'
    """
    if not accept:
        return offers[0]
    return accept.best_match(offers)


def with_charset(media_type: str) -> str:
    """Add ``charset=utf-8`` to the media types that are text.

    >>> with_charset("text/csv")
    'text/csv; charset=utf-8'
    >>> with_charset("application/n-triples")
    'application/n-triples; charset=utf-8'
    """
    return f"{media_type}; charset=utf-8"


QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def offers_for(result: QueryResult) -> list[str]:
    """Return the media types a result can be written in, default first."""
    return list(GRAPH_FORMATS if isinstance(result, ox.QueryTriples) else RESULT_FORMATS)


def write(result: QueryResult, media_type: str, sink: IO[bytes] | io.RawIOBase) -> None:
    """Write a query result to ``sink`` in one of the media types :func:`offers_for` lists.

    Oxigraph calls ``sink.write`` as it goes, so a sink can stop a runaway
    answer by raising.
    """
    output = cast(IO[bytes], sink)
    if isinstance(result, ox.QueryTriples):
        ox.serialize(result, output, GRAPH_FORMATS[media_type], prefixes=PREFIXES)
    else:
        result.serialize(output, RESULT_FORMATS[media_type])


class _BoundedBuffer(io.BytesIO):
    """A bytes sink that refuses to grow past a limit."""

    def __init__(self, limit: int | None) -> None:
        super().__init__()
        self.limit = limit

    def write(self, chunk: bytes) -> int:  # type: ignore[override]
        written = super().write(chunk)
        if self.limit is not None and self.tell() > self.limit:
            raise QueryRejected(
                f"The result is larger than the {self.limit} bytes this endpoint returns at "
                "once; add LIMIT and OFFSET, or narrow the query."
            )
        return written


def serialize(result: QueryResult, media_type: str, limit: int | None = None) -> bytes:
    """Return a query result written in ``media_type``, as one string of bytes.

    Raises:
        QueryRejected: the result would be larger than ``limit`` bytes.
    """
    sink = _BoundedBuffer(limit)
    write(result, media_type, sink)
    return sink.getvalue()


def serialize_triples(triples: list[ox.Triple], media_type: str) -> bytes:
    """Write a set of triples (a resource's description) in a graph media type."""
    sink = io.BytesIO()
    ox.serialize(triples, sink, GRAPH_FORMATS[media_type], prefixes=PREFIXES)
    return sink.getvalue()
