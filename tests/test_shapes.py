"""Each shape: one conforming and one violating example, asserting which shape fires.

Every example is the small conforming world of ``shape_examples.BASE`` plus a
few triples. The conforming example must leave the whole report conforming
and the shape silent; the violating one must make that very shape fire, with
its severity, on the example's node.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from rdflib.namespace import RDF, SH

from iscm_graph.sources import Sources, load
from iscm_graph.validate import ValidationReport, load_shapes, validate

from .conftest import INPUTS
from .shape_examples import (
    BASE,
    ENGAGEMENT,
    GLOBAL,
    INTERVAL,
    IRF,
    MECHANISM,
    MEETING,
    MEMBERSHIP,
    PARTNERSHIP,
    POSITION,
    RECOMMENDATION,
    SECTION,
    SERIES,
    SOURCE,
    STATE,
    STATUS,
    node,
)

SHAPES = "https://w3id.org/iscm/shapes#"
V, W = "Violation", "Warning"


class Case(NamedTuple):
    shape: str
    severity: str
    good: str
    bad: str


M, MS, ST, P, E, PA, MT = (
    "mech:x",
    "ms:x",
    "stm:x",
    "pos:x",
    "eng:x",
    "pa:x",
    "mt:m",
)
WITH_MEETING = node(MT, MEETING) + SERIES
EMERGING = node("stm:e", STATUS, iscm__status="status:emerging")
INTERIM = node(MS, MEMBERSHIP, org__member="orgid:iom", org__role="role:interim-secretariat")
PRINCIPLE = 'a iscm:GCMGuidingPrinciple ; skos:inScheme scheme:gcm-principle ; skos:prefLabel "P"@en , "P"@fr'

CASES = [
    # --- mechanisms
    Case(
        "MechanismType",
        V,
        node(M, MECHANISM),
        node(M, MECHANISM, a="iscm:RegionalConsultativeProcess , iscm:GlobalProcess"),
    ),
    Case(
        "MechanismNotOtherKind",
        V,
        node(M, MECHANISM),
        node(M, MECHANISM, a="iscm:RegionalConsultativeProcess , iscm:InterAgencyPlatform"),
    ),
    Case(
        "MechanismReferencedBySource",
        V,
        node(M, MECHANISM),
        node(M, MECHANISM, drop=("dcterms:isReferencedBy",)),
    ),
    Case(
        "MechanismFoundingDate",
        V,
        node(M, MECHANISM, dcterms__created='"1996"^^xsd:gYear'),
        node(M, MECHANISM, dcterms__created='"1996"'),
    ),
    Case(
        "MechanismRegion", V, node(M, MECHANISM), node(M, MECHANISM, iscm__coversRegion="state:mex")
    ),
    Case(
        "MechanismFacilitator",
        V,
        node(M, MECHANISM, iscm__facilitatedBy="orgid:iom"),
        node(M, MECHANISM, iscm__facilitatedBy="orgid:nobody"),
    ),
    Case(
        "MechanismFormalAssociation",
        V,
        node(M, MECHANISM, iscm__formallyAssociatedWith="orgid:iom"),
        node(M, MECHANISM, iscm__formallyAssociatedWith="orgid:nobody"),
    ),
    Case(
        "MechanismPurpose",
        V,
        node(M, MECHANISM, org__purpose="<https://w3id.org/iscm/scheme/thematic-area/labour>"),
        node(M, MECHANISM, org__purpose="ireg:europe"),
    ),
    Case(
        "MechanismPage",
        V,
        node(M, MECHANISM, foaf__page="<https://www.iom.int/>"),
        node(M, MECHANISM, foaf__page='"https://www.iom.int/"'),
    ),
    Case(
        "MechanismFormerName",
        V,
        node(M, MECHANISM, iscm__formerName='"COMESA RCP"@en'),
        node(M, MECHANISM, iscm__formerName='"COMESA RCP"'),
    ),
    Case(
        "MechanismLeadership",
        V,
        node(
            M, MECHANISM, org__classification="<https://w3id.org/iscm/scheme/leadership/state-led>"
        ),
        node(M, MECHANISM, org__classification="status:active"),
    ),
    Case(
        "RegionalProcessRegion",
        V,
        node(M, MECHANISM),
        node(M, MECHANISM, iscm__coversRegion="ireg:americas , ireg:europe"),
    ),
    Case(
        "InterRegionalForumRegions", W, node(M, IRF), node(M, IRF, iscm__coversRegion="ireg:africa")
    ),
    Case(
        "GlobalProcessWorld", V, node(M, GLOBAL), node(M, GLOBAL, iscm__coversRegion="ireg:europe")
    ),
    Case(
        "GlobalProcessFacilitator",
        W,
        node(M, GLOBAL),
        node(M, GLOBAL, drop=("iscm:facilitatedBy",)),
    ),
    Case(
        "StateLed",
        V,
        "",
        node(M, MECHANISM) + node(MS, MEMBERSHIP, org__member="orgid:iom", org__organization=M),
    ),
    Case("MembersRecorded", W, "", node(M, MECHANISM)),
    Case(
        "MostlyStates",
        W,
        "",
        node(M, MECHANISM)
        + node(MS, MEMBERSHIP, org__organization=M)
        + node("ms:y", MEMBERSHIP, org__member="orgid:iom", org__organization=M),
    ),
    # --- participation
    Case(
        "MembershipMember",
        V,
        node(MS, MEMBERSHIP),
        node(MS, MEMBERSHIP, org__member="state:gtm , state:mex"),
    ),
    Case(
        "MembershipOrganization",
        V,
        node(MS, MEMBERSHIP),
        node(MS, MEMBERSHIP, org__organization="state:mex"),
    ),
    Case(
        "MembershipRole",
        V,
        node(MS, MEMBERSHIP, org__role="role:observer"),
        node(MS, MEMBERSHIP, org__role="status:active"),
    ),
    Case(
        "MembershipSource",
        V,
        node(MS, MEMBERSHIP),
        node(MS, MEMBERSHIP, drop=("prov:wasDerivedFrom",)),
    ),
    Case(
        "MembershipInterval",
        V,
        node(MS, MEMBERSHIP, org__memberDuring=INTERVAL.format(1996, 2001)),
        node(MS, MEMBERSHIP, org__memberDuring='"1996-2001"'),
    ),
    Case(
        "MembershipInstants",
        V,
        node(MS, MEMBERSHIP, org__memberDuring=INTERVAL.format(1996, 2001)),
        node(
            MS,
            MEMBERSHIP,
            org__memberDuring=INTERVAL.format(1996, 2001).replace('"2001"^^xsd:gYear', '"2001"'),
        ),
    ),
    Case(
        "MembershipAsOf",
        V,
        node(MS, MEMBERSHIP, iscm__asOf='"2018"^^xsd:gYear'),
        node(MS, MEMBERSHIP, iscm__asOf='"2018"'),
    ),
    Case(
        "MembershipDates",
        V,
        node(MS, MEMBERSHIP, org__memberDuring=INTERVAL.format(1996, 1996)),
        node(MS, MEMBERSHIP, org__memberDuring=INTERVAL.format(2001, 1996)),
    ),
    Case(
        "ConsultationOnSecretariat",
        V,
        INTERIM + EMERGING + f"{MS} iscm:inConsultationWith orgid:iom .",
        node(MS, MEMBERSHIP, iscm__inConsultationWith="orgid:iom"),
    ),
    Case(
        "ConsultationPartner",
        V,
        INTERIM + EMERGING + f"{MS} iscm:inConsultationWith orgid:iom .",
        INTERIM + EMERGING + f"{MS} iscm:inConsultationWith orgid:nobody .",
    ),
    Case("InterimSecretariatEmerging", W, INTERIM + EMERGING, INTERIM),
    Case(
        "ChairIsState",
        W,
        node(MS, MEMBERSHIP, org__role="role:chair"),
        node(MS, MEMBERSHIP, org__member="orgid:iom", org__role="role:chair"),
    ),
    Case(
        "MemberAndObserver",
        W,
        node(
            MS,
            MEMBERSHIP,
            org__role="role:observer",
            org__member="state:gtm",
            org__memberDuring=INTERVAL.format(1990, 1995),
        )
        + node(
            "ms:y",
            MEMBERSHIP,
            org__member="state:gtm",
            org__memberDuring=INTERVAL.format(1996, 2001),
        ),
        node(MS, MEMBERSHIP, org__role="role:observer", org__member="state:mex"),
    ),
    # --- status statements
    Case(
        "StatusMechanism", V, node(ST, STATUS), node(ST, STATUS, iscm__aboutMechanism="state:mex")
    ),
    Case("StatusValue", V, node(ST, STATUS), node(ST, STATUS, iscm__status="role:member")),
    Case("StatusAsOf", V, node(ST, STATUS), node(ST, STATUS, iscm__asOf='"2018"')),
    Case("StatusSource", V, node(ST, STATUS), node(ST, STATUS, drop=("prov:wasDerivedFrom",))),
    Case(
        "StatusEvidence",
        V,
        node(ST, STATUS, iscm__evidence='"actif"@fr'),
        node(ST, STATUS, iscm__evidence='"actif"'),
    ),
    Case(
        "StatusDisagreement",
        W,
        node(ST, STATUS, iscm__status="status:inactive")
        + node("stm:y", STATUS, iscm__status="status:dormant"),
        node(ST, STATUS) + node("stm:y", STATUS, iscm__status="status:emerging"),
    ),
    Case(
        "EmergingHasStates",
        W,
        node(ST, STATUS, iscm__status="status:emerging"),
        node(M, MECHANISM)
        + node(ST, STATUS, iscm__status="status:emerging", iscm__aboutMechanism=M),
    ),
    Case(
        "TransformedHasChange",
        W,
        node(ST, STATUS, iscm__status="status:transformed-into-project")
        + "chg:c a org:ChangeEvent ; org:originalOrganization mech:rcm .",
        node(ST, STATUS, iscm__status="status:transformed-into-project"),
    ),
    # --- GCM
    Case("GCMPrincipleNotation", V, "", 'gcmp:10 skos:notation "11" .'),
    Case(
        "GCMPrincipleScheme",
        V,
        "",
        "gcmp:x a iscm:GCMGuidingPrinciple ; skos:inScheme scheme:gcm-objective ; "
        'skos:prefLabel "P"@en , "P"@fr ; skos:notation "1" .',
    ),
    Case("GCMObjectiveNotation", V, "", 'gcmo:23 skos:notation "24" .'),
    Case(
        "GCMObjectiveScheme",
        V,
        "",
        "gcmo:x a iscm:GCMObjective ; skos:inScheme scheme:gcm-principle ; "
        'skos:prefLabel "O"@en , "O"@fr ; skos:notation "1" .',
    ),
    Case(
        "GCMTheme",
        V,
        "",
        'gcmo:x a iscm:GCMTheme ; skos:inScheme scheme:role ; skos:prefLabel "T"@en , "T"@fr .',
    ),
    Case("GCMPrincipleCount", V, "", f'gcmp:11 {PRINCIPLE} ; skos:notation "10" .'),
    Case(
        "GCMObjectiveCount",
        V,
        "",
        "gcmo:24 a iscm:GCMObjective ; skos:inScheme scheme:gcm-objective ; "
        'skos:prefLabel "O"@en , "O"@fr ; skos:notation "23" .',
    ),
    Case("NotationUnique", V, "", 'gcmp:10 skos:notation "1" .'),
    # --- labels
    Case("PrefLabelOnePerLanguage", V, "", 'state:mex skos:prefLabel "United Mexican States"@en .'),
    Case(
        "AltLabelLanguageTagged",
        V,
        'mech:rcm iscm:acronym "RCM"@en .',
        'mech:rcm iscm:acronym "RCM" .',
    ),
    Case(
        "MechanismEnglishLabel",
        V,
        node(M, MECHANISM),
        node(M, MECHANISM, skos__prefLabel='"Un processus"@fr'),
    ),
    Case(
        "MechanismFrenchLabel",
        V,
        node(M, MECHANISM),
        node(M, MECHANISM, skos__prefLabel='"A Process"@en'),
    ),
    Case(
        "EnglishPrefLabel",
        V,
        node("state:blz", STATE),
        node("state:blz", STATE, skos__prefLabel='"Belize"@fr'),
    ),
    Case(
        "FrenchPrefLabel",
        W,
        node("state:blz", STATE),
        node("state:blz", STATE, skos__prefLabel='"Belize"@en'),
    ),
    Case(
        "ConceptPrefLabel",
        V,
        "",
        "ireg:x a iscm:Region ; skos:inScheme scheme:iom-region .",
    ),
    Case(
        "ConceptEnglishLabel",
        W,
        "",
        'ireg:x a iscm:Region ; skos:inScheme scheme:iom-region ; skos:prefLabel "Europe (Eurasie)"@fr .',
    ),
    # --- agents
    Case(
        "StateAlpha3",
        V,
        node("state:blz", STATE),
        node("state:blz", STATE, drop=("iscm:iso3166Alpha3",)),
    ),
    Case(
        "StateAlpha2",
        V,
        node("state:blz", STATE, iscm__iso3166Alpha2='"BZ"'),
        node("state:blz", STATE, iscm__iso3166Alpha2='"BLZ"'),
    ),
    Case(
        "StateNumeric",
        V,
        node("state:blz", STATE, iscm__iso3166Numeric='"084"'),
        node("state:blz", STATE, iscm__iso3166Numeric='"84"'),
    ),
    Case(
        "StateM49",
        V,
        node("state:blz", STATE, iscm__m49Code='"084"'),
        node("state:blz", STATE, iscm__m49Code="84"),
    ),
    Case(
        "StateRegion",
        V,
        node("state:blz", STATE, iscm__inRegion="m49:419"),
        node("state:blz", STATE, iscm__inRegion="state:mex"),
    ),
    Case(
        "StateAlpha3Unique",
        V,
        node("state:blz", STATE),
        node("state:blz", STATE, iscm__iso3166Alpha3='"MEX"'),
    ),
    Case("AgentKindsDisjoint", V, "", 'orgid:iom a iscm:State ; iscm:iso3166Alpha3 "IOM" .'),
    Case(
        "WikidataLink",
        V,
        "state:mex schema:sameAs <http://www.wikidata.org/entity/Q96> .",
        "state:mex schema:sameAs <https://www.wikidata.org/wiki/Q96> .",
    ),
    Case("NoOwlSameAs", V, "", "state:mex owl:sameAs <http://www.wikidata.org/entity/Q96> ."),
    Case("NoDerivedShortcuts", V, "", "state:mex org:memberOf mech:rcm ."),
    # --- positions
    *[
        Case(shape, V, node(P, POSITION) + WITH_MEETING, node(P, POSITION, **bad) + WITH_MEETING)
        for shape, bad in [
            ("PositionOf", {"iscm__positionOf": "orgid:iom"}),
            ("PositionInstrument", {"iscm__concernsInstrument": "mech:rcm"}),
            ("PositionIssued", {"dcterms__issued": '"March 2018"'}),
            ("PositionIssuedVia", {"iscm__issuedVia": "orgid:nobody"}),
            ("PositionPresentedAt", {"iscm__presentedAt": "mech:rcm"}),
            ("PositionPrinciple", {"iscm__addressesPrinciple": "gcmo:1"}),
            ("PositionObjective", {"iscm__addressesObjective": "gcmp:1"}),
            ("PositionTheme", {"iscm__addressesTheme": "gcmo:1"}),
            ("PositionSource", {"prov__wasDerivedFrom": "<https://www.iom.int/>"}),
        ]
    ],
    Case(
        "PositionViaSecretariat",
        W,
        node(P, POSITION)
        + WITH_MEETING
        + node(MS, MEMBERSHIP, org__member="orgid:iom", org__role="role:technical-secretariat"),
        node(P, POSITION) + WITH_MEETING,
    ),
    # --- engagements
    *[
        Case(shape, V, node(E, ENGAGEMENT), node(E, ENGAGEMENT, **bad))
        for shape, bad in [
            ("EngagementMechanism", {"iscm__engagedMechanism": "orgid:iom"}),
            ("EngagementForm", {"iscm__engagementForm": "status:active"}),
            ("EngagementInstrument", {"iscm__concernsInstrument": "mech:rcm"}),
            ("EngagementAsOf", {"iscm__asOf": '"2019"'}),
            ("EngagementSource", {"prov__wasDerivedFrom": "state:mex"}),
        ]
    ],
    # --- partnerships
    *[
        Case(shape, V, node(PA, PARTNERSHIP), node(PA, PARTNERSHIP, **bad))
        for shape, bad in [
            ("PartnershipPartners", {"iscm__partner": "mech:rcm"}),
            ("PartnershipMechanism", {"iscm__partner": "orgid:iom , state:mex"}),
            ("PartnershipType", {"iscm__partnershipType": "status:active"}),
            ("PartnershipInterval", {"iscm__during": '"2010-2015"'}),
            (
                "PartnershipInstants",
                {"iscm__during": INTERVAL.format(2010, 2015).replace("xsd:gYear ]", "xsd:date ]")},
            ),
            ("PartnershipAsOf", {"iscm__asOf": '"2018"'}),
            ("PartnershipSource", {"prov__wasDerivedFrom": '"the study"'}),
            ("PartnershipDates", {"iscm__during": INTERVAL.format(2015, 2010)}),
        ]
    ],
    # --- meetings
    *[
        Case(shape, V, WITH_MEETING, node(MT, MEETING, **bad) + SERIES)
        for shape, bad in [
            ("MeetingSeriesLink", {"iscm__inSeries": "mech:rcm"}),
            ("MeetingOf", {"iscm__meetingOf": "state:mex"}),
            ("MeetingStart", {"iscm__startDate": '"10 octobre 2017"'}),
            ("MeetingEnd", {"iscm__endDate": '"2017-10-11"'}),
            ("MeetingVenue", {"iscm__venue": '"Genève"'}),
            ("MeetingTheme", {"iscm__theme": '"Migration"'}),
            ("MeetingHost", {"iscm__hostCountry": "orgid:iom"}),
            ("MeetingOrganiser", {"iscm__organiser": "orgid:nobody"}),
            ("MeetingAttendee", {"iscm__attendee": "orgid:nobody"}),
            (
                "MeetingAttendance",
                {"iscm__attendance": '[ a iscm:AttendanceFigure ; iscm:attendeeCount "about 40" ]'},
            ),
            ("MeetingSource", {"prov__wasDerivedFrom": "mech:rcm"}),
            ("MeetingDates", {"iscm__endDate": '"2017-09"^^xsd:gYearMonth'}),
        ]
    ],
    # --- recommendations and changes
    Case(
        "RecommendationNotation",
        V,
        node("rec:a", RECOMMENDATION),
        node("rec:a", RECOMMENDATION, skos__notation='"k"'),
    ),
    Case(
        "RecommendationDescription",
        V,
        node("rec:a", RECOMMENDATION),
        node("rec:a", RECOMMENDATION, dcterms__description='"Recommendation"'),
    ),
    Case(
        "RecommendationSource",
        V,
        node("rec:a", RECOMMENDATION),
        node("rec:a", RECOMMENDATION, drop=("prov:wasDerivedFrom",)),
    ),
    Case(
        "ChangeOriginal",
        V,
        "chg:c a org:ChangeEvent ; org:originalOrganization mech:rcm .",
        "chg:c a org:ChangeEvent ; org:originalOrganization orgid:nobody .",
    ),
    Case(
        "ChangeResulting",
        V,
        "chg:c a org:ChangeEvent ; org:resultingOrganization mech:rcm .",
        "chg:c a org:ChangeEvent ; org:resultingOrganization orgid:nobody .",
    ),
    Case(
        "ChangeHasOrganization",
        V,
        "chg:c a org:ChangeEvent ; org:resultingOrganization mech:rcm .",
        "chg:c a org:ChangeEvent .",
    ),
    # --- concepts
    Case(
        "ConceptInScheme",
        V,
        "",
        'status:x a iscm:MechanismStatus ; skos:prefLabel "X"@en , "X"@fr .',
    ),
    Case(
        "StatusConcept",
        V,
        "",
        'status:x a iscm:MechanismStatus ; skos:inScheme scheme:role ; skos:prefLabel "X"@en , "X"@fr .',
    ),
    Case(
        "RegionConcept",
        V,
        "",
        'ireg:x a iscm:Region ; skos:inScheme scheme:role ; skos:prefLabel "X"@en , "X"@fr .',
    ),
    Case(
        "M49Concept",
        V,
        'm49:002 a iscm:Region ; skos:inScheme scheme:m49 ; skos:prefLabel "Africa"@en , "Afrique"@fr .',
        'm49:2 a iscm:Region ; skos:inScheme scheme:m49 ; skos:prefLabel "Africa"@en , "Afrique"@fr .',
    ),
    Case(
        "ThematicAreaConcept",
        V,
        "",
        'status:x a iscm:ThematicArea ; skos:inScheme scheme:role ; skos:prefLabel "X"@en , "X"@fr .',
    ),
    Case(
        "PartnershipTypeConcept",
        V,
        "",
        'status:x a iscm:PartnershipType ; skos:inScheme scheme:role ; skos:prefLabel "X"@en , "X"@fr .',
    ),
    Case(
        "EngagementFormConcept",
        V,
        "",
        'status:x a iscm:EngagementForm ; skos:inScheme scheme:role ; skos:prefLabel "X"@en , "X"@fr .',
    ),
    Case(
        "BroaderInSameScheme",
        V,
        "status:dormant skos:broader status:inactive .",
        "status:dormant skos:broader role:member .",
    ),
    # --- sources
    Case(
        "SourceDocument",
        V,
        node("src:page", SOURCE),
        node("src:page", SOURCE, drop=("schema:url",)),
    ),
    Case(
        "SourceDocumentLanguage",
        V,
        node("src:page", SOURCE),
        node("src:page", SOURCE, drop=("dcterms:language",)),
    ),
    Case(
        "SourceDocumentUrl",
        V,
        node("src:page", SOURCE),
        node("src:page", SOURCE, schema__url='"https://www.iom.int/"'),
    ),
    Case(
        "SourceDocumentIssued",
        V,
        node("src:page", SOURCE),
        node("src:page", SOURCE, dcterms__issued='"2019"'),
    ),
    Case(
        "SectionOfDocument",
        V,
        node("src:doc-annex-5", SECTION),
        node("src:doc-annex-5", SECTION, dcterms__isPartOf="mech:rcm"),
    ),
    Case(
        "SectionTitle",
        V,
        node("src:doc-annex-5", SECTION),
        node("src:doc-annex-5", SECTION, drop=("dcterms:title",)),
    ),
]


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes(INPUTS.shapes_dir)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load([INPUTS.ontology_dir]).to_rdflib()


def check(turtle: str, shapes: rdflib.Graph, ontology: rdflib.Graph) -> ValidationReport:
    sources = Sources()
    sources.quads = list(ox.parse(BASE + turtle, format=ox.RdfFormat.TURTLE))
    return validate(sources, shapes, ontology)


def fired(report: ValidationReport) -> set[tuple[str, str]]:
    return {(f.shape.removeprefix(SHAPES), f.severity) for f in report.findings}


def test_the_small_world_conforms_without_warnings(shapes, ontology) -> None:
    report = check("", shapes, ontology)
    assert report.conforms and not report.findings, report.to_text()


@pytest.mark.parametrize("case", CASES, ids=[c.shape for c in CASES])
def test_the_conforming_example_leaves_the_shape_silent(case: Case, shapes, ontology) -> None:
    report = check(case.good, shapes, ontology)
    assert report.conforms, report.to_text()
    assert case.shape not in {shape for shape, _ in fired(report)}, report.to_text()


@pytest.mark.parametrize("case", CASES, ids=[c.shape for c in CASES])
def test_the_violating_example_fires_the_shape(case: Case, shapes, ontology) -> None:
    report = check(case.bad, shapes, ontology)
    assert (case.shape, case.severity) in fired(report), report.to_text()
    assert report.conforms == (not report.violations)


def test_every_shape_that_can_report_has_examples(shapes) -> None:
    """A shape reports when it has a target or hangs from a node shape's sh:property."""
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    reporting = {s for t in targets for s in shapes.subjects(t, None)}
    reporting |= set(shapes.objects(None, SH.property))
    reporting = {
        str(s).removeprefix(SHAPES)
        for s in reporting
        if isinstance(s, rdflib.URIRef) and not _only_groups(shapes, s)
    }
    assert reporting == {c.shape for c in CASES}


def _only_groups(shapes: rdflib.Graph, shape: rdflib.URIRef) -> bool:
    """A node shape whose only job is to hold sh:property shapes never reports itself."""
    own = {
        p
        for p in shapes.predicates(shape, None)
        if p
        not in (
            RDF.type,
            SH.property,
            SH.targetClass,
            SH.targetNode,
            SH.targetSubjectsOf,
            SH.targetObjectsOf,
            SH.message,
            SH.severity,
        )
    }
    return not own


def test_every_shape_explains_itself_in_english(shapes) -> None:
    for shape in shapes.subjects(RDF.type, SH.PropertyShape):
        if isinstance(shape, rdflib.URIRef):
            messages = {m.language for m in shapes.objects(shape, SH.message)}
            assert "en" in messages, f"{shape} has no English sh:message"
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        if isinstance(shape, rdflib.URIRef) and not _only_groups(shapes, shape):
            messages = {m.language for m in shapes.objects(shape, SH.message)}
            assert "en" in messages, f"{shape} has no English sh:message"


def test_every_shape_has_a_readable_iri(shapes) -> None:
    for kind in (SH.NodeShape, SH.PropertyShape):
        for shape in shapes.subjects(RDF.type, kind):
            assert isinstance(shape, rdflib.URIRef), f"unnamed {kind}: give it a shape: IRI"
            assert str(shape).startswith(SHAPES)


def test_the_shapes_are_valid_shacl(shapes) -> None:
    conforms, _graph, text = pyshacl.validate(
        rdflib.Graph(), shacl_graph=shapes, meta_shacl=True, inference="none"
    )
    assert conforms, text


def test_the_shapes_are_split_by_subject() -> None:
    names = {p.name for p in Path(INPUTS.shapes_dir).glob("*.ttl")}
    assert {"mechanisms.ttl", "participation.ttl", "status.ttl", "labels.ttl"} <= names
