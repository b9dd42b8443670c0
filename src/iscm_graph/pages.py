"""What the HTML pages show: SPARQL queries and the tables they fill.

Each section of a page is one SELECT query; the page renders its answer as a
table and links the query to the editor, so that a reader can see, rerun and
change what produced it. The queries name the resource with
``VALUES ?this { <iri> }``, which keeps the linked query self-contained.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from .resources import ISCM, best_label, labels, path_for_iri

PREFIXES = """PREFIX iscm: <https://w3id.org/iscm/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
ROLE = "https://w3id.org/iscm/scheme/role/"
#: The date of a time:Instant, whatever its precision.
DATE = "(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear)"


@dataclass(frozen=True)
class Section:
    """One titled table of a page and the query that fills it."""

    title: str
    title_fr: str
    where: str
    columns: tuple[tuple[str, str], ...]
    order: str = ""
    #: Most rows shown (a source's graph can hold thousands of statements).
    limit: int | None = None

    def query(self, iri: str) -> str:
        """The complete query for one resource."""
        variables = " ".join(f"?{name}" for name, _ in self.columns)
        order = f"\nORDER BY {self.order}" if self.order else ""
        limit = f"\nLIMIT {self.limit}" if self.limit else ""
        return (
            f"{PREFIXES}SELECT DISTINCT {variables} WHERE {{\n"
            f"  VALUES ?this {{ <{iri}> }}\n{self.where}\n}}{order}{limit}"
        )


def _membership(title: str, title_fr: str, roles: str) -> Section:
    """A section listing memberships of the mechanism in some roles."""
    return Section(
        title,
        title_fr,
        f"""  ?membership org:organization ?this ; org:member ?agent ; org:role ?role .
  {roles}
  OPTIONAL {{ ?membership org:memberDuring/time:hasBeginning/{DATE} ?from }}
  OPTIONAL {{ ?membership org:memberDuring/time:hasEnd/{DATE} ?until }}
  OPTIONAL {{ ?membership iscm:asOf ?asOf }}
  OPTIONAL {{ ?membership iscm:inConsultationWith ?with }}
  OPTIONAL {{ ?membership prov:wasDerivedFrom ?source }}""",
        (
            ("agent", "Who"),
            ("role", "Role"),
            ("from", "From"),
            ("until", "Until"),
            ("asOf", "As of"),
            ("with", "In consultation with"),
            ("source", "Source"),
            ("membership", "Statement"),
        ),
        "?role ?agent",
    )


MEMBER_ROLES = f"VALUES ?role {{ <{ROLE}member> <{ROLE}founding-state> <{ROLE}participant> }}"
OBSERVER_ROLES = f"VALUES ?role {{ <{ROLE}observer> }}"
SECRETARIAT_ROLES = f"?role skos:broader* <{ROLE}secretariat> ."
OTHER_ROLES = (
    f"FILTER NOT EXISTS {{ VALUES ?r {{ <{ROLE}member> <{ROLE}founding-state> "
    f"<{ROLE}participant> <{ROLE}observer> }} FILTER(?role = ?r) }}\n"
    f"  FILTER NOT EXISTS {{ ?role skos:broader* <{ROLE}secretariat> }}"
)

MECHANISM_SECTIONS = (
    Section(
        "Status history",
        "Historique du statut",
        """  ?statement iscm:aboutMechanism ?this ; iscm:status ?status .
  OPTIONAL { ?statement iscm:asOf ?asOf }
  OPTIONAL { ?statement iscm:evidence ?evidence }
  OPTIONAL { ?statement prov:wasDerivedFrom ?source }""",
        (
            ("asOf", "As of"),
            ("status", "Status"),
            ("evidence", "Evidence"),
            ("source", "Source"),
            ("statement", "Statement"),
        ),
        "?asOf",
    ),
    _membership("Members", "Membres", MEMBER_ROLES),
    _membership("Observers", "Observateurs", OBSERVER_ROLES),
    _membership("Secretariat", "Secrétariat", SECRETARIAT_ROLES),
    _membership("Other roles", "Autres rôles", OTHER_ROLES),
    Section(
        "Positions on the Global Compact for Migration",
        "Positions sur le Pacte mondial pour les migrations",
        """  ?position iscm:positionOf ?this .
  OPTIONAL { ?position dcterms:issued ?issued }
  OPTIONAL { ?position iscm:concernsInstrument ?instrument }
  OPTIONAL { ?position iscm:addressesObjective ?objective }
  OPTIONAL { ?position prov:wasDerivedFrom ?source }""",
        (
            ("position", "Position"),
            ("issued", "Issued"),
            ("instrument", "Instrument"),
            ("objective", "Objective addressed"),
            ("source", "Source"),
        ),
        "?issued ?position ?objective",
    ),
    Section(
        "Engagement with the GCM",
        "Engagement avec le Pacte mondial",
        """  ?engagement iscm:engagedMechanism ?this .
  OPTIONAL { ?engagement iscm:engagementForm ?form }
  OPTIONAL { ?engagement iscm:asOf ?asOf }
  OPTIONAL { ?engagement dcterms:description ?description }
  OPTIONAL { ?engagement prov:wasDerivedFrom ?source }""",
        (
            ("engagement", "Engagement"),
            ("form", "Form"),
            ("asOf", "As of"),
            ("description", "Description"),
            ("source", "Source"),
        ),
        "?asOf",
    ),
    Section(
        "Partnerships",
        "Partenariats",
        """  ?partnership iscm:partner ?this, ?partner . FILTER(?partner != ?this)
  OPTIONAL { ?partnership iscm:partnershipType ?type }
  OPTIONAL { ?partnership iscm:asOf ?asOf }
  OPTIONAL { ?partnership prov:wasDerivedFrom ?source }""",
        (
            ("partnership", "Partnership"),
            ("partner", "Partner"),
            ("type", "Type"),
            ("asOf", "As of"),
            ("source", "Source"),
        ),
    ),
    Section(
        "Meetings",
        "Réunions",
        """  ?meeting iscm:meetingOf ?this .
  OPTIONAL { ?meeting iscm:startDate ?start }
  OPTIONAL { ?meeting iscm:venue ?venue }
  OPTIONAL { ?meeting iscm:hostCountry ?host }
  OPTIONAL { ?meeting prov:wasDerivedFrom ?source }""",
        (
            ("start", "Date"),
            ("meeting", "Meeting"),
            ("venue", "Venue"),
            ("host", "Host country"),
            ("source", "Source"),
        ),
        "?start",
    ),
)

AGENT_SECTIONS = (
    Section(
        "Roles in mechanisms",
        "Rôles dans les mécanismes",
        f"""  ?membership org:member ?this ; org:organization ?mechanism ; org:role ?role .
  OPTIONAL {{ ?membership org:memberDuring/time:hasBeginning/{DATE} ?from }}
  OPTIONAL {{ ?membership org:memberDuring/time:hasEnd/{DATE} ?until }}
  OPTIONAL {{ ?membership prov:wasDerivedFrom ?source }}""",
        (
            ("role", "Role"),
            ("mechanism", "Mechanism"),
            ("from", "From"),
            ("until", "Until"),
            ("source", "Source"),
            ("membership", "Statement"),
        ),
        "?role ?mechanism",
    ),
    Section(
        "Mechanisms it facilitates or is linked to",
        "Mécanismes qu'elle facilite ou auxquels elle est liée",
        """  ?mechanism ?link ?this .
  VALUES ?link { iscm:facilitatedBy iscm:formallyAssociatedWith org:linkedTo }""",
        (("mechanism", "Mechanism"), ("link", "Link")),
    ),
    Section(
        "Secretariats it consults with",
        "Secrétariats qu'elle consulte",
        """  ?membership iscm:inConsultationWith ?this ;
    org:organization ?mechanism ; org:role ?role .""",
        (("mechanism", "Mechanism"), ("role", "Role"), ("membership", "Statement")),
    ),
)

OBJECTIVE_SECTIONS = (
    Section(
        "Positions addressing it",
        "Positions qui le traitent",
        """  ?position iscm:addressesObjective|iscm:addressesPrinciple|iscm:addressesTheme ?this .
  OPTIONAL { ?position iscm:positionOf ?mechanism }
  OPTIONAL { ?position dcterms:issued ?issued }
  OPTIONAL { ?position prov:wasDerivedFrom ?source }""",
        (
            ("mechanism", "Mechanism"),
            ("position", "Position"),
            ("issued", "Issued"),
            ("source", "Source"),
        ),
        "?mechanism ?issued",
    ),
)

SOURCE_SECTIONS = (
    Section(
        "Claims derived from it",
        "Affirmations qui en proviennent",
        """  ?claim prov:wasDerivedFrom/dcterms:isPartOf? ?this .
  OPTIONAL { ?claim a ?type
    FILTER(STRSTARTS(STR(?type), STR(iscm:)) || STRSTARTS(STR(?type), STR(org:))) }""",
        (("claim", "Claim"), ("type", "Kind")),
        "?type ?claim",
    ),
    Section(
        "Statements in its named graph",
        "Énoncés dans son graphe nommé",
        """  BIND(IRI(REPLACE(STR(?this), "/id/source/", "/graph/source/")) AS ?graph)
  GRAPH ?graph { ?subject ?property ?value }""",
        (("subject", "Subject"), ("property", "Property"), ("value", "Value")),
        "?subject ?property",
        limit=500,
    ),
)

KINDS: dict[str, tuple[str, tuple[Section, ...]]] = {
    # class IRI (or a superclass) -> (page kind, sections); first match wins
    ISCM + "InterStateConsultationMechanism": ("mechanism", MECHANISM_SECTIONS),
    ISCM + "IntergovernmentalCommittee": ("mechanism", MECHANISM_SECTIONS),
    ISCM + "RegionalCooperationFramework": ("mechanism", MECHANISM_SECTIONS),
    ISCM + "InterAgencyPlatform": ("mechanism", MECHANISM_SECTIONS),
    ISCM + "State": ("state", AGENT_SECTIONS),
    "http://www.w3.org/ns/org#Organization": ("organization", AGENT_SECTIONS),
    ISCM + "GCMObjective": ("objective", OBJECTIVE_SECTIONS),
    ISCM + "GCMGuidingPrinciple": ("objective", OBJECTIVE_SECTIONS),
    ISCM + "GCMTheme": ("objective", OBJECTIVE_SECTIONS),
    ISCM + "SourceDocument": ("source", SOURCE_SECTIONS),
}

#: IRI pattern -> page kind, for resources whose type the graph does not state.
PATTERNS = {
    "/id/mechanism/": ("mechanism", MECHANISM_SECTIONS),
    "/id/state/": ("state", AGENT_SECTIONS),
    "/id/organization/": ("organization", AGENT_SECTIONS),
}


def kind_of(store: ox.Store, iri: str) -> tuple[str, tuple[Section, ...]]:
    """Return the page kind of a resource from its types (through rdfs:subClassOf)."""
    query = f"{PREFIXES}SELECT DISTINCT ?class WHERE {{ <{iri}> a/rdfs:subClassOf* ?class }}"
    classes = {row["class"].value for row in _select(store, query)}
    for class_iri, kind in KINDS.items():
        if class_iri in classes:
            return kind
    # An IRI the graph only points at so far is known by its pattern.
    for pattern, kind in PATTERNS.items():
        if pattern in iri:
            return kind
    return "resource", ()


# --- rendering answers -------------------------------------------------------


@dataclass
class Cell:
    """One value as a page shows it: text, language, link."""

    text: str
    lang: str | None = None
    href: str | None = None
    title: str | None = None


@dataclass
class Table:
    """A section's answer, ready for the template."""

    section: Section
    query: str
    headers: list[str]
    rows: list[list[Cell | None]] = field(default_factory=list)


def _select(store: ox.Store, query: str) -> list[dict[str, ox.NamedNode | ox.Literal]]:
    solutions = store.query(query, use_default_graph_as_union=False)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [
        {name: solution[name] for name in names if solution[name] is not None}
        for solution in solutions
    ]


#: Display names of the common properties the ontology reuses (its own terms have labels).
PROPERTY_NAMES = {
    "http://www.w3.org/2004/02/skos/core#prefLabel": "name",
    "http://www.w3.org/2004/02/skos/core#altLabel": "other name",
    "http://www.w3.org/2004/02/skos/core#notation": "notation",
    "http://www.w3.org/2004/02/skos/core#definition": "definition",
    "http://www.w3.org/2004/02/skos/core#inScheme": "in scheme",
    "http://www.w3.org/2004/02/skos/core#broader": "broader",
    "http://www.w3.org/2004/02/skos/core#exactMatch": "same as",
    "http://www.w3.org/2004/02/skos/core#closeMatch": "close to",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "type",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://purl.org/dc/terms/created": "founded",
    "http://purl.org/dc/terms/isReferencedBy": "mentioned in",
    "http://purl.org/dc/terms/title": "title",
    "http://purl.org/dc/terms/publisher": "publisher",
    "http://purl.org/dc/terms/issued": "issued",
    "http://purl.org/dc/terms/language": "language",
    "http://purl.org/dc/terms/identifier": "identifier",
    "http://purl.org/dc/terms/isPartOf": "part of",
    "http://purl.org/dc/terms/description": "description",
    "http://purl.org/dc/terms/replaces": "replaces",
    "http://xmlns.com/foaf/0.1/page": "web page",
    "http://xmlns.com/foaf/0.1/homepage": "home page",
    "https://schema.org/url": "address",
    "https://schema.org/sameAs": "same as",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "source",
    "http://www.w3.org/ns/org#member": "member",
    "http://www.w3.org/ns/org#organization": "organisation",
    "http://www.w3.org/ns/org#role": "role",
    "http://www.w3.org/ns/org#memberDuring": "during",
    "http://www.w3.org/ns/org#classification": "classification",
    "http://www.w3.org/ns/org#hasMember": "has member",
    "http://www.w3.org/ns/org#memberOf": "member of",
    "http://www.w3.org/ns/org#linkedTo": "linked to",
    "http://www.w3.org/ns/org#purpose": "purpose",
    "http://www.w3.org/ns/org#unitOf": "unit of",
}


class Renderer:
    """Turns RDF terms into cells, with labels looked up once per page."""

    def __init__(self, store: ox.Store, base_iri: str) -> None:
        self.store = store
        self.base_iri = base_iri
        self._labels: dict[str, dict[str, str]] = {}

    def prefetch(self, terms: Iterable[object]) -> None:
        """Look up the labels of every IRI among ``terms`` in one pass."""
        wanted = [t for t in terms if isinstance(t, ox.NamedNode) and t.value not in self._labels]
        self._labels.update(labels(self.store, wanted))

    def href(self, iri: str) -> str:
        """The link to follow for an IRI: our own page, or the IRI itself."""
        path = path_for_iri(self.base_iri, iri)
        return path if path is not None else iri

    def label(self, iri: str) -> tuple[str, str | None]:
        """The label to show for an IRI, and its language."""
        if iri not in self._labels:
            self._labels.update(labels(self.store, [ox.NamedNode(iri)]))
        return best_label(self._labels[iri], iri)

    def cell(self, term: object) -> Cell | None:
        """Render one term of an answer."""
        if term is None:
            return None
        if isinstance(term, ox.NamedNode):
            if term.value in PROPERTY_NAMES and not self._labels.get(term.value):
                return Cell(PROPERTY_NAMES[term.value], None, term.value, term.value)
            text, lang = self.label(term.value)
            return Cell(text, lang, self.href(term.value), term.value)
        if isinstance(term, ox.Literal):
            return Cell(term.value, term.language)
        return Cell(str(term))

    def table(self, section: Section, iri: str) -> Table:
        """Run a section's query for one resource and render its answer."""
        query = section.query(iri)
        rows = _select(self.store, query)
        self.prefetch(term for row in rows for term in row.values())
        names = [name for name, _ in section.columns]
        return Table(
            section,
            query,
            [header for _, header in section.columns],
            [[self.cell(row.get(name)) for name in names] for row in rows],
        )


# --- the generic description ---------------------------------------------------


@dataclass
class Statement:
    """One property value of a resource, with the sources that state it."""

    value: Cell
    sources: list[Cell]
    details: list[tuple[Cell, Cell]] = field(default_factory=list)


def properties(renderer: Renderer, iri: str) -> list[tuple[Cell, list[Statement]]]:
    """Everything the graph says about a resource, grouped by property, with sources."""
    node = ox.NamedNode(iri)
    grouped: dict[ox.NamedNode, dict[object, set[ox.NamedNode]]] = {}
    for quad in renderer.store.quads_for_pattern(node, None, None):
        if quad.graph_name == ox.DefaultGraph():
            continue
        values = grouped.setdefault(quad.predicate, {})
        graph = quad.graph_name
        values.setdefault(quad.object, set())
        if isinstance(graph, ox.NamedNode):
            values[quad.object].add(_source_of(graph))
    renderer.prefetch(grouped)
    renderer.prefetch(o for values in grouped.values() for o in values)
    renderer.prefetch(s for values in grouped.values() for v in values.values() for s in v)
    result = []
    for predicate, values in grouped.items():
        statements = []
        for value, sources in values.items():
            cell = renderer.cell(value)
            assert cell is not None
            details = []
            if isinstance(value, ox.BlankNode):
                cell = Cell("")
                details = _blank_details(renderer, value)
            statements.append(
                Statement(cell, [c for s in sorted(sources) if (c := renderer.cell(s))], details)
            )
        statements.sort(key=lambda s: (s.value.lang or "", s.value.text))
        predicate_cell = renderer.cell(predicate)
        assert predicate_cell is not None
        result.append((predicate_cell, statements))
    result.sort(key=lambda item: _property_rank(item[0].title or ""))
    return result


def _blank_details(renderer: Renderer, node: ox.BlankNode) -> list[tuple[Cell, Cell]]:
    details = []
    for quad in renderer.store.quads_for_pattern(node, None, None, ox.DefaultGraph()):
        predicate, value = renderer.cell(quad.predicate), renderer.cell(quad.object)
        if predicate is not None and value is not None:
            details.append((predicate, value))
    return details


_FIRST = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    ISCM + "acronym",
    ISCM + "formerName",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
)


def _property_rank(iri: str) -> tuple[int, str]:
    return (_FIRST.index(iri) if iri in _FIRST else len(_FIRST), iri)


def _source_of(graph: ox.NamedNode) -> ox.NamedNode:
    """The source document whose statements a named graph holds (else the graph)."""
    if "/graph/source/" in graph.value:
        return ox.NamedNode(graph.value.replace("/graph/source/", "/id/source/", 1))
    return graph


def incoming(renderer: Renderer, iri: str, limit: int = 500) -> list[tuple[Cell, Cell]]:
    """The resources that point at this one, and by which property."""
    pairs = []
    for count, quad in enumerate(
        renderer.store.quads_for_pattern(None, None, ox.NamedNode(iri), ox.DefaultGraph())
    ):
        if count >= limit:
            break
        if isinstance(quad.subject, ox.NamedNode):
            pairs.append((quad.subject, quad.predicate))
    renderer.prefetch(term for pair in pairs for term in pair)
    cells = [(renderer.cell(s), renderer.cell(p)) for s, p in pairs]
    return sorted(
        ((s, p) for s, p in cells if s is not None and p is not None),
        key=lambda pair: (pair[1].text, pair[0].text),
    )


def describe_query(iri: str) -> str:
    """The query behind a page's generic part: every statement about it, by source."""
    return (
        f"SELECT ?property ?value ?graph WHERE {{\n"
        f"  GRAPH ?graph {{ <{iri}> ?property ?value }}\n}}"
    )


GRAPH_SECTIONS = (
    Section(
        "Statements in this graph",
        "Énoncés de ce graphe",
        """  GRAPH ?this { ?subject ?property ?value }""",
        (("subject", "Subject"), ("property", "Property"), ("value", "Value")),
        "?subject ?property",
        limit=500,
    ),
)
