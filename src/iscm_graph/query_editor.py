"""The query editor at ``/query``: YASGUI, served from the package, with the named queries.

YASGUI's files are vendored unmodified under ``static/vendor/yasgui`` (see the
README there), so the editor makes no request to another host.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from flask import Blueprint, current_app, render_template, request

from .config import asset_dir

bp = Blueprint("query_editor", __name__)


@dataclass(frozen=True)
class NamedQuery:
    """A query of ``queries/*.rq`` with what its header comments say."""

    name: str
    title: str
    titre: str
    description: str
    params: list[str]
    query: str


def read_named_query(path: Path) -> NamedQuery:
    """Read one ``.rq`` file: ``# key: value`` comment lines, then the query."""
    fields: dict[str, str] = {}
    params: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            break
        key, colon, value = line.lstrip("# ").partition(":")
        if not colon:
            continue
        if key.strip() == "param":
            params.append(value.strip())
        else:
            fields.setdefault(key.strip(), value.strip())
    return NamedQuery(
        name=path.stem,
        title=fields.get("title", path.stem),
        titre=fields.get("titre", ""),
        description=fields.get("description", ""),
        params=params,
        query=path.read_text("utf-8"),
    )


def named_queries(folder: Path) -> list[NamedQuery]:
    """Every named query of a folder, by file name."""
    return [read_named_query(path) for path in sorted(folder.glob("*.rq"))]


@bp.get("/query")
def editor() -> str:
    """The editor, with one tab per named query, and one for ``?query=`` when given."""
    folder = Path(current_app.config.get("QUERIES_DIR") or asset_dir("queries"))
    queries = [asdict(q) for q in named_queries(folder)]
    return render_template("query.html", queries=queries, query=request.args.get("query", ""))
