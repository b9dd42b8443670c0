"""`iscm-graph query` on the local store."""

from __future__ import annotations

import json
from pathlib import Path

import rdflib
from click.testing import CliRunner

from iscm_graph.cli import cli

LABELS = (
    "SELECT ?l WHERE { <https://w3id.org/iscm/id/mechanism/rcm> "
    "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
)
DESCRIBE = "DESCRIBE <https://w3id.org/iscm/id/mechanism/rcm>"


def run(built_store: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["query", "--store", str(built_store), *args])
    return result.exit_code, result.stdout, result.stderr


def test_select_prints_tsv_by_default(built_store: Path) -> None:
    code, out, _ = run(built_store, LABELS)
    assert code == 0
    assert out.splitlines()[0] == "?l"
    assert '"Regional Conference on Migration"@en' in out.splitlines()


def test_select_as_json(built_store: Path) -> None:
    code, out, _ = run(built_store, "--format", "json", LABELS)
    assert code == 0
    assert len(json.loads(out)["results"]["bindings"]) == 3


def test_describe_prints_turtle_by_default(built_store: Path) -> None:
    code, out, _ = run(built_store, DESCRIBE)
    graph = rdflib.Graph().parse(data=out, format="turtle")
    assert code == 0 and len(graph) > 5


def test_query_from_a_file(built_store: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "q.rq"
    query_file.write_text(LABELS, encoding="utf-8")
    code, out, _ = run(built_store, "--file", str(query_file))
    assert code == 0 and "Conférence régionale sur la migration" in out


def test_a_bad_query_exits_2_with_the_parsers_message(built_store: Path) -> None:
    code, _, err = run(built_store, "SELECT ?x WHERE { ?x }")
    assert code == 2
    assert "error at 1:" in err


def test_a_format_that_does_not_fit_the_result_exits_2(built_store: Path) -> None:
    code, _, err = run(built_store, "--format", "csv", DESCRIBE)
    assert code == 2
    assert "cannot be written as csv" in err


def test_query_and_file_together_is_a_usage_error(built_store: Path, tmp_path: Path) -> None:
    (tmp_path / "q.rq").write_text(LABELS, encoding="utf-8")
    code, _, _ = run(built_store, "--file", str(tmp_path / "q.rq"), LABELS)
    assert code == 2


def test_without_a_store_it_says_how_to_build_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["query", "--store", str(tmp_path), LABELS])
    assert result.exit_code == 2
    assert "iscm-graph build" in result.stderr


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert "version" in result.stdout
