"""English data for entity mentions: honorifics, aliases and words that are never names."""

from __future__ import annotations

import re

# Entity labels kept as entities. Dates, times and quantities are not named things: times go
# to the record's `times`, and counters ("0 Views") are page furniture.
NAMED_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)

# Courtesy titles before a name; "Ms. Varga" is the same person as "Ilona Varga".
HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "reverend",
        "fr",
        "father",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "gen",
        "general",
        "col",
        "colonel",
        "capt",
        "captain",
        "lt",
        "sgt",
        "president",
        "minister",
        "secretary",
        "judge",
        "justice",
        "mayor",
        "chancellor",
        "prime",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "imam",
    }
)

# Titles written before a person's name and before nothing else: a capitalised proper noun
# right after one is a person's name even where the tagger saw none ("Councillor Dev
# Ramanathan"). Not "General", "Chief", "President", "Prime": they open bodies' names too.
_PERSON_TITLES_WORDS = """
mr mrs ms miss mx dr prof professor sir dame rev reverend sen senator rep gov governor
mayor councillor councilor councilman councilwoman alderman alderwoman commissioner
premier ambassador bishop archbishop rabbi imam sheikh judge inspector detective
sergeant sgt constable capt captain lt col colonel
"""
PERSON_TITLES = frozenset(_PERSON_TITLES_WORDS.split())
# Ranks of rulers and words of kin written before a name, as only people's names are
# ("King Saul", "Emperor Taizong", "Uncle Petrie"): a capitalised proper noun after one is a
# person's name, and a name the tagger typed a thing's that opens with one is a person's. Kept
# apart from `PERSON_TITLES`, which a description may also end with ("the king").
_RANK_TITLES_WORDS = """
king queen emperor empress pope prince princess tsar tsarina czar czarina sultan pharaoh
uncle aunt auntie
"""
RANK_TITLES = frozenset(_RANK_TITLES_WORDS.split())
# Words that make a capitalised run a body's or a place's name, not a person's.
_NOT_PERSON_NAME_WORDS = """
department office ministry council committee court school college university street
road avenue county city district church hospital party bank institute agency island
bridge park square station hall palace cathedral theatre theater museum award prize cup
"""
NOT_PERSON_NAME_WORDS = frozenset(_NOT_PERSON_NAME_WORDS.split())

# Lower-case words inside a person's name, between its capitalised words ("Nicolas Perrenot
# de Granvelle", "Raffaello da Montelupo", "Edward I of England", "Ludwig van Beethoven").
_NAME_PARTICLES_WORDS = "of de da di del della der den van von du la le bin ibn zu dos das"
NAME_PARTICLES = frozenset(_NAME_PARTICLES_WORDS.split())
# A regnal or generational number after a name ("Pius II", "Henry VIII").
ROMAN_NUMERAL = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")

# Written after a person's full name to tell a father from a son ("Brent Bozell III"): the
# name is the same person's with or without it.
GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Courtesy titles that only a person has: a name after one is a person's, whatever the tagger
# said ("Mr. Vellmar" is a man, not a town).
COURTESY_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+$")
# What stands between a name and the birth name it is written with ("Vanger was born Ilsa
# Vanger", "Kenney-Silver is born Kerri Kenney"): the two are one person's names.
BORN_AS = re.compile(r"\s+(?:was|is)\s+born\s+")
# Words that introduce a relative by name ("his father Ervin Lund", "her older brother, Bill
# Lund"), and verbs whose object is one ("she married Jesse Lund"): someone with the surname
# of a person named before, not that person.
_RELATIVE_NOUNS = """
    father mother son daughter brother sister husband wife uncle aunt cousin nephew niece
    grandfather grandmother grandson granddaughter stepfather stepmother stepson
    stepdaughter half-brother half-sister father-in-law mother-in-law son-in-law
    daughter-in-law brother-in-law sister-in-law widow widower spouse parents children
    sons daughters brothers sisters"""
RELATIVE_NOUNS = frozenset(_RELATIVE_NOUNS.split())
SPOUSE_VERBS = frozenset({"marry", "married", "marries", "wed", "weds", "wedded"})
# How many words before a name a relative's noun may stand ("daughter, the singer Ann Lund").
RELATIVE_REACH = 6
# "Ilona Varga, 45," and "Ilona Varga (45)": an age after a name is a person's.
AGE_AFTER = re.compile(r"(?:,\s*\d{1,3}\s*,|\s*\(\d{1,3}\))")

# Contractions the tokenizer splits off a word ("did n't", "it 's"): never part of a name.
CONTRACTIONS = frozenset({"n't", "'s", "'re", "'ll", "'ve", "'m", "'d", "nt"})

# A word glued to a photo credit or a number by a scraper that lost the space between them
# ("2021Getty", "ReutersPhoto", "PhotoJane"): not a name.
GLUED_WORD = re.compile(
    r"\d{2,}[A-Z][a-z]|[a-z](?:Photo|Photos|Image|Images|Credit|Getty)\b|"
    r"\b(?:Photo|Image|Credit|Getty)(?:s)?[A-Z]"
)

# Particles joined to a surname that a later mention may drop ("al-Bashir" → "Bashir").
SURNAME_PARTICLE = re.compile(r"^(?:al|el|ul|ad|as|ash|at|az)-", re.IGNORECASE)

# Opening quotation marks the tagger sometimes takes into a name's span ("`` Abed Nadir",
# "'Burning Martian"): a name never begins with one.
OPENING_QUOTE = re.compile(r"^(?:``|[\"“‘']+)\s*(?=\w)")

# Determiners that spaCy sometimes includes in a name's span ("the United States").
LEADING_DETERMINERS = frozenset({"the"})

# Possessive endings that belong to the sentence, not to the name ("NATO's").
POSSESSIVE_SUFFIXES = ("'s", "’s", "'", "’")

# Small words skipped when an acronym is matched to a long name ("Bank of England" → BOE
# is rare, but "North Atlantic Treaty Organization" → NATO is common).
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "&", "de", "du", "la", "le"})

# Different names of one place or body, by the normalised key of each name (lower case, no
# dots). The first name of each group is the key every variant is filed under.
ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("united states", "us", "usa", "united states of america", "america", "the states"),
    ("united kingdom", "uk", "britain", "great britain"),
    ("united nations", "un"),
    ("european union", "eu"),
    ("soviet union", "ussr"),
    ("united arab emirates", "uae"),
    ("democratic republic of the congo", "drc"),
)

# Words of page furniture that a statistical tagger can take for a name ("0 Views" → ORG).
FURNITURE_WORDS = frozenset(
    {
        "views",
        "view",
        "comments",
        "comment",
        "share",
        "shares",
        "likes",
        "reads",
        "tweet",
        "print",
        "email",
        "subscribe",
        "newsletter",
        "advertisement",
        "related",
        "tags",
        "read more",
        "follow us",
        "whatsapp",
        "facebook twitter",
    }
)
