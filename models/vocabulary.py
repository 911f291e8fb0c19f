"""The closed word lists of the case format, with their Dutch and English labels."""

from __future__ import annotations

from enum import StrEnum


class PersonKind(StrEnum):
    FAMILY = "family"
    NETWORK = "network"
    PROFESSIONAL = "professional"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


class OrganisationType(StrEnum):
    LOCAL_TEAM = "local_team"
    VEILIG_THUIS = "veilig_thuis"
    CHILD_PROTECTION_BOARD = "child_protection_board"
    CERTIFIED_INSTITUTION = "certified_institution"
    YOUTH_MENTAL_HEALTH = "youth_mental_health"
    YOUTH_CARE_PROVIDER = "youth_care_provider"
    FOSTER_CARE = "foster_care"
    CLOSED_YOUTH_CARE = "closed_youth_care"
    SCHOOL = "school"
    POLICE = "police"
    JUVENILE_COURT = "juvenile_court"
    MUNICIPALITY = "municipality"
    GP = "gp"
    HOSPITAL = "hospital"
    ADDICTION_CARE = "addiction_care"
    ADULT_MENTAL_HEALTH = "adult_mental_health"
    PUBLIC_PROSECUTION = "public_prosecution"
    PROBATION = "probation"
    YOUTH_HEALTH_CARE = "youth_health_care"
    MIDWIFE = "midwife"
    COMPULSORY_EDUCATION = "compulsory_education"
    SPECIAL_EDUCATION_PARTNERSHIP = "special_education_partnership"
    CHILDCARE = "childcare"
    HOUSING_CORPORATION = "housing_corporation"
    DEBT_ASSISTANCE = "debt_assistance"
    OTHER = "other"


class OrganisationRelationshipType(StrEnum):
    """How two organisations stand to each other (the krachtenveld of work card 4)."""

    WORKS_WITH = "works_with"
    CONTRACTS = "contracts"      # directed: source contracts (commissions, pays) target
    CONFLICT = "conflict"
    REFERS_TO = "refers_to"      # directed: source refers to target


class RelationshipType(StrEnum):
    # kinship
    PARENT = "parent"          # source is the parent of target
    PARTNER = "partner"
    SIBLING = "sibling"        # only where no shared parent is in the case
    # social / emotional
    CLOSE = "close"
    CONFLICT = "conflict"
    DISTANT = "distant"
    CUT_OFF = "cut_off"
    ABUSE = "abuse"            # directed: source abuses target
    SUPPORTIVE = "supportive"
    INFORMAL_CARE = "informal_care"  # directed: source cares for target
    # legal
    PARENTAL_AUTHORITY = "parental_authority"  # source holds authority over target
    GUARDIANSHIP = "guardianship"              # source (person or institution's worker) is guardian of target
    CONTACT_BAN = "contact_ban"
    SUPERVISED_CONTACT = "supervised_contact"
    # professional
    WORKS_WITH = "works_with"
    CASE_MANAGER_OF = "case_manager_of"  # source is case manager of target
    TREATS = "treats"                    # source treats target


KINSHIP_TYPES = frozenset({RelationshipType.PARENT, RelationshipType.PARTNER, RelationshipType.SIBLING})
EMOTIONAL_TYPES = frozenset({
    RelationshipType.CLOSE, RelationshipType.CONFLICT, RelationshipType.DISTANT,
    RelationshipType.CUT_OFF, RelationshipType.ABUSE, RelationshipType.SUPPORTIVE,
    RelationshipType.INFORMAL_CARE,
})
LEGAL_TYPES = frozenset({
    RelationshipType.PARENTAL_AUTHORITY, RelationshipType.GUARDIANSHIP,
    RelationshipType.CONTACT_BAN, RelationshipType.SUPERVISED_CONTACT,
})
PROFESSIONAL_TYPES = frozenset({
    RelationshipType.WORKS_WITH, RelationshipType.CASE_MANAGER_OF, RelationshipType.TREATS,
})
DIRECTED_TYPES = frozenset({
    RelationshipType.PARENT, RelationshipType.ABUSE, RelationshipType.INFORMAL_CARE,
    RelationshipType.PARENTAL_AUTHORITY, RelationshipType.GUARDIANSHIP,
    RelationshipType.CASE_MANAGER_OF, RelationshipType.TREATS,
})


class ParentKind(StrEnum):
    BIOLOGICAL = "biological"
    ADOPTIVE = "adoptive"
    FOSTER = "foster"
    STEP = "step"


class PartnerStatus(StrEnum):
    MARRIED = "married"
    COHABITING = "cohabiting"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class Certainty(StrEnum):
    CONFIRMED = "confirmed"
    SUSPECTED = "suspected"
    DISPUTED = "disputed"


class Layer(StrEnum):
    FORMAL = "formal"  # above the line: what professionals and organisations did
    LIVED = "lived"    # below the line: what family members experienced, felt, needed


class EventType(StrEnum):
    DECISION = "decision"
    REFERRAL = "referral"
    PLACEMENT = "placement"
    ASSESSMENT = "assessment"
    COURT_ORDER = "court_order"
    PROFESSIONAL_CONTACT = "professional_contact"
    MEETING = "meeting"
    TREATMENT = "treatment"
    INCIDENT = "incident"
    LIFE_EVENT = "life_event"
    STATEMENT_OF_NEED = "statement_of_need"
    EXPERIENCE = "experience"


class PlacementSetting(StrEnum):
    """Where a child lives, ordered from least to most restrictive."""

    HOME = "home"
    KINSHIP_CARE = "kinship_care"
    FOSTER_FAMILY = "foster_family"
    FAMILY_HOME = "family_home"
    OPEN_RESIDENTIAL = "open_residential"
    CRISIS_SHELTER = "crisis_shelter"
    CLOSED_YOUTH_CARE = "closed_youth_care"
    YOUTH_DETENTION = "youth_detention"


RESTRICTIVENESS: dict[PlacementSetting, int] = {
    setting: level for level, setting in enumerate(PlacementSetting)
}


class FamilyInvolved(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class StatementKind(StrEnum):
    """What kind of information an entry is (work card 3 asks to tell these apart)."""

    FACT = "fact"
    OPINION = "opinion"
    ASSUMPTION = "assumption"
    EMOTION = "emotion"
    INTERPRETATION = "interpretation"


class SourceKind(StrEnum):
    DOSSIER = "dossier"
    INTERVIEW = "interview"
    MEETING = "meeting"
    REPORT = "report"
    OBSERVATION = "observation"
    OTHER = "other"


class Topic(StrEnum):
    """What an event is about, from a small closed list (optional; pattern rules read it before any keyword)."""

    SCHOOL = "school"                  # school, day-time activity, education
    OUT_OF_SCHOOL = "out_of_school"    # no school or day-time activity (thuiszitten)
    HOUSING = "housing"
    INCOME = "income"
    HEALTH = "health"
    SAFETY = "safety"                  # violence, abuse, unsafe situations
    CONTACT = "contact"                # contact between the child and a parent (omgang)
    NETWORK = "network"                # the family's own network: friends, neighbours, relatives who help
    LOSS = "loss"                      # death or loss of someone important
    WAITING = "waiting"                # waiting list, waiting for care to start


SUGGESTED_ANNOTATION_TAGS = ("parallel_pattern", "missing_information", "turning_point", "question")


LABELS: dict[str, dict[str, str]] = {
    # person kinds
    "family": {"nl": "familie", "en": "family"},
    "network": {"nl": "netwerk", "en": "informal network"},
    "professional": {"nl": "professional", "en": "professional"},
    # genders
    "male": {"nl": "man", "en": "male"},
    "female": {"nl": "vrouw", "en": "female"},
    "other": {"nl": "anders", "en": "other"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    # organisation types
    "local_team": {"nl": "Wijkteam / lokaal team", "en": "Local team"},
    "veilig_thuis": {"nl": "Veilig Thuis", "en": "Veilig Thuis (abuse reporting centre)"},
    "child_protection_board": {"nl": "Raad voor de Kinderbescherming", "en": "Child Protection Board"},
    "certified_institution": {"nl": "Gecertificeerde instelling (jeugdbescherming)",
                              "en": "Certified institution (youth protection)"},
    "youth_mental_health": {"nl": "Jeugd-ggz", "en": "Youth mental health"},
    "youth_care_provider": {"nl": "Jeugdhulpaanbieder", "en": "Youth-care provider"},
    "foster_care": {"nl": "Pleegzorg", "en": "Foster care agency"},
    "closed_youth_care": {"nl": "gesloten jeugdzorg (JeugdzorgPlus)", "en": "closed youth care"},
    "school": {"nl": "School", "en": "School"},
    "police": {"nl": "Politie", "en": "Police"},
    "juvenile_court": {"nl": "Kinderrechter", "en": "Juvenile court"},
    "municipality": {"nl": "Gemeente", "en": "Municipality"},
    "gp": {"nl": "Huisarts", "en": "GP"},
    "hospital": {"nl": "Ziekenhuis", "en": "Hospital"},
    "addiction_care": {"nl": "Verslavingszorg", "en": "Addiction care"},
    "adult_mental_health": {"nl": "Volwassenen-ggz", "en": "Adult mental health"},
    "public_prosecution": {"nl": "Openbaar Ministerie", "en": "Public Prosecution Service"},
    "probation": {"nl": "Reclassering", "en": "Probation service"},
    "youth_health_care": {"nl": "JGZ / consultatiebureau", "en": "Youth health care / well-baby clinic"},
    "midwife": {"nl": "Verloskundige", "en": "Midwife"},
    "compulsory_education": {"nl": "Leerplicht", "en": "Compulsory education officer"},
    "special_education_partnership": {"nl": "Samenwerkingsverband passend onderwijs",
                                      "en": "Special-needs education partnership"},
    "childcare": {"nl": "Kinderopvang", "en": "Childcare"},
    "housing_corporation": {"nl": "Woningcorporatie", "en": "Housing corporation"},
    "debt_assistance": {"nl": "Schuldhulpverlening", "en": "Debt assistance"},
    # organisation relationship types (works_with and conflict as between persons)
    "contracts": {"nl": "contracteert", "en": "contracts"},
    "refers_to": {"nl": "verwijst naar", "en": "refers to"},
    # relationship types
    "parent": {"nl": "ouder van", "en": "parent of"},
    "partner": {"nl": "partners", "en": "partners"},
    "sibling": {"nl": "broer/zus", "en": "siblings"},
    "close": {"nl": "hecht", "en": "close"},
    "conflict": {"nl": "conflict", "en": "conflict"},
    "distant": {"nl": "afstandelijk", "en": "distant"},
    "cut_off": {"nl": "contact verbroken", "en": "cut-off"},
    "abuse": {"nl": "mishandeling / geweld", "en": "abuse / violence"},
    "supportive": {"nl": "steunend", "en": "supportive"},
    "informal_care": {"nl": "mantelzorg", "en": "informal care"},
    "parental_authority": {"nl": "gezag", "en": "parental authority"},
    "guardianship": {"nl": "voogdij", "en": "guardianship"},
    "contact_ban": {"nl": "contactverbod", "en": "contact ban"},
    "supervised_contact": {"nl": "begeleide omgang", "en": "supervised contact"},
    "works_with": {"nl": "werkt met", "en": "works with"},
    "case_manager_of": {"nl": "casusregisseur van", "en": "case manager of"},
    "treats": {"nl": "behandelt", "en": "treats"},
    # parent kinds
    "biological": {"nl": "biologisch", "en": "biological"},
    "adoptive": {"nl": "adoptie", "en": "adoptive"},
    "foster": {"nl": "pleeg", "en": "foster"},
    "step": {"nl": "stief", "en": "step"},
    # partner status
    "married": {"nl": "getrouwd", "en": "married"},
    "cohabiting": {"nl": "samenwonend", "en": "cohabiting"},
    "separated": {"nl": "uit elkaar", "en": "separated"},
    "divorced": {"nl": "gescheiden", "en": "divorced"},
    "widowed": {"nl": "weduwe/weduwnaar", "en": "widowed"},
    # certainty
    "confirmed": {"nl": "bevestigd", "en": "confirmed"},
    "suspected": {"nl": "vermoed", "en": "suspected"},
    "disputed": {"nl": "betwist", "en": "disputed"},
    # layers
    "formal": {"nl": "formele acties (boven de lijn)", "en": "formal actions (above the line)"},
    "lived": {"nl": "beleving (onder de lijn)", "en": "lived experience (below the line)"},
    # event types
    "decision": {"nl": "besluit", "en": "decision"},
    "referral": {"nl": "verwijzing", "en": "referral"},
    "placement": {"nl": "plaatsing", "en": "placement"},
    "assessment": {"nl": "onderzoek", "en": "assessment"},
    "court_order": {"nl": "rechterlijke uitspraak", "en": "court order"},
    "professional_contact": {"nl": "contact tussen professionals", "en": "contact between professionals"},
    "meeting": {"nl": "overleg", "en": "meeting"},
    "treatment": {"nl": "behandeling", "en": "treatment"},
    "incident": {"nl": "incident", "en": "incident"},
    "life_event": {"nl": "gebeurtenis in het gezin", "en": "family life event"},
    "statement_of_need": {"nl": "uitspraak over behoefte", "en": "statement of need"},
    "experience": {"nl": "beleving", "en": "experience"},
    # placement settings
    "home": {"nl": "thuis", "en": "home"},
    "kinship_care": {"nl": "netwerkpleeggezin", "en": "kinship care"},
    "foster_family": {"nl": "pleeggezin", "en": "foster family"},
    "family_home": {"nl": "gezinshuis", "en": "family-style group home"},
    "open_residential": {"nl": "open groep", "en": "open residential group"},
    "crisis_shelter": {"nl": "crisisopvang", "en": "crisis shelter"},
    # "closed_youth_care" is labelled once above: organisation type and setting share it
    "youth_detention": {"nl": "justitiële jeugdinrichting", "en": "youth detention"},
    # family involvement
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    # statement kinds
    "fact": {"nl": "feit", "en": "fact"},
    "opinion": {"nl": "mening", "en": "opinion"},
    "assumption": {"nl": "aanname", "en": "assumption"},
    "emotion": {"nl": "emotie", "en": "emotion"},
    "interpretation": {"nl": "interpretatie", "en": "interpretation"},
    # source kinds
    "dossier": {"nl": "dossier", "en": "case file"},
    "interview": {"nl": "gesprek", "en": "interview"},
    "report": {"nl": "rapport", "en": "report"},
    "observation": {"nl": "observatie", "en": "observation"},
    # topics ("school" is labelled once above: organisation type and topic share it)
    "out_of_school": {"nl": "thuiszitten (geen school of dagbesteding)", "en": "out of school"},
    "housing": {"nl": "wonen", "en": "housing"},
    "income": {"nl": "inkomen", "en": "income"},
    "health": {"nl": "gezondheid", "en": "health"},
    "safety": {"nl": "veiligheid", "en": "safety"},
    "contact": {"nl": "omgang en contact", "en": "contact"},
    "loss": {"nl": "verlies", "en": "loss"},
    "waiting": {"nl": "wachten", "en": "waiting"},
    # annotation tags
    "parallel_pattern": {"nl": "parallel proces", "en": "parallel pattern"},
    "missing_information": {"nl": "ontbrekende informatie", "en": "missing information"},
    "turning_point": {"nl": "kantelpunt", "en": "turning point"},
    "question": {"nl": "vraag", "en": "question"},
}


def label(value: str, lang: str = "nl") -> str:
    """The reader's word for a vocabulary value; unknown values come back as they are."""
    entry = LABELS.get(str(value))
    if entry is None:
        return str(value)
    return entry.get(lang) or entry["nl"]
