"""iscm-graph: the open knowledge graph of inter-State consultation mechanisms on migration.

``create_app`` builds the Flask application that serves the graph read-only
over the SPARQL 1.1 Protocol from a persistent Oxigraph store.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, render_template
from werkzeug.exceptions import HTTPException, ServiceUnavailable

from . import browse, linked_data, query_editor, sparql, validation, vocabulary
from .answers import AnswerCache
from .config import defaults
from .description import Descriptions
from .errors import QueryRejected, StoreMissingError
from .execution import QueryThreads
from .store import GraphStore

__all__ = ["create_app"]

logger = logging.getLogger(__name__)


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create the web application.

    Settings come from the defaults, then ``ISCM_*`` environment variables,
    then ``test_config``. The store is opened lazily, read-only, once per app.

    Args:
        test_config: settings that override everything else (tests, embedding).

    Returns:
        The configured Flask application.
    """
    app = Flask(__name__)
    app.config.from_mapping(defaults())
    app.config.from_prefixed_env("ISCM")
    if test_config is not None:
        app.config.from_mapping(test_config)
    # Form-encoded queries are bounded by the same limit, plus room for the encoding.
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_QUERY_BYTES"]) * 3 + 4096

    app.extensions["iscm_graph"] = GraphStore(Path(app.config["STORE_DIR"]))
    app.extensions["iscm_graph_descriptions"] = Descriptions(str(app.config["BASE_IRI"]))
    app.extensions["iscm_graph_query_threads"] = QueryThreads()
    app.extensions["iscm_graph_answers"] = AnswerCache(int(app.config["ANSWER_CACHE_BYTES"]))
    app.register_blueprint(sparql.bp)
    app.register_blueprint(linked_data.bp)
    app.register_blueprint(browse.bp)
    app.register_blueprint(query_editor.bp)
    app.register_blueprint(vocabulary.bp)
    app.register_blueprint(validation.bp)
    _register_error_handlers(app)

    @app.get("/")
    def home() -> str:
        build = sparql.graph_store().current()
        return render_template("home.html", manifest=build.manifest)

    return app


def _register_error_handlers(app: Flask) -> None:
    @app.errorhandler(QueryRejected)
    def rejected(error: QueryRejected) -> Response:
        http_error = HTTPException(str(error))
        http_error.code = error.status
        return sparql.problem(http_error)

    @app.errorhandler(StoreMissingError)
    def missing(error: StoreMissingError) -> Response:
        logger.error("%s", error)
        return sparql.problem(ServiceUnavailable(str(error)))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        return sparql.problem(error)
