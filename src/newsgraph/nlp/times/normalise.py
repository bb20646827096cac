"""TIMEX3 type and value of a found expression, resolved against the publication date.

`normalise(kind, text, context)` reads the words of the extent again (the grammar's `kind` says
which reading applies) and returns `(type, value)`, or None when the words make no time after
all. This module values calendar names (days, months, years, clock times, holidays); periods
relative to the reference date (quarters, "ago", "last week", durations, sets, vague words) are
in `periods`. Relative expressions resolve against `Context.anchor`; without one they
stay underspecified (`XXXX-09-11`, `XXXX-WXX-1`) rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from newsgraph.lang.en import times as words
from newsgraph.nlp.times import calendar as cal
from newsgraph.nlp.times.context import (
    YEAR_DIGITS,
    Context,
    Value,
    explicit_year,
    month_in,
    part_of_day,
    shift_word,
    tokens,
    weekday_in,
)
from newsgraph.nlp.times.grammar import PART_OF_DAY, WEEKDAY
from newsgraph.nlp.times.periods import (
    normalise_ago,
    normalise_anaphoric,
    normalise_duration,
    normalise_quarter,
    normalise_relative,
    normalise_season,
    normalise_set,
    normalise_someday,
    normalise_story_part_of_day,
    normalise_vague,
)
from newsgraph.nlp.times.units import parse_spoken_year

DAY_DIGITS = re.compile(r"(?<![\d:])(\d{1,2})(?:st|nd|rd|th)?(?![\d:])")
CLOCK_PARTS = re.compile(
    r"(\d{1,2})(?::(\d\d))?\s*(a\.?m\b\.?|p\.?m\b\.?|am\b|pm\b|in\s+the\s+(morning|afternoon|evening))?",
    re.IGNORECASE,
)
CLOCK_WORDS = re.compile(
    r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\b\.?|in\s+the\s+\w+)|\d{1,2}:\d\d|noon|midnight|midday"
    r"|\w+\s+o'clock",
    re.IGNORECASE,
)
# After a weekday, a second one whose plural part of the day both share ("Monday and Tuesday
# nights"): the words after the expression, lower-cased.
SHARED_PLURAL_PART = re.compile(rf"(?:and|or)\s+{WEEKDAY}\s+(?P<part>{PART_OF_DAY})s\b")
SLASH_FORM = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
# "day in 2011", "morning of 1998": the noun a month modifies, then the year it falls in.
YEAR_OF_PHRASE = re.compile(r"(?:[a-z]+\s+){1,2}(?:in|of)\s+(?P<year>1[5-9]\d\d|20\d\d)\b")
DECADE_DIGITS = re.compile(r"(\d{3})0'?s|'(\d)0s")
CENTURY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)|([a-z]+(?:-[a-z]+)?)[\s-]+century", re.I)
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

WEEK_OF = re.compile(r"the\s+week(?:end)?\s+of\s+", re.IGNORECASE)


def normalise_clock(text: str, context: Context) -> Value | None:
    lower = text.lower()
    if "noon" in lower or "midday" in lower:
        clock = "12:00"
    elif "midnight" in lower:
        clock = "24:00"
    else:
        match = CLOCK_PARTS.search(text)
        if match is None:
            return None
        hour, minute = int(match[1]), int(match[2] or 0)
        marker = (match[3] or "").lower()
        if marker.startswith("p") or marker.endswith(("afternoon", "evening")):
            hour = hour + 12 if hour < 12 else hour
        elif marker.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    day = _day_of(CLOCK_WORDS.sub(" ", text), context)
    return "TIME", f"{day or 'XXXX-XX-XX'}T{clock}"


def _day_of(text: str, context: Context) -> str | None:
    """The day a clock time is on: a named day in the extent, else the reference date."""
    lower = tokens(text)
    for word, offset in words.DAY_OFFSETS.items():
        if word in lower and context.anchor is not None:
            return cal.day_value(context.anchor + dt.timedelta(days=offset))
    weekday = weekday_in(lower)
    if weekday is not None and context.anchor is not None:
        return cal.day_value(cal.resolve_weekday(context.anchor, weekday, context.direction))
    month = month_in(lower)
    if month is not None:
        dated = normalise_month_day(text, context)
        return dated[1] if dated else None
    return cal.day_value(context.anchor) if context.anchor else None


def normalise_iso_date(text: str, context: Context) -> Value | None:
    match = cal.ISO_DAY.fullmatch(text)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif slash := SLASH_FORM.fullmatch(text):
        month, day, year = int(slash[1]), int(slash[2]), int(slash[3])
        year = year + (1900 if year >= 50 else 2000) if year < 100 else year
    else:
        return None
    date = cal.safe_date(year, month, day)
    return ("DATE", cal.day_value(date)) if date else None


def normalise_month_day(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    month = month_in(lower)
    days = [int(m[1]) for m in DAY_DIGITS.finditer(YEAR_DIGITS.sub(" ", text))]
    if month is None or not days or not 1 <= days[0] <= 31:
        return None
    day = days[0]
    year = explicit_year(text)
    if year is None and context.anchor is not None and "year" in lower:
        year = context.anchor.year + shift_word(lower)  # "September 11 this year"
    weekday = weekday_in(lower)
    if year is None and context.anchor is not None and weekday is not None:
        year = _year_of_weekday(context.anchor, month, day, weekday)  # "Monday, Oct. 26"
    if year is None and context.anchor is not None:
        reach = cal.PAST_REACH_DAYS if context.simple_past else cal.DIRECTION_REACH_DAYS
        year = cal.resolve_day_year(context.anchor, month, day, context.direction, reach)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    date = cal.safe_date(year, month, day)
    return ("DATE", cal.day_value(date)) if date else None


def normalise_week_of(text: str, context: Context) -> Value | None:
    """ "the week of March 6" is the ISO week that holds March 6 ("2000-W10"); "the weekend
    of" that week's weekend. The day's year is found as for the day alone."""
    named_day = WEEK_OF.sub("", text, count=1)
    dated = normalise_month_day(named_day, context)
    day = cal.parse_anchor(dated[1]) if dated and cal.ISO_DAY.fullmatch(dated[1]) else None
    if day is None:
        return None
    weekend = "-WE" if text.lower().split()[1].startswith("weekend") else ""
    return "DATE", cal.week_value(day) + weekend


def _year_of_weekday(anchor: dt.date, month: int, day: int, weekday: int) -> int | None:
    """The year near the anchor in which that day fell on that weekday, if exactly one."""
    years = [
        year
        for year in range(anchor.year - 1, anchor.year + 2)
        if (date := cal.safe_date(year, month, day)) and date.isoweekday() == weekday
    ]
    return years[0] if len(years) == 1 else None


def normalise_month(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    month = month_in(lower)
    if month is None:
        return None
    year = explicit_year(text) or _year_after(context.after)
    anchor = context.anchor
    if year is None and anchor is not None:
        if "year" in lower:  # "January this year", "June last year"
            year = anchor.year + shift_word(lower)
        elif "this" in lower:
            year = anchor.year
        else:
            reach = cal.PAST_REACH_MONTHS if context.simple_past else cal.DIRECTION_REACH_MONTHS
            year = cal.resolve_month_year(
                anchor, month, context.direction, shift_word(lower), reach
            )
    return "DATE", cal.month_value(year, month) if year is not None else f"XXXX-{month:02d}"


def _year_after(after: str) -> int | None:
    """The year of the noun phrase a month stands in: "a January day in 2011"."""
    match = YEAR_OF_PHRASE.match(after)
    return int(match["year"]) if match else None


def normalise_range_end(text: str, context: Context) -> Value | None:
    """The last year of a range ("1957-58", "2009-2010"): the first year is the date just
    named; "58" takes its century, the next one when the range crosses it ("1998-01")."""
    digits = text.strip()
    if len(digits) == 4:
        return "DATE", digits
    first = context.discourse.date
    if first is None or not first[:4].isdigit():
        return None
    year = int(first[:2] + digits)
    if year < int(first[:4]):
        year += 100
    return "DATE", str(year)


def normalise_range_day(text: str, context: Context) -> Value | None:
    """The last day of a day range ("April 24 and 25"): in the month of the range's first day
    (none when that day has no year: no publication date)."""
    first = cal.ISO_DAY.fullmatch(context.range_from or "")
    digits = DAY_DIGITS.search(text)
    if first is None or digits is None:
        return None
    day = cal.safe_date(int(first[1]), int(first[2]), int(digits[1]))
    return ("DATE", cal.day_value(day)) if day is not None else None


def normalise_weekday(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    weekday = weekday_in(lower)
    if weekday is None:
        return None
    shared = SHARED_PLURAL_PART.match(context.after)
    if shared is not None and len(lower) == 1:
        # "on Monday and Tuesday nights": Monday nights too, every week
        return "SET", f"XXXX-WXX-{weekday}T{part_of_day([shared['part']])}"
    part = part_of_day(lower)
    suffix = f"T{part}" if part else ""
    if context.anchor is None:
        return "DATE", f"XXXX-WXX-{weekday}{suffix}"
    story_day = _story_day(lower, context)
    if story_day is not None:  # "the previous Friday": the one before the story's day
        day = cal.resolve_weekday(story_day[0], weekday, None, story_day[1])
        return "DATE", cal.day_value(day) + suffix
    shift = -1 if "last" in lower else 1 if ("next" in lower) else 0
    direction = "past" if "past" in lower else "future" if "coming" in lower else context.direction
    day = cal.resolve_weekday(context.anchor, weekday, direction, shift)
    return "DATE", cal.day_value(day) + suffix


def _story_day(lower: list[str], context: Context) -> tuple[dt.date, int] | None:
    """The day the story last named and the shift from it, for a weekday counted from it
    ("the previous Friday", "the following Monday"); None for any other weekday, or when
    the story has named no day yet."""
    shifts = [words.STORY_WEEKDAY_SHIFTS[w] for w in lower if w in words.STORY_WEEKDAY_SHIFTS]
    named = context.discourse.date
    if not shifts or named is None or not cal.ISO_DAY.fullmatch(named):
        return None
    day = cal.parse_anchor(named)
    return (day, shifts[0]) if day is not None else None


def normalise_weekday_set(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    weekday = weekday_in(lower)
    part = part_of_day(lower)
    if weekday is None:
        return None
    return "SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")


def normalise_day_word(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    part = part_of_day(lower) or ("NI" if "tonight" in lower or "overnight" in lower else None)
    if "afternoon" in text.lower() and part is None:
        part = "AF"
    offset = 0
    for word, days in words.DAY_OFFSETS.items():
        if word in lower:
            offset = days
    if "last" in lower and part == "NI":
        offset = -1
    weekday = weekday_in(lower)
    anchor = context.anchor
    if anchor is None:
        day = f"XXXX-WXX-{weekday}" if weekday else "XXXX-XX-XX"
    elif weekday is not None:
        day = cal.day_value(cal.resolve_weekday(anchor, weekday, context.direction))
    else:
        day = cal.day_value(anchor + dt.timedelta(days=offset))
    if part is None:
        return "DATE", day
    return "TIME", f"{day}T{part}"


def normalise_ordinal_day(text: str, context: Context) -> Value | None:
    """ "It's the second day of the offensive": the day of the story (see `find`)."""
    anchor = context.anchor
    return "DATE", cal.day_value(anchor) if anchor is not None else "XXXX-XX-XX"


def normalise_decade(text: str, context: Context) -> Value | None:
    match = DECADE_DIGITS.search(text)
    if match:
        return "DATE", match[1] if match[1] else f"19{match[2]}"
    for word in tokens(text):
        if word in DECADE_WORDS:
            return "DATE", f"19{DECADE_WORDS[word]}"
    return None


def normalise_century(text: str, context: Context) -> Value | None:
    match = CENTURY_NUMBER.search(text)
    if match is None:
        return None
    number = int(match[1]) if match[1] else words.ORDINALS.get((match[2] or "").lower())
    return ("DATE", f"{number - 1:02d}") if number else None


def normalise_spoken_year(text: str, context: Context) -> Value | None:
    year = parse_spoken_year(text)
    return ("DATE", str(year)) if year else None


def normalise_year(text: str, context: Context) -> Value | None:
    year = explicit_year(text)
    return ("DATE", str(year)) if year else None


def normalise_holiday(text: str, context: Context) -> Value | None:
    lower = text.lower().replace("’", "'")
    anchor = context.anchor
    if anchor is None:
        return "DATE", "XXXX-XX-XX"
    dates = [
        day for year in range(anchor.year - 1, anchor.year + 2) if (day := _holiday(lower, year))
    ]
    if not dates:
        return None
    direction = "past" if "last" in lower else "future" if "next" in lower else context.direction
    day = cal.nearest_date(anchor, dates, direction)
    return "DATE", cal.week_value(day) if lower.endswith("week") else cal.day_value(day)


def _holiday(lower: str, year: int) -> dt.date | None:
    if "thanksgiving" in lower:
        return cal.nth_weekday(year, 11, 4, 4)
    if "easter" in lower:
        return cal.easter(year)
    if "election day" in lower:  # the United States': the Tuesday after November's first Monday
        return cal.nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    for name, (month, day) in words.HOLIDAYS.items():
        if name in lower:
            return dt.date(year, month, day)
    return None


NORMALISERS: dict[str, Callable[[str, Context], Value | None]] = {
    "clock": normalise_clock,
    "iso_date": normalise_iso_date,
    "month_day": normalise_month_day,
    "week_of": normalise_week_of,
    "month": normalise_month,
    "weekday": normalise_weekday,
    "weekday_set": normalise_weekday_set,
    "day_word": normalise_day_word,
    "quarter": normalise_quarter,
    "ago": normalise_ago,
    "relative": normalise_relative,
    "anaphoric": normalise_anaphoric,
    "duration": normalise_duration,
    "season": normalise_season,
    "decade": normalise_decade,
    "century": normalise_century,
    "spoken_year": normalise_spoken_year,
    "year": normalise_year,
    "range_end": normalise_range_end,
    "range_day": normalise_range_day,
    "set": normalise_set,
    "holiday": normalise_holiday,
    "vague": normalise_vague,
    "someday": normalise_someday,
    "ordinal_day": normalise_ordinal_day,
    "story_part_of_day": normalise_story_part_of_day,
    "bare_units": normalise_duration,
}


def normalise(kind: str, text: str, context: Context) -> Value | None:
    """TIMEX3 (type, value) of an extent found by the grammar rule `kind`."""
    return NORMALISERS[kind](text, context)
