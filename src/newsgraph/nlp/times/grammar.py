"""The grammar of English time expressions: one compiled regex per rule, over the plain text
(lower-cased: see `lowered`).

Each rule names a kind of expression (`Rule.kind`) that the normaliser knows how to value.
Extents follow TimeML's TIMEX3 guidelines: no leading preposition ("Monday", not "on
Monday"), but determiners, modifiers and quantity words stay in ("the past three years",
"nearly two weeks", "late yesterday"). Rules are tried in order; the finder keeps the longest
match at each place, and the earlier rule when two are equally long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.lang.en import times as words


def alternation(options: Iterable[str]) -> str:
    """A non-capturing group of the given words, longest first, spaces as any whitespace."""
    ordered = sorted(set(options), key=len, reverse=True)
    escaped = (re.escape(option).replace(r"\ ", r"\s+") for option in ordered)
    return "(?:" + "|".join(escaped) + ")"


_FULL_MONTHS = [m for m in words.MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_SHORT_MONTHS = [m for m in words.MONTHS if m not in _FULL_MONTHS]
# Names of months, weekdays and holidays must be capitalised in the text ("may" and "march"
# are also a modal and a verb): the finder checks that on the original text (`NAME_WORDS`).
MONTH = "(?:" + "|".join(_FULL_MONTHS) + "|(?:" + "|".join(_SHORT_MONTHS) + r")\.?)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
NUMBER_WORD = rf"(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS}|{_ONES}|a\s+hundred|hundred|a\s+dozen|dozen)"
NUMBER = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|{NUMBER_WORD}(?:[\s-]+(?:hundred|thousand))?"
    rf"(?:[\s-]+and[\s-]+a[\s-]+half)?)"
)
QUANTITY = (
    rf"(?:{NUMBER}|a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|several|a|an|few|many|"
    r"a\s+single|half\s+an?)"
)
QUANTITY_MODIFIER = alternation(words.QUANTITY_MODIFIERS)
UNIT = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade"
    r"|century|centuries|millennium)"
)
UNITS = rf"(?:{UNIT}s?)"
DAY_KIND = alternation(words.DAY_KINDS)  # "eight trading days"
SEASON = alternation(words.SEASONS)
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
POSITION = r"(?:early|late|earlier|later|mid-?|the\s+(?:end|beginning|start|middle)\s+of)"
SPOKEN_YEAR = (
    rf"(?:nineteen[\s-]+(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS}|hundred|oh[\s-]+{_ONES})"
    rf"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|{_TEENS}))?)"
)
CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b)"
    r"|\d{1,2}:\d\d(?!\d)"
    rf"|(?:{_ONES}|ten|eleven|twelve)\s+o'clock"
    r"|\d{1,2}\s+in\s+the\s+(?:morning|afternoon|evening)"
    r"|noon|midnight|midday)"
)
ZONE = r"(?:[ecmp][sd]t|gmt|utc)"
# A date said to be approximate keeps the word in its extent (TimeML's MOD="APPROX"):
# "around Nov. 1", "around year end". ("about" is as often the preposition: "news about
# Nov. 1".)
APPROXIMATELY = r"(?:around|approximately|roughly)"
CLOCK_DAY = rf"(?:{WEEKDAY}|today|yesterday|tomorrow|tonight|{MONTH}\s+{DAY_NUMBER})"
RELATIVE = r"(?:this|last|next|the\s+past|the\s+coming|the\s+previous|the\s+following|past|coming)"
DECADE = (
    r"(?:\d{3}0'?s|'\d0s|(?:nineteen[\s-]+)?(?:twenties|thirties|forties|fifties|sixties|"
    r"seventies|eighties|nineties))"
)


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str  # what the normaliser does with the match
    pattern: re.Pattern[str]
    shifted_kind: str | None = None  # the kind when the group "shifted" matched

    def kind_of(self, match: re.Match[str]) -> str:
        if self.shifted_kind is not None and match.group("shifted") is not None:
            return self.shifted_kind
        return self.kind


def _rule(kind: str, pattern: str, shifted_kind: str | None = None) -> Rule:
    # Word boundaries on both sides: rules never start or end inside a word. The patterns are
    # lower case and run over a lower-cased copy of the text: faster than IGNORECASE.
    compiled = re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w-])")
    return Rule(kind, compiled, shifted_kind)


RULES: tuple[Rule, ...] = (
    _rule(
        "clock",
        rf"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
        rf"(?:{CLOCK})(?:\s+{ZONE})?(?:,?\s+{CLOCK_DAY})?"
        rf"|(?:noon|midnight)\s+{CLOCK_DAY}",
    ),
    _rule("iso_date", r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:\d\d){1,2}"),
    # "April 24 and 25", "May 3-5": two days of one month, split in `find` (the second takes
    # the first's month and year); with a year after them the range is left to "month_day".
    _rule(
        "day_range",
        rf"{MONTH}\s+{DAY_NUMBER}\s*(?:[-–]|\s(?:and|or|to|through)\s)\s*{DAY_NUMBER}"
        rf"(?!,?\s+{YEAR})",
    ),
    _rule(
        "month_day",
        rf"(?:{APPROXIMATELY}\s+)?(?:{WEEKDAY},?\s+)?(?:(?:{POSITION}|last|this|next)\s*)?"
        rf"{MONTH}\s+{DAY_NUMBER}"
        rf"(?:,?\s+{YEAR}|\s+(?:this|last|next)\s+year)?"
        rf"|(?:{WEEKDAY},?\s+)?{DAY_NUMBER}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?",
    ),
    # "the week of March 6": the calendar week (or its weekend) that holds the day.
    _rule(
        "week_of",
        rf"the\s+week(?:end)?\s+of\s+(?:{MONTH}\s+{DAY_NUMBER}|{DAY_NUMBER}\s+(?:of\s+)?{MONTH})"
        rf"(?:,?\s+{YEAR})?",
    ),
    _rule(
        "month",
        rf"(?:(?:{POSITION}|{RELATIVE})[\s-]*)?{MONTH}"
        rf"(?:,?\s+(?:{YEAR}|{SPOKEN_YEAR})|\s+(?:this|last|next)\s+year)?",
    ),
    _rule(
        "weekday",
        rf"(?:(?:early|late|earlier|later)\s+)?"
        r"(?:(?:last|next|this(?:\s+coming|\s+past)?|coming|the\s+previous|the\s+following)\s+)?"
        rf"{WEEKDAY}(?:\s+{PART_OF_DAY})?",
    ),
    _rule(
        "weekday_set",
        rf"(?:every\s+|each\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days(?:\s+{PART_OF_DAY}s)?"
        rf"|{WEEKDAY}\s+{PART_OF_DAY}s|(?:every|each)\s+{WEEKDAY}",
    ),
    _rule(
        "day_word",
        rf"(?:(?:early|late|earlier|later|mid[\s-]?afternoon|mid[\s-]?morning)\s+)?"
        rf"(?:today|yesterday|tomorrow|tonight)(?:\s+{PART_OF_DAY})?"
        rf"|(?:(?:early|late|earlier|later)\s+)?(?:this|last|tomorrow|yesterday)\s+{PART_OF_DAY}"
        rf"|(?:early|late)\s+{PART_OF_DAY}"
        rf"|(?:mid[\s-]?afternoon|mid[\s-]?morning|{PART_OF_DAY})\s+(?:yesterday|today|tomorrow|{WEEKDAY})"
        r"|overnight|mid[\s-]?afternoon|mid[\s-]?morning",
    ),
    _rule(
        "quarter",
        rf"(?:the\s+)?(?:(?:{YEAR}|this\s+year's|last\s+year's|next\s+year's|year-ago|year-earlier|"
        r"comparable|corresponding|same|latest|current|fiscal|calendar|final|recent|"
        r"first|second|third|fourth|1st|2nd|3rd|4th|last|flat)[\s-]+){1,4}"
        rf"(?:quarter|half)(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?:{YEAR}|this\s+year|last\s+year|next\s+year))?"
        r"(?:\s+a\s+year\s+(?:ago|earlier))?"
        r"|the\s+(?:year-ago|year-earlier|latest)\s+period|(?:the\s+)?\d{4}\s+period"
        # "the corresponding period last year": the period talked about, a year back
        r"|the\s+(?:comparable|corresponding|same)\s+period\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))"
        # "the first two quarters of 1990": a half of the year, named by its quarters.
        rf"|(?:{QUANTITY_MODIFIER}\s+)?(?:the\s+)?(?:first|last|final|second)\s+two\s+quarters"
        rf"\s+(?:of|in)\s+(?:fiscal\s+)?(?:{YEAR}|this\s+year|last\s+year|next\s+year)"
        r"|the\s+quarter(?:\s+a\s+year\s+(?:ago|earlier))?",
    ),
    _rule(
        "ago",
        r"(?:the\s+)?(?:year|month|day|week)-(?:ago|earlier)(?:\s+(?:period|quarter|month|year))?",
    ),
    _rule(
        "anaphoric",
        r"(?:(?:early|late|earlier|later)\s+)?"
        r"(?:that(?:\s+same)?|the\s+same|the\s+following|the\s+previous|the\s+next)\s+"
        r"(?:day|week|month|quarter|year|morning|afternoon|evening|night)"
        # "that summer", "the following spring": a season of the story's last date
        rf"|(?:that|the\s+same|the\s+following|the\s+previous|the\s+next)\s+{SEASON}"
        # "fell the year before.", "The day after, roads closed": as an adverb (nothing after
        # it but punctuation), the last date named moved by one unit; "the year before the
        # war" dates an event and is no time of its own
        rf"|the\s+(?:day|week|month|year|{PART_OF_DAY})\s+(?:{alternation(words.DAY_BESIDE_SHIFTS)})"
        r"(?:\s+that)?(?=\s*(?:[,.;:!?)]|$))"
        # "the week before last": two weeks back from the publication date
        r"|the\s+(?:day|week|month|year)\s+before\s+last(?=\s*(?:[,.;:!?)]|$))",
    ),
    _rule(
        "relative",
        rf"(?:{APPROXIMATELY}\s+)?"
        rf"(?:(?:early|late|earlier|later)\s+(?:in\s+)?|the\s+(?:end|beginning|start|middle)\s+of\s+)?"
        rf"(?:{RELATIVE}|the\s+current|the\s+latest|the\s+last|the\s+next|the\s+full|the)\s+"
        rf"(?:fiscal\s+)?(?:week|weekend|month|quarter|year|decade|century|{SEASON})"
        rf"(?![\s-]+(?:old|long|ago|earlier|later)\b)"
        r"(?:\s+or\s+so)?"
        rf"|(?:early|late|earlier|later)\s+(?:in\s+)?the\s+(?:week|month|year)"
        rf"|(?:{APPROXIMATELY}\s+)?(?:year-end|year\s+end|year's\s+end|(?:the\s+)?end\s+of\s+the\s+year)",
    ),
    # "It's the second day of the strike": the day of the story, when a present "is" says so
    # (checked in `find`).
    _rule("ordinal_day", rf"the\s+{alternation(words.ORDINALS)}\s+day"),
    # "in the morning" of the day the story tells (checked in `find`, valued in `periods`).
    _rule("story_part_of_day", r"the\s+(?:morning|afternoon|evening)"),
    # "will one day be", "some day he will": an unnamed day, before "one day" the duration.
    _rule("someday", r"(?:one|some)\s+day|someday"),
    _rule(
        "duration",
        rf"(?:{QUANTITY_MODIFIER}\s+)?(?:the\s+)?(?:(?:past|last|next|coming|first|previous|"
        r"following|final|latest|remaining|same|entire|whole|full|recent|additional)\s+)?"
        rf"(?:{QUANTITY})(?:[\s-]+and[\s-]+a[\s-]+half)?(?:\s+more)?[\s-]+(?:{DAY_KIND}\s+)?{UNITS}"
        rf"(?:[\s-]+and[\s-]+a[\s-]+half)?(?:[\s-]+(?:old|long))?"
        # "or so" makes the length approximate and stays in it ("the next two years or so")
        # "a year before," as an adverb is "a year earlier"; "a year before the war" a length
        r"(?:(?:\s+or\s+so)?\s+(?P<shifted>ago|earlier|from\s+now|back|before(?=\s*(?:[,.;:!?)]|$)))"
        r"|\s+or\s+so)?"
        # "two to three weeks", "the next 12 to 18 months": a range of lengths is one expression
        rf"|(?:the\s+(?:past|last|next|coming|first)\s+)?(?:{NUMBER})\s+(?:to|or)\s+(?:{NUMBER})"
        rf"[\s-]+{UNITS}"
        rf"|{UNITS}-long"
        # "for an additional year", "another week": one more unit, a length like "a year".
        rf"|(?:an?\s+(?:additional|extra|further)|another)\s+{UNIT}(?![\w-])"
        # "the year-earlier nine months": a span of the year before, as long as it says.
        rf"|(?:the\s+)?(?:year-ago|year-earlier)\s+(?:{NUMBER})\s+(?:months|weeks)"
        rf"|(?:the\s+)?(?:past|last|next|previous|following)\s+(?:few\s+|several\s+|many\s+)?{UNIT}s"
        rf"|(?:the\s+)?(?:coming|recent)\s+(?:few|several|many)\s+{UNIT}s",
        shifted_kind="ago",  # "three years ago": one pass finds durations and shifts
    ),
    _rule(
        "season",
        rf"(?:(?:early|late|mid-?)\s*)?(?:(?:last|this(?:\s+past)?|next|the|early|late)\s+)"
        rf"(?:early\s+|late\s+)?{SEASON}(?:\s+of\s+(?:{YEAR}|{SPOKEN_YEAR}))?|{SEASON},?\s+{YEAR}",
    ),
    _rule(
        "decade",
        rf"(?:the\s+)?(?:(?:early|late|mid-?)\s*)?{DECADE}|the\s+last\s+half\s+of\s+the\s+{DECADE}",
    ),
    _rule(
        "century",
        r"(?:the\s+)?(?:early\s+|late\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
        r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
        r"eighteenth|nineteenth|twentieth|twenty-first|\d{1,2}(?:st|nd|rd|th))[\s-]+century)",
    ),
    # "2009-2010", "1957-58", "1990–91": two years, split in `find` (the second needs the first).
    _rule("year_range", rf"{YEAR}\s?[-–]\s?(?:{YEAR}|\d\d(?!\d))"),
    _rule("spoken_year", SPOKEN_YEAR),
    # "post-1959 politics", "pre-1990 prices": the year the span starts or ends at.
    _rule(
        "year",
        rf"(?:{POSITION}\s*|(?:pre|post)-)?(?:(?:fiscal|calendar)\s+(?:year\s+)?)?{YEAR}"
        # an open end is part of the date (TimeML's MOD="ON_OR_AFTER"): "1994 or later"
        r"(?:\s+(?:and\s+beyond|or\s+later|or\s+earlier|or\s+before))?",
    ),
    _rule(
        "set",
        rf"(?:every|each)\s+(?:other\s+)?(?:{UNIT}|{MONTH}|{SEASON})|"
        + alternation(words.SET_ADVERBS)
        + rf"|(?:once|twice|three\s+times|{NUMBER}\s+times)\s+(?:a|an|per|each)\s+{UNIT}"
        rf"|(?:per)\s+{UNIT}",
    ),
    _rule(
        "holiday",
        # "Easter week": the calendar week that holds the day (first: alternation is ordered)
        rf"{alternation(words.HOLIDAY_WEEKS)}\s+week"
        rf"|(?:(?:last|next|this)\s+)?{alternation(words.NAMED_DAYS)}",
    ),
    _rule(
        "vague",
        # "the then current price": the present of a past moment; "more recently" compares
        r"then(?:\s+|-)current|(?:more|most)\s+recently"
        r"|now|currently|nowadays|these\s+days|recently|lately|previously|formerly|soon"
        r"|the\s+(?:near\s+|foreseeable\s+|distant\s+)?future|the\s+past|a\s+later\s+date"
        r"|(?:the\s+)?(?:coming|recent|future)\s+(?:weeks|months|quarters|years|days|decades)"
        r"|the\s+(?:near|short)\s+term|recent|current|future"
        r"|(?:quite\s+)?a\s+(?:little\s+|long\s+|short\s+)?while(?:\s+(?:ago|back))?"
        # "at this crucial moment": now; "for a fairly lengthy period": a length of no unit
        r"|this\s+(?:[a-z]+\s+)?moment"
        rf"|an?\s+(?:{alternation(words.DEGREE_WORDS)}\s+)?{alternation(words.LENGTH_ADJECTIVES)}"
        rf"\s+{alternation(words.LENGTH_NOUNS)}(?:\s+of\s+time)?",
    ),
    _rule(
        "bare_units",
        r"(?:the\s+)?(?:years|months|weeks|days|decades|centuries|hours|minutes)(?:\s+ahead)?",
    ),
)


# Words that are names, capitalised in running text: a match containing one in lower case
# ("may", "march", "christmas tree"... ) is not a time.
NAME_WORDS: frozenset[str] = frozenset(
    {*words.MONTHS, *words.WEEKDAYS, *(f"{day}s" for day in words.WEEKDAYS)}
    | {
        word
        for name in words.NAMED_DAYS
        for word in name.split()
        if word not in words.NAMED_DAY_COMMON_WORDS
    }
)
NAME_WORD = re.compile(r"[a-z]+(?:'s)?", re.IGNORECASE)


def lowered(text: str) -> str:
    """The text in lower case with the same length (so offsets carry over): characters whose
    lower case is longer ("İ") stay as they are."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def names_capitalised(extent: str) -> bool:
    """Whether every month, weekday or holiday name in the extent is capitalised."""
    return all(
        word[0].isupper()
        for word in NAME_WORD.findall(extent)
        if word.lower() in NAME_WORDS and word.lower() != "year's"
    )
