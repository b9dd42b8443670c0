"""The last build's SHACL report, published at ``/validation``.

People get an HTML page grouped like ``iscm-graph validate``'s text report
(violations, then warnings, then by focus node); programs get the report
graph itself as Turtle, JSON-LD or N-Triples, by ``Accept`` header or by
extension (``/validation.ttl``, ``.jsonld``, ``.nt``). The report is the one
the build saved beside its store, so it always describes the data served.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib
from flask import Blueprint, Response, abort, render_template, request, url_for

from . import formats
from .sparql import graph_store
from .validate import ValidationReport, from_report_graph

bp = Blueprint("validation", __name__)

REPORT_FILE = "report.ttl"
HTML = "text/html"
#: extension -> media type of the report graph
RDF_EXTENSIONS = {
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
OFFERS = [HTML, *RDF_EXTENSIONS.values()]

_LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?node skos:prefLabel ?label } WHERE {
    VALUES ?node { %s }
    ?node skos:prefLabel ?label
}
"""


@bp.get("/validation", defaults={"extension": None})
@bp.get("/validation.<extension>")
def report(extension: str | None) -> Response:
    """Publish the report of the build being served."""
    if extension is None:
        media_type = formats.choose(request.accept_mimetypes, OFFERS)
        if media_type is None:
            abort(406, f"The validation report is available as {', '.join(OFFERS)}.")
    elif extension == "html":
        media_type = HTML
    elif extension in RDF_EXTENSIONS:
        media_type = RDF_EXTENSIONS[extension]
    else:
        abort(404, f"No report as .{extension}; try .html, .ttl, .jsonld or .nt.")
    build = graph_store().current()
    path = build.directory / REPORT_FILE
    if not path.is_file():
        abort(404, "This build kept no validation report; rebuild with `iscm-graph build`.")
    if media_type == HTML:
        body = render_template(
            "validation.html",
            report=_readable(path, build.store),
            manifest=build.manifest,
            alternates={ext: url_for("validation.report", extension=ext) for ext in RDF_EXTENSIONS},
        )
        response = Response(body, mimetype=HTML)
    else:
        quads = ox.parse(path=path, format=ox.RdfFormat.TURTLE)
        triples = (quad.triple for quad in quads)
        data = ox.serialize(triples, format=formats.GRAPH_FORMATS[media_type], prefixes=_PREFIXES)
        response = Response(data, mimetype=None)
        response.headers["Content-Type"] = formats.with_charset(media_type)
    if extension is None:
        response.headers["Vary"] = "Accept"
    response.headers["Link"] = ", ".join(
        f'<{url_for("validation.report", extension=ext)}>; rel="alternate"; type="{media}"'
        for ext, media in RDF_EXTENSIONS.items()
    )
    return response


_PREFIXES = formats.PREFIXES | {"sh": "http://www.w3.org/ns/shacl#"}


def _readable(path: Path, store: ox.Store) -> ValidationReport:
    """Read the saved report, with the labels of its focus nodes from the store."""
    results = rdflib.Graph().parse(path, format="turtle")
    focus = {n for n in results.objects(None, rdflib.URIRef(_PREFIXES["sh"] + "focusNode"))}
    labels = rdflib.Graph()
    named = " ".join(n.n3() for n in focus if isinstance(n, rdflib.URIRef))
    if named:
        for triple in store.query(_LABELS % named):  # type: ignore[union-attr]
            subject, predicate, value = triple
            assert isinstance(value, ox.Literal)
            labels.add(
                (
                    rdflib.URIRef(subject.value),
                    rdflib.URIRef(predicate.value),
                    rdflib.Literal(value.value, lang=value.language),
                )
            )
    return from_report_graph(results, labels)
