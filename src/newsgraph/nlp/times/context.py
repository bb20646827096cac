"""What normalising a time expression reads besides its words: the reference date, the
direction of the clause, what the article established before; and the word readers shared by
the normalisers (`normalise`, `periods`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newsgraph.lang.en import times as words
from newsgraph.nlp.times.calendar import Direction
from newsgraph.nlp.times.units import parse_spoken_year
from newsgraph.records import TimeType

Value = tuple[TimeType, str]
WORD = re.compile(r"[a-z]+(?:'s)?|\d+(?::\d\d)?", re.IGNORECASE)
YEAR_DIGITS = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


@dataclass
class Discourse:
    """What earlier expressions of the article established: the last quarter talked about,
    which "a year ago" and "the year-earlier period" in earnings reports refer back to, and
    the last date named, which "that day" and "the following year" refer back to."""

    quarter: tuple[int, int] | None = None  # (year, quarter)
    date: str | None = None  # the last calendar date named: "that day", "the following year"
    # The last calendar date of any expression, "last year" included: "the year before".
    last_date: str | None = None


@dataclass
class Context:
    anchor: dt.date | None
    direction: Direction = None
    discourse: Discourse = field(default_factory=Discourse)
    after: str = ""  # the words just after the expression ("ended Sept. 30")
    before: str = ""  # the words just before it ("a" in "after a flat second quarter")
    # The expression hangs on a simple past verb of its own ("brought in a chief in January"):
    # the past side holds however far back the date lies.
    simple_past: bool = False
    # The day a day range opens with ("April 24" in "April 24 and 25"), as valued before any
    # shift ("the day before May 1 and 2": May), for the range's last day.
    range_from: str | None = None


def tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def explicit_year(text: str) -> int | None:
    match = YEAR_DIGITS.search(text)
    if match:
        return int(match[1])
    return parse_spoken_year(text)


def month_in(lower: list[str]) -> int | None:
    for word in lower:
        if word in words.MONTHS:
            return words.MONTHS[word]
    return None


def weekday_in(lower: list[str]) -> int | None:
    for word in lower:
        if word.rstrip("s") in words.WEEKDAYS or word in words.WEEKDAYS:
            return words.WEEKDAYS.get(word, words.WEEKDAYS.get(word.rstrip("s"), 0))
    return None


def part_of_day(lower: list[str]) -> str | None:
    for word in lower:
        key = word.rstrip("s") if word.endswith("s") and word[:-1] in words.PARTS_OF_DAY else word
        if key in words.PARTS_OF_DAY and key not in ("tonight",):
            return words.PARTS_OF_DAY[key]
    return None


def shift_word(lower: list[str]) -> int:
    """-1 for "last"/"past"/"previous", +1 for "next"/"coming", 0 otherwise ("this")."""
    for word in lower:
        if word in ("last", "past", "previous", "preceding"):
            return -1
        if word in ("next", "coming", "following", "upcoming"):
            return 1
    return 0
