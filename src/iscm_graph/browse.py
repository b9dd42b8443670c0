"""Index pages, search and downloads: the ways into the graph for a reader."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, render_template, request, send_file
from werkzeug.wrappers import Response

from . import pages
from .dumps import DUMP_FORMATS, dump_path
from .sparql import graph_store

bp = Blueprint("browse", __name__)

MECHANISMS_QUERY = (
    pages.PREFIXES
    + """SELECT DISTINCT ?mechanism ?type ?region ?status WHERE {
  VALUES ?type { iscm:RegionalConsultativeProcess iscm:InterRegionalForum iscm:GlobalProcess
                 iscm:IntergovernmentalCommittee iscm:RegionalCooperationFramework
                 iscm:InterAgencyPlatform }
  ?mechanism a ?type .
  OPTIONAL { ?mechanism iscm:coversRegion ?region }
  OPTIONAL { ?statement iscm:aboutMechanism ?mechanism ; iscm:status ?status }
}"""
)
STATES_QUERY = (
    pages.PREFIXES
    + """SELECT ?state ?iso3 (COUNT(DISTINCT ?mechanism) AS ?mechanisms) WHERE {
  ?state a iscm:State .
  OPTIONAL { ?state iscm:iso3166Alpha3 ?iso3 }
  OPTIONAL { ?membership org:member ?state ; org:organization ?mechanism }
} GROUP BY ?state ?iso3"""
)
GCM_QUERY = (
    pages.PREFIXES
    + """SELECT ?concept ?kind ?notation (COUNT(DISTINCT ?position) AS ?positions) WHERE {
  VALUES ?kind { iscm:GCMGuidingPrinciple iscm:GCMObjective }
  ?concept a ?kind .
  OPTIONAL { ?concept skos:notation ?notation }
  OPTIONAL { ?position iscm:addressesObjective|iscm:addressesPrinciple ?concept }
} GROUP BY ?concept ?kind ?notation"""
)
SEARCH_QUERY = (
    pages.PREFIXES
    + """SELECT ?resource ?name WHERE {
  VALUES ?text { TEXT }
  ?resource skos:prefLabel|skos:altLabel|iscm:acronym|iscm:formerName|rdfs:label ?name .
  FILTER(CONTAINS(LCASE(STR(?name)), LCASE(STR(?text))))
  FILTER(isIRI(?resource))
}"""
)
#: Most resources a search lists.
SEARCH_LIMIT = 100


def _rows(query: str) -> list[dict[str, object]]:
    store = graph_store().current().store
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [{name: solution[name] for name in names} for solution in solutions]


def _renderer() -> pages.Renderer:
    return pages.Renderer(graph_store().current().store, current_app.config["BASE_IRI"])


@dataclass
class MechanismRow:
    """One mechanism of the index, with what it can be filtered by."""

    mechanism: pages.Cell
    types: dict[str, pages.Cell] = field(default_factory=dict)
    regions: dict[str, pages.Cell] = field(default_factory=dict)
    statuses: dict[str, pages.Cell] = field(default_factory=dict)


@bp.get("/mechanisms")
def mechanisms() -> str:
    """Every mechanism, filterable by type, region and status (``?type=&region=&status=``)."""
    renderer = _renderer()
    rows = _rows(MECHANISMS_QUERY)
    renderer.prefetch(term for row in rows for term in row.values())
    by_iri: dict[str, MechanismRow] = {}
    for row in rows:
        iri = row["mechanism"].value  # type: ignore[attr-defined]
        entry = by_iri.get(iri)
        if entry is None:
            cell = renderer.cell(row["mechanism"])
            assert cell is not None
            entry = by_iri[iri] = MechanismRow(cell)
        for name, target in (("type", entry.types), ("region", entry.regions)):
            if (term := row[name]) is not None:
                target[term.value] = renderer.cell(term)  # type: ignore[attr-defined,assignment]
        if (status := row["status"]) is not None:
            entry.statuses[status.value] = renderer.cell(status)  # type: ignore[attr-defined,assignment]
    options = {
        "type": _options(entry.types for entry in by_iri.values()),
        "region": _options(entry.regions for entry in by_iri.values()),
        "status": _options(entry.statuses for entry in by_iri.values()),
    }
    chosen = {name: request.args.get(name, "") for name in options}
    shown = [
        entry
        for entry in by_iri.values()
        if (not chosen["type"] or chosen["type"] in entry.types)
        and (not chosen["region"] or chosen["region"] in entry.regions)
        and (not chosen["status"] or chosen["status"] in entry.statuses)
    ]
    shown.sort(key=lambda entry: entry.mechanism.text.casefold())
    return render_template(
        "mechanisms.html",
        rows=shown,
        total=len(by_iri),
        options=options,
        chosen=chosen,
        query=MECHANISMS_QUERY,
    )


def _options(groups: object) -> list[pages.Cell]:
    merged: dict[str, pages.Cell] = {}
    for group in groups:  # type: ignore[attr-defined]
        merged.update(group)
    return sorted(merged.values(), key=lambda cell: cell.text.casefold())


@bp.get("/states")
def states() -> str:
    """Every State, with the number of mechanisms it takes part in."""
    renderer = _renderer()
    rows = _rows(STATES_QUERY)
    renderer.prefetch(row["state"] for row in rows)
    shown = [(renderer.cell(row["state"]), row["iso3"], row["mechanisms"]) for row in rows]
    shown.sort(key=lambda item: item[0].text.casefold())  # type: ignore[union-attr]
    return render_template("states.html", rows=shown, query=STATES_QUERY)


@bp.get("/gcm")
def gcm() -> str:
    """The Global Compact for Migration: its guiding principles and objectives."""
    renderer = _renderer()
    rows = _rows(GCM_QUERY)
    renderer.prefetch(row["concept"] for row in rows)

    def number(row: dict[str, object]) -> int:
        notation = row["notation"]
        value = notation.value if isinstance(notation, ox.Literal) else ""
        return int(value) if value.isdigit() else 0

    groups = {}
    for kind in ("GCMGuidingPrinciple", "GCMObjective"):
        members = [row for row in rows if row["kind"].value.endswith("#" + kind)]  # type: ignore[attr-defined]
        members.sort(key=number)
        groups[kind] = [(number(r), renderer.cell(r["concept"]), r["positions"]) for r in members]
    gcm_iri = current_app.config["BASE_IRI"] + "id/initiative/gcm"
    return render_template(
        "gcm.html",
        principles=groups["GCMGuidingPrinciple"],
        objectives=groups["GCMObjective"],
        gcm=renderer.cell(ox.NamedNode(gcm_iri)),
        query=GCM_QUERY,
    )


@bp.get("/search")
def search() -> str:
    """Find a resource by any of its names or acronyms, in any language."""
    text = request.args.get("q", "").strip()
    results: list[tuple[pages.Cell, list[pages.Cell]]] = []
    # The N-Triples form of a literal is escaped, so it is a safe SPARQL string.
    query = SEARCH_QUERY.replace("TEXT", str(ox.Literal(text)), 1)
    if text:
        renderer = _renderer()
        found: dict[str, list[pages.Cell]] = {}
        for row in _rows(query):
            name = row["name"]
            assert isinstance(name, ox.Literal)
            found.setdefault(row["resource"].value, []).append(  # type: ignore[attr-defined]
                pages.Cell(name.value, name.language)
            )
        renderer.prefetch(ox.NamedNode(iri) for iri in found)
        ranked = sorted(found, key=lambda iri: _rank(text, found[iri]))[:SEARCH_LIMIT]
        for iri in ranked:
            cell = renderer.cell(ox.NamedNode(iri))
            assert cell is not None
            results.append((cell, found[iri]))
    return render_template("search.html", text=text, results=results, query=query)


def _rank(text: str, names: list[pages.Cell]) -> tuple[int, int]:
    """Exact names first, then names that start with the text, then the rest."""
    wanted = text.casefold()
    best = min(
        0 if n.text.casefold() == wanted else 1 if n.text.casefold().startswith(wanted) else 2
        for n in names
    )
    return best, min(len(n.text) for n in names)


@bp.get("/downloads")
def downloads() -> str:
    """The whole graph in every format, as written by the build."""
    build = graph_store().current()
    files = [(dump, dump_path(build.directory, dump.filename)) for dump in DUMP_FORMATS]
    return render_template("downloads.html", files=files, manifest=build.manifest)


@bp.get("/downloads/<filename>")
def download(filename: str) -> Response:
    """One dump file, gzipped."""
    path = dump_path(graph_store().current().directory, filename)
    if path is None:
        abort(404, f"There is no download called {filename}.")
    return send_file(path, mimetype="application/gzip", download_name=filename)
