"""The persistent Oxigraph store: where builds live and how they are swapped in.

Layout of a store directory::

    STORE_DIR/
        builds/<build-id>/oxigraph/   the RocksDB files of one build
        builds/<build-id>/build.json  what was built, from what, when
        builds/<build-id>/report.ttl  the SHACL report of that build
        current -> builds/<build-id>  the build being served

A build is written into a fresh directory and only then published by
replacing the ``current`` symlink, which is atomic: readers see the old build
or the new one, never half of one. A failed or interrupted build leaves
``current`` untouched.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import QueryRejected, StoreMissingError
from .safety import check_query, looks_like_update

CURRENT = "current"
BUILDS = "builds"
#: Builds kept besides the current one, so that a server still reading an
#: older build is not pulled from under its feet.
KEEP_BUILDS = 2


def current_build(store_dir: Path) -> Path | None:
    """Return the directory of the build being served, or None if none is."""
    link = store_dir / CURRENT
    if not link.is_symlink():
        return None
    target = link.resolve()
    return target if (target / "oxigraph").is_dir() else None


def read_manifest(build_dir: Path) -> dict[str, Any]:
    """Return what ``build.json`` says about a build."""
    manifest: dict[str, Any] = json.loads((build_dir / "build.json").read_text("utf-8"))
    return manifest


def write_build(
    store_dir: Path,
    build_id: str,
    quads: Iterable[ox.Quad],
    manifest: dict[str, Any],
    report_turtle: str,
    before_publish: Callable[[ox.Store, Path], None] | None = None,
) -> Path:
    """Write a new build and publish it as ``current``.

    Args:
        store_dir: the store directory (created if missing).
        build_id: a name unique to this build.
        quads: everything the store will hold.
        manifest: facts about the build, saved as ``build.json``.
        report_turtle: the SHACL report of the data, saved beside it.
        before_publish: writes derived files (downloads) from the new store
            into the build directory before it is published.

    Returns:
        The published build directory.
    """
    builds = store_dir / BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    with _exclusive(store_dir):
        staging = builds / f".staging-{build_id}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        store = ox.Store(str(staging / "oxigraph"))
        store.bulk_extend(quads)
        store.optimize()
        store.flush()
        if before_publish is not None:
            before_publish(store, staging)
        del store  # closes RocksDB before the directory is published
        (staging / "report.ttl").write_text(report_turtle, "utf-8")
        (staging / "build.json").write_text(json.dumps(manifest, indent=2), "utf-8")
        final = builds / build_id
        os.replace(staging, final)
        _publish(store_dir, final)
        _prune(builds, keep=final)
    return final


@contextmanager
def _exclusive(store_dir: Path) -> Iterator[None]:
    """Hold the store's build lock: one build writes at a time, so any staging
    directory found while holding it was left by an interrupted build."""
    with (store_dir / ".build.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _publish(store_dir: Path, build_dir: Path) -> None:
    link = store_dir / CURRENT
    temporary = store_dir / f".{CURRENT}-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(build_dir.relative_to(store_dir))
    os.replace(temporary, link)


def _prune(builds: Path, keep: Path) -> None:
    """Delete all but the newest builds, and staging left by interrupted builds."""
    finished = sorted(
        (b for b in builds.iterdir() if b.is_dir() and not b.name.startswith(".")),
        key=lambda b: b.stat().st_mtime,
        reverse=True,
    )
    for old in finished[KEEP_BUILDS + 1 :]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
    for staging in builds.glob(".staging-*"):
        if staging.name != f".staging-{keep.name}":
            shutil.rmtree(staging, ignore_errors=True)


@dataclass(frozen=True)
class OpenBuild:
    """A read-only handle on one build."""

    directory: Path
    store: ox.Store
    manifest: dict[str, Any]


class GraphStore:
    """Serves the current build read-only, and follows ``current`` when it moves.

    Checking the symlink costs one ``readlink`` per request; it lets a rebuild
    take effect in a running server without a restart.
    """

    def __init__(self, store_dir: Path) -> None:
        self.store_dir = store_dir
        self._lock = threading.Lock()
        self._open: OpenBuild | None = None
        self._link: str | None = None

    def current(self) -> OpenBuild:
        """Return the build to answer from, opening it if it changed.

        Raises:
            StoreMissingError: nothing has been built in ``store_dir``.
        """
        try:
            link = os.readlink(self.store_dir / CURRENT)
        except OSError:
            link = None
        opened = self._open
        if link is not None and opened is not None and link == self._link:
            return opened  # one readlink per request while the build is unchanged
        build = current_build(self.store_dir)
        if build is None:
            raise StoreMissingError(
                f"{self.store_dir}: no store has been built here; run `iscm-graph build`"
            )
        with self._lock:
            if self._open is None or self._open.directory != build:
                self._open = OpenBuild(
                    build, ox.Store.read_only(str(build / "oxigraph")), read_manifest(build)
                )
            self._link = link
            return self._open


def run_query(
    store: ox.Store,
    query: str,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a read-only query on a built store.

    The store's default graph holds the union of all named graphs, so a plain
    query sees everything, ``FROM <g>`` selects among the store's own graphs
    and never loads anything, and ``GRAPH ?g`` tells which source said what.

    Args:
        store: an open store.
        query: the SPARQL 1.1 query text.
        default_graphs: the protocol's ``default-graph-uri`` values, if any.
        named_graphs: the protocol's ``named-graph-uri`` values, if any.

    Raises:
        QueryRejected: the text is not a valid query, is an update, or would
            reach out to another host.
    """
    check_query(query)
    dataset: dict[str, Any] = {}
    if default_graphs or named_graphs:
        # SPARQL 1.1 Protocol §2.1.4: these parameters define the whole dataset.
        dataset["default_graph"] = [ox.NamedNode(g) for g in default_graphs or []]
        dataset["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or []]
    try:
        return store.query(query, **dataset)
    except SyntaxError as error:
        if looks_like_update(query):
            raise QueryRejected(
                "This endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, ...) is not "
                "accepted.",
                status=403,
            ) from error
        raise QueryRejected(f"Invalid SPARQL query: {error}") from error
    except ValueError as error:  # e.g. a malformed IRI in default-graph-uri
        raise QueryRejected(f"Invalid request: {error}") from error
