"""Finding the line of a node in the file that states it (Oxigraph gives no per-triple lines)."""

from __future__ import annotations

from pathlib import Path

import rdflib

from iscm_graph.validate import locate

MECH = "https://w3id.org/iscm/id/mechanism/"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.trig"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_node_is_found_where_it_is_a_subject_rather_than_first_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """@prefix mech: <https://w3id.org/iscm/id/mechanism/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
GRAPH <https://w3id.org/iscm/graph/source/a> {
    mech:rcm dcterms:replaces mech:sacm .
    mech:sacm dcterms:created "1999" .
}
""",
    )
    (location,) = locate(rdflib.URIRef(MECH + "sacm"), [path])
    assert location.line == 5


def test_full_iris_and_prefixed_names_both_count(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """@prefix m: <https://w3id.org/iscm/id/mechanism/> .

<https://w3id.org/iscm/id/mechanism/a> a <x:T> .
m:b a <x:T> .
""",
    )
    assert locate(rdflib.URIRef(MECH + "a"), [path])[0].line == 3
    assert locate(rdflib.URIRef(MECH + "b"), [path])[0].line == 4


def test_a_longer_name_is_not_taken_for_a_shorter_one(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """@prefix mech: <https://w3id.org/iscm/id/mechanism/> .
mech:igad-rcp a <x:T> .
mech:igad a <x:T> .
""",
    )
    assert locate(rdflib.URIRef(MECH + "igad"), [path])[0].line == 3


def test_a_blank_node_gets_its_file_without_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[] a <x:T> .\n")
    (location,) = locate(rdflib.BNode("b0"), [path])
    assert location.line is None and location.file.endswith("data.trig")
