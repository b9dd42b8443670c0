"""How long validation takes as the data grows (prints figures; not a test).

Times ``iscm_graph.validate.validate`` (pySHACL for the core constraints,
Oxigraph for the SPARQL-based ones) on the real data, then on synthetic
graphs of about 10 k, 100 k and 1 M triples shaped like it: every resource the
project mints under ``id/`` is copied with a new IRI (``…/rcm`` becomes
``…/rcm~7``), except States, which stay shared as in reality (more
mechanisms and memberships, the same 250 or so States). Concept schemes and
the ontology are not copied.

Figures are ratios against the real data measured in the same run, plus the
growth from one size to the next (1.0 = linear). ``--plain-pyshacl`` also
times pySHACL running every constraint itself, to show why the SPARQL-based
constraints go to Oxigraph.

    python bench/validate.py                 # real, 10 k, 100 k
    python bench/validate.py --sizes 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pyshacl

from iscm_graph.config import BASE_IRI
from iscm_graph.sources import Sources, load
from iscm_graph.validate import load_shapes, validate

ROOT = Path(__file__).resolve().parents[1]
MINTED = f"{BASE_IRI}id/"
SHARED = f"{BASE_IRI}id/state/"


def replicate(real: Sources, target: int) -> Sources:
    """Return about ``target`` distinct triples: copies of ``real`` with new IRIs."""
    triples = list({quad.triple for quad in real.quads})
    copies = max(1, math.ceil(target / len(triples)))
    synthetic = Sources()
    for copy in range(copies):
        for triple in triples:
            synthetic.quads.append(
                ox.Quad(
                    _renamed(triple.subject, copy), triple.predicate, _renamed(triple.object, copy)
                )
            )
    return synthetic


def _renamed(term, copy: int):  # type: ignore[no-untyped-def]
    if copy == 0:
        return term
    if (
        isinstance(term, ox.NamedNode)
        and term.value.startswith(MINTED)
        and not term.value.startswith(SHARED)
    ):
        return ox.NamedNode(f"{term.value}~{copy}")
    if isinstance(term, ox.BlankNode):
        return ox.BlankNode(f"{term.value}c{copy}")
    return term


def timed(data: Sources, shapes, ontology) -> tuple[float, str]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    report = validate(data, shapes, ontology)
    return time.perf_counter() - started, report.summary()


def timed_plain(data: Sources, shapes, ontology) -> float:  # type: ignore[no-untyped-def]
    graph = data.to_rdflib()
    for triple in ontology:
        graph.add(triple)
    started = time.perf_counter()
    pyshacl.validate(
        graph,
        shacl_graph=shapes,
        inference="none",
        allow_warnings=True,
        advanced=True,
        inplace=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument(
        "--plain-pyshacl",
        action="store_true",
        help="also time pySHACL running every constraint ",
    )
    options = parser.parse_args()

    shapes = load_shapes(ROOT / "shapes")
    ontology = load([ROOT / "ontology"], graph_prefix="ontology/").to_rdflib()
    real = load([ROOT / "data"])
    cases = [("real data", real)] + [(f"~{n:,}", replicate(real, n)) for n in options.sizes]

    print(f"{'data':>12} {'triples':>10} {'seconds':>8} {'x real':>7} {'growth':>7}  report")
    baseline: tuple[int, float] | None = None
    previous: tuple[int, float] | None = None
    for name, data in cases:
        size = len({quad.triple for quad in data.quads})
        seconds, summary = timed(data, shapes, ontology)
        if baseline is None:
            baseline = (size, seconds)
        growth = ""
        if previous is not None:
            # time ratio divided by size ratio: 1.0 is linear, above 1 superlinear
            growth = f"{(seconds / previous[1]) / (size / previous[0]):.2f}"
        ratio = seconds / baseline[1]
        print(f"{name:>12} {size:>10,} {seconds:>8.1f} {ratio:>7.1f} {growth:>7}  {summary}")
        if options.plain_pyshacl and size <= 20_000:
            plain = timed_plain(data, shapes, ontology)
            print(f"{'':>12} {'':>10} {plain:>8.1f}  (pySHACL running every constraint itself)")
        previous = (size, seconds)
        sys.stdout.flush()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
