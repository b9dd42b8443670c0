"""Shared fixtures: the project's real inputs, one real store, the app and its clients."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from iscm_graph import create_app
from iscm_graph.build import build
from iscm_graph.config import Inputs

PROJECT_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
INPUTS = Inputs(PROJECT_ROOT / "ontology", PROJECT_ROOT / "data", PROJECT_ROOT / "shapes")


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the real ontology, data and shapes."""
    store_dir = tmp_path_factory.mktemp("store")
    build(INPUTS, store_dir)
    return store_dir


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/, for tests that add or break a file."""
    target = tmp_path / "data"
    shutil.copytree(INPUTS.data_dir, target)
    return target


@pytest.fixture
def app(built_store: Path) -> Flask:
    return create_app({"TESTING": True, "STORE_DIR": str(built_store)})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> Iterator[CliRunner]:
    yield CliRunner()


@pytest.fixture(scope="session")
def ontology_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(INPUTS.ontology_dir / "iscm.ttl")


@pytest.fixture(scope="session")
def shapes_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in sorted(INPUTS.shapes_dir.glob("*.ttl")):
        graph.parse(path)
    return graph
