"""Downloads: written at build, served at /downloads, and equal to the store once parsed back."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from flask.testing import FlaskClient
from rdflib.compare import isomorphic

from iscm_graph.dumps import DUMP_FORMATS, DumpFormat
from iscm_graph.store import current_build

EXPECTED_NAMES = {f"iscm-graph.{ext}.gz" for ext in ("ttl", "nt", "jsonld", "rdf", "nq", "trig")}
RDFLIB_FORMATS = {
    "ttl": "turtle",
    "nt": "nt",
    "jsonld": "json-ld",
    "rdf": "xml",
}


def open_store(store_dir: Path) -> ox.Store:
    build = current_build(store_dir)
    assert build is not None
    return ox.Store.read_only(str(build / "oxigraph"))


def store_graph(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> rdflib.Graph:
    """One graph of the store, through N-Triples into rdflib (which compares graphs)."""
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
    data = ox.serialize(triples, None, ox.RdfFormat.N_TRIPLES)
    assert data is not None
    return rdflib.Graph().parse(data=data.decode(), format="nt")


def download(client: FlaskClient, filename: str) -> str:
    with client.get(f"/downloads/{filename}") as response:
        assert response.status_code == 200
        assert response.mimetype == "application/gzip"
        return gzip.decompress(response.data).decode()


def test_the_dumps_have_the_published_names() -> None:
    assert {dump.filename for dump in DUMP_FORMATS} == EXPECTED_NAMES


@pytest.mark.parametrize("dump", [d for d in DUMP_FORMATS if not d.quads], ids=lambda d: d.name)
def test_a_triple_dump_is_isomorphic_to_the_union_graph(
    client: FlaskClient, built_store: Path, dump: DumpFormat
) -> None:
    text = download(client, dump.filename)
    parsed = rdflib.Graph().parse(data=text, format=RDFLIB_FORMATS[dump.extension])
    expected = store_graph(open_store(built_store), ox.DefaultGraph())
    assert len(parsed) == len(expected)
    assert isomorphic(parsed, expected)


@pytest.mark.parametrize("dump", [d for d in DUMP_FORMATS if d.quads], ids=lambda d: d.name)
def test_a_quad_dump_keeps_each_source_graph(
    client: FlaskClient, built_store: Path, dump: DumpFormat
) -> None:
    text = download(client, dump.filename)
    parsed = ox.Store()
    parsed.load(text.encode(), dump.rdf_format)
    store = open_store(built_store)
    expected_names = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    assert {g.value for g in parsed.named_graphs()} == expected_names
    assert not list(parsed.quads_for_pattern(None, None, None, ox.DefaultGraph())), (
        "the union is not repeated in the default graph"
    )
    for name in expected_names:
        graph = ox.NamedNode(name)
        assert isomorphic(store_graph(parsed, graph), store_graph(store, graph)), name


def test_the_downloads_page_links_every_dump(client: FlaskClient) -> None:
    page = client.get("/downloads").text
    for name in EXPECTED_NAMES:
        assert f'href="/downloads/{name}"' in page


def test_an_unknown_download_is_404(client: FlaskClient) -> None:
    assert client.get("/downloads/iscm-graph.n3.gz").status_code == 404
    assert client.get("/downloads/report.ttl").status_code == 404
    assert client.get("/downloads/build.json").status_code == 404
