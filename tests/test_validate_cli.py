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


def test_the_text_report_gives_label_message_shape_and_file_line_of_each_node() -> None:
    new = FIXTURES / "mechanism-without-type.ttl"
    result = CliRunner().invoke(cli, ["validate", str(INPUTS.data_dir), str(new)])
    report = result.stdout
    block = report[report.index("<https://w3id.org/iscm/id/mechanism/untyped-dialogue>") :]
    assert block.startswith(
        '<https://w3id.org/iscm/id/mechanism/untyped-dialogue> "Untyped Dialogue on Migration"'
    )
    # The fixture's subject starts on line 7.
    assert "mechanism-without-type.ttl:7" in block.splitlines()[1]
    assert "exactly one of iscm:RegionalConsultativeProcess" in block
    assert "(shape shape:MechanismType)" in block
    assert "line numbers are approximate" in report


def test_violations_come_before_warnings(tmp_path: Path) -> None:
    (tmp_path / "mixed.ttl").write_text(
        (FIXTURES / "mechanism-without-type.ttl").read_text("utf-8")
        + "<https://w3id.org/iscm/id/mechanism/forum>"
        + " a <https://w3id.org/iscm/ontology#InterRegionalForum> .\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(INPUTS.data_dir), str(tmp_path)])
    assert result.exit_code == 1
    assert 0 < result.stdout.index("Violations (") < result.stdout.index("Warnings (")


def test_warnings_alone_still_conform_and_exit_0(tmp_path: Path) -> None:
    forum = tmp_path / "forum.ttl"
    forum.write_text(
        """@prefix iscm: <https://w3id.org/iscm/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/iscm/id/mechanism/one-region-forum> a iscm:InterRegionalForum ;
    skos:prefLabel "One-region forum"@en , "Forum d'une région"@fr ;
    dcterms:isReferencedBy <https://w3id.org/iscm/id/source/seed-002> ;
    iscm:coversRegion <https://w3id.org/iscm/scheme/iom-region/africa> .
""",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(INPUTS.data_dir), str(forum)])
    assert result.exit_code == 0, result.stdout
    assert "shape:InterRegionalForumRegions" in result.stdout
    assert "Warnings (" in result.stdout


def test_the_json_report_locates_each_finding(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "mechanism-without-type.ttl", tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(tmp_path)])
    report = json.loads(result.stdout)
    (finding,) = [r for r in report["results"] if r["shape"].endswith("#MechanismType")]
    assert finding["label"] == "Untyped Dialogue on Migration"
    assert finding["locations"] == [
        {"file": str(tmp_path / "mechanism-without-type.ttl"), "line": 7}
    ]
    assert report["counts"]["Violation"] >= 1
