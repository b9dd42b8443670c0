"""Dereferencing: every IRI the project mints answers, as HTML or RDF.

The IRIs are slash IRIs naming things (a mechanism, a State), not documents,
so, as *Cool URIs for the Semantic Web* prescribes for them, the IRI answers
``303 See Other`` pointing at a document about the thing, chosen by the
Accept header: ``/id/mechanism/rcm`` → ``/id/mechanism/rcm.html`` for a
browser, ``/id/mechanism/rcm.ttl`` for a Turtle client. The documents are
plain links that anyone can bookmark or fetch without content negotiation.
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, redirect, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from . import formats, pages
from .resources import MINTED_ROOTS, describe, exists, graph_triples, iri_for_path, is_graph
from .sparql import graph_store, problem

bp = Blueprint("linked_data", __name__)

#: Document extension -> media type. HTML first: what a client that states no
#: preference (or */*) is sent to.
EXTENSIONS: dict[str, str] = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
MEDIA_EXTENSIONS = {media: ext for ext, media in EXTENSIONS.items()} | {
    "application/xhtml+xml": "html",
    "application/x-turtle": "ttl",
    "application/json": "jsonld",
    "text/plain": "nt",
}
#: The alternates every page lists (media type, extension, name).
ALTERNATES = (
    ("text/turtle", "ttl", "Turtle"),
    ("application/ld+json", "jsonld", "JSON-LD"),
    ("application/n-triples", "nt", "N-Triples"),
    ("application/rdf+xml", "rdf", "RDF/XML"),
)


def _split(path: str) -> tuple[str, str | None]:
    """Split a request path into the IRI path and the document extension, if any.

    >>> _split("id/mechanism/rcm.ttl")
    ('id/mechanism/rcm', 'ttl')
    >>> _split("id/mechanism/rcm")
    ('id/mechanism/rcm', None)
    """
    stem, dot, extension = path.rpartition(".")
    if dot and extension in EXTENSIONS and "/" not in extension:
        return stem, extension
    return path, None


def _node(path: str) -> ox.NamedNode:
    """The IRI of a request path, or 404 when the graph knows nothing of it."""
    iri = iri_for_path(current_app.config["BASE_IRI"], path)
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        abort(404, f"{iri} is not an IRI this service knows.")
    if not exists(graph_store().current().store, node):
        abort(404, f"{iri} is not an IRI this service knows.")
    return node


def _resource(root: str, rest: str) -> BaseResponse | str:
    path, extension = _split(f"{root}/{rest}")
    node = _node(path)
    if extension is None:
        chosen = formats.choose(request.accept_mimetypes, list(MEDIA_EXTENSIONS))
        if chosen is None:
            abort(406, f"{node.value} is available as {', '.join(EXTENSIONS.values())}.")
        target = f"{request.script_root}/{quote(path)}.{MEDIA_EXTENSIONS[chosen]}"
        response = redirect(target, code=303)
        response.headers["Vary"] = "Accept"
        return response
    if extension == "html":
        return page(node)
    return rdf_document(node, EXTENSIONS[extension])


def rdf_document(node: ox.NamedNode, media_type: str) -> Response:
    """The RDF about one IRI: its description, or a graph's statements."""
    store = graph_store().current().store
    triples = graph_triples(store, node) if is_graph(store, node) else describe(store, node)
    body = formats.serialize_triples(triples, media_type)
    response = Response(body, mimetype=None)
    response.headers["Content-Type"] = formats.with_charset(media_type)
    response.headers["Link"] = f'<{node.value}>; rel="describes"'
    return response


def page(node: ox.NamedNode) -> str:
    """The HTML page about one IRI."""
    store = graph_store().current().store
    base_iri = current_app.config["BASE_IRI"]
    renderer = pages.Renderer(store, base_iri)
    iri = node.value
    kind, sections = pages.kind_of(store, iri)
    if is_graph(store, node) and not pages.properties(renderer, iri):
        kind, sections = "graph", pages.GRAPH_SECTIONS
    name, lang = renderer.label(iri)
    return render_template(
        "resource.html",
        iri=iri,
        kind=kind,
        name=name,
        name_lang=lang,
        path=request.path.rsplit(".", 1)[0],
        alternates=ALTERNATES,
        properties=pages.properties(renderer, iri),
        describe_query=pages.describe_query(iri),
        tables=[renderer.table(section, iri) for section in sections],
        incoming=pages.incoming(renderer, iri),
    )


@bp.errorhandler(404)
@bp.errorhandler(406)
def error_page(error: HTTPException) -> Response | tuple[str, int]:
    """A page for a reader, problem details (JSON) for a program."""
    wants_html = request.path.endswith(".html") or (
        request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html"
    )
    if wants_html and error.code is not None:
        return render_template("error.html", error=error), error.code
    return problem(error)


for _root in MINTED_ROOTS:
    bp.add_url_rule(
        f"/{_root}/<path:rest>",
        endpoint=f"resource_{_root}",
        view_func=lambda rest, _root=_root: _resource(_root, rest),
    )
