"""Counts that describe a built graph: resources by class, statements by source, labels by language.

They answer "how much does the graph know, from where, and in which languages?" from the
store itself, by SPARQL, so they describe exactly what the endpoint serves. The ontology's
own graphs are left out of the class and language counts (they describe terms, not the
world) but keep their line in the count by source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox

from .config import BASE_IRI
from .store import run_query

ONTOLOGY_GRAPHS = f"{BASE_IRI}graph/ontology/"

_NOT_ONTOLOGY = f'FILTER(!STRSTARTS(STR(?g), "{ONTOLOGY_GRAPHS}"))'

BY_CLASS = f"""
SELECT ?key (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  GRAPH ?g {{ ?s a ?key }} {_NOT_ONTOLOGY}
}} GROUP BY ?key ORDER BY DESC(?n) ?key
"""

BY_SOURCE = """
SELECT ?key (COUNT(*) AS ?n) WHERE { GRAPH ?key { ?s ?p ?o } }
GROUP BY ?key ORDER BY DESC(?n) ?key
"""

# Labels: SKOS and RDFS labels and the project's label subproperties (acronym, former name).
BY_LANGUAGE = f"""
PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?key (COUNT(*) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?s ?p ?o WHERE {{
      VALUES ?p {{ skos:prefLabel skos:altLabel rdfs:label iscm:acronym iscm:formerName }}
      GRAPH ?g {{ ?s ?p ?o }} {_NOT_ONTOLOGY}
  }} }}
  BIND(IF(LANG(?o) = "", "(none)", LANG(?o)) AS ?key)
}} GROUP BY ?key ORDER BY DESC(?n) ?key
"""


@dataclass(frozen=True)
class GraphStats:
    """The three tallies, each a list of (key, count) pairs, largest first."""

    by_class: list[tuple[str, int]]
    by_source: list[tuple[str, int]]
    by_language: list[tuple[str, int]]

    def to_json(self) -> str:
        """Return the tallies as a JSON object of ``{key: count}`` objects, in order."""
        return json.dumps(
            {
                "by_class": dict(self.by_class),
                "by_source": dict(self.by_source),
                "by_language": dict(self.by_language),
            },
            indent=2,
            ensure_ascii=False,
        )

    def to_text(self) -> str:
        """Return the tallies as three titled, right-aligned tables."""
        sections = [
            ("Resources by class", self.by_class),
            ("Statements by source (named graph)", self.by_source),
            ("Labels by language", self.by_language),
        ]
        lines: list[str] = []
        for title, rows in sections:
            width = max((len(str(n)) for _, n in rows), default=1)
            lines.append(f"{title} ({sum(n for _, n in rows)})")
            lines.extend(f"  {n:>{width}}  {key}" for key, n in rows)
            lines.append("")
        return "\n".join(lines).rstrip("\n")


def _tally(store: ox.Store, query: str) -> list[tuple[str, int]]:
    solutions = run_query(store, query)
    assert isinstance(solutions, ox.QuerySolutions)
    rows: list[tuple[str, int]] = []
    for solution in solutions:
        key, count = solution["key"], solution["n"]
        assert key is not None and count is not None
        rows.append((key.value, int(count.value)))
    return rows


def compute(store: ox.Store) -> GraphStats:
    """Count, in an open store, resources by class, statements by source and labels by language."""
    return GraphStats(
        by_class=_tally(store, BY_CLASS),
        by_source=_tally(store, BY_SOURCE),
        by_language=_tally(store, BY_LANGUAGE),
    )
