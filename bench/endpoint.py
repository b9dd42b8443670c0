"""Benchmark the SPARQL endpoint against its baselines, all measured in one run.

Systems, each given the same fixed mix of realistic queries:

(a) pyoxigraph in-process: the same query and serializer, without HTTP;
(b) the endpoint: ``iscm_graph.server.serve`` (gunicorn) started here on a free port,
    with its answer cache off (every request runs its query);
(b+) the same endpoint with its answer cache on (``ISCM_ANSWER_CACHE_BYTES``, the
    default): after the first round every request of the fixed mix is a repeat, so
    this shows the cost of the HTTP path alone, not of the queries;
(c) ``oxigraph serve-read-only`` (PyPI package ``oxigraph``, the ``bench`` extra)
    on a copy of the same quads;
(d) a floor, not a SPARQL system: gunicorn with the same workers serving a
    constant answer, i.e. what the WSGI server alone costs per request.

For concurrency 1 and 4 it prints p50/p95/p99 latency and throughput per system,
the p95 of the lookups, the CPU time the server's processes spent per request
(steadier than throughput on a shared machine), and the ratios (b)/(a), (b)/(c)
and (b+)/(c). Clients open a connection per request, as a plain script does, or
keep one open with ``--keep-alive`` (then run the endpoint with ``--threads 2``
or more: sync workers close every connection). It runs on the real
data, then on a synthetic graph of about a million triples shaped like it, to
show how latency grows. Figures depend on the machine: compare ratios.

    pip install -e '.[bench]'
    python bench/endpoint.py [--requests 20] [--synthetic 1000000] [--workers N]
                             [--threads 1] [--keep-alive] [--answer-cache-bytes 16777216]
                             [--query-timeout 20]
"""

from __future__ import annotations

import argparse
import http.client
import io
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from iscm_graph.build import build
from iscm_graph.config import Inputs, defaults
from iscm_graph.formats import write
from iscm_graph.server import default_workers
from iscm_graph.store import current_build, write_build

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/iscm/"
PREFIXES = f"""PREFIX iscm: <{BASE}ontology#>
PREFIX mech: <{BASE}id/mechanism/>
PREFIX state: <{BASE}id/state/>
PREFIX role: <{BASE}scheme/role/>
PREFIX region: <{BASE}scheme/iom-region/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    accept: str
    lookup: bool


JSON = "application/sparql-results+json"
TURTLE = "text/turtle"
#: The fixed mix, in the contract's terms (org:Membership, iscm:coversRegion, ...).
MIX = [
    Query(
        "label lookup",
        'SELECT ?m WHERE { ?m skos:prefLabel|skos:altLabel|iscm:acronym "RCM"@en }',
        JSON,
        True,
    ),
    Query(
        "members of a mechanism",
        # FILTER IN, not VALUES: Oxigraph starts from a VALUES block, and this one
        # matches most memberships of the graph (600x slower on a million triples).
        """SELECT ?agent ?name WHERE {
  ?membership org:organization mech:rcm ; org:member ?agent ; org:role ?role ;
              a org:Membership .
  FILTER(?role IN (role:member, role:founding-state))
  OPTIONAL { ?agent skos:prefLabel ?name FILTER(lang(?name) = "en") } }""",
        JSON,
        True,
    ),
    Query(
        "mechanisms of a State",
        """SELECT DISTINCT ?m ?name WHERE {
  ?membership org:member state:mex ; org:organization ?m ; a org:Membership .
  OPTIONAL { ?m skos:prefLabel ?name FILTER(lang(?name) = "en") } }""",
        JSON,
        True,
    ),
    Query("DESCRIBE", "DESCRIBE mech:sacm", TURTLE, True),
    Query(
        "bridging two regions",
        """SELECT ?m WHERE { ?m a iscm:InterRegionalForum ;
  iscm:coversRegion region:africa, region:europe }""",
        JSON,
        False,
    ),
    Query(
        "GROUP BY count",
        """SELECT ?kind (COUNT(DISTINCT ?m) AS ?n) WHERE {
  VALUES ?kind { iscm:RegionalConsultativeProcess iscm:InterRegionalForum iscm:GlobalProcess }
  ?m a ?kind } GROUP BY ?kind""",
        JSON,
        False,
    ),
    Query(
        "CONSTRUCT subgraph",
        """CONSTRUCT { ?m a ?kind ; skos:prefLabel ?name } WHERE {
  VALUES ?kind { iscm:RegionalConsultativeProcess iscm:InterRegionalForum }
  ?m a ?kind ; skos:prefLabel ?name }""",
        TURTLE,
        False,
    ),
    Query(
        "text FILTER",
        """SELECT DISTINCT ?m ?name WHERE { ?m skos:prefLabel|skos:altLabel ?name
  FILTER(CONTAINS(LCASE(STR(?name)), "migra")) } LIMIT 100""",
        JSON,
        False,
    ),
]


# --- the three systems ------------------------------------------------------------


Runner = Callable[[Query], int]


def in_process(store_path: Path) -> Callable[[], Runner]:
    """(a): run and serialize in this process, on one read-only handle shared by threads."""
    store = ox.Store.read_only(str(store_path))

    def make() -> Runner:
        def run(query: Query) -> int:
            sink = io.BytesIO()
            write(store.query(PREFIXES + query.text), query.accept, sink)
            return len(sink.getvalue())

        return run

    return make


def over_http(port: int, keep_alive: bool = False) -> Callable[[], Runner]:
    """(b), (c), (d): GET over a fresh connection, as a plain script would, or over
    one connection per client kept open while the server allows it."""

    def make() -> Runner:
        kept: list[http.client.HTTPConnection] = []

        def run(query: Query) -> int:
            path = "/sparql?" + urllib.parse.urlencode({"query": PREFIXES + query.text})
            if port_is_oxigraph.get(port):
                path = path.replace("/sparql?", "/query?", 1)
            connection = (
                kept.pop() if kept else http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            )
            try:
                connection.request("GET", path, headers={"Accept": query.accept})
                response = connection.getresponse()
                body = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                connection.close()  # the server closed an idle connection: once more, afresh
                return run(query)
            if response.status != 200:
                connection.close()
                raise RuntimeError(f"{query.name}: HTTP {response.status}: {body[:300]!r}")
            if keep_alive and not response.will_close:
                kept.append(connection)
            else:
                connection.close()
            return len(body)

        return run

    return make


port_is_oxigraph: dict[int, bool] = {}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int, process: subprocess.Popen[bytes], path: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start")


@dataclass(frozen=True)
class Setup:
    """How the servers run and how clients connect, for one run of the benchmark."""

    requests: int
    workers: int
    threads: int
    keep_alive: bool
    answer_cache_bytes: int
    query_timeout: float


def start_endpoint(
    store_dir: Path, setup: Setup, answer_cache_bytes: int
) -> tuple[subprocess.Popen[bytes], int]:
    """(b): the production server, as ``iscm-graph serve`` runs it, on a built store."""
    port = free_port()
    settings = {
        "STORE_DIR": str(store_dir),
        "QUERY_TIMEOUT": setup.query_timeout,
        "WORKER_THREADS": setup.threads,
        "ANSWER_CACHE_BYTES": answer_cache_bytes,
    }
    code = (
        "from iscm_graph.config import load_settings; from iscm_graph.server import serve; "
        f"serve(load_settings({settings!r}), '127.0.0.1', {port}, {setup.workers})"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_for(port, process, "/sparql?query=ASK%7B%7D")
    return process, port


FLOOR_APP = """
def app(environ, start_response):
    body = b'{"head":{},"boolean":true}'
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"),
                              ("Content-Length", str(len(body)))])
    return [body]
"""


def start_floor(scratch: Path, setup: Setup) -> tuple[subprocess.Popen[bytes], int]:
    """(d): gunicorn's own cost per request, with the endpoint's worker settings."""
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "floor_app.py").write_text(FLOOR_APP, "utf-8")
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(setup.workers),
            "--threads",
            str(setup.threads),
            "--worker-class",
            "gthread" if setup.threads > 1 else "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(scratch),
            "floor_app:app",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(port, process, "/")
    return process, port


def start_oxigraph(build_dir: Path, scratch: Path) -> tuple[subprocess.Popen[bytes], int]:
    """(c): ``oxigraph serve-read-only`` on the same quads (dumped and loaded)."""
    scratch.mkdir(parents=True, exist_ok=True)
    location = scratch / "oxigraph-serve"
    dump = scratch / "dump.nq"
    store = ox.Store.read_only(str(build_dir / "oxigraph"))
    store.dump(str(dump), ox.RdfFormat.N_QUADS, from_graph=None)
    del store
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    subprocess.run(
        [oxigraph, "load", "--location", str(location), "--file", str(dump)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    dump.unlink()
    port = free_port()
    process = subprocess.Popen(
        [oxigraph, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    port_is_oxigraph[port] = True
    wait_for(port, process, "/query?query=ASK%7B%7D")
    return process, port


# --- measuring ------------------------------------------------------------------


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (gunicorn's arbiter and workers), from /proc."""
    found = [pid]
    for parent in found:
        try:
            found += [
                int(c) for c in Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
            ]
        except OSError:
            pass
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time spent so far by ``pid``'s process tree (Linux)."""
    ticks = 0
    for member in process_tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass
class Figures:
    latencies: dict[str, list[float]]
    wall: float
    #: CPU seconds the server's processes spent on this run (None: in-process).
    server_cpu: float | None = None

    @property
    def all(self) -> list[float]:
        return [t for times in self.latencies.values() for t in times]

    def lookups(self) -> list[float]:
        return [t for q in MIX if q.lookup for t in self.latencies[q.name]]

    @property
    def throughput(self) -> float:
        return len(self.all) / self.wall

    @property
    def cpu_per_request(self) -> str:
        if self.server_cpu is None:
            return "–"
        return ms(self.server_cpu / len(self.all)).strip()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(
    make: Callable[[], Runner], requests: int, concurrency: int, server: int | None
) -> Figures:
    """Send ``requests`` rounds of the mix from ``concurrency`` clients at once,
    measuring the CPU time of the ``server`` process tree meanwhile."""
    warm = make()
    for query in MIX:
        warm(query)
    work = [query for _ in range(requests) for query in MIX]
    random.Random(7).shuffle(work)
    latencies: dict[str, list[float]] = {q.name: [] for q in MIX}
    lock = threading.Lock()
    queue: Iterator[Query] = iter(work)

    def client() -> None:
        run = make()
        while True:
            with lock:
                query = next(queue, None)
            if query is None:
                return
            started = time.perf_counter()
            run(query)
            elapsed = time.perf_counter() - started
            with lock:
                latencies[query.name].append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    cpu_before = cpu_seconds(server) if server is not None else 0.0
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    cpu = cpu_seconds(server) - cpu_before if server is not None else None
    return Figures(latencies, wall, cpu)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f}"


ENDPOINT = "(b) endpoint, no answer cache"
CACHED = "(b+) endpoint, answer cache"
IN_PROCESS = "(a) in-process"
OXIGRAPH = "(c) oxigraph serve"
FLOOR = "(d) gunicorn floor"
RATIOS = (
    ("(b)/(a)", ENDPOINT, IN_PROCESS),
    ("(b)/(c)", ENDPOINT, OXIGRAPH),
    ("(b+)/(c)", CACHED, OXIGRAPH),
    ("(d)/(c)", FLOOR, OXIGRAPH),
)


def report(title: str, results: dict[tuple[str, int], Figures]) -> None:
    print(f"\n## {title}\n")
    print(
        "| system | conc. | p50 ms | p95 ms | p99 ms | lookups p95 ms | queries/s "
        "| server CPU ms/request |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for (system, concurrency), figures in results.items():
        values = figures.all
        print(
            f"| {system} | {concurrency} | {ms(percentile(values, 50))} | "
            f"{ms(percentile(values, 95))} | {ms(percentile(values, 99))} | "
            f"{ms(percentile(figures.lookups(), 95))} | {figures.throughput:9.1f} | "
            f"{figures.cpu_per_request} |"
        )
    print("\n| ratio | conc. | p50 | p95 | throughput |")
    print("|---|---:|---:|---:|---:|")
    for concurrency in sorted({c for _, c in results}):
        for label, system, other in RATIOS:
            if (system, concurrency) not in results:
                continue
            b = results[(system, concurrency)]
            base = results[(other, concurrency)]
            print(
                f"| {label} | {concurrency} | "
                f"{percentile(b.all, 50) / percentile(base.all, 50):.2f} | "
                f"{percentile(b.all, 95) / percentile(base.all, 95):.2f} | "
                f"{b.throughput / base.throughput:.2f} |"
            )
    print("\np50 per query, ms (concurrency 1):\n")
    systems = sorted({s for s, _ in results})
    print("| query | " + " | ".join(systems) + " |")
    print("|---|" + "---:|" * len(systems))
    for query in MIX:
        cells = [ms(statistics.median(results[(s, 1)].latencies[query.name])) for s in systems]
        print(f"| {query.name} | " + " | ".join(cells) + " |")


def run_all(store_dir: Path, scratch: Path, setup: Setup) -> None:
    build_dir = current_build(store_dir)
    assert build_dir is not None
    servers = {
        ENDPOINT: start_endpoint(store_dir, setup, 0),
        OXIGRAPH: start_oxigraph(build_dir, scratch),
        FLOOR: start_floor(scratch, setup),
    }
    if setup.answer_cache_bytes:
        servers[CACHED] = start_endpoint(store_dir, setup, setup.answer_cache_bytes)
    systems: dict[str, tuple[Callable[[], Runner], int | None]] = {
        IN_PROCESS: (in_process(build_dir / "oxigraph"), None)
    }
    for name, (process, port) in servers.items():
        systems[name] = (over_http(port, setup.keep_alive), process.pid)
    results: dict[tuple[str, int], Figures] = {}
    try:
        for concurrency in (1, 4):
            for name, (make, pid) in systems.items():
                results[(name, concurrency)] = measure(make, setup.requests, concurrency, pid)
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(timeout=30)
    triples = ox.Store.read_only(str(build_dir / "oxigraph")).query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    )
    count = int(next(iter(triples))["n"].value)  # type: ignore[call-overload,union-attr]
    kind = f"gthread workers x {setup.threads} threads" if setup.threads > 1 else "sync workers"
    connections = "kept alive" if setup.keep_alive else "one per request"
    title = (
        f"{store_dir.name}: {count} triples, {setup.workers} gunicorn {kind}, connections "
        f"{connections}, query timeout {setup.query_timeout:g} s, answer cache "
        f"{setup.answer_cache_bytes} bytes per worker for (b+)"
    )
    report(title, results)


# --- a synthetic graph shaped like the real one -----------------------------------


def synthetic_quads(target: int) -> Iterator[ox.Quad]:
    """About ``target`` triples: mechanisms, States, memberships with roles and
    sources, labels in two languages, regions; each in a source's named graph and
    again in the default graph (the union, as a build writes it)."""
    rng = random.Random(42)
    iri = ox.NamedNode
    a = iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    pref = iri("http://www.w3.org/2004/02/skos/core#prefLabel")
    org = "http://www.w3.org/ns/org#"
    iscm = f"{BASE}ontology#"
    kinds = [iri(iscm + k) for k in ("RegionalConsultativeProcess", "InterRegionalForum")]
    regions = [
        iri(f"{BASE}scheme/iom-region/{r}")
        for r in ("africa", "americas", "asia", "asia-pacific", "europe", "middle-east")
    ]
    roles = [iri(f"{BASE}scheme/role/{r}") for r in ("member", "founding-state", "observer")]
    states = [iri(f"{BASE}id/state/{c}") for c in ["mex"] + [f"s{i:03d}" for i in range(249)]]
    mechanisms = max(target // 110, 10)
    sources = [iri(f"{BASE}graph/source/synthetic-{i}") for i in range(200)]

    def both(s: ox.NamedNode, p: ox.NamedNode, o: ox.Term, g: ox.NamedNode) -> Iterator[ox.Quad]:
        yield ox.Quad(s, p, o, g)
        yield ox.Quad(s, p, o, ox.DefaultGraph())

    for state in states:
        g = sources[0]
        yield from both(state, a, iri(iscm + "State"), g)
        yield from both(state, pref, ox.Literal(state.value[-3:].upper(), language="en"), g)
    for i in range(mechanisms):
        slug = ["rcm", "sacm"][i] if i < 2 else f"mechanism-{i}"
        m = iri(f"{BASE}id/mechanism/{slug}")
        g = sources[i % len(sources)]
        yield from both(m, a, kinds[i % 2], g)
        for lang in ("en", "fr"):
            name = ox.Literal(f"Migration dialogue {i} ({lang})", language=lang)
            yield from both(m, pref, name, g)
        acronym = ox.Literal("RCM" if i == 0 else f"MD{i}", language="en")
        yield from both(m, iri(iscm + "acronym"), acronym, g)
        for region in rng.sample(regions, 2 if i % 2 else 1):
            yield from both(m, iri(iscm + "coversRegion"), region, g)
        for j, state in enumerate(rng.sample(states, 20)):
            agent = state.value.rsplit("/", 1)[1]
            membership = iri(f"{BASE}id/membership/{slug}/{agent}/{j}")
            yield from both(membership, a, iri(org + "Membership"), g)
            yield from both(membership, iri(org + "organization"), m, g)
            yield from both(membership, iri(org + "member"), state, g)
            yield from both(membership, iri(org + "role"), roles[j % 3], g)
            yield from both(membership, iri("http://www.w3.org/ns/prov#wasDerivedFrom"), g, g)


def build_synthetic(store_dir: Path, target: int) -> None:
    quads = list(synthetic_quads(target))
    graphs = sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)})
    manifest = {
        "id": f"synthetic-{target}",
        "created": datetime.now(UTC).isoformat(),
        "triples": sum(1 for q in quads if isinstance(q.graph_name, ox.DefaultGraph)),
        "graphs": graphs,
    }
    write_build(store_dir, manifest["id"], quads, manifest, "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20, help="rounds of the mix per run")
    parser.add_argument("--synthetic", type=int, default=1_000_000, help="0 skips it")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--threads", type=int, default=1, help="per worker; >1: gthread")
    parser.add_argument("--keep-alive", action="store_true", help="clients reuse connections")
    parser.add_argument(
        "--answer-cache-bytes",
        type=int,
        default=int(defaults()["ANSWER_CACHE_BYTES"]),
        help="for (b+); 0 skips (b+)",
    )
    parser.add_argument(
        "--query-timeout", type=float, default=20, help="the endpoint's; 0 runs queries inline"
    )
    args = parser.parse_args()
    setup = Setup(
        args.requests,
        args.workers,
        args.threads,
        args.keep_alive,
        args.answer_cache_bytes,
        args.query_timeout,
    )
    print(f"# bench/endpoint.py: {os.cpu_count()} cores, {args.requests} rounds of the mix")
    with tempfile.TemporaryDirectory(prefix="iscm-bench-") as scratch_name:
        scratch = Path(scratch_name)
        real = scratch / "real-data"
        build(Inputs(ROOT / "ontology", ROOT / "data", ROOT / "shapes"), real)
        run_all(real, scratch / "real-scratch", setup)
        if args.synthetic:
            synthetic = scratch / "synthetic"
            build_synthetic(synthetic, args.synthetic)
            run_all(synthetic, scratch / "synthetic-scratch", setup)


if __name__ == "__main__":
    main()
