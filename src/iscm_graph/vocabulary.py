"""The vocabulary at its own IRI: ``/ontology`` (and ``/ontology/<version>``).

A browser gets the HTML documentation that pyLODE writes from the ontology;
a linked-data client gets the ontology itself as Turtle, N-Triples, JSON-LD
or RDF/XML, chosen by the Accept header (``Vary: Accept``) or by an
extension (``/ontology.ttl``). Both come from the ontology's named graph in
the build being served, so the documentation never disagrees with the data.
The HTML is written once per build and process, on the first request.
"""

from __future__ import annotations

import logging
import threading
import warnings
from pathlib import Path

import pyoxigraph as ox
import rdflib
from flask import Blueprint, Response, abort, current_app, request

from . import formats
from .sources import file_graph
from .sparql import graph_store
from .store import OpenBuild

bp = Blueprint("vocabulary", __name__)

#: The named graph the build gives ``ontology/iscm.ttl``.
ONTOLOGY_GRAPH = file_graph(Path("iscm.ttl"), Path("."), "ontology/")

HTML = "text/html"
#: ``/ontology.<extension>`` → media type.
EXTENSIONS = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
}

_html_lock = threading.Lock()


@bp.get("/ontology")
def ontology() -> Response:
    """The vocabulary, in the representation the client prefers."""
    offers = [HTML, *formats.GRAPH_FORMATS]
    media_type = formats.choose(request.accept_mimetypes, offers)
    if media_type is None:
        abort(406, f"None of the accepted media types can be produced; available: {offers}.")
    response = _represent(media_type)
    response.headers["Vary"] = "Accept"
    return response


@bp.get("/ontology/<version>")
def ontology_version(version: str) -> Response:
    """The vocabulary at its version IRI; only the version being served exists."""
    if version != _version_info(_build()):
        abort(404, f"Version {version} of the vocabulary is not served here.")
    return ontology()


@bp.get("/ontology.<extension>")
def ontology_file(extension: str) -> Response:
    """The vocabulary in the format its extension names."""
    media_type = EXTENSIONS.get(extension)
    if media_type is None:
        abort(404, f"No such format; use one of .{', .'.join(EXTENSIONS)}.")
    return _represent(media_type)


def _build() -> OpenBuild:
    return graph_store().current()


def _triples(build: OpenBuild) -> ox.QueryTriples:
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_GRAPH.value}> {{ ?s ?p ?o }} }}"
    triples = build.store.query(query)
    assert isinstance(triples, ox.QueryTriples)
    return triples


def _represent(media_type: str) -> Response:
    build = _build()
    body: str | bytes
    if media_type == HTML:
        body = _html(build)
    else:
        body = formats.serialize(_triples(build), media_type)
    response = Response(body, mimetype=None)
    response.headers["Content-Type"] = formats.with_charset(media_type)
    return response


def _version_info(build: OpenBuild) -> str:
    owl = "http://www.w3.org/2002/07/owl#"
    query = (
        f"SELECT ?v WHERE {{ GRAPH <{ONTOLOGY_GRAPH.value}> "
        f"{{ ?o a <{owl}Ontology> ; <{owl}versionInfo> ?v }} }}"
    )
    solutions = build.store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return next((str(row["v"].value) for row in solutions), "")


def _html(build: OpenBuild) -> str:
    """The pyLODE page of the build's ontology, rendered once per build and process."""
    cache: dict[Path, str] = current_app.extensions.setdefault("iscm_graph_ontology_html", {})
    with _html_lock:
        if build.directory not in cache:
            cache.clear()
            graph = rdflib.Graph().parse(
                data=formats.serialize(_triples(build), "application/n-triples"), format="nt"
            )
            cache[build.directory] = render_html(graph)
        return cache[build.directory]


def render_html(ontology: rdflib.Graph) -> str:
    """Document an ontology with pyLODE's OntPub profile."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        # pyLODE configures the root logger when imported; keep the app's own.
        from pylode import OntPub
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    with warnings.catch_warnings():
        # pyLODE reads its stylesheet without closing the file.
        warnings.simplefilter("ignore", ResourceWarning)
        html: str = OntPub(ontology=ontology).make_html()
    return html
