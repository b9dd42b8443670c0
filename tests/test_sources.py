"""Reading RDF files: every statement lands in a named graph, errors say where."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from iscm_graph.errors import DataLoadError
from iscm_graph.sources import load

from .conftest import FIXTURES


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_triples_outside_graph_blocks_go_to_the_files_graph(tmp_path: Path) -> None:
    write(tmp_path / "notes.ttl", "<http://ex/a> <http://ex/b> <http://ex/c> .\n")
    (quad,) = load([tmp_path]).quads
    assert quad.graph_name == ox.NamedNode("https://w3id.org/iscm/graph/notes")


def test_trig_graph_blocks_keep_their_graph(tmp_path: Path) -> None:
    write(tmp_path / "x.trig", "<http://ex/g> { <http://ex/a> <http://ex/b> <http://ex/c> }\n")
    (quad,) = load([tmp_path]).quads
    assert quad.graph_name == ox.NamedNode("http://ex/g")


def test_files_by_subject_records_where_each_subject_is_described(tmp_path: Path) -> None:
    path = write(tmp_path / "x.ttl", "<http://ex/a> <http://ex/b> <http://ex/c> .\n")
    assert load([tmp_path]).files_by_subject["http://ex/a"] == {path}


def test_a_syntax_error_names_file_line_and_column() -> None:
    with pytest.raises(DataLoadError) as caught:
        load([FIXTURES / "unparseable.ttl"])
    error = caught.value
    assert error.path == FIXTURES / "unparseable.ttl"
    assert error.line == 4
    assert str(error).startswith(f"{FIXTURES / 'unparseable.ttl'}:4:")


def test_a_missing_path_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(DataLoadError, match="no such file"):
        load([tmp_path / "absent.ttl"])
