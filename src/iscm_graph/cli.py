"""The ``iscm-graph`` command: build, validate, serve and query the graph.

Each command is a thin wrapper over a plain function. Reports go to stdout,
progress and problems to stderr. Exit codes: 0 ok (warnings allowed),
1 the data does not conform, 2 the input or the request is unusable.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import formats
from .build import build, check, ensure_built
from .config import Inputs, load_settings
from .errors import DataLoadError, InvalidDataError, IscmGraphError, QueryRejected, ShapesError
from .store import GraphStore, run_query

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2


def _progress(line: str) -> None:
    click.echo(line, err=True)


def _input_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options that say where the ontology, data and shapes are."""
    for name in ("shapes", "data", "ontology"):
        command = click.option(
            f"--{name}",
            f"{name}_dir",
            type=click.Path(file_okay=False, path_type=Path),
            help=f"Folder of {name} files (default: the project's {name}/).",
        )(command)
    return command


_store_option = click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Store directory (default: $ISCM_STORE_DIR or ~/.local/share/iscm-graph/store).",
)


def _settings(**overrides: Any) -> dict[str, Any]:
    keys = {
        "ontology_dir": "ONTOLOGY_DIR",
        "data_dir": "DATA_DIR",
        "shapes_dir": "SHAPES_DIR",
        "store_dir": "STORE_DIR",
    }
    given = {keys[k]: str(v) for k, v in overrides.items() if k in keys and v is not None}
    return dict(load_settings(given))


def _fail(error: IscmGraphError) -> None:
    """Report an unusable input on stderr and exit 2."""
    click.echo(f"error: {error}", err=True)
    sys.exit(EXIT_ERROR)


@click.group()
@click.version_option(package_name="iscm-graph")
def cli() -> None:
    """The open knowledge graph of inter-State consultation mechanisms on migration."""


@cli.command("build")
@_input_options
@_store_option
def build_command(**options: Any) -> None:
    """Validate the data and, if it conforms, build the Oxigraph store."""
    settings = _settings(**options)
    try:
        build_dir = build(Inputs.from_settings(settings), Path(settings["STORE_DIR"]), _progress)
    except InvalidDataError as error:
        click.echo(error.report.to_text())
        click.echo("Build refused: the store was not changed.", err=True)
        sys.exit(EXIT_INVALID)
    except (DataLoadError, ShapesError) as error:
        _fail(error)
    click.echo(f"Built {build_dir}")


@cli.command("validate")
@click.argument("files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["text", "turtle", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@_input_options
def validate_command(files: tuple[Path, ...], report_format: str, **options: Any) -> None:
    """Validate data FILES (default: the project's data/) against the shapes; write nothing.

    Give the data folder and a new file (``validate data/ new.ttl``) to check a
    contribution against everything already there.
    """
    settings = _settings(**options)
    try:
        checked = check(Inputs.from_settings(settings), list(files) or None, _progress)
    except (DataLoadError, ShapesError) as error:
        _fail(error)
    report = checked.report
    render = {"text": report.to_text, "turtle": report.to_turtle, "json": report.to_json}
    click.echo(render[report_format]())
    sys.exit(EXIT_OK if report.conforms else EXIT_INVALID)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option("--workers", type=int, help="Worker processes (default: cores + 1).")
@click.option(
    "--threads",
    type=int,
    help="Request threads per worker (default 1, sync workers; more: gthread, with keep-alive).",
)
@_input_options
@_store_option
def serve_command(
    host: str, port: int, workers: int | None, threads: int | None, **options: Any
) -> None:
    """Serve the SPARQL endpoint, building the store first if it is missing or stale."""
    from .server import serve

    settings = _settings(**options)
    store_dir = Path(settings["STORE_DIR"])
    try:
        build_dir = ensure_built(Inputs.from_settings(settings), store_dir, _progress)
    except InvalidDataError as error:
        click.echo(error.report.to_text())
        click.echo("No store to serve: fix the data above, then run again.", err=True)
        sys.exit(EXIT_INVALID)
    except IscmGraphError as error:
        _fail(error)
    _progress(f"Serving {build_dir.name} on http://{host}:{port}/sparql")
    serve(settings, host, port, workers, threads)


@cli.command("query")
@click.argument("query", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.File("r", encoding="utf-8"),
    help="Read the query from a file ('-' for stdin).",
)
@click.option("--endpoint", help="Query this SPARQL endpoint instead of the local store.")
@click.option(
    "--format",
    "result_format",
    type=click.Choice(formats.FORMAT_NAMES),
    help="Result format (default: tsv for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE).",
)
@_store_option
def query_command(
    query: str | None,
    query_file: Any,
    endpoint: str | None,
    result_format: str | None,
    store_dir: Path | None,
) -> None:
    """Run a SPARQL QUERY on the local store or on a remote endpoint."""
    if (query is None) == (query_file is None):
        raise click.UsageError("Give exactly one of QUERY or --file.")
    text = query if query is not None else query_file.read()
    try:
        if endpoint:
            output = query_remote(endpoint, text, result_format)
        else:
            local_store = Path(_settings(store_dir=store_dir)["STORE_DIR"])
            output = query_local(local_store, text, result_format)
    except IscmGraphError as error:
        _fail(error)
    sys.stdout.buffer.write(output if output.endswith(b"\n") else output + b"\n")


@cli.command("stats")
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@_store_option
def stats_command(report_format: str, store_dir: Path | None) -> None:
    """Count resources by class, statements by source and labels by language in the store."""
    from .stats import compute

    try:
        store = GraphStore(Path(_settings(store_dir=store_dir)["STORE_DIR"])).current().store
        stats = compute(store)
    except IscmGraphError as error:
        _fail(error)
    click.echo(stats.to_json() if report_format == "json" else stats.to_text())


def query_local(store_dir: Path, text: str, format_name: str | None) -> bytes:
    """Run a query on the built store in ``store_dir``.

    Raises:
        StoreMissingError: nothing was built there.
        QueryRejected: the query is invalid or not allowed, or the result
            cannot be written in the requested format.
    """
    result = run_query(GraphStore(store_dir).current().store, text)
    offers = formats.offers_for(result)
    default = "tsv" if "text/csv" in offers else "turtle"
    chosen = formats.media_type_for(format_name or default, offers)
    if chosen is None:
        raise QueryRejected(f"This result cannot be written as {format_name}; use one of {offers}.")
    return formats.serialize(result, chosen)


def query_remote(endpoint: str, text: str, format_name: str | None) -> bytes:
    """Run a query on any SPARQL endpoint through SPARQLWrapper and return its raw answer.

    Raises:
        QueryRejected: the endpoint refused the query or could not be reached.
    """
    from SPARQLWrapper import SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint)
    client.setOnlyConneg(True)  # the Accept header alone says what we want
    client.setQuery(text)
    graph_query = client.queryType in ("CONSTRUCT", "DESCRIBE")
    names = formats.GRAPH_FORMAT_NAMES if graph_query else formats.RESULT_FORMAT_NAMES
    name = format_name or ("turtle" if graph_query else "tsv")
    if name not in names:
        raise QueryRejected(f"A {client.queryType} result cannot be written as {name}.")
    client.addCustomHttpHeader("Accept", names[name])
    try:
        body: bytes = client.query().response.read()
    except SPARQLWrapperException as error:
        raise QueryRejected(f"{endpoint} refused the query: {error}") from error
    except OSError as error:
        raise QueryRejected(f"cannot reach {endpoint}: {error}") from error
    return body


def main() -> None:
    """Entry point of the ``iscm-graph`` console script."""
    cli()
