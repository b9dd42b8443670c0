"""Generate ``data/reference/states.trig`` and ``data/reference/m49.trig`` from maintained tables.

States and M49 regions are never typed by hand: they come from three tables that
other people maintain, pinned in the ``reference`` extra of ``pyproject.toml``:

- the OCHA "Countries & Territories Taxonomy" (the CSV shipped inside the
  ``hdx-python-country`` wheel): M49 codes, the M49 region tree with English
  names, the UN short names of countries in English and French, and which
  countries are on the United Nations Protocol list of Member States (DGACM);
- ``pycountry`` (ISO 3166-1, from Debian's iso-codes): alpha-2, alpha-3 and
  numeric codes, and the ISO names in English and French;
- CLDR, through ``babel``: French names of the M49 regions, and the names of
  Kosovo, which the two other tables do not carry.

Every statement goes into the named graph of the table it comes from, so a
query can always tell which table said what. Run::

    pip install -e '.[reference]'
    python scripts/generate_reference.py            # rewrites data/reference/
    python scripts/generate_reference.py --out DIR  # writes elsewhere (tests)
"""

from __future__ import annotations

import argparse
import csv
import gettext
import importlib.metadata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import babel
import babel.core
import pycountry

ROOT = Path(__file__).resolve().parent.parent

HDX = "hdx-python-country"
HDX_CSV = "hdx/location/Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"

PYCOUNTRY_SLUG = f"pycountry-{importlib.metadata.version('pycountry')}"
HDX_SLUG = f"hdx-python-country-{importlib.metadata.version(HDX)}"
CLDR_SLUG = f"cldr-{babel.core.get_cldr_version()}"
# The English name of M49 code 001, which the OCHA table does not list.
WORLD_SLUG = "en-wikipedia-org-un-m49"
# The Prague Process lists Kosovo among its participating States.
KOSOVO_SLUG = "pragueprocess-eu-states-partners"

PREFIXES = """\
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix g: <https://w3id.org/iscm/graph/source/> .
@prefix iscm: <https://w3id.org/iscm/ontology#> .
@prefix m49: <https://w3id.org/iscm/scheme/m49/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix src: <https://w3id.org/iscm/id/source/> .
@prefix state: <https://w3id.org/iscm/id/state/> .
"""

# Kosovo has no ISO 3166-1 entry; the OCHA table gives the user-assigned codes
# (ISO 3166-1 leaves X* codes to users) in its "x Alpha" columns.
KOSOVO_NOTE = (
    "XK and XKX are user-assigned codes (ISO 3166-1 reserves codes beginning with X for users),"
    " as given by the OCHA Countries & Territories Taxonomy; Kosovo has no ISO 3166-1 entry and"
    " no M49 code. References to Kosovo are in the context of UN Security Council resolution"
    " 1244 (1999)."
)


@dataclass
class Region:
    """An M49 region: its code, English name, and the code of the region above it."""

    code: str
    name_en: str
    broader: str


@dataclass
class Country:
    """One row of the OCHA table that becomes an ``iscm:State``."""

    alpha3: str
    name_en: str
    name_fr: str
    m49: str
    region: str
    un_member: bool


@dataclass
class Tables:
    """What the generator reads from the maintained tables."""

    regions: dict[str, Region] = field(default_factory=dict)
    countries: list[Country] = field(default_factory=list)
    kosovo: dict[str, str] = field(default_factory=dict)


def code3(value: str) -> str:
    """Zero-pad an M49 code to its three-digit form.

    >>> code3("19")
    '019'
    """
    return value.strip().zfill(3)


def literal(text: str, lang: str | None = None) -> str:
    """Write a Turtle string literal, with a language tag when given.

    >>> literal('Côte d’Ivoire', "fr")
    '"Côte d’Ivoire"@fr'
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


def read_tables() -> Tables:
    """Read the OCHA taxonomy shipped in the hdx-python-country wheel."""
    path = Path(str(importlib.metadata.distribution(HDX).locate_file(HDX_CSV)))
    tables = Tables()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        kosovo = row["x Alpha3 codes"] == "XKX"
        independent = row["Independent"] == "Y" and row["Deprecated"] != "Y"
        if not (independent or kosovo):
            # Regions are read from the rows that become States only: this leaves
            # out 830 (Channel Islands), which holds no State and has no French name.
            continue
        levels = [
            (row["Region Code"], row["Region Name"]),
            (row["Sub-region Code"], row["Sub-region Name"]),
            (row["Intermediate Region Code"], row["Intermediate Region Name"]),
        ]
        parent = "001"
        for code, name in levels:
            if not code:
                continue
            region = Region(code3(code), name.strip(), parent)
            known = tables.regions.setdefault(region.code, region)
            if known != region:
                raise ValueError(f"M49 region {region.code} is described twice: {known}, {region}")
            parent = region.code
        if kosovo:
            tables.kosovo = {"alpha2": row["x Alpha2 codes"], "region": parent}
            continue
        tables.countries.append(
            Country(
                alpha3=row["ISO 3166-1 Alpha 3-Codes"],
                name_en=row["M49 English"],
                name_fr=row["M49 French"],
                m49=code3(row["m49 numerical code"]),
                region=parent,
                un_member=row["Appears in DGACM list"] == "Y",
            )
        )
    tables.countries.sort(key=lambda country: country.alpha3)
    return tables


def graph(slug: str, blocks: Iterable[str]) -> str:
    """Wrap statement blocks in a TriG ``GRAPH`` block for one source."""
    body = "\n\n".join(blocks)
    indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
    return f"GRAPH g:{slug} {{\n{indented}\n}}\n"


def statements(subject: str, pairs: list[tuple[str, str]]) -> str:
    """Write one subject with its predicate-object pairs, one per line."""
    lines = [f"{subject} {pairs[0][0]} {pairs[0][1]}"]
    lines.extend(f"    {predicate} {obj}" for predicate, obj in pairs[1:])
    return " ;\n".join(lines) + " ."


def states_trig(tables: Tables) -> str:
    """Write every State: UN members, the other States the UN lists, and Kosovo."""
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    iso_blocks, hdx_blocks = [], []
    for country in tables.countries:
        iso = pycountry.countries.get(alpha_3=country.alpha3)
        if iso is None:
            raise ValueError(f"{country.alpha3} is in the OCHA table but not in ISO 3166-1")
        subject = f"state:{country.alpha3.lower()}"
        iso_pairs = [
            ("a", "iscm:State"),
            ("iscm:iso3166Alpha2", literal(iso.alpha_2)),
            ("iscm:iso3166Alpha3", literal(iso.alpha_3)),
            ("iscm:iso3166Numeric", literal(iso.numeric)),
        ]
        for name, lang, preferred in (
            (iso.name, "en", country.name_en),
            (french.gettext(iso.name), "fr", country.name_fr),
        ):
            if name != preferred:
                iso_pairs.append(("skos:altLabel", literal(name, lang)))
        iso_pairs.append(("dcterms:isReferencedBy", f"src:{PYCOUNTRY_SLUG}"))
        iso_blocks.append(statements(subject, iso_pairs))
        types = "iscm:State, iscm:UNMemberState" if country.un_member else "iscm:State"
        hdx_blocks.append(
            statements(
                subject,
                [
                    ("a", types),
                    ("skos:prefLabel", literal(country.name_en, "en")),
                    ("skos:prefLabel", literal(country.name_fr, "fr")),
                    ("iscm:m49Code", literal(country.m49)),
                    ("iscm:inRegion", f"m49:{country.region}"),
                    ("dcterms:isReferencedBy", f"src:{HDX_SLUG}"),
                ],
            )
        )
    hdx_blocks.append(
        statements(
            "state:xkx",
            [
                ("iscm:iso3166Alpha2", literal(tables.kosovo["alpha2"])),
                ("iscm:iso3166Alpha3", literal("XKX")),
                ("iscm:inRegion", f"m49:{tables.kosovo['region']}"),
                ("skos:editorialNote", literal(KOSOVO_NOTE, "en")),
                ("dcterms:isReferencedBy", f"src:{HDX_SLUG}"),
            ],
        )
    )
    english, french_cldr = babel.Locale("en"), babel.Locale("fr")
    cldr_blocks = [
        statements(
            "state:xkx",
            [
                ("skos:prefLabel", literal(english.territories["XK"], "en")),
                ("skos:prefLabel", literal(french_cldr.territories["XK"], "fr")),
                ("dcterms:isReferencedBy", f"src:{CLDR_SLUG}"),
            ],
        )
    ]
    prague_blocks = [
        statements(
            "state:xkx",
            [("a", "iscm:State"), ("dcterms:isReferencedBy", f"src:{KOSOVO_SLUG}")],
        )
    ]
    members = sum(country.un_member for country in tables.countries)
    header = (
        "# GENERATED by scripts/generate_reference.py: do not edit by hand.\n"
        f"# {len(tables.countries) + 1} States: the {members} Members of the United Nations and the"
        " other\n# independent States of the OCHA Countries & Territories Taxonomy, plus Kosovo"
        " (a\n# participant of the Prague Process). Each GRAPH block holds what one table says;"
        "\n# the tables are described in data/reference/sources.ttl.\n\n"
    )
    return (
        header
        + PREFIXES
        + "\n"
        + "\n".join(
            [
                graph(HDX_SLUG, hdx_blocks),
                graph(PYCOUNTRY_SLUG, iso_blocks),
                graph(CLDR_SLUG, cldr_blocks),
                graph(KOSOVO_SLUG, prague_blocks),
            ]
        )
    )


def m49_trig(tables: Tables) -> str:
    """Write the M49 region tree: World, regions, sub-regions and intermediate regions."""
    french = babel.Locale("fr").territories
    codes = sorted(tables.regions)
    hdx_blocks = []
    for code in codes:
        region = tables.regions[code]
        pairs = [
            ("a", "iscm:Region"),
            ("skos:inScheme", "<https://w3id.org/iscm/scheme/m49>"),
            ("skos:notation", literal(code)),
            ("skos:prefLabel", literal(region.name_en, "en")),
        ]
        if region.broader != "001":
            pairs.append(("skos:broader", f"m49:{region.broader}"))
        pairs.append(("dcterms:isReferencedBy", f"src:{HDX_SLUG}"))
        hdx_blocks.append(statements(f"m49:{code}", pairs))
    world_blocks = [
        statements(
            "m49:001",
            [
                ("a", "iscm:Region"),
                ("skos:inScheme", "<https://w3id.org/iscm/scheme/m49>"),
                ("skos:topConceptOf", "<https://w3id.org/iscm/scheme/m49>"),
                ("skos:notation", literal("001")),
                ("skos:prefLabel", literal("World", "en")),
                ("dcterms:isReferencedBy", f"src:{WORLD_SLUG}"),
            ],
        )
    ]
    world_blocks.extend(
        statements(f"m49:{code}", [("skos:broader", "m49:001")])
        for code in codes
        if tables.regions[code].broader == "001"
    )
    cldr_blocks = [
        statements(
            f"m49:{code}",
            [
                ("skos:prefLabel", literal(french[code], "fr")),
                ("dcterms:isReferencedBy", f"src:{CLDR_SLUG}"),
            ],
        )
        for code in ["001", *codes]
    ]
    header = (
        "# GENERATED by scripts/generate_reference.py: do not edit by hand.\n"
        f"# The UN M49 regions ({len(codes) + 1} concepts, codes as 3-digit notations). English"
        " names and\n# the tree from the OCHA Countries & Territories Taxonomy; French names from"
        " CLDR,\n# whose display names can differ from UNSD's official French names (e.g. 419)."
        "\n\n"
    )
    scheme = (
        "<https://w3id.org/iscm/scheme/m49> a skos:ConceptScheme ;\n"
        '    skos:prefLabel "UN M49 regions"@en, "Régions M49 des Nations Unies"@fr ;\n'
        "    skos:hasTopConcept m49:001 ;\n"
        '    skos:scopeNote "Statistical regions of the Standard Country or Area Codes for'
        " Statistical Use (M49) of the United Nations Statistics Division. They are not the"
        ' regions under which IOM lists ISCMs (scheme iom-region)."@en,\n'
        '        "Régions statistiques de la norme M49 de la Division de statistique des Nations'
        " Unies. Ce ne sont pas les régions sous lesquelles l'OIM classe les MCIM (schéma"
        ' iom-region)."@fr ;\n'
        f"    dcterms:source src:{HDX_SLUG}, src:{CLDR_SLUG}, src:unsd-m49 .\n\n"
    )
    return (
        header
        + PREFIXES
        + "\n"
        + scheme
        + "\n".join(
            [
                graph(HDX_SLUG, hdx_blocks),
                graph(WORLD_SLUG, world_blocks),
                graph(CLDR_SLUG, cldr_blocks),
            ]
        )
    )


def main(argv: list[str] | None = None) -> None:
    """Write the generated files into ``--out`` (default ``data/reference``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "reference")
    args = parser.parse_args(argv)
    tables = read_tables()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "states.trig").write_text(states_trig(tables), encoding="utf-8")
    (args.out / "m49.trig").write_text(m49_trig(tables), encoding="utf-8")


if __name__ == "__main__":
    main()
