"""Run the app under gunicorn, a production WSGI server.

Each worker process builds its own app (and so opens its own read-only
handle on the store) after the fork, which RocksDB requires. A request that
runs past ``timeout`` seconds gets its worker recycled by gunicorn's arbiter,
so one runaway query cannot hold a worker forever.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from . import create_app

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

    def load(self) -> Flask:
        return create_app(self.settings)


def serve(settings: Mapping[str, Any], host: str, port: int, workers: int | None = None) -> None:
    """Serve until interrupted.

    Args:
        settings: app settings (store location, limits).
        host: interface to listen on.
        port: TCP port.
        workers: worker processes (default: cores + 1).
    """
    options = {
        "bind": f"{host}:{port}",
        "workers": workers or default_workers(),
        "worker_class": "sync",
        "timeout": int(settings["REQUEST_TIMEOUT"]),
        "graceful_timeout": 10,
        "accesslog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        # gunicorn's largest request line (8190 bytes) bounds GET queries and
        # answers 414 past it; longer queries go by POST, up to MAX_QUERY_BYTES.
        "limit_request_line": 8190,
    }
    Server(settings, options).run()
