"""What the service says about itself: a SPARQL 1.1 Service Description and a
VoID + DCAT description of the dataset.

The figures (triple counts per named graph, vocabularies used) are gathered
from the store once per build and cached with the serialized documents, so a
request never re-counts anything. Dataset IRIs live under the configurable
``BASE_IRI``; the endpoint and download URLs are those of the host the
request reached, so a mirror describes itself.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, RDFS, VOID, XSD, Namespace

from .dumps import DUMP_FORMATS, DUMPS_DIR
from .store import OpenBuild

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
IANA = "https://www.iana.org/assignments/media-types/"
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")

#: RDF media types the descriptions are written in, default first, with rdflib's names.
RDF_FORMATS: dict[str, str] = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
}

#: Result formats the endpoint writes, as W3C format IRIs (http://www.w3.org/ns/formats/).
RESULT_FORMAT_IRIS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
    "N-Quads",
    "TriG",
)


@dataclass(frozen=True)
class DatasetFacts:
    """What one build holds, counted once."""

    build_id: str
    modified: str
    triples: int
    graphs: dict[str, int]
    vocabularies: list[str]
    classes: int
    properties: int
    subjects: int
    #: Sizes in bytes of the dumps the build wrote, by file name.
    dump_sizes: dict[str, int]


def namespace_of(iri: str) -> str:
    """Return the vocabulary an IRI belongs to: everything up to its last ``#`` or ``/``.

    >>> namespace_of("http://www.w3.org/ns/org#Membership")
    'http://www.w3.org/ns/org#'
    >>> namespace_of("http://purl.org/dc/terms/source")
    'http://purl.org/dc/terms/'
    """
    cut = iri.rfind("#") if "#" in iri else iri.rfind("/")
    return iri[: cut + 1]


def gather_facts(build: OpenBuild) -> DatasetFacts:
    """Count what a build holds (a handful of aggregate queries on the store)."""
    store = build.store

    def rows(query: str) -> list[ox.QuerySolution]:
        result = store.query(query)
        assert isinstance(result, ox.QuerySolutions)
        return list(result)

    def number(query: str) -> int:
        value = rows(query)[0]["n"]
        return int(value.value) if value is not None else 0

    graphs = {
        str(row["g"].value): int(row["n"].value)
        for row in rows("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    }
    predicates = [str(row["p"].value) for row in rows("SELECT DISTINCT ?p WHERE { ?s ?p ?o }")]
    classes = [
        str(row["c"].value)
        for row in rows("SELECT DISTINCT ?c WHERE { ?s a ?c FILTER(isIRI(?c)) }")
    ]
    manifest = build.manifest
    dump_dir = build.directory / DUMPS_DIR
    dump_sizes = {
        dump.filename: (dump_dir / dump.filename).stat().st_size
        for dump in DUMP_FORMATS
        if (dump_dir / dump.filename).is_file()
    }
    return DatasetFacts(
        build_id=str(manifest.get("id", build.directory.name)),
        modified=str(manifest.get("created", "")),
        triples=number("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        graphs=dict(sorted(graphs.items())),
        vocabularies=sorted({namespace_of(iri) for iri in predicates + classes}),
        classes=len(classes),
        properties=len(predicates),
        subjects=number("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        dump_sizes=dump_sizes,
    )


def dataset_iri(base_iri: str) -> URIRef:
    """The IRI of the dataset as a whole."""
    return URIRef(f"{base_iri}dataset")


def source_of(graph_iri: str, base_iri: str) -> str | None:
    """Return the source document a named graph holds the statements of, if it is a source graph.

    >>> source_of("https://w3id.org/iscm/graph/source/seed-001", "https://w3id.org/iscm/")
    'https://w3id.org/iscm/id/source/seed-001'
    >>> source_of("https://w3id.org/iscm/graph/ontology/iscm", "https://w3id.org/iscm/") is None
    True
    """
    prefix = f"{base_iri}graph/source/"
    if not graph_iri.startswith(prefix):
        return None
    return f"{base_iri}id/source/{graph_iri[len(prefix) :]}"


def void_graph(facts: DatasetFacts, base_iri: str, site_url: str) -> Graph:
    """Describe the dataset in VoID and DCAT 3.

    Args:
        facts: what the build holds.
        base_iri: the namespace of the project's IRIs (``BASE_IRI``).
        site_url: the root URL of this service, ending in ``/``.
    """
    graph = _new_graph()
    dataset = dataset_iri(base_iri)
    endpoint = URIRef(f"{site_url}sparql")
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("iscm-graph", lang="en")))
    graph.add((dataset, DCTERMS.title, Literal("iscm-graph", lang="fr")))
    for text, lang in (
        (
            "Open knowledge graph of inter-State consultation mechanisms on migration (ISCMs): "
            "the mechanisms, the States and organisations taking part in them, and the source "
            "of every statement.",
            "en",
        ),
        (
            "Graphe de connaissances ouvert des mécanismes consultatifs interétatiques sur la "
            "migration (MCIM) : les mécanismes, les États et organisations qui y prennent part, "
            "et la source de chaque énoncé.",
            "fr",
        ),
    ):
        graph.add((dataset, DCTERMS.description, Literal(text, lang=lang)))
    graph.add((dataset, DCTERMS.license, LICENCE))
    publisher = BNode()
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((publisher, RDF.type, FOAF.Organization))
    graph.add((publisher, FOAF.name, Literal("iscm-graph contributors")))
    if facts.modified:
        graph.add((dataset, DCTERMS.modified, Literal(facts.modified, datatype=XSD.dateTime)))
    graph.add((dataset, DCTERMS.identifier, Literal(facts.build_id)))
    graph.add((dataset, VOID.sparqlEndpoint, endpoint))
    graph.add((dataset, VOID.uriSpace, Literal(f"{base_iri}id/")))
    graph.add((dataset, VOID.triples, Literal(facts.triples)))
    graph.add((dataset, VOID.distinctSubjects, Literal(facts.subjects)))
    graph.add((dataset, VOID.classes, Literal(facts.classes)))
    graph.add((dataset, VOID.properties, Literal(facts.properties)))
    for vocabulary in facts.vocabularies:
        graph.add((dataset, VOID.vocabulary, URIRef(vocabulary)))

    service = URIRef(f"{site_url}sparql#service")
    graph.add((service, RDF.type, DCAT.DataService))
    graph.add((service, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
    graph.add((service, DCTERMS.title, Literal("Point d'accès SPARQL 1.1", lang="fr")))
    graph.add((service, DCAT.endpointURL, endpoint))
    graph.add((service, DCAT.endpointDescription, endpoint))
    graph.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    graph.add((service, DCAT.servesDataset, dataset))
    graph.add((service, DCTERMS.license, LICENCE))
    through_sparql = _distribution(graph, dataset, "sparql", endpoint)
    graph.add((dataset, DCAT.distribution, through_sparql))
    graph.add((through_sparql, DCAT.accessService, service))

    for dump in DUMP_FORMATS:
        url = URIRef(f"{site_url}{DUMPS_DIR}/{dump.filename}")
        graph.add((dataset, VOID.dataDump, url))
        distribution = _distribution(graph, dataset, dump.extension, url)
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, DCAT.downloadURL, url))
        graph.add((distribution, DCAT.mediaType, URIRef(IANA + dump.media_type)))
        graph.add((distribution, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
        graph.add((distribution, DCTERMS.format, Literal(dump.name)))
        size = facts.dump_sizes.get(dump.filename)
        if size is not None:
            graph.add((distribution, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))

    for graph_iri, triples in facts.graphs.items():
        subset = URIRef(f"{dataset}/{graph_iri.removeprefix(base_iri)}")
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, Literal(triples)))
        graph.add((subset, SD.name, URIRef(graph_iri)))
        graph.add((subset, VOID.sparqlEndpoint, endpoint))
        source = source_of(graph_iri, base_iri)
        if source is not None:
            graph.add((subset, DCTERMS.source, URIRef(source)))
            graph.add((subset, PROV.wasDerivedFrom, URIRef(source)))
    return graph


def _distribution(graph: Graph, dataset: URIRef, name: str, url: URIRef) -> URIRef:
    distribution = URIRef(f"{dataset}/distribution/{name}")
    graph.add((distribution, RDF.type, DCAT.Distribution))
    graph.add((distribution, DCAT.accessURL, url))
    graph.add((distribution, DCTERMS.license, LICENCE))
    graph.add((distribution, DCTERMS.title, Literal(name, lang="en")))
    return distribution


def service_graph(facts: DatasetFacts, base_iri: str, site_url: str) -> Graph:
    """Describe the endpoint in the SPARQL 1.1 Service Description vocabulary."""
    graph = _new_graph()
    endpoint = URIRef(f"{site_url}sparql")
    service = URIRef(f"{site_url}sparql#service")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, endpoint))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    graph.add((service, RDFS.seeAlso, URIRef(f"{site_url}.well-known/void")))
    for name in RESULT_FORMAT_IRIS:
        graph.add((service, SD.resultFormat, FORMATS_NS[name]))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, DCTERMS.source, dataset_iri(base_iri)))
    default_graph = BNode()
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((default_graph, VOID.triples, Literal(facts.triples)))
    for graph_iri, triples in facts.graphs.items():
        named, described = BNode(), BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(graph_iri)))
        graph.add((named, SD.graph, described))
        graph.add((described, RDF.type, SD.Graph))
        graph.add((described, VOID.triples, Literal(triples)))
    return graph


def _new_graph() -> Graph:
    graph = Graph(bind_namespaces="rdflib")
    graph.bind("sd", SD)
    graph.bind("void", VOID)
    graph.bind("dcat", DCAT)
    return graph


#: Serialized descriptions kept per build (kinds × formats × host names).
MAX_CACHED_DOCUMENTS = 64


class Descriptions:
    """The descriptions of the current build, computed once per build and cached.

    Cached by build id, host and media type: a new build or another host name
    (a mirror, a proxy) gets its own copy; the cache only ever holds the
    current build.
    """

    def __init__(self, base_iri: str) -> None:
        self.base_iri = base_iri
        self._lock = threading.Lock()
        self._facts: DatasetFacts | None = None
        self._documents: dict[tuple[str, str, str], bytes] = {}

    def facts(self, build: OpenBuild) -> DatasetFacts:
        """Return the counted facts of ``build``."""
        build_id = str(build.manifest.get("id", build.directory.name))
        facts = self._facts
        if facts is not None and facts.build_id == build_id:
            return facts
        with self._lock:
            if self._facts is None or self._facts.build_id != build_id:
                self._facts = gather_facts(build)
                self._documents = {}
            return self._facts

    def document(self, build: OpenBuild, kind: str, site_url: str, media_type: str) -> bytes:
        """Return the ``void`` or ``service`` description of ``build``, serialized."""
        facts = self.facts(build)
        key = (kind, site_url, media_type)
        cached = self._documents.get(key)
        if cached is None:
            make = void_graph if kind == "void" else service_graph
            cached = make(facts, self.base_iri, site_url).serialize(
                format=RDF_FORMATS[media_type], encoding="utf-8"
            )
            if len(self._documents) >= MAX_CACHED_DOCUMENTS:  # Host headers are the client's
                self._documents.clear()
            self._documents[key] = cached
        return cached


def html_context(facts: DatasetFacts, base_iri: str) -> dict[str, Any]:
    """What the HTML service page shows, besides the request's URLs."""
    return {
        "facts": facts,
        "modified": _readable(facts.modified),
        "graphs": [
            (graph_iri, triples, source_of(graph_iri, base_iri))
            for graph_iri, triples in facts.graphs.items()
        ],
    }


def _readable(timestamp: str) -> str:
    try:
        return datetime.fromisoformat(timestamp).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return timestamp
