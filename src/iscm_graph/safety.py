"""What a public, read-only SPARQL endpoint refuses before running a query.

Oxigraph (like rdflib) would follow a ``SERVICE`` clause to any host, so a
query that contains the keyword is refused before it reaches the engine. The
check is lexical and conservative: string literals, IRIs and comments are
blanked out first, so ``"service"`` in a literal or ``ex:service`` as a name
does not trip it, while every real ``SERVICE`` clause does. A rare name such as
``ex:a.service`` is refused too: a false alarm costs a rephrasing, a miss would
cost a connection to an arbitrary host.
"""

from __future__ import annotations

import re

from .errors import QueryRejected

# SPARQL processes \u escapes before parsing (SPARQL 1.1 §19.2), so do we.
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NOT_CODE = re.compile(
    # A backslash escape outside a string (PN_LOCAL_ESC, as in ex:a\' or ex:b\#)
    # must not open a string or a comment that would hide the code after it.
    r"\\."
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w:?$\-])SERVICE(?![\w:\-])", re.IGNORECASE)
_UPDATE = re.compile(
    r"(?:\s|#[^\n]*(?:\n|$)|BASE\s*<[^>]*>|PREFIX\s*[\w\-.]*:\s*<[^>]*>)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


def _code_only(query: str) -> str:
    unescaped = _CODEPOINT_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return _NOT_CODE.sub(" ", unescaped)


def check_query(query: str) -> None:
    """Refuse a query that would make the service reach out to another host.

    Raises:
        QueryRejected: the query holds a ``SERVICE`` clause (status 400).

    >>> check_query('SELECT * WHERE { ?s ?p "SERVICE" }')
    >>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    iscm_graph.errors.QueryRejected: SERVICE (federated query) is not allowed on this endpoint: ...
    """
    if _SERVICE.search(_code_only(query)):
        raise QueryRejected(
            "SERVICE (federated query) is not allowed on this endpoint: it never calls other "
            "hosts. Run federated queries from your own SPARQL engine, with this endpoint as "
            "the SERVICE target."
        )


def looks_like_update(text: str) -> bool:
    """Tell whether a text that failed to parse as a query is a SPARQL Update.

    >>> looks_like_update("PREFIX ex: <http://ex/> INSERT DATA { ex:a ex:b ex:c }")
    True
    >>> looks_like_update("SELECT * WHERE { ?s ?p ?o }")
    False
    """
    return bool(_UPDATE.match(text))
