"""Settings and where the RDF assets live.

The ontology, data and shapes are edited at the top of the repository; the
wheel carries a copy under ``iscm_graph/assets`` so that an installed package
works from any directory. Every setting can be overridden by an ``ISCM_*``
environment variable (``ISCM_STORE_DIR=/srv/iscm``) or by a CLI option.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Config

#: Public namespace under which the project mints every IRI.
BASE_IRI = "https://w3id.org/iscm/"

_PACKAGE_DIR = Path(__file__).resolve().parent


def asset_dir(name: str) -> Path:
    """Return the directory of one RDF asset kind (``ontology``, ``data``, ``shapes``).

    A source checkout (or editable install) uses the repository's own folder;
    an installed wheel uses the copy it carries.

    >>> asset_dir("ontology").name
    'ontology'
    """
    packaged = _PACKAGE_DIR / "assets" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parents[1] / name


def default_store_dir() -> Path:
    """Return the default home of the persistent store (XDG data directory)."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "iscm-graph" / "store"


def defaults() -> dict[str, Any]:
    """Return the default settings, as Flask config keys."""
    return {
        "ONTOLOGY_DIR": str(asset_dir("ontology")),
        "DATA_DIR": str(asset_dir("data")),
        "SHAPES_DIR": str(asset_dir("shapes")),
        "STORE_DIR": str(default_store_dir()),
        "BASE_IRI": BASE_IRI,
        # Longest query text accepted, in bytes (GET and POST alike).
        "MAX_QUERY_BYTES": 64 * 1024,
        # Largest answer written at once, in bytes: past it the query is refused.
        "MAX_RESULT_BYTES": 64 * 1024 * 1024,
        # Seconds a query may run before it is stopped and answered with a 503.
        "QUERY_TIMEOUT": 20,
        # Seconds a request may run before the WSGI server recycles its worker: a
        # last resort, above QUERY_TIMEOUT.
        "REQUEST_TIMEOUT": 30,
        # Seconds clients and proxies may reuse an answer without asking again;
        # after that, If-None-Match gets a 304 while the build is unchanged.
        "CACHE_MAX_AGE": 60,
        # Bytes of serialized answers each worker process keeps for the build it
        # serves, to send a repeated request again without running it; 0 keeps none.
        "ANSWER_CACHE_BYTES": 16 * 1024 * 1024,
        # Request threads per worker process: 1 runs gunicorn sync workers, more
        # run gthread workers, which also keep client connections alive.
        "WORKER_THREADS": 1,
        # Seconds a kept-alive connection may stay idle (gthread workers only).
        "KEEPALIVE": 5,
    }


def load_settings(overrides: Mapping[str, Any] | None = None) -> Config:
    """Return the settings: defaults, then ``ISCM_*`` environment variables, then ``overrides``.

    Flask's own :class:`~flask.Config` does the work, so the CLI and the web app
    read settings the same way.

    >>> load_settings({"REQUEST_TIMEOUT": 5})["REQUEST_TIMEOUT"]
    5
    """
    settings = Config(str(_PACKAGE_DIR))
    settings.from_mapping(defaults())
    settings.from_prefixed_env("ISCM")
    if overrides:
        settings.from_mapping({k: v for k, v in overrides.items() if v is not None})
    return settings


@dataclass(frozen=True)
class Inputs:
    """The three folders a store is built from."""

    ontology_dir: Path
    data_dir: Path
    shapes_dir: Path

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Inputs:
        """Read the folders from a settings mapping (Flask config or :func:`defaults`)."""
        return cls(
            ontology_dir=Path(settings["ONTOLOGY_DIR"]),
            data_dir=Path(settings["DATA_DIR"]),
            shapes_dir=Path(settings["SHAPES_DIR"]),
        )
