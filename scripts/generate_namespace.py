"""Write src/iscm_graph/namespace.py, the rdflib DefinedNamespace of the ISCM vocabulary.

rdflib's own generator (rdflib.tools.defined_namespace_creator) does the
work. It is given the terms of ontology/iscm.ttl with their English
definition only, so that the file it writes is the same on every run, and
its placeholders and timestamp are replaced by a fixed header.

Run from the repository root after changing the ontology:

    python scripts/generate_namespace.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from rdflib import RDF, SKOS, Graph, Literal
from rdflib.tools.defined_namespace_creator import get_target_namespace_elements, make_dn_file

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "iscm.ttl"
TARGET = ROOT / "src" / "iscm_graph" / "namespace.py"
NAMESPACE = "https://w3id.org/iscm/ontology#"
CLASS_NAME = "ISCM"

HEADER = '''"""The ISCM vocabulary as an rdflib namespace: ``ISCM.InterRegionalForum``.

Generated from ontology/iscm.ttl by scripts/generate_namespace.py (with
rdflib.tools.defined_namespace_creator); do not edit by hand, regenerate.
A term that is not in the ontology raises AttributeError (``_fail``).
"""

'''


def terms_with_english_definitions(ontology: Graph) -> Graph:
    """Keep each term's types and its English definition: one comment per term."""
    kept = Graph()
    for term, kind in ontology.subject_objects(RDF.type):
        if str(term).startswith(NAMESPACE):
            kept.add((term, RDF.type, kind))
    for term, definition in ontology.subject_objects(SKOS.definition):
        if str(term).startswith(NAMESPACE) and isinstance(definition, Literal):
            if definition.language == "en":
                kept.add((term, SKOS.definition, definition))
    return kept


def render(ontology_path: Path = ONTOLOGY) -> str:
    """Return the text of namespace.py for the ontology at ``ontology_path``."""
    terms = terms_with_english_definitions(Graph().parse(ontology_path))
    _, elements, extras = get_target_namespace_elements(terms, NAMESPACE)
    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / "namespace.py"
        make_dn_file(written, NAMESPACE, elements, extras, CLASS_NAME, fail=True)
        text = written.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("    Date: ")]
    text = "".join(lines)
    text = text.replace("DESCRIPTION_EDIT_ME_!", "The terms of the ISCM vocabulary.")
    text = text.replace("SOURCE_RDF_FILE_EDIT_ME_!", "ontology/iscm.ttl")
    return HEADER + text


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
