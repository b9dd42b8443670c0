"""The SPARQL 1.1 Protocol endpoint (read-only) and its service description.

Queries go straight to Oxigraph and results are written by Oxigraph's own
serializers: Python only reads the request and picks the format.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

import pyoxigraph as ox
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    render_template,
    request,
)
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import HTTPException, NotAcceptable
from werkzeug.http import parse_accept_header

from . import description, formats
from .answers import AnswerCache, CachedAnswer
from .errors import QueryRejected
from .execution import STREAM_THRESHOLD, Limits, execute
from .store import GraphStore, OpenBuild, run_query

#: Key in ``app.extensions`` of what to do when a query is abandoned at its
#: deadline (the server retires the worker, to stop the CPU it burns).
ON_ABANDONED_QUERY = "iscm_graph.on_abandoned_query"

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
    build_id = build.manifest.get("id", "")
    key = _request_key(build_id, operation)
    etag = hashlib.sha256(key.encode()).hexdigest()[:32]
    # RFC 9110 §13.1.2: a 304 answers GET and HEAD only.
    if request.method in ("GET", "HEAD") and request.if_none_match.contains(etag):
        return _cacheable(Response(status=304), etag)
    cache = answers()
    generation = f"{build.directory} {build_id}"
    cached = cache.get(generation, key)
    if cached is not None:
        return _answer(cached.body, cached.media_type, etag)
    # Negotiated up front, in the request's context, for either kind of result.
    for_results = _negotiate(list(formats.RESULT_FORMATS), strict=False)
    for_graphs = _negotiate(list(formats.GRAPH_FORMATS), strict=False)

    # The 406 messages are written here too: the query thread has no request.
    refusals = {
        True: "" if for_graphs else _not_acceptable(list(formats.GRAPH_FORMATS)),
        False: "" if for_results else _not_acceptable(list(formats.RESULT_FORMATS)),
    }

    def choose(result: formats.QueryResult) -> str:
        graph = isinstance(result, ox.QueryTriples)
        chosen = for_graphs if graph else for_results
        if chosen is None:
            raise NotAcceptable(refusals[graph])
        return chosen

    config = current_app.config
    answer = execute(
        partial(
            run_query,
            build.store,
            operation.query,
            operation.default_graphs,
            operation.named_graphs,
        ),
        choose,
        Limits(
            float(config["QUERY_TIMEOUT"]),
            int(config["MAX_RESULT_BYTES"]),
            int(config.get("STREAM_AFTER_BYTES", STREAM_THRESHOLD)),
        ),
        current_app.extensions["iscm_graph_query_threads"],
        on_abandon=current_app.extensions.get(ON_ABANDONED_QUERY),
    )
    if answer.stream is not None:
        # The stream needs no request context: it only reads the query thread's chunks.
        return _answer(answer.stream, answer.media_type, etag)
    body = answer.body or b""
    cache.put(generation, key, CachedAnswer(answer.media_type, body))
    return _answer(body, answer.media_type, etag)


def _answer(body: bytes | Iterator[bytes], media_type: str, etag: str) -> Response:
    response = Response(body, headers={"Content-Type": formats.with_charset(media_type)})
    return _cacheable(response, etag)


def answers() -> AnswerCache:
    """Return the app's answer cache (one per app, so one per worker process)."""
    cache: AnswerCache = current_app.extensions["iscm_graph_answers"]
    return cache


def _request_key(build_id: str, operation: Operation) -> str:
    """Name an answer by everything it depends on: the build and the whole request.

    The negotiated format depends on ``Accept`` and ``format=``, both part of the key.
    """
    return json.dumps(
        [
            build_id,
            operation.query,
            operation.default_graphs,
            operation.named_graphs,
            request.headers.get("Accept", ""),
            request.values.getlist("format"),
        ]
    )


def _cacheable(response: Response, etag: str) -> Response:
    response.set_etag(etag)
    max_age = int(current_app.config["CACHE_MAX_AGE"])
    response.headers["Cache-Control"] = f"public, max-age={max_age}"
    response.vary.add("Accept")
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
            try:
                queries = [request.get_data().decode("utf-8")]
            except UnicodeDecodeError:
                abort(400, "The query body is not UTF-8, as SPARQL 1.1 Protocol §2.1.3 requires.")
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


def _negotiate(offers: list[str], strict: bool = True) -> str | None:
    """Choose the response format from ``?format=`` or the Accept header.

    With ``strict``, nothing acceptable is a 406; otherwise it is None.
    """
    # Some clients (SPARQLWrapper) repeat format= with a short name and a media type.
    wanted = request.values.getlist("format")
    chosen: str | None = None
    if wanted:
        for name in wanted:
            chosen = formats.media_type_for(name, offers)
            if chosen is not None:
                break
    else:
        chosen = _choose_cached(request.headers.get("Accept", ""), tuple(offers))
    if chosen is None and strict:
        raise NotAcceptable(_not_acceptable(offers))
    return chosen


@lru_cache(maxsize=512)
def _choose_cached(accept: str, offers: tuple[str, ...]) -> str | None:
    """Content negotiation, memoised: clients send few distinct Accept headers."""
    return formats.choose(parse_accept_header(accept, MIMEAccept), list(offers))


def negotiate(offers: list[str]) -> str:
    """Choose among ``offers`` as the client asks, or answer 406."""
    chosen = _negotiate(offers)
    assert chosen is not None
    return chosen


def _not_acceptable(offers: list[str]) -> str:
    wanted = request.values.getlist("format")
    if wanted:
        return f"format={wanted[0]} is not available here; choose one of {offers}."
    return f"None of the accepted media types can be produced; available: {offers}."


def descriptions() -> description.Descriptions:
    """Return the app's cache of descriptions (one per app, made by ``create_app``)."""
    cache: description.Descriptions = current_app.extensions["iscm_graph_descriptions"]
    return cache


def service_description() -> Response:
    """Describe the endpoint: SPARQL 1.1 Service Description in RDF, or a page for browsers."""
    build = graph_store().current()
    media_type = negotiate([*description.RDF_FORMATS, "text/html"])
    etag = _description_etag(build, media_type)
    if request.if_none_match.contains(etag):
        return _cacheable(Response(status=304), etag)
    if media_type == "text/html":
        facts = descriptions().facts(build)
        page = render_template(
            "service.html",
            **description.html_context(facts, descriptions().base_iri),
            endpoint_url=request.base_url,
            result_formats=list(formats.RESULT_FORMATS),
            graph_formats=list(formats.GRAPH_FORMATS),
        )
        response = Response(page, headers={"Content-Type": formats.with_charset(media_type)})
    else:
        body = descriptions().document(build, "service", request.host_url, media_type)
        response = Response(body, headers={"Content-Type": formats.with_charset(media_type)})
    return _cacheable(response, etag)


@bp.get("/.well-known/void")
def void_description() -> Response:
    """Describe the dataset in VoID and DCAT (RDF by Accept)."""
    build = graph_store().current()
    media_type = negotiate(list(description.RDF_FORMATS))
    etag = _description_etag(build, media_type)
    if request.if_none_match.contains(etag):
        return _cacheable(Response(status=304), etag)
    body = descriptions().document(build, "void", request.host_url, media_type)
    response = Response(body, headers={"Content-Type": formats.with_charset(media_type)})
    return _cacheable(response, etag)


def _description_etag(build: OpenBuild, media_type: str) -> str:
    key = f"{build.manifest.get('id', '')} {request.host_url} {request.path} {media_type}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


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
