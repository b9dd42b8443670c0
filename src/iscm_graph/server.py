"""Run the app under gunicorn, a production WSGI server.

Each worker process builds its own app (and so opens its own read-only
handle on the store) after the fork, which RocksDB requires. A query that
runs past ``QUERY_TIMEOUT`` is answered with a 503 by its worker, which then
retires (gunicorn starts a fresh one) because Oxigraph cannot cancel the
query it leaves running. gunicorn's own ``timeout`` stays as a last resort.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Mapping
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from . import create_app
from .sparql import ON_ABANDONED_QUERY

ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(B)s bytes %(M)sms "%(a)s"'


def default_workers() -> int:
    """One worker per core plus one, the usual start for I/O-light, CPU-bound work."""
    return (os.cpu_count() or 1) + 1


class Server(BaseApplication):  # type: ignore[misc]
    """gunicorn application that serves :func:`iscm_graph.create_app`."""

    def __init__(self, settings: Mapping[str, Any], options: Mapping[str, Any]) -> None:
        self.settings = dict(settings)
        self.options = dict(options)
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        # gunicorn >= 25 opens a control socket in $HOME by default; a read-only
        # service needs none, and two servers on one machine would fight over it.
        if "control_socket_disable" in self.cfg.settings:
            self.cfg.set("control_socket_disable", True)
        self.cfg.set("worker_exit", end_retired_worker)

    def load(self) -> Flask:
        app = create_app(self.settings)
        app.extensions[ON_ABANDONED_QUERY] = retire_worker
        return app


#: Set in a worker that abandoned a query and is on its way out.
_retiring = threading.Event()


def retire_worker() -> None:
    """Ask this gunicorn worker to exit once its current responses are sent.

    SIGTERM makes a worker finish the requests in hand and leave; the arbiter
    replaces it. Its process ending is what stops the abandoned query.
    """
    _retiring.set()
    os.kill(os.getpid(), signal.SIGTERM)


def end_retired_worker(_arbiter: object, _worker: object) -> None:
    """End a retired worker's process at once, once gunicorn has let it go.

    Python's own exit could otherwise wait on the query still running in Rust
    (seen as a worker that logs its exit, then lingers until gunicorn's
    ``timeout`` kills it). The store is read-only: there is nothing to flush
    but the logs.
    """
    if _retiring.is_set():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def serve(
    settings: Mapping[str, Any],
    host: str,
    port: int,
    workers: int | None = None,
    threads: int | None = None,
) -> None:
    """Serve until interrupted.

    Args:
        settings: app settings (store location, limits).
        host: interface to listen on.
        port: TCP port.
        workers: worker processes (default: cores + 1).
        threads: request threads per worker (default: ``WORKER_THREADS``). With
            more than one, workers are gunicorn's ``gthread`` kind, which keep
            connections alive; with one, ``sync`` workers, which close each.
    """
    threads = threads or int(settings["WORKER_THREADS"])
    options = {
        "bind": f"{host}:{port}",
        "workers": workers or default_workers(),
        "worker_class": "gthread" if threads > 1 else "sync",
        "threads": threads,
        # Seconds an idle kept-alive connection holds a thread (gthread only).
        "keepalive": int(settings["KEEPALIVE"]),
        # A last resort: a worker stuck past this (not in a query) is killed.
        "timeout": max(int(settings["REQUEST_TIMEOUT"]), int(settings["QUERY_TIMEOUT"]) + 10),
        "graceful_timeout": 10,
        "accesslog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        # gunicorn's largest request line (8190 bytes) bounds GET queries and
        # answers 414 past it; longer queries go by POST, up to MAX_QUERY_BYTES.
        "limit_request_line": 8190,
    }
    Server(settings, options).run()
