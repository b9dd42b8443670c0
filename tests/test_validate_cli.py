"""`iscm-graph validate`: the same checks as build, nothing written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import rdflib
from click.testing import CliRunner

from iscm_graph.cli import cli

from .conftest import FIXTURES, INPUTS


def test_the_project_data_conforms() -> None:
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0, result.stdout
    assert "Data conforms: 0 violation(s)" in result.stdout


def test_a_contributed_file_is_checked_against_everything() -> None:
    new = FIXTURES / "mechanism-without-type.ttl"
    result = CliRunner().invoke(cli, ["validate", str(INPUTS.data_dir), str(new)])
    assert result.exit_code == 1
    assert "Violation" in result.stdout
    assert "untyped-dialogue" in result.stdout


def test_the_report_is_available_as_json(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "mechanism-without-type.ttl", tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(tmp_path)])
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    shapes = {r["shape"] for r in report["results"]}
    assert "https://w3id.org/iscm/shapes#MechanismType" in shapes


def test_the_report_is_available_as_shacl_turtle(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "mechanism-without-type.ttl", tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--format", "turtle", str(tmp_path)])
    graph = rdflib.Graph().parse(data=result.stdout, format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert (None, sh.conforms, rdflib.Literal(False)) in graph


def test_unusable_input_exits_2() -> None:
    result = CliRunner().invoke(cli, ["validate", str(FIXTURES / "unparseable.ttl")])
    assert result.exit_code == 2
    assert "unparseable.ttl:4:" in result.stderr


def test_unusable_shapes_exit_2(tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--shapes", str(tmp_path)])
    assert result.exit_code == 2
    assert "broken.ttl" in result.stderr
