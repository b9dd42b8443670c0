"""The ISCM vocabulary as an rdflib namespace: ``ISCM.InterRegionalForum``.

Generated from ontology/iscm.ttl by scripts/generate_namespace.py (with
rdflib.tools.defined_namespace_creator); do not edit by hand, regenerate.
A term that is not in the ontology raises AttributeError (``_fail``).
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class ISCM(DefinedNamespace):
    """
    The terms of the ISCM vocabulary.

    Generated from: ontology/iscm.ttl
    """

    _NS = Namespace("https://w3id.org/iscm/ontology#")

    _fail = True

    AcademicInstitution: URIRef  # A university, research centre or other institution of academia.
    AttendanceFigure: URIRef  # A count of those who attended a meeting, with a description of whom the count covers, as a source gives it.
    CivilSocietyOrganization: URIRef  # A non-governmental, not-for-profit organisation, such as the International Committee of the Red Cross or a migrant rights association.
    DocumentSection: URIRef  # A titled part of a source document, such as an annex, that a claim can cite precisely; linked to its document by dcterms:isPartOf.
    Engagement: URIRef  # A way, other than a formal position, in which a mechanism engages with a global instrument, such as putting it on its agenda or drawing up an action plan.
    EngagementForm: URIRef  # A concept of the engagement-form scheme: how a mechanism engages with a global instrument, such as a standing agenda item or an action plan.
    GCMGuidingPrinciple: URIRef  # One of the ten cross-cutting guiding principles of the Global Compact for Safe, Orderly and Regular Migration.
    GCMObjective: URIRef  # One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration.
    GCMTheme: URIRef  # A theme under which the elements of the Global Compact for Migration are grouped.
    GlobalMigrationInitiative: URIRef  # A non-binding (soft-law) international instrument or initiative on migration in all its dimensions or on some of its aspects, such as the Global Compact for Migration, the Global Compact on Refugees, the New York Declaration or the Berne Initiative.
    GlobalProcess: URIRef  # An ISCM of global scope: a standing forum on global migration governance or on a specific theme, usually facilitated by an intergovernmental organisation.
    HistoricalEvent: URIRef  # A dated event that marks the history of global migration governance, such as a United Nations conference, a high-level dialogue or the adoption of an instrument.
    InterAgencyPlatform: URIRef  # A coordination mechanism led by international agencies that brings together their partners to respond to a displacement situation, such as the R4V platform; not an ISCM, since it is not led by States.
    InterRegionalForum: URIRef  # An ISCM that, as a rule, connects two or more regions.
    InterStateConsultationMechanism: URIRef  # A State-led, ongoing information-sharing and policy dialogue on migration at the regional, interregional or global level. Every ISCM is exactly one of a regional consultative process, an interregional forum or a global process.
    IntergovernmentalCommittee: URIRef  # A standing committee or commission on migration that is a unit of an intergovernmental organisation, such as the Committee on Migration Issues of the Organization of American States; not an ISCM.
    IntergovernmentalOrganization: URIRef  # An organisation established by States through an agreement, such as IOM, ICMPD, IGAD or the African Union Commission.
    MechanismStatus: URIRef  # A concept of the status scheme: whether a mechanism is active, emerging, inactive or not functioning.
    Meeting: URIRef  # A meeting held by or for mechanisms, such as a global meeting of the chairs and secretariats of regional consultative processes, a session of the International Dialogue on Migration or a side event.
    MeetingSeries: URIRef  # A recurring series of meetings under one name, such as the global RCP meetings (GRCP), the International Dialogue on Migration or the GFMD summits.
    MigrantOrDiasporaOrganization: URIRef  # An organisation of migrants or of a diaspora.
    NonStateActor: URIRef  # An organisation that is neither a State nor an intergovernmental organisation and that takes part in or works with ISCMs.
    Partnership: URIRef  # A sourced relation of cooperation between two or more agents or mechanisms, with its type and period.
    PartnershipType: URIRef  # A concept of the partnership-type scheme: what kind of relation a partnership is.
    Position: URIRef  # A formal position or set of recommendations of one or more ISCMs on a global instrument such as the Global Compact for Migration.
    PrivateSectorActor: URIRef  # A company or business association.
    Recommendation: URIRef  # One of the numbered recommendations of a study, identified by its letter.
    Region: URIRef  # A region as a concept in a regional classification, such as the agreed regions of the IOM listing of ISCMs or the UN M49 regions.
    RegionalConsultativeProcess: URIRef  # An ISCM among the States of one agreed, usually geographic, region; formally associated with official regional institutions, or informal and non-binding.
    RegionalCooperationFramework: URIRef  # A framework adopted by a group of States to carry out a global instrument in their region with financial and technical support, such as the MIRPS for the Global Compact on Refugees; not an ISCM.
    RegionalEconomicCommunity: URIRef  # An organisation of the States of a region for economic integration, such as COMESA, ECOWAS or IGAD.
    RegionalPoliticalUnion: URIRef  # An organisation of the States of a region for political cooperation or union, such as the African Union, the European Union or the Organization of American States.
    SourceDocument: URIRef  # A document or web page from which facts in the graph are taken; every fact links to one.
    State: URIRef  # A sovereign State taking part in international cooperation, seen as an organisation so that it can hold memberships (W3C ORG).
    StatusStatement: URIRef  # What one source says about the status of one mechanism at a date. Sources disagree, so every statement is kept with its date and source, and none is picked as the truth.
    ThematicArea: URIRef  # An area of work of a mechanism, such as labour migration or migration and development; the value of org:purpose.
    UNAgency: URIRef  # An agency, fund, programme or office of the United Nations system, such as UNHCR, IOM (since 2016), ILO or UNICEF.
    UNMemberState: URIRef  # A State that is a Member of the United Nations, as listed by a maintained table of UN membership (the source is the named graph of the statement).
    UNRegionalCommission: URIRef  # One of the five regional commissions of the United Nations, such as the Economic Commission for Latin America and the Caribbean.
    aboutMechanism: URIRef  # Links a status statement to the mechanism whose status it gives.
    acronym: URIRef  # An acronym of the resource's name, tagged with the language of the name it abbreviates (RCM in English, CRM in French and Spanish).
    addressesObjective: URIRef  # Links a position or recommendation to an objective of the Global Compact for Migration that it addresses.
    addressesPrinciple: URIRef  # Links a position or recommendation to a guiding principle of the Global Compact for Migration that it addresses.
    addressesTheme: URIRef  # Links a position or recommendation to a theme of the Global Compact for Migration that it addresses.
    asOf: URIRef  # The date, month or year for which the source says the claim is true; not the date of the source itself.
    attendance: URIRef  # Links a meeting to a figure of how many attended it.
    attendee: URIRef  # Links a meeting to an agent or mechanism that attended it.
    attendeeCount: URIRef  # The number of attendees an attendance figure gives.
    concernsInstrument: URIRef  # Links a position or an engagement to the global instrument or initiative it is about.
    coversRegion: URIRef  # Links a mechanism to a region it covers, as a source declares it (not derived from its members).
    during: URIRef  # Links a partnership to the time interval in which it holds.
    endDate: URIRef  # The day, month or year a meeting ended, with the precision the source gives (xsd:date, xsd:gYearMonth or xsd:gYear).
    engagedMechanism: URIRef  # Links an engagement to the ISCM that engages.
    engagementForm: URIRef  # Links an engagement to its form, a concept of the engagement-form scheme.
    evidence: URIRef  # A short quotation or paraphrase of the source that supports the claim, tagged with its language.
    facilitatedBy: URIRef  # Links a mechanism to the intergovernmental organisation that facilitates it.
    formallyAssociatedWith: URIRef  # Links a mechanism to an official regional or interregional institution it is formally associated with, and whose migration policies it can advise.
    formerName: URIRef  # A name the resource was known by before it was renamed, tagged with its language.
    hostCountry: URIRef  # Links a meeting to the State that hosted it.
    inConsultationWith: URIRef  # Links a secretariat membership to the organisation in consultation with which the secretariat work is done.
    inRegion: URIRef  # Links a State to a UN M49 region it lies in.
    inSeries: URIRef  # Links a meeting to the series it belongs to.
    iso3166Alpha2: URIRef  # The two-letter ISO 3166-1 code of a State, in capitals.
    iso3166Alpha3: URIRef  # The three-letter ISO 3166-1 code of a State, in capitals.
    iso3166Numeric: URIRef  # The three-digit ISO 3166-1 numeric code of a State, as a string with its leading zeros.
    issuedVia: URIRef  # Links a position to the organisation, usually a secretariat, through which it was issued.
    m49Code: URIRef  # The three-digit code of the United Nations M49 standard, as a string with its leading zeros.
    meetingOf: URIRef  # Links a meeting or a meeting series to the mechanism that holds it.
    observerOf: URIRef  # Links an agent to a mechanism in which it holds an observer seat. Not a kind of membership: observers are not members.
    organiser: URIRef  # Links a meeting or a meeting series to an agent that organises it.
    partner: URIRef  # Links a partnership to one of its parties, an agent or a mechanism; a partnership has two or more.
    partnershipType: URIRef  # Links a partnership to its type, a concept of the partnership-type scheme.
    positionOf: URIRef  # Links a position to an ISCM whose position it is; a joint position links to each of them.
    presentedAt: URIRef  # Links a position to the meeting where it was presented or adopted.
    secretariatOf: URIRef  # Links an agent to a mechanism to which it provides a secretariat, of any kind (technical, interim, administrative, secretariat support, support unit).
    startDate: URIRef  # The day, month or year a meeting began, with the precision the source gives (xsd:date, xsd:gYearMonth or xsd:gYear).
    status: URIRef  # Links a status statement to the status it gives, a concept of the status scheme.
    theme: URIRef  # The theme of a meeting, as its title or the source words it, tagged with its language.
    venue: URIRef  # The city where a meeting took place, as a language-tagged name.
