"""`iscm-graph stats`: counts by class, by source and by label language, from the built store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iscm_graph.cli import cli
from iscm_graph.stats import GraphStats, compute
from iscm_graph.store import GraphStore

ISCM = "https://w3id.org/iscm/ontology#"
SEED_002 = "https://w3id.org/iscm/graph/source/seed-002"


@pytest.fixture(scope="module")
def stats(built_store: Path) -> GraphStats:
    return compute(GraphStore(built_store).current().store)


def test_counts_resources_by_class(stats: GraphStats) -> None:
    by_class = dict(stats.by_class)
    # Seed 002 annex 6: ten guiding principles and 23 objectives.
    assert by_class[f"{ISCM}GCMGuidingPrinciple"] == 10
    assert by_class[f"{ISCM}GCMObjective"] == 23


def test_leaves_the_ontology_out_of_the_class_counts(stats: GraphStats) -> None:
    assert "http://www.w3.org/2002/07/owl#Class" not in dict(stats.by_class)


def test_counts_statements_by_source_graph(stats: GraphStats) -> None:
    by_source = dict(stats.by_source)
    assert by_source[SEED_002] > 0
    assert sum(by_source.values()) == sum(n for _, n in stats.by_source)
    assert [n for _, n in stats.by_source] == sorted(by_source.values(), reverse=True)


def test_counts_labels_by_language(stats: GraphStats) -> None:
    by_language = dict(stats.by_language)
    # Every resource the project mints has a French and an English label.
    assert by_language["fr"] >= 23 + 10
    assert by_language["en"] >= 23 + 10


def test_the_command_prints_json(built_store: Path, stats: GraphStats) -> None:
    result = CliRunner().invoke(cli, ["stats", "--store", str(built_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["by_class"][f"{ISCM}GCMObjective"] == 23
    assert report["by_language"] == dict(stats.by_language)


def test_the_command_prints_three_tables_as_text(built_store: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    titles = [line for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert [t.rsplit(" (", 1)[0] for t in titles] == [
        "Resources by class",
        "Statements by source (named graph)",
        "Labels by language",
    ]


def test_the_command_without_a_store_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 2
