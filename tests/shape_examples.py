"""Turtle for the shape tests: a small world that conforms, and nodes to add to it.

``BASE`` is a tiny, complete graph (a source, regions, two States, IOM, one
RCP with a member State, the full GCM lists); roles, statuses and the other
code lists come from the project's ontology.
``node`` writes one resource from a dict of properties, with some dropped or
replaced, so that each example differs from a valid node by one defect.
"""

from __future__ import annotations

from collections.abc import Mapping

PREFIXES = """
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix iscm: <https://w3id.org/iscm/ontology#> .
@prefix lang: <http://id.loc.gov/vocabulary/iso639-1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix mech: <https://w3id.org/iscm/id/mechanism/> .
@prefix state: <https://w3id.org/iscm/id/state/> .
@prefix orgid: <https://w3id.org/iscm/id/organization/> .
@prefix src: <https://w3id.org/iscm/id/source/> .
@prefix ms: <https://w3id.org/iscm/id/membership/> .
@prefix stm: <https://w3id.org/iscm/id/status/> .
@prefix pos: <https://w3id.org/iscm/id/position/> .
@prefix eng: <https://w3id.org/iscm/id/engagement/> .
@prefix pa: <https://w3id.org/iscm/id/partnership/> .
@prefix mt: <https://w3id.org/iscm/id/meeting/> .
@prefix ser: <https://w3id.org/iscm/id/meeting-series/> .
@prefix ini: <https://w3id.org/iscm/id/initiative/> .
@prefix rec: <https://w3id.org/iscm/id/recommendation/> .
@prefix chg: <https://w3id.org/iscm/id/change/> .
@prefix scheme: <https://w3id.org/iscm/scheme/> .
@prefix role: <https://w3id.org/iscm/scheme/role/> .
@prefix status: <https://w3id.org/iscm/scheme/status/> .
@prefix ireg: <https://w3id.org/iscm/scheme/iom-region/> .
@prefix m49: <https://w3id.org/iscm/scheme/m49/> .
@prefix gcmp: <https://w3id.org/iscm/scheme/gcm-principle/> .
@prefix gcmo: <https://w3id.org/iscm/scheme/gcm-objective/> .
"""

LABELS = 'skos:prefLabel "Name"@en , "Nom"@fr'


def concept(iri: str, kind: str, in_scheme: str, extra: str = "") -> str:
    return f"{iri} a {kind} ; skos:inScheme {in_scheme} ; {LABELS} {extra}.\n"


def node(subject: str, props: Mapping[str, str], drop: tuple[str, ...] = (), **replace: str) -> str:
    """Write ``subject`` with ``props``, minus ``drop``, with ``replace`` (keys use __ for :)."""
    merged = dict(props)
    for key in drop:
        merged.pop(key)
    merged.update({key.replace("__", ":"): value for key, value in replace.items()})
    body = " ;\n    ".join(f"{p} {o}" for p, o in merged.items())
    return f"{subject}\n    {body} .\n"


BASE = (
    PREFIXES
    + """
src:doc a iscm:SourceDocument ; skos:prefLabel "A source"@en , "Une source"@fr ;
    dcterms:identifier "doc.txt" ; dcterms:language lang:fr .
state:mex a iscm:State ; skos:prefLabel "Mexico"@en , "Mexique"@fr ; iscm:iso3166Alpha3 "MEX" .
state:gtm a iscm:State ; skos:prefLabel "Guatemala"@en , "Guatemala"@fr ; iscm:iso3166Alpha3 "GTM" .
orgid:iom a iscm:IntergovernmentalOrganization ;
    skos:prefLabel "International Organization for Migration"@en ,
        "Organisation internationale pour les migrations"@fr .
mech:rcm a iscm:RegionalConsultativeProcess ;
    skos:prefLabel "Regional Conference on Migration"@en , "Conférence régionale sur la migration"@fr ;
    dcterms:isReferencedBy src:doc ; iscm:coversRegion ireg:americas .
ms:rcm-mex-member a org:Membership ; org:member state:mex ;
    org:organization mech:rcm ; org:role role:member ; prov:wasDerivedFrom src:doc .
ini:gcm a iscm:GlobalMigrationInitiative ; skos:prefLabel "GCM"@en , "Pacte mondial"@fr .
"""
    + "".join(
        concept(f"ireg:{code}", "iscm:Region", "scheme:iom-region")
        for code in ("americas", "europe", "africa", "world")
    )
    + concept("m49:419", "iscm:Region", "scheme:m49")
    + concept(
        "<https://w3id.org/iscm/scheme/thematic-area/labour>",
        "iscm:ThematicArea",
        "<https://w3id.org/iscm/scheme/thematic-area>",
    )
    + concept(
        "<https://w3id.org/iscm/scheme/gcm-theme/1>",
        "iscm:GCMTheme",
        "<https://w3id.org/iscm/scheme/gcm-theme>",
    )
    + "".join(
        concept(
            f"gcmp:{n}",
            "iscm:GCMGuidingPrinciple",
            "scheme:gcm-principle",
            f'; skos:notation "{n}" ',
        )
        for n in range(1, 11)
    )
    + "".join(
        concept(f"gcmo:{n}", "iscm:GCMObjective", "scheme:gcm-objective", f'; skos:notation "{n}" ')
        for n in range(1, 24)
    )
)

MECHANISM = {
    "a": "iscm:RegionalConsultativeProcess",
    "skos:prefLabel": '"A Process"@en , "Un processus"@fr',
    "dcterms:isReferencedBy": "src:doc",
    "iscm:coversRegion": "ireg:americas",
}
IRF = MECHANISM | {
    "a": "iscm:InterRegionalForum",
    "iscm:coversRegion": "ireg:americas , ireg:europe",
}
GLOBAL = MECHANISM | {
    "a": "iscm:GlobalProcess",
    "iscm:coversRegion": "ireg:world",
    "iscm:facilitatedBy": "orgid:iom",
}
MEMBERSHIP = {
    "a": "org:Membership",
    "org:member": "state:gtm",
    "org:organization": "mech:rcm",
    "org:role": "role:member",
    "prov:wasDerivedFrom": "src:doc",
}
INTERVAL = '[ a time:Interval ; time:hasBeginning [ a time:Instant ; time:inXSDgYear "{0}"^^xsd:gYear ] ; time:hasEnd [ a time:Instant ; time:inXSDgYear "{1}"^^xsd:gYear ] ]'
STATUS = {
    "a": "iscm:StatusStatement",
    "iscm:aboutMechanism": "mech:rcm",
    "iscm:status": "status:active",
    "iscm:asOf": '"2018"^^xsd:gYear',
    "prov:wasDerivedFrom": "src:doc",
}
STATE = {
    "a": "iscm:State",
    "skos:prefLabel": '"Belize"@en , "Belize"@fr',
    "iscm:iso3166Alpha3": '"BLZ"',
}
POSITION = {
    "a": "iscm:Position",
    "iscm:positionOf": "mech:rcm",
    "iscm:concernsInstrument": "ini:gcm",
    "dcterms:issued": '"2018-03"^^xsd:gYearMonth',
    "iscm:issuedVia": "orgid:iom",
    "iscm:presentedAt": "mt:m",
    "iscm:addressesPrinciple": "gcmp:1",
    "iscm:addressesObjective": "gcmo:23",
    "iscm:addressesTheme": "<https://w3id.org/iscm/scheme/gcm-theme/1>",
    "prov:wasDerivedFrom": "src:doc",
}
ENGAGEMENT = {
    "a": "iscm:Engagement",
    "iscm:engagedMechanism": "mech:rcm",
    "iscm:engagementForm": "<https://w3id.org/iscm/scheme/engagement-form/action-plan>",
    "iscm:concernsInstrument": "ini:gcm",
    "iscm:asOf": '"2019"^^xsd:gYear',
    "prov:wasDerivedFrom": "src:doc",
}
PARTNERSHIP = {
    "a": "iscm:Partnership",
    "iscm:partner": "mech:rcm , orgid:iom",
    "iscm:partnershipType": "<https://w3id.org/iscm/scheme/partnership-type/other-iscm>",
    "iscm:during": INTERVAL.format(2010, 2015),
    "iscm:asOf": '"2018"^^xsd:gYear',
    "prov:wasDerivedFrom": "src:doc",
}
MEETING = {
    "a": "iscm:Meeting",
    "skos:prefLabel": '"GRCP 7"@en , "RMPCR 7"@fr',
    "iscm:inSeries": "ser:grcp",
    "iscm:meetingOf": "mech:rcm",
    "iscm:startDate": '"2017-10-10"^^xsd:date',
    "iscm:endDate": '"2017-10-11"^^xsd:date',
    "iscm:venue": '"Genève"@fr',
    "iscm:theme": '"Migration"@en',
    "iscm:hostCountry": "state:mex",
    "iscm:organiser": "orgid:iom",
    "iscm:attendee": "mech:rcm , state:gtm",
    "iscm:attendance": '[ a iscm:AttendanceFigure ; iscm:attendeeCount "40"^^xsd:nonNegativeInteger ]',
    "prov:wasDerivedFrom": "src:doc",
}
SERIES = 'ser:grcp a iscm:MeetingSeries ; skos:prefLabel "GRCP"@en , "RMPCR"@fr .\n'
RECOMMENDATION = {
    "a": "iscm:Recommendation",
    "skos:notation": '"a"',
    "dcterms:description": '"Recommendation"@en , "Recommandation"@fr',
    "prov:wasDerivedFrom": "src:doc",
}
SOURCE = {
    "a": "iscm:SourceDocument",
    "skos:prefLabel": '"A page"@en , "Une page"@fr',
    "schema:url": "<https://www.iom.int/>",
    "dcterms:language": "lang:en",
    "dcterms:issued": '"2019"^^xsd:gYear',
}
SECTION = {
    "a": "iscm:DocumentSection",
    "dcterms:isPartOf": "src:doc",
    "dcterms:title": '"Annexe 5"@fr',
}
