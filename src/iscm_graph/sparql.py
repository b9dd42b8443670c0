"""The SPARQL 1.1 Protocol endpoint (read-only) and its service description.

Queries go straight to Oxigraph and results are written by Oxigraph's own
serializers: Python only reads the request and picks the format.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, abort, current_app, request
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, Namespace
from werkzeug.exceptions import HTTPException

from . import formats
from .errors import QueryRejected
from .store import GraphStore, run_query

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")

bp = Blueprint("sparql", __name__)

_QUERY_MEDIA = "application/sparql-query"
_UPDATE_MEDIA = "application/sparql-update"
_FORM_MEDIA = "application/x-www-form-urlencoded"
_READ_ONLY = "This endpoint is read-only: SPARQL Update is not accepted."


@dataclass(frozen=True)
class Operation:
    """A query operation as the protocol delivers it."""

    query: str
    default_graphs: list[str]
    named_graphs: list[str]


def graph_store() -> GraphStore:
    """Return the app's store handle (one per app, made by ``create_app``)."""
    store: GraphStore = current_app.extensions["iscm_graph"]
    return store


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """Answer a SPARQL query, or describe the service when there is none."""
    operation = _read_operation()
    if operation is None:
        return service_description()
    build = graph_store().current()
    result = run_query(
        build.store, operation.query, operation.default_graphs, operation.named_graphs
    )
    media_type = _negotiate(formats.offers_for(result))
    limit = int(current_app.config["MAX_RESULT_BYTES"])
    response = Response(formats.serialize(result, media_type, limit), mimetype=None)
    response.headers["Content-Type"] = formats.with_charset(media_type)
    response.headers["Vary"] = "Accept"
    return response


def _read_operation() -> Operation | None:
    """Read the query and dataset from GET parameters, a form or a query body."""
    limit = int(current_app.config["MAX_QUERY_BYTES"])
    args = request.args
    if request.method == "GET":
        if "update" in args:
            raise QueryRejected(_READ_ONLY, 403)
        queries = args.getlist("query")
        if len(request.query_string) > limit + 1024:
            abort(414, f"The query string is longer than {limit} bytes; send long queries by POST.")
        params = args
    else:
        media_type = request.mimetype
        if media_type == _FORM_MEDIA:
            params = request.form
            if "update" in params:
                raise QueryRejected(_READ_ONLY, 403)
            queries = params.getlist("query")
        elif media_type == _QUERY_MEDIA:
            params = args
            queries = [request.get_data(as_text=True)]
        elif media_type == _UPDATE_MEDIA:
            raise QueryRejected(_READ_ONLY, 403)
        else:
            abort(
                415,
                f"POST a query as {_FORM_MEDIA} (query=...) or as {_QUERY_MEDIA}; "
                f"got {media_type or 'no Content-Type'}.",
            )
    if not queries:
        if request.method == "POST":
            abort(400, "No query: send query=... (form) or a query body.")
        return None
    if len(queries) > 1:
        abort(400, "Exactly one query parameter is allowed (SPARQL 1.1 Protocol §2.1).")
    query = queries[0]
    if len(query.encode()) > limit:
        abort(413, f"The query is longer than {limit} bytes.")
    return Operation(query, params.getlist("default-graph-uri"), params.getlist("named-graph-uri"))


def _negotiate(offers: list[str]) -> str:
    """Choose the response format from ``?format=`` or the Accept header (else 406)."""
    # Some clients (SPARQLWrapper) repeat format= with a short name and a media type.
    wanted = request.values.getlist("format")
    if wanted:
        for name in wanted:
            media_type = formats.media_type_for(name, offers)
            if media_type is not None:
                return media_type
        abort(406, f"format={wanted[0]} is not available here; choose one of {offers}.")
    chosen = formats.choose(request.accept_mimetypes, offers)
    if chosen is None:
        abort(406, f"None of the accepted media types can be produced; available: {offers}.")
    return chosen


def service_description() -> Response:
    """Describe the endpoint in RDF (SPARQL 1.1 Service Description)."""
    endpoint_iri = URIRef(request.base_url)
    graph = Graph(bind_namespaces="rdflib")
    graph.bind("sd", SD)
    service = BNode()
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, endpoint_iri))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ):
        graph.add((service, SD.resultFormat, FORMATS_NS[name]))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default_graph = BNode()
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    manifest = graph_store().current().manifest
    for name in manifest.get("graphs", []):
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, SD.name, URIRef(name)))
    graph.add(
        (
            default_graph,
            URIRef("http://rdfs.org/ns/void#triples"),
            Literal(manifest.get("triples", 0)),
        )
    )
    offers = ["text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"]
    media_type = _negotiate(offers)
    rdflib_format = {
        "text/turtle": "turtle",
        "application/ld+json": "json-ld",
        "application/rdf+xml": "xml",
        "application/n-triples": "nt",
    }[media_type]
    body = graph.serialize(format=rdflib_format)
    return Response(
        body, headers={"Content-Type": formats.with_charset(media_type), "Vary": "Accept"}
    )


@bp.after_app_request
def allow_cross_origin(response: Response) -> Response:
    """Let browser clients (YASGUI, Comunica) on other origins send queries and read answers."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    if request.method == "OPTIONS":  # a CORS preflight, e.g. for application/sparql-query
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


def problem(error: HTTPException) -> Response:
    """Render an HTTP error as RFC 9457 problem details (JSON), keeping its status."""
    response = current_app.make_response(error.get_response())
    response.data = current_app.json.dumps(
        {
            "type": "about:blank",
            "title": error.name,
            "status": error.code,
            "detail": error.description,
        }
    )
    response.content_type = "application/problem+json"
    return response
