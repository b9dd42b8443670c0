"""How long validation takes as the data grows (prints figures; not a test).

Times ``iscm_graph.validate.validate`` (rudof, and pySHACL for comparison,
for the core constraints; Oxigraph for the SPARQL-based ones) on the real data, then on synthetic
graphs of about 10 k, 100 k and 1 M triples shaped like it: every resource the
project mints under ``id/`` is copied with a new IRI (``…/rcm`` becomes
``…/rcm~7``), except States, which stay shared as in reality (more
mechanisms and memberships, the same 250 or so States). Concept schemes and
the ontology are not copied.

Figures are ratios against the real data measured in the same run, plus the
growth from one size to the next (1.0 = linear), for each engine, and rudof's
speed-up over pySHACL on the same graph. ``--pyshacl-up-to`` skips pySHACL
above a size (it takes minutes at 1 M triples). ``--plain-pyshacl`` also
times pySHACL running every constraint itself, to show why the SPARQL-based
constraints go to Oxigraph.

    python bench/validate.py                 # real, 10 k, 100 k
    python bench/validate.py --sizes 10000 100000 1000000
    python bench/validate.py --sizes 1000000 --pyshacl-up-to 0   # rudof alone
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


def timed(data: Sources, shapes, ontology, engine: str) -> tuple[float, str]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    report = validate(data, shapes, ontology, engine=engine)
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
    parser.add_argument(
        "--pyshacl-up-to",
        type=int,
        default=2_000_000,
        help="time the pySHACL engine only up to this many triples",
    )
    options = parser.parse_args()

    shapes = load_shapes(ROOT / "shapes")
    ontology = load([ROOT / "ontology"], graph_prefix="ontology/").to_rdflib()
    real = load([ROOT / "data"])
    cases = [("real data", real)] + [(f"~{n:,}", replicate(real, n)) for n in options.sizes]

    print(
        f"{'data':>12} {'triples':>10} {'engine':>8} {'seconds':>8} {'x real':>7} "
        f"{'growth':>7} {'speed-up':>8}  report"
    )
    baseline: dict[str, float] = {}
    previous: dict[str, tuple[int, float]] = {}
    for name, data in cases:
        size = len({quad.triple for quad in data.quads})
        seconds_by_engine: dict[str, float] = {}
        for engine in ("rudof", "pyshacl"):
            if engine == "pyshacl" and size > options.pyshacl_up_to:
                print(f"{name:>12} {size:>10,} {engine:>8} {'skipped':>8}")
                continue
            seconds, summary = timed(data, shapes, ontology, engine)
            seconds_by_engine[engine] = seconds
            baseline.setdefault(engine, seconds)
            growth = ""
            if engine in previous:
                # time ratio divided by size ratio: 1.0 is linear, above 1 superlinear
                before_size, before_seconds = previous[engine]
                growth = f"{(seconds / before_seconds) / (size / before_size):.2f}"
            speed_up = ""
            if engine == "pyshacl":
                speed_up = f"{seconds / seconds_by_engine['rudof']:.1f}"
            ratio = seconds / baseline[engine]
            print(
                f"{name:>12} {size:>10,} {engine:>8} {seconds:>8.1f} {ratio:>7.1f} "
                f"{growth:>7} {speed_up:>8}  {summary}"
            )
            previous[engine] = (size, seconds)
            sys.stdout.flush()
        if options.plain_pyshacl and size <= 20_000:
            plain = timed_plain(data, shapes, ontology)
            print(f"{'':>12} {'':>10} {'':>8} {plain:>8.1f}  (pySHACL running every constraint)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
