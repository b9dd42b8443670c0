"""Benchmark the linked-data side against baselines measured in the same run.

- writing the downloads: a build with them against the same build without them;
- a resource's RDF (``/id/…/x.ttl``): against SPARQL ``DESCRIBE <x>`` serialised by
  Oxigraph, in process;
- a resource's HTML page: against its Turtle document.

Figures depend on the machine: compare the ratios.

    python bench/linked_data.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from iscm_graph import create_app
from iscm_graph.build import build
from iscm_graph.config import Inputs
from iscm_graph.dumps import write_dumps
from iscm_graph.store import current_build

ROOT = Path(__file__).resolve().parents[1]
INPUTS = Inputs(ROOT / "ontology", ROOT / "data", ROOT / "shapes")
RESOURCES = ("id/mechanism/rcm", "id/source/seed-002", "id/organization/iom")


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        store_dir = Path(folder) / "store"
        with_dumps = median_seconds(lambda: build(INPUTS, store_dir), max(3, repeat // 5))
        build_dir = current_build(store_dir)
        assert build_dir is not None
        store = ox.Store.read_only(str(build_dir / "oxigraph"))
        scratch = Path(folder) / "scratch"
        scratch.mkdir()
        dumps_only = median_seconds(lambda: write_dumps(store, scratch), max(3, repeat // 5))
        print(
            f"build with downloads: {with_dumps * 1000:.0f} ms; downloads alone "
            f"{dumps_only * 1000:.0f} ms ({dumps_only / with_dumps:.0%} of the build)"
        )
        client = create_app({"TESTING": True, "STORE_DIR": str(store_dir)}).test_client()
        base = "https://w3id.org/iscm/"
        for path in RESOURCES:

            def describe(path: str = path) -> bytes:
                result = store.query(f"DESCRIBE <{base}{path}>")
                sink = io.BytesIO()
                ox.serialize(result, sink, ox.RdfFormat.TURTLE)
                return sink.getvalue()

            baseline = median_seconds(describe, repeat)
            turtle = median_seconds(lambda path=path: client.get(f"/{path}.ttl"), repeat)
            page = median_seconds(lambda path=path: client.get(f"/{path}.html"), repeat)
            print(
                f"{path}: DESCRIBE {baseline * 1000:.2f} ms; .ttl {turtle * 1000:.2f} ms "
                f"({turtle / baseline:.1f}x); .html {page * 1000:.2f} ms "
                f"({page / turtle:.1f}x the .ttl)"
            )


if __name__ == "__main__":
    main()
