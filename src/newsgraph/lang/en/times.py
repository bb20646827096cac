"""English words for time expressions: calendar names, numbers, units and vague references.

Pure data, read by the time grammar (`nlp/timex_grammar.py`) and the normaliser
(`nlp/timex_normalise.py`). Keys are lower case; abbreviations are listed without their dot.
"""

from __future__ import annotations

from newsgraph.lang.en import page as page_words

# Month and weekday names are the same words the metadata reader uses for date lines: one
# list, kept in `extract/lang/en.py`.
MONTHS: dict[str, int] = dict(page_words.MONTHS)

# ISO weekday numbers (Monday = 1), as TIMEX3 writes them in "XXXX-WXX-1".
WEEKDAYS: dict[str, int] = {name: day + 1 for name, day in page_words.WEEKDAYS.items()}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "thousand": 1000,
    "a": 1,
    "an": 1,
    "a single": 1,
    "a couple of": 2,
    "a couple": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0,  # handled as a fraction by the normaliser
}
# Words that count periods ("the past three summers", "the past few seasons").
COUNTING_WORDS: frozenset[str] = frozenset(set(NUMBER_WORDS) | {"few", "several", "many", "couple"})

# Quantities that are not numbers: the TIMEX3 value gets an X ("PXY").
VAGUE_QUANTITIES: frozenset[str] = frozenset(
    {"a few", "few", "several", "many", "some", "the", "a number of", "numerous", "countless"}
)

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}

# Calendar units: the TIMEX3 duration letter, and whether it belongs after the "T".
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("E", False),
    "century": ("C", False),
    "millennium": ("L", False),
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "mid-afternoon": "AF",
    "mid afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "midday": "MI",
    "daytime": "DT",
}

# Days named relative to the reference date.
DAY_OFFSETS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

# Words that point to the present, past or future as a whole (TimeML's *_REF values).
VAGUE_REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the moment": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "present": "PRESENT_REF",
    "recently": "PAST_REF",
    "then current": "PAST_REF",
    "then-current": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "once": "PAST_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "later": "FUTURE_REF",
}

# Frequency adverbs: TIMEX3 SETs.
SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "yearly": "P1Y",
    "annually": "P1Y",
}
# Frequency adjectives of finance that name a kind of payment or report ("its quarterly
# dividend"), which TimeBank leaves unmarked even after a determiner.
REPORTING_RATES: frozenset[str] = frozenset({"quarterly", "yearly"})

# Words that place a day or period "earlier"/"later" inside a larger one; TimeML keeps them in
# the extent ("late yesterday", "early next year") and the value stays the larger unit.
POSITION_MODIFIERS: tuple[str, ...] = (
    "early",
    "earlier",
    "late",
    "later",
    "mid",
    "middle",
    "the end of",
    "the beginning of",
    "the start of",
    "the middle of",
)

# Direction words before a unit or a name: sign of the shift from the reference date.
RELATIVE_SHIFTS: dict[str, int] = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "preceding": -1,
    "this": 0,
    "current": 0,
    "present": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "upcoming": 1,
}

# Words that count a weekday from the day the story last named, not from publication:
# "the previous Friday" is the Friday before it, "the following Monday" the Monday after.
STORY_WEEKDAY_SHIFTS: dict[str, int] = {"previous": -1, "preceding": -1, "following": 1}

# Words before a number that TimeML keeps in a duration's extent ("nearly two years"): the
# ones its MOD attribute can say (APPROX, LESS_THAN, EQUAL_OR_MORE...). Focusing adverbs
# ("only 14 days", "just a decade ago") say nothing about the time and stay out.
QUANTITY_MODIFIERS: tuple[str, ...] = (
    "about",
    "almost",
    "nearly",
    "roughly",
    "around",
    "approximately",
    "some",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "no more than",
    "no less than",
    "another",
    "an additional",
    "a full",
    "the full",
    "a further",
)

# Words between a number and "days" that count only some days ("eight trading days", "five
# business days"): the length is still that many days (TimeML: P8D).
DAY_KINDS: tuple[str, ...] = ("trading", "business", "working", "school")

# Subjects of a present "is" that make "the second day of the strike" today's date ("it's",
# "today is"); "this is" is as often a description ("this is the first day we ...").
PRESENT_DAY_SUBJECTS: frozenset[str] = frozenset({"it", "today"})

# "the day before Christmas", "the day after last Tuesday's hearing": the named day moved.
DAY_BESIDE_SHIFTS: dict[str, int] = {"before": -1, "after": 1}

# Nouns after "today's" or "tomorrow's" that make it the present or coming age, not a day:
# "today's youth", "in today's world", "tomorrow's generation".
AGE_NOUNS: frozenset[str] = frozenset(
    {"world", "society", "youth", "generation", "generations", "children", "kids", "teenagers",
     "young", "culture", "standards"}
)  # fmt: skip

# A length said without a unit: "a lengthy period", "a fairly short spell" (TimeML: PXX).
# Nouns of a length with no unit: "for a fairly lengthy period", "a long spell".
LENGTH_NOUNS: tuple[str, ...] = ("period", "stretch", "spell")
LENGTH_ADJECTIVES: tuple[str, ...] = ("long", "lengthy", "short", "brief", "extended", "prolonged")
DEGREE_WORDS: tuple[str, ...] = ("fairly", "quite", "very", "relatively", "rather")

# Holidays the grammar finds by name (their dates: `HOLIDAYS` below, and the normaliser's
# rules for the movable ones). One list for the grammar's rule and for the words that must be
# capitalised to be a name ("a christmas tree" is no date).
NAMED_DAYS: tuple[str, ...] = (
    "thanksgiving",
    "thanksgiving day",
    "christmas",
    "christmas day",
    "christmas eve",
    "easter",
    "easter sunday",
    "new year's",
    "new year's day",
    "new year's eve",
    "halloween",
    "independence day",
    "valentine's day",
    "veterans day",
    "election day",
)
# Holidays whose week is named after them: "Easter week" is the calendar week that holds it.
HOLIDAY_WEEKS: tuple[str, ...] = ("thanksgiving", "christmas", "easter")
# Words of a holiday's name that need no capital: "New Year's day", "Christmas eve".
NAMED_DAY_COMMON_WORDS: frozenset[str] = frozenset({"new", "day", "eve"})

# Fixed-date holidays: (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "veterans day": (11, 11),
}

# Auxiliaries that put the clause they head in the future ("wo" is spaCy's token for "won't").
FUTURE_AUXILIARIES: frozenset[str] = frozenset({"will", "'ll", "shall", "wo", "ll"})
# Verbs whose infinitive complement lies ahead: "scheduled to leave", "plans to visit".
FUTURE_VERBS: frozenset[str] = frozenset(
    {"schedule", "plan", "expect", "intend", "set", "due", "go", "aim", "hope", "promise"}
)
# Words of a plan or an intention: the weekday of what they look ahead to is the coming one,
# whatever their own tense ("the council did not plan to vote on Thursday", "she had hoped to
# sign it on Friday", "he was scheduled to testify Monday"): a plan is made before its day.
# The future verbs but "go" ("was going to" is no plan made), and "slate".
INTENTION_WORDS: frozenset[str] = (FUTURE_VERBS - {"go"}) | {"slate"}

# Words before a bare month or year that make it a date ("in March", "since 1990").
DATE_CONTEXT: frozenset[str] = frozenset(
    {"in", "since", "until", "till", "by", "of", "during", "before", "after", "through", "from",
     "last", "next", "this", "early", "late", "mid", "between", "and", "or", "to", "around",
     "for", "on", "at", "throughout", "fiscal", "ended", "ending", "end", "as", "that"}
)  # fmt: skip
# Words before a bare plural unit that make it a duration ("for years", "within weeks").
DURATION_CONTEXT: frozenset[str] = frozenset(
    {"for", "in", "over", "within", "after", "took", "spent", "lasted"}
)
# Words after a four-digit number that make it a count, not a year ("1990 people").
COUNTED_AFTER_NUMBER: frozenset[str] = frozenset({"%", "percent", "people", "miles", "dollars"})
# Words before a month that modifies a noun ("a June agreement", "the March accession"):
# after them "May" cannot be the modal nor "June" a given name.
MONTH_DETERMINERS: frozenset[str] = frozenset(
    {"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "each", "every"}
)
# Months that are also common words ("may" the modal, "march" the verb).
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march"})
# Adjectives that are a time reference only as adjectives ("current prices").
ADJECTIVE_REFERENCES: frozenset[str] = frozenset({"recent", "current"})
# Words after "soon" that make it the distance to another event ("soon after the vote").
RELATION_WORDS: frozenset[str] = frozenset(
    {"after", "before", "afterward", "afterwards", "thereafter", "enough"}
)
# Words that TimeML's data rarely marks when they stand alone ("future earnings").
NEVER_ALONE: frozenset[str] = frozenset({"future", "previously", "formerly"})
# "a year" after an amount is a rate ("$5 a year"), "a second" an ordinal, "a quarter" a
# fraction: none of them is a duration unless a number counts it ("two quarters").
RATE_UNITS: frozenset[str] = frozenset({"second", "quarter", "quarters"})
# Phrases that put a quarter or period a year before the one talked about.
YEAR_BACK_PHRASES: tuple[str, ...] = (
    "year-ago",
    "year-earlier",
    "a year ago",
    "a year earlier",
    "comparable",
    "corresponding",
    "last year",  # "last year's quarter", "the second quarter of last year"
    "same",
)

# Words before a bare "m:ss" or "h:mm:ss" that make it a measured time, not a clock time:
# "won in 2:08:15", "a time of 3:45", "clocked 9:58", "runtime 1:32".
MEASURED_TIME_CONTEXT: frozenset[str] = frozenset(
    {"in", "of", "clocked", "timed", "ran", "swam", "finished", "time", "record", "best",
     "length", "runtime", "duration", "lasts", "lasting", "long", "video", "clip", "track"}
)  # fmt: skip
# Verbs that move an event to a later day: "postponed until Saturday" is the coming Saturday
# even though the verb is in the past tense.
RESCHEDULING_VERBS: frozenset[str] = frozenset(
    {"postpone", "delay", "defer", "push", "move", "reschedule", "adjourn", "extend", "put",
     "suspend", "shift", "bump", "set", "schedule", "slate", "book"}
)  # fmt: skip
# Prepositions that make a date the far end of a stretch ("lent money through January"): a
# simple past before them says nothing about which side of the publication date the end is.
STRETCH_TO: frozenset[str] = frozenset({"until", "till", "through", "to", "into", "toward"})
# Prepositions that end a state still holding in a present or present perfect clause: "the
# bridge has been closed until Friday", "they have until noon Tuesday": that end is ahead.
OPEN_UNTIL: frozenset[str] = frozenset({"until", "till", "til"})
# Prepositions that name the new date after a rescheduling verb.
RESCHEDULED_TO: frozenset[str] = frozenset({"until", "till", "to", "for", "back"})
# Units measured from a time in the story rather than from the publication date: "a month
# earlier" is a month before some event of the story. A year earlier keeps its date: news
# compares results with the same period of the year before.
STORY_RELATIVE_UNITS: frozenset[str] = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month"}
)  # fmt: skip

# Paragraphs whose dates are no events of the story: correction and update notices,
# copyright lines, picture credits. Regular-expression fragments matched at the start of the
# paragraph, case-insensitively.
NOT_EVENT_PARAGRAPHS = (
    r"(?:correction|clarification|editor['’]s note|update|updated|note)\s*(?:\(.{0,40}\))?\s*:",
    r"an? (?:earlier|previous) version of this (?:story|article|report|post)",
    r"this (?:story|article|report|post) (?:was|has been|is) (?:updated|corrected|amended)",
    r"(?:©|\(c\)\s*\d{4}|copyright\b)",
    r".{0,200}\ball rights reserved\b",
    r"\(?(?:photo|image|picture|file photo|credit)s?\s*:",
)
# Words that open a subordinate clause; an event's text starts after them ("that the pier
# would reopen on Monday" is the event "the pier would reopen on Monday").
CLAUSE_MARKERS: frozenset[str] = frozenset(
    {"that", "which", "who", "because", "when", "after", "before", "as", "while", "if", "since",
     "whether", "though", "although", "until"}
)  # fmt: skip
