"""What the graph says about one resource: its IRI, its description, its labels.

A request path maps onto an IRI under the configured public base
(``BASE_IRI``), whatever host serves it: ``/id/mechanism/rcm`` on any host is
``{BASE_IRI}id/mechanism/rcm``. The description returned to linked-data
clients is the resource's concise bounded description (its triples, blank
nodes followed), the triples that point at it, and the labels of everything
it links to, so that a client can display it without a second request.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ISCM = "https://w3id.org/iscm/ontology#"

#: Properties that name a resource, best first.
LABEL_PROPERTIES = (
    ox.NamedNode(SKOS + "prefLabel"),
    ox.NamedNode(RDFS + "label"),
    ox.NamedNode("http://purl.org/dc/terms/title"),
)
#: Languages a label is chosen in, best first (then any language).
LANGUAGES = ("en", "fr", "es", "")

#: Top-level path segments under which the project mints IRIs that this
#: service dereferences (``ontology``, ``shapes``, ``sparql`` are served elsewhere).
MINTED_ROOTS = ("id", "scheme", "graph")

#: Roots served by other parts of the service, linked locally too (the ontology's
#: documentation answers ``/ontology#Term``).
SERVED_ELSEWHERE = ("ontology",)

#: Most incoming links listed in a description (a concept may be used everywhere).
MAX_INCOMING = 2000


def iri_for_path(base_iri: str, path: str) -> str:
    """Return the IRI a request path stands for under the public base.

    >>> iri_for_path("https://w3id.org/iscm/", "/id/mechanism/rcm")
    'https://w3id.org/iscm/id/mechanism/rcm'
    """
    return base_iri + path.lstrip("/")


def path_for_iri(base_iri: str, iri: str) -> str | None:
    """Return the local path of an IRI this service dereferences, or None.

    >>> path_for_iri("https://w3id.org/iscm/", "https://w3id.org/iscm/id/state/mex")
    '/id/state/mex'
    >>> path_for_iri("https://w3id.org/iscm/", "https://w3id.org/iscm/ontology#State")
    '/ontology#State'
    >>> path_for_iri("https://w3id.org/iscm/", "https://example.org/x") is None
    True
    """
    if not iri.startswith(base_iri):
        return None
    rest = iri[len(base_iri) :]
    root = rest.split("/", 1)[0].split("#", 1)[0]
    if root in SERVED_ELSEWHERE:
        return "/" + rest
    if root not in MINTED_ROOTS or "#" in rest or "?" in rest:
        return None
    return "/" + rest


def named_node(iri: str) -> ox.NamedNode | None:
    """Return the node of an IRI, or None when the text is not a valid IRI."""
    try:
        return ox.NamedNode(iri)
    except ValueError:
        return None


def is_graph(store: ox.Store, node: ox.NamedNode) -> bool:
    """Tell whether the IRI names a graph of the store (a source's statements)."""
    return bool(store.contains_named_graph(node))


def exists(store: ox.Store, node: ox.NamedNode) -> bool:
    """Tell whether the store mentions the IRI (as subject or object) or names a graph by it.

    An IRI only pointed at (a State named in a membership before the State
    itself is described) still has a page: the statements that mention it.
    """
    default = ox.DefaultGraph()
    for _ in store.quads_for_pattern(node, None, None, default):
        return True
    for _ in store.quads_for_pattern(None, None, node, default):
        return True
    return is_graph(store, node)


def describe(store: ox.Store, node: ox.NamedNode) -> list[ox.Triple]:
    """Return the description of a resource that its IRI dereferences to.

    The concise bounded description (outgoing triples, blank-node objects
    followed), the triples whose object is the resource (their subjects are
    separate resources with their own IRIs), and the labels of every IRI
    these triples mention.
    """
    default = ox.DefaultGraph()
    triples = list(_bounded(store, node))
    for count, quad in enumerate(store.quads_for_pattern(None, None, node, default)):
        if count >= MAX_INCOMING:
            break
        triples.append(quad.triple)
    return _with_labels(store, triples, exclude=node)


def graph_triples(store: ox.Store, graph: ox.NamedNode) -> list[ox.Triple]:
    """Return the triples of one named graph (what one source says)."""
    return [quad.triple for quad in store.quads_for_pattern(None, None, None, graph)]


def _bounded(store: ox.Store, node: ox.NamedNode | ox.BlankNode) -> Iterator[ox.Triple]:
    default = ox.DefaultGraph()
    seen: set[ox.BlankNode] = set()
    pending: list[ox.NamedNode | ox.BlankNode] = [node]
    while pending:
        subject = pending.pop()
        for quad in store.quads_for_pattern(subject, None, None, default):
            yield quad.triple
            if isinstance(quad.object, ox.BlankNode) and quad.object not in seen:
                seen.add(quad.object)
                pending.append(quad.object)


def _with_labels(
    store: ox.Store, triples: list[ox.Triple], exclude: ox.NamedNode
) -> list[ox.Triple]:
    mentioned = {
        term
        for triple in triples
        for term in (triple.subject, triple.predicate, triple.object)
        if isinstance(term, ox.NamedNode) and term != exclude
    }
    result = dict.fromkeys(triples)
    default = ox.DefaultGraph()
    for term in mentioned:
        for prop in LABEL_PROPERTIES:
            for quad in store.quads_for_pattern(term, prop, None, default):
                result.setdefault(quad.triple)
    return list(result)


def labels(store: ox.Store, nodes: Iterable[ox.NamedNode]) -> dict[str, dict[str, str]]:
    """Return, for each IRI, one label per language (``""`` for untagged)."""
    default = ox.DefaultGraph()
    found: dict[str, dict[str, str]] = {}
    for node in set(nodes):
        by_language: dict[str, str] = {}
        for prop in LABEL_PROPERTIES:
            for quad in store.quads_for_pattern(node, prop, None, default):
                literal = quad.object
                if isinstance(literal, ox.Literal):
                    by_language.setdefault(literal.language or "", literal.value)
            if by_language:
                break
        found[node.value] = by_language
    return found


def best_label(by_language: dict[str, str], fallback: str) -> tuple[str, str | None]:
    """Pick the label to show and its language (English first, then French, Spanish, any).

    >>> best_label({"fr": "Processus de Puebla"}, "x")
    ('Processus de Puebla', 'fr')
    >>> best_label({}, "https://w3id.org/iscm/id/state/mex")
    ('mex', None)
    """
    for language in LANGUAGES:
        if language in by_language:
            return by_language[language], language or None
    if by_language:
        language, text = next(iter(by_language.items()))
        return text, language or None
    return fallback.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1], None
