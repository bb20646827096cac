"""English data for coreference: pronouns, gendered words, role and organisation nouns.

Used by `newsgraph_coref` to tell which named entity a pronoun or a description ("the
minister", "the company") refers to. Gender here is grammatical evidence the text gives about
a referent ("chairwoman", "Mrs.", "his brother"), never a guess from a first name.
"""

from __future__ import annotations

import re
from typing import Literal

Gender = Literal["m", "f"]
# What a pronoun can refer to: a person of a gender, a singular thing or body, or a plural.
PronounKind = Literal["m", "f", "it", "they"]

# Third-person pronouns, by what they refer to. "I", "we", "you" refer to the speaker or the
# reader and are left to the quote step.
PRONOUNS: dict[str, PronounKind] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "it": "it",
    "its": "it",
    "itself": "it",
    "they": "they",
    "them": "they",
    "their": "they",
    "theirs": "they",
    "themselves": "they",
}
# The gendered ones ("he", "her", "himself"), and the tags a pronoun has ("PRP", "PRP$").
GENDERED_PRONOUNS = frozenset(word for word, kind in PRONOUNS.items() if kind in ("m", "f"))
PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "itself", "themselves"})
POSSESSIVE_PRONOUNS = frozenset({"his", "its", "their", "hers", "theirs"})

# Courtesy titles that tell a person's gender ("Mrs. Okafor"); honorifics that do not
# ("Dr.", "Sen.") are in `names.HONORIFICS` only.
GENDERED_HONORIFICS: dict[str, Gender] = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "father": "m",
    "fr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "madam": "f",
    "sister": "f",
}

# Nouns that say a person's gender when they describe the person: an apposition ("Ilona
# Varga, the chairwoman"), a title before the name ("actress Ilona Varga"), a predicate.
_GENDERED_WORDS: tuple[tuple[Gender, str], ...] = (
    (
        "m",
        "man boy father son brother husband boyfriend uncle nephew grandfather grandson "
        "king prince duke emperor monk widower stepfather stepson godfather "
        "businessman chairman spokesman congressman councilman alderman sportsman "
        "policeman fireman fisherman salesman statesman actor waiter steward "
        "gentleman patriarch lord baron count earl sultan tsar",
    ),
    (
        "f",
        "woman girl mother daughter sister wife girlfriend aunt niece grandmother "
        "granddaughter queen princess duchess empress nun widow stepmother stepdaughter "
        "godmother businesswoman chairwoman spokeswoman congresswoman councilwoman "
        "alderwoman sportswoman policewoman firewoman saleswoman stateswoman actress "
        "waitress stewardess lady matriarch baroness countess heroine hostess "
        "ballerina diva mistress",
    ),
)
GENDERED_NOUNS: dict[str, Gender] = {
    word: gender for gender, words in _GENDERED_WORDS for word in words.split()
}
# Male-form titles also used for women ("chairman Ilona Varga"): weak evidence, not counted.
UNRELIABLE_GENDERED = frozenset({"chairman", "spokesman", "congressman", "actor", "count"})

# Heads of descriptions that refer to a person: "the minister", "the 45-year-old".
_PERSON_NOUNS_WORDS = """
    minister president secretary secretary-general chancellor spokesman spokeswoman
    spokesperson senator governor mayor chairman chairwoman chair director chief ceo leader
    ambassador general commander candidate nominee adviser advisor aide manager official
    officer representative congressman congresswoman speaker judge attorney prosecutor lawyer
    king queen prince princess premier envoy founder strategist pollster analyst professor
    host anchor editor correspondent reporter commissioner superintendent sheriff trustee
    pharmacist doctor nurse teacher coach player striker goalkeeper captain owner chef
    executive economist scientist researcher author writer singer actor actress artist
    driver pilot victim suspect defendant plaintiff witness man woman boy girl father mother
    son daughter brother sister husband wife businessman businesswoman actor veteran student
    resident farmer worker pastor priest bishop pope monarch dictator lawmaker legislator
    councillor councilor treasurer auditor inspector detective investigator engineer
    architect designer producer director-general deputy vice-president incumbent challenger
    activist organiser organizer campaigner founder co-founder chairperson banker investor
    entrepreneur billionaire millionaire minister-president tenant landlord trader voter
    shopper homeowner referee umpire painter poet novelist photographer composer musician
    filmmaker playwright sculptor colonel lieutenant sergeant child teenager youngster
    """
PERSON_NOUNS = frozenset(_PERSON_NOUNS_WORDS.split())

# Honorifics before a name (`names.HONORIFICS`, lower case, no dot) and the title noun
# they abbreviate or are: "Sen. Ilona Varga" is the one "the senator" later refers to.
HONORIFIC_TITLES: dict[str, str] = {
    "sen": "senator",
    "senator": "senator",
    "rep": "representative",
    "representative": "representative",
    "gov": "governor",
    "governor": "governor",
    "gen": "general",
    "general": "general",
    "col": "colonel",
    "colonel": "colonel",
    "capt": "captain",
    "captain": "captain",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "dr": "doctor",
    "prof": "professor",
    "professor": "professor",
    "judge": "judge",
    "mayor": "mayor",
    "president": "president",
    "chancellor": "chancellor",
}

# Heads of descriptions that refer to an organisation or a body: "the company", "the agency".
_ORG_NOUNS_WORDS = """
    company firm agency team club group union party government ministry department council
    committee board bank organisation organization association authority campaign court
    commission administration corporation business institute university college school
    network newspaper paper broadcaster channel station league federation alliance coalition
    cabinet parliament congress senate assembly office bureau service force army navy police
    airline carrier maker manufacturer retailer chain brand startup charity foundation
    society church hospital museum orchestra band regulator watchdog tribunal
    """
ORG_NOUNS = frozenset(_ORG_NOUNS_WORDS.split())

# Generic names of a body that refer to the body last named, whatever its name's words ("the
# company" after "Corvane Systems"). Nouns that name one kind of body ("the church", "the
# league", "the police") refer only to a body whose name or description has them.
GENERIC_BODIES = frozenset(
    {"company", "firm", "group", "team", "club", "party", "union", "organisation"}
    | {"organization", "band"}
)
# Nouns of one kind of body: "the company" may be "Corvane Industries" or "Lind Holdings"
# but not "Vellmar University", whose name says it is another kind.
_BODY_KINDS = (
    "company firm business corporation maker manufacturer retailer chain brand startup "
    "carrier airline bank network broadcaster inc corp ltd llc plc co holdings partners "
    "capital industries technologies systems labs motors airlines airways media",
    "team club side squad",
    "group organisation organization association society foundation charity alliance "
    "federation union coalition campaign movement",
    "party",
    "band orchestra",
)
BODY_KIND_GROUPS: dict[str, frozenset[str]] = {
    noun: frozenset(group.split()) for group in _BODY_KINDS for noun in group.split()
}

# Marks that set an apposition off from its name: "Ilona Varga, a chemist,", "(a chemist)".
APPOSITION_MARKS = frozenset({",", "(", "-", "–", "—"})

# Words of a partitive that, as a predicate nominal, describes its subject like a singular
# noun ("Varga is one of the founders").
PARTITIVE_WORDS = frozenset({"one"})

# Nouns of idioms with "as" that say how or why, never what the subject is ("she resigned
# as a result", "as a rule", "the city as a whole").
AS_IDIOM_NOUNS = frozenset(
    {"result", "rule", "whole", "consequence", "matter", "precaution", "means", "reminder"}
    | {"token", "sign", "gesture", "warning", "favour", "favor", "courtesy", "consolation"}
)

# Verbs whose predicate nominal describes their subject ("Varga is a chemist").
COPULAS = frozenset({"be", "become", "remain"})
# Adverbs before a verb that put its subject after it ("and so is Varga", "nor was she").
INVERTING_ADVERBS = frozenset({"so", "neither", "nor"})

# Words that make a name a body's, whatever the tagger's type: "Tampa Bay Times", "Justice
# Department". A name with one of these (or an organisation noun above) is never "he" or "she".
_BODY_NAME_WORDS = """
    times post journal news herald tribune press gazette daily weekly magazine review inc corp
    corporation ltd llc plc co group holdings partners capital media airlines airways motors
    industries technologies systems labs fund trust center centre institute department ministry
    office agency bureau commission committee council association federation club party union
    university college school hospital church bank enquirer inquirer courier chronicle examiner
    telegraph bulletin sentinel
"""
BODY_NAME_WORDS = frozenset(_BODY_NAME_WORDS.split()) | ORG_NOUNS

# Words that make a name a place's: "New York", "United States", "Port Elvin". A name the
# tagger typed a place may still be a person's ("Georgia", "Florence") unless it has one.
_PLACE_NAME_WORDS = """
    new united north south east west northern southern eastern western central upper lower
    saint st san santa port fort lake mount mountain city county state states republic kingdom
    island islands bay valley river beach coast land province district region
"""
PLACE_NAME_WORDS = frozenset(_PLACE_NAME_WORDS.split())

# Words before a noun in a definite description that make it refer to someone not yet named
# or to someone else ("the other minister", "the new company", "the first team").
NON_ANAPHORIC_MODIFIERS = frozenset(
    {"other", "another", "first", "second", "next", "last", "new", "former", "same", "whole"}
)

# "the 45-year-old": an age as a description refers to a person.
AGE_DESCRIPTION = re.compile(r"\b\d{1,3}\s?-\s?year\s?-\s?old$", re.IGNORECASE)

# "Ilona Varga, 45," and "Ilona Varga (45)": an age beside a name says it is a person's.
AGE_NUMBER = re.compile(r"^\d{1,3}$")

# Verbs whose subject is a person or a body that speaks, never a place or a product.
_SAYING_LEMMAS_WORDS = """
    say tell add explain note argue insist claim state announce warn reply respond write
    admit acknowledge deny confirm recall suggest complain testify vow promise urge
    """
SAYING_LEMMAS = frozenset(_SAYING_LEMMAS_WORDS.split())
# Verbs that say someone goes on speaking only beside a quotation ("…,” she continued.",
# "He concluded: “…”"); elsewhere they are no speech ("the rain continued").
GOING_ON_LEMMAS = frozenset({"continue", "conclude", "begin", "finish"})
# Marks that, attached to such a verb, stand between it and the quotation it introduces.
QUOTATION_PUNCTUATION = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''", ":"})

# The word before a quotation inside reported speech ("Tom wrote that 'the plan never
# pleased him'"): its third persons may be the speaker.
REPORTED_SPEECH_WORD = "that"

# Prepositions that put a name in a place ("in Vellmar", "at Harrow"): a hint that the name
# is a place, whatever the tagger says.
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
# Verbs and nouns of moving house or travelling whose "to" puts a name in a place ("moved to
# Vellby", "a trip to Vellby"); not "returned to", "went to", "fled to", said of people too.
MOVING_TO_LEMMAS = frozenset(
    {"move", "relocate", "emigrate", "immigrate", "travel", "trip", "journey", "commute"}
)
# Nouns whose "in" says what one trusts or cares about, not where: "confidence in Voss",
# "faith in Voss" are a person's as often as anything's.
ATTITUDE_IN_NOUNS = frozenset(
    {"confidence", "faith", "trust", "belief", "interest", "pride", "hope", "hopes", "delight"}
)
# Nouns of places that name one after "of": "the port of Vellby", "the town of Esk".
PLACE_OF_NOUNS = frozenset(
    {"port", "city", "town", "village", "province", "state", "region", "county", "island"}
)

# Evidence that a name is a place's or a body's, not a person's, whatever the tagger typed:
# the word that opens a relative clause on it ("Yale, where he taught"), no one's relative
# pronoun: not "which", as often the whole clause's ("sent his message to Voss, which may
# not be the best strategy") as the name's;
PLACE_OR_THING_RELATIVES = frozenset({"where"})
# the verbs whose object, or passive subject, is founded ("helped found Vellby", "Vellco was
# founded in 1870"): a town, a body, a school, never a person;
FOUNDING_LEMMAS = frozenset({"found", "co-found", "cofound"})
# Words before a bare "found", which the tagger often reads as "find"'s past: "to found",
# "helped found" (a modal too: "would found").
BARE_INFINITIVE_BEFORE = frozenset({"to", "help", "helps", "helped", "helping"})
# the nouns of works a name is in apposition with or said to be ("the song 'Vellmar'", "her
# album Vellmar", "Vellmar is a 1972 film");
WORK_NOUNS = frozenset(
    {"film", "movie", "documentary", "novel", "book", "poem", "song", "album", "opera"}
    | {"musical", "play", "painting", "series", "sitcom", "episode", "magazine", "newspaper"}
)
# and offices held "of" a body or a place ("chairman of Vellco", "Count of Vellby"), unlike
# the people one is "the son of", "the manager of" or "a student of".
OFFICE_OF_NOUNS = frozenset(
    {"chairman", "chairwoman", "chairperson", "president", "ceo", "founder", "co-founder"}
    | {"cofounder", "member", "members", "mayor", "governor", "king", "queen", "duke"}
    | {"duchess", "earl", "count", "countess", "emperor", "empress", "bishop", "archbishop"}
)

# Prepositions of place, after which a pronoun may be its clause's subject ("Ann left the
# past behind her", "Tom looked around him"); after the others it is someone else ("Ann was
# furious with her", "Tom worked for him"). "With" after an object goes with the object's
# holder too ("Ann took the bag with her").
SPATIAL_PREPOSITIONS = frozenset(
    {"behind", "around", "beside", "near", "before", "above", "below", "under", "beneath"}
    | {"over", "within", "among", "between", "toward", "towards", "across", "inside"}
)
COMITATIVE_PREPOSITION = "with"

# Dependency labels of a verb's objects: an object pronoun never refers to its clause's subject.
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})

# The first and second person of a text's own voice (outside quotation marks): who "I" and
# "you" are when the text says whose voice it is (an interview, a signed letter, a speaker
# who gives their name). "We" and "us" are groups and stay unresolved.
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "mine", "myself"})
ADDRESSEE_PRONOUNS = frozenset({"you", "your", "yours", "yourself"})
# Words that say the text is an interview ("Wikinews interviews Ilona Varga", "an interview
# with Ilona Varga", "Ilona Varga, interviewed by …"), read in its opening sentences only.
INTERVIEW_LEMMAS = frozenset({"interview"})
# Verbs of conversation whose "with"/"to" object is the person interviewed ("spoke with").
CONVERSATION_LEMMAS = frozenset({"speak", "talk", "chat"})
CONVERSATION_PREPOSITIONS = frozenset({"with", "to"})
# Verbs of telling whose named object a quotation's "you" addresses ("she told Tom").
TELLING_LEMMAS = frozenset({"tell", "ask", "warn", "urge", "remind", "assure", "promise"})
# Title nouns of a speech whose speaker the title names ("Remarks by Ilona Varga", "Varga's
# Inaugural Address").
SPEECH_NOUNS = frozenset({"speech", "remarks", "address", "statement", "lecture", "sermon"})
# Words of a letter's closing right before its signature ("Love always, Marcie", "Yours
# sincerely, Tom Reyes", "Best wishes, Bill").
VALEDICTION_WORDS = frozenset(
    {"love", "luv", "sincerely", "yours", "regards", "wishes", "cheers", "faithfully"}
    | {"truly", "cordially", "affectionately", "warmly", "respectfully", "fondly"}
)
# A postscript's mark: it follows the signature ("Love, Marcie P.S. …").
POSTSCRIPT = "P.S"
# Greetings of a speaker who gives their name ("Hi, it's Ilona Varga").
GREETINGS = frozenset({"hi", "hey", "hello", "welcome", "greetings", "howdy"})
# The salutation before a letter's addressee ("Dear Jean").
SALUTATIONS = frozenset({"dear", "dearest"})
