"""Building the store: only conforming data is written, and a refusal changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iscm_graph.build import build, ensure_built
from iscm_graph.cli import cli
from iscm_graph.config import Inputs
from iscm_graph.errors import DataLoadError, InvalidDataError
from iscm_graph.store import GraphStore, current_build, run_query

from .conftest import FIXTURES, INPUTS

COUNT_ISCMS = """
PREFIX iscm: <https://w3id.org/iscm/ontology#>
SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
  VALUES ?kind { iscm:RegionalConsultativeProcess iscm:InterRegionalForum iscm:GlobalProcess }
  ?m a ?kind }
"""


def count_iscms(store_dir: Path) -> int:
    (row,) = run_query(GraphStore(store_dir).current().store, COUNT_ISCMS)
    return int(row["n"].value)


def with_data(data_dir: Path) -> Inputs:
    return Inputs(INPUTS.ontology_dir, data_dir, INPUTS.shapes_dir)


def test_the_real_data_builds_a_store_with_the_22_active_iscms(built_store: Path) -> None:
    assert count_iscms(built_store) >= 22


def test_a_build_records_what_it_was_built_from(built_store: Path) -> None:
    manifest = GraphStore(built_store).current().manifest
    assert manifest["triples"] > 0
    assert "https://w3id.org/iscm/graph/source/seed-001" in manifest["graphs"]
    assert manifest["summary"].startswith("Data conforms")


def test_invalid_data_is_refused_and_the_previous_store_stays(
    tmp_path: Path, data_copy: Path
) -> None:
    store_dir = tmp_path / "store"
    first = build(with_data(data_copy), store_dir)
    shutil.copy(FIXTURES / "mechanism-without-type.ttl", data_copy)
    with pytest.raises(InvalidDataError) as refused:
        build(with_data(data_copy), store_dir)
    assert refused.value.report.violations
    assert current_build(store_dir) == first
    assert count_iscms(store_dir) >= 22


def test_unparseable_data_is_refused_and_the_previous_store_stays(
    tmp_path: Path, data_copy: Path
) -> None:
    store_dir = tmp_path / "store"
    first = build(with_data(data_copy), store_dir)
    shutil.copy(FIXTURES / "unparseable.ttl", data_copy)
    with pytest.raises(DataLoadError):
        build(with_data(data_copy), store_dir)
    assert current_build(store_dir) == first


def test_an_interrupted_build_leaves_the_current_store_whole(
    tmp_path: Path, data_copy: Path
) -> None:
    store_dir = tmp_path / "store"
    first = build(with_data(data_copy), store_dir)
    # What a build killed half-way leaves behind: a staging directory.
    leftover = store_dir / "builds" / ".staging-interrupted"
    (leftover / "oxigraph").mkdir(parents=True)
    assert current_build(store_dir) == first
    second = build(with_data(data_copy), store_dir)
    assert current_build(store_dir) == second != first
    assert not leftover.exists()


def test_ensure_built_rebuilds_only_when_inputs_change(tmp_path: Path, data_copy: Path) -> None:
    store_dir = tmp_path / "store"
    inputs = with_data(data_copy)
    first = ensure_built(inputs, store_dir)
    assert ensure_built(inputs, store_dir) == first
    (data_copy / "extra.ttl").write_text("# a new, empty contribution\n", encoding="utf-8")
    assert ensure_built(inputs, store_dir) != first


def test_ensure_built_keeps_serving_when_a_rebuild_is_refused(
    tmp_path: Path, data_copy: Path
) -> None:
    store_dir = tmp_path / "store"
    first = ensure_built(with_data(data_copy), store_dir)
    shutil.copy(FIXTURES / "mechanism-without-type.ttl", data_copy)
    messages: list[str] = []
    assert ensure_built(with_data(data_copy), store_dir, messages.append) == first
    assert any("refused" in m for m in messages)


def cli_build(data_dir: Path, store_dir: Path) -> Result:
    return CliRunner().invoke(cli, ["build", "--data", str(data_dir), "--store", str(store_dir)])


def test_cli_build_reports_violations_on_stdout_and_exits_1(
    tmp_path: Path, data_copy: Path
) -> None:
    shutil.copy(FIXTURES / "mechanism-without-type.ttl", data_copy)
    result = cli_build(data_copy, tmp_path / "store")
    assert result.exit_code == 1
    assert "https://w3id.org/iscm/id/mechanism/untyped-dialogue" in result.stdout
    assert "Untyped Dialogue on Migration" in result.stdout
    assert "mechanism-without-type.ttl" in result.stdout
    assert "exactly one of" in result.stdout
    assert current_build(tmp_path / "store") is None


def test_cli_build_reports_unparseable_turtle_with_file_and_line_and_exits_2(
    tmp_path: Path, data_copy: Path
) -> None:
    shutil.copy(FIXTURES / "unparseable.ttl", data_copy)
    result = cli_build(data_copy, tmp_path / "store")
    assert result.exit_code == 2
    assert f"{data_copy / 'unparseable.ttl'}:4:" in result.stderr


def test_cli_build_prints_progress_and_succeeds(tmp_path: Path) -> None:
    result = cli_build(INPUTS.data_dir, tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert "Validating" in result.stderr
    assert "published build" in result.stderr
    assert count_iscms(tmp_path / "store") >= 22


def test_concurrent_builds_both_succeed_and_one_is_served(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store_dir = tmp_path / "store"
    with ThreadPoolExecutor(max_workers=2) as pool:
        builds = list(pool.map(lambda _: build(INPUTS, store_dir), range(2)))
    assert all(b.is_dir() for b in builds)
    assert current_build(store_dir) in builds
    assert count_iscms(store_dir) >= 22
