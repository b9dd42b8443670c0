"""Shortcut triples derived from the memberships at build time.

Who is a member, observer or secretariat of what is stated once, as an
``org:Membership`` with a role and a source. Queries that only need "is X a
member of Y" should not have to walk that node, so the build adds the W3C ORG
shortcut (``org:memberOf`` and its inverse ``org:hasMember``) and the ISCM
ones (``iscm:observerOf``, ``iscm:secretariatOf``). Which shortcut a role
yields is not coded here: it is the role concept's ``org:roleProperty`` in
``ontology/schemes.ttl``. The derived triples go to their own named graph, so
that ``GRAPH ?g`` never presents them as something a source said. A shortcut
keeps neither the period nor the source of its membership: it means "was, at
some time and according to some source"; ask the membership for when and who
says so.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .config import BASE_IRI

#: The named graph that holds every derived triple.
DERIVED_GRAPH = ox.NamedNode(f"{BASE_IRI}graph/derived")

#: One shortcut per membership whose role names a shortcut property; the
#: inverse too where W3C ORG defines one (org:memberOf / org:hasMember).
SHORTCUTS = """
PREFIX org: <http://www.w3.org/ns/org#>
CONSTRUCT { ?agent ?shortcut ?organization . ?organization ?inverse ?agent . }
WHERE {
  ?membership a org:Membership ;
      org:member ?agent ;
      org:organization ?organization ;
      org:role ?role .
  ?role org:roleProperty ?shortcut .
  OPTIONAL { VALUES (?shortcut ?inverse) { (org:memberOf org:hasMember) } }
}
"""


def derive(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Return the shortcut triples that the memberships among ``quads`` imply.

    Args:
        quads: the ontology (for the roles) and the data (for the memberships),
            in any named graphs.

    Returns:
        The derived triples, each once, in :data:`DERIVED_GRAPH`.
    """
    store = ox.Store()
    store.extend(quads)
    triples = store.query(SHORTCUTS, use_default_graph_as_union=True)
    assert isinstance(triples, ox.QueryTriples)
    return [
        ox.Quad(t.subject, t.predicate, t.object, DERIVED_GRAPH)
        for t in sorted(set(triples), key=str)
    ]
