"""From the files in ``ontology/``, ``data/`` and ``shapes/`` to a served store.

``check`` loads and validates without writing; ``build`` writes a store only
when the data conforms; ``ensure_built`` is what ``serve`` runs first.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pyoxigraph as ox

from .config import Inputs
from .derive import derive
from .dumps import write_dumps
from .errors import InvalidDataError, IscmGraphError
from .sources import Sources, load, rdf_files
from .store import current_build, read_manifest, write_build
from .validate import ValidationReport, load_shapes, validate

Progress = Callable[[str], None]


def _quiet(_line: str) -> None:
    """Progress sink that prints nothing."""


@dataclass
class Checked:
    """Loaded inputs and the verdict of the shapes on them."""

    ontology: Sources
    data: Sources
    report: ValidationReport


def check(
    inputs: Inputs, data_paths: Sequence[Path] | None = None, progress: Progress = _quiet
) -> Checked:
    """Load the ontology and the data, then validate the data.

    Args:
        inputs: where the ontology, data and shapes are.
        data_paths: files or folders to validate instead of ``inputs.data_dir``
            (``[data_dir, new_file]`` checks a contribution against everything).
        progress: called with a line for each step.

    Raises:
        DataLoadError: a file is missing or unparseable.
        ShapesError: the shapes are unusable.
    """
    progress(f"Reading ontology from {inputs.ontology_dir}")
    ontology = load([inputs.ontology_dir], graph_prefix="ontology/", progress=progress)
    paths = list(data_paths) if data_paths else [inputs.data_dir]
    progress(f"Reading data from {', '.join(map(str, paths))}")
    data = load(paths, progress=progress)
    progress(f"Validating {len(data.quads)} statements against {inputs.shapes_dir}")
    started = time.perf_counter()
    report = validate(data, load_shapes(inputs.shapes_dir), ontology.to_rdflib())
    progress(f"  {report.summary()} ({time.perf_counter() - started:.1f} s)")
    return Checked(ontology, data, report)


def fingerprint(inputs: Inputs) -> str:
    """Hash every input file and the package version: equal hashes, equal stores.

    >>> len(fingerprint(Inputs(Path("ontology"), Path("data"), Path("shapes"))))
    64
    """
    digest = hashlib.sha256(_package_version().encode())
    for folder in (inputs.ontology_dir, inputs.data_dir, inputs.shapes_dir):
        if not folder.is_dir():
            continue
        for path, root in rdf_files([folder]):
            digest.update(f"{folder.name}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build(inputs: Inputs, store_dir: Path, progress: Progress = _quiet) -> Path:
    """Validate the inputs and, only if they conform, write and publish a new store.

    Returns:
        The directory of the new build, now ``current``.

    Raises:
        InvalidDataError: the data has SHACL violations (nothing is written).
        DataLoadError: a file is missing or unparseable.
        ShapesError: the shapes are unusable.
    """
    checked = check(inputs, progress=progress)
    if not checked.report.conforms:
        raise InvalidDataError(checked.report)
    named = checked.ontology.quads + checked.data.quads
    named += derive(named)
    # The default graph is the union of the named graphs (see store.run_query).
    union = {quad.triple for quad in named}
    quads = named + [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in union]
    digest = fingerprint(inputs)
    created = datetime.now(UTC)
    build_id = f"{created:%Y%m%dT%H%M%S%fZ}-{digest[:12]}"
    manifest = {
        "id": build_id,
        "fingerprint": digest,
        "created": created.isoformat(),
        "version": _package_version(),
        "triples": len(union),
        "quads": len(named),
        "graphs": sorted({q.graph_name.value for q in named}),  # type: ignore[union-attr]
        "files": [str(p) for p in checked.ontology.files + checked.data.files],
        "summary": checked.report.summary(),
    }
    progress(f"Writing {len(named)} quads ({len(union)} distinct triples) to {store_dir}")
    started = time.perf_counter()
    build_dir = write_build(
        store_dir, build_id, quads, manifest, checked.report.to_turtle(), write_dumps
    )
    progress(f"  published build {build_id} ({time.perf_counter() - started:.1f} s)")
    return build_dir


def ensure_built(inputs: Inputs, store_dir: Path, progress: Progress = _quiet) -> Path:
    """Return the current build, rebuilding first if it is missing or out of date.

    When the inputs changed but no longer conform, the previous build stays in
    service and the problem is reported through ``progress``.

    Raises:
        IscmGraphError: there is no usable build and none can be made.
    """
    current = current_build(store_dir)
    if current is not None and read_manifest(current).get("fingerprint") == fingerprint(inputs):
        return current
    progress("No store yet: building it" if current is None else "Inputs changed: rebuilding")
    try:
        return build(inputs, store_dir, progress)
    except IscmGraphError as error:
        if current is None:
            raise
        progress(f"Rebuild refused, still serving {current.name}: {error}")
        return current


def _package_version() -> str:
    try:
        return version("iscm-graph")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"
