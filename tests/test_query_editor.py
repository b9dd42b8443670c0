"""The named queries as the editor reads them, and the query this part of the project ships."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from iscm_graph.query_editor import named_queries, read_named_query
from iscm_graph.store import GraphStore, run_query

from .conftest import PROJECT_ROOT

QUERIES = PROJECT_ROOT / "queries"


def test_every_named_query_has_a_title_in_english_and_french_and_a_description() -> None:
    queries = named_queries(QUERIES)
    assert queries
    for query in queries:
        assert query.title != query.name, query.name
        assert query.titre, query.name
        assert query.description, query.name


def test_the_header_is_read_up_to_the_first_line_of_the_query(tmp_path: Path) -> None:
    path = tmp_path / "x.rq"
    path.write_text(
        "# title: T\n# titre: Tf\n# description: D\n# param: ?a — one\n# param: ?b — two\n"
        "SELECT * WHERE { ?s ?p ?o } # title: not a header\n",
        encoding="utf-8",
    )
    query = read_named_query(path)
    assert (query.name, query.title, query.titre, query.description) == ("x", "T", "Tf", "D")
    assert query.params == ["?a — one", "?b — two"]
    assert query.query.endswith("# title: not a header\n")


def test_names_of_mechanism_gives_each_source_its_own_names(built_store: Path) -> None:
    store = GraphStore(built_store).current().store
    result = run_query(store, (QUERIES / "names-of-mechanism.rq").read_text("utf-8"))
    assert isinstance(result, ox.QuerySolutions)
    rows = {
        (row["name"].value, row["language"].value, row["graph"].value.rsplit("/", 1)[-1])
        for row in result
    }
    # Seed 001 names the RCM "Processus de Puebla"; IOM's English page "Puebla Process".
    assert ("Processus de Puebla", "fr", "seed-001") in rows
    english_page = "iom-int-regional-conference-migration-rcm-or-puebla-process"
    assert ("Puebla Process", "en", english_page) in rows
    assert ("Puebla Process", "en", "seed-001") not in rows
