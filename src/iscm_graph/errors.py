"""One exception hierarchy, so callers can tell bad input from bugs.

Every message says what failed, where (file, line, IRI) and how to fix it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .validate import ValidationReport


class IscmGraphError(Exception):
    """Base of every error this package raises on purpose."""


class DataLoadError(IscmGraphError):
    """An RDF file could not be read or parsed.

    Args:
        path: the file that failed.
        message: what the parser said.
        line: 1-based line of the error, when the parser knows it.
        column: 1-based column of the error, when the parser knows it.
    """

    def __init__(
        self, path: Path, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        where = str(path)
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class ShapesError(IscmGraphError):
    """The SHACL shapes themselves are unusable (unparseable or ill-formed)."""


class StoreMissingError(IscmGraphError):
    """No built store exists where one was expected."""


class QueryRejected(IscmGraphError):  # noqa: N818 - the name reads as the event it reports
    """A SPARQL request that this read-only public endpoint refuses to run.

    Args:
        message: why, and what to do instead.
        status: the HTTP status that reports it (400 malformed, 403 forbidden
            operation, 413/414 too large).
    """

    def __init__(self, message: str, status: int = 400) -> None:
        self.status = status
        super().__init__(message)


class QueryTimeout(QueryRejected):
    """A query ran past the endpoint's deadline and was abandoned (HTTP 503)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, status=503)


class InvalidDataError(IscmGraphError):
    """The data does not conform to the shapes; nothing was written.

    Args:
        report: the SHACL report (a :class:`iscm_graph.validate.ValidationReport`).
    """

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        super().__init__(report.summary())
