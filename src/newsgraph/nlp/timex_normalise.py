"""TIMEX3 type and value of a found expression, resolved against the publication date.

`normalise(kind, text, context)` reads the words of the extent again (the grammar's `kind` says
which reading applies) and returns `(type, value)`, or None when the words make no time after
all. Relative expressions resolve against `Context.anchor`; without one they stay
underspecified (`XXXX-09-11`, `XXXX-WXX-1`) rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.nlp import timex_calendar as cal
from newsgraph.nlp.lang.en import times as words
from newsgraph.nlp.timex_calendar import Direction
from newsgraph.nlp.timex_units import parse_quantity, parse_spoken_year, unit_of
from newsgraph.records import TimeType

Value = tuple[TimeType, str]

WORD = re.compile(r"[a-z]+(?:'s)?|\d+(?::\d\d)?", re.IGNORECASE)
YEAR_DIGITS = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
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
ISO_FORM = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
SLASH_FORM = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
DECADE_DIGITS = re.compile(r"(\d{3})0'?s|'(\d)0s")
CENTURY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)|([a-z]+(?:-[a-z]+)?)[\s-]+century", re.I)
QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip
PERIOD_PREFIXES = ("year-ago", "year-earlier", "a year ago", "a year earlier", "comparable",
                   "corresponding", "last year's", "same")  # fmt: skip


@dataclass
class Discourse:
    """What earlier expressions of the article established: the last quarter talked about,
    which "a year ago" and "the year-earlier period" in earnings reports refer back to."""

    quarter: tuple[int, int] | None = None  # (year, quarter)


@dataclass
class Context:
    anchor: dt.date | None
    direction: Direction = None
    discourse: Discourse = field(default_factory=Discourse)
    after: str = ""  # the words just after the expression ("ended Sept. 30")


def tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _explicit_year(text: str) -> int | None:
    match = YEAR_DIGITS.search(text)
    if match:
        return int(match[1])
    return parse_spoken_year(text)


def _month_in(lower: list[str]) -> int | None:
    for word in lower:
        if word in words.MONTHS:
            return words.MONTHS[word]
    return None


def _weekday_in(lower: list[str]) -> int | None:
    for word in lower:
        if word.rstrip("s") in words.WEEKDAYS or word in words.WEEKDAYS:
            return words.WEEKDAYS.get(word, words.WEEKDAYS.get(word.rstrip("s"), 0))
    return None


def _part_of_day(lower: list[str]) -> str | None:
    for word in lower:
        key = word.rstrip("s") if word.endswith("s") and word[:-1] in words.PARTS_OF_DAY else word
        if key in words.PARTS_OF_DAY and key not in ("tonight",):
            return words.PARTS_OF_DAY[key]
    return None


def _shift_word(lower: list[str]) -> int:
    """-1 for "last"/"past"/"previous", +1 for "next"/"coming", 0 otherwise ("this")."""
    for word in lower:
        if word in ("last", "past", "previous", "preceding"):
            return -1
        if word in ("next", "coming", "following", "upcoming"):
            return 1
    return 0


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
    weekday = _weekday_in(lower)
    if weekday is not None and context.anchor is not None:
        return cal.day_value(cal.resolve_weekday(context.anchor, weekday, context.direction))
    month = _month_in(lower)
    if month is not None:
        dated = normalise_month_day(text, context)
        return dated[1] if dated else None
    return cal.day_value(context.anchor) if context.anchor else None


def normalise_iso_date(text: str, context: Context) -> Value | None:
    match = ISO_FORM.fullmatch(text)
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
    month = _month_in(lower)
    days = [int(m[1]) for m in DAY_DIGITS.finditer(YEAR_DIGITS.sub(" ", text))]
    if month is None or not days or not 1 <= days[0] <= 31:
        return None
    day = days[0]
    year = _explicit_year(text)
    if year is None and context.anchor is not None and "year" in lower:
        year = context.anchor.year + _shift_word(lower)  # "September 11 this year"
    weekday = _weekday_in(lower)
    if year is None and context.anchor is not None and weekday is not None:
        year = _year_of_weekday(context.anchor, month, day, weekday)  # "Monday, Oct. 26"
    if year is None and context.anchor is not None:
        year = cal.resolve_day_year(context.anchor, month, day, context.direction)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    date = cal.safe_date(year, month, day)
    return ("DATE", cal.day_value(date)) if date else None


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
    month = _month_in(lower)
    if month is None:
        return None
    year = _explicit_year(text)
    anchor = context.anchor
    if year is None and anchor is not None:
        if "year" in lower:  # "January this year", "June last year"
            year = anchor.year + _shift_word(lower)
        elif "this" in lower:
            year = anchor.year
        else:
            year = cal.resolve_month_year(anchor, month, context.direction, _shift_word(lower))
    return "DATE", cal.month_value(year, month) if year is not None else f"XXXX-{month:02d}"


def normalise_weekday(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    weekday = _weekday_in(lower)
    if weekday is None:
        return None
    part = _part_of_day(lower)
    suffix = f"T{part}" if part else ""
    if context.anchor is None:
        return "DATE", f"XXXX-WXX-{weekday}{suffix}"
    shift = -1 if "last" in lower else 1 if ("next" in lower) else 0
    direction = "past" if "past" in lower else "future" if "coming" in lower else context.direction
    day = cal.resolve_weekday(context.anchor, weekday, direction, shift)
    return "DATE", cal.day_value(day) + suffix


def normalise_weekday_set(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    weekday = _weekday_in(lower)
    part = _part_of_day(lower)
    if weekday is None:
        return None
    return "SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")


def normalise_day_word(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    part = _part_of_day(lower) or ("NI" if "tonight" in lower or "overnight" in lower else None)
    if "afternoon" in text.lower() and part is None:
        part = "AF"
    offset = 0
    for word, days in words.DAY_OFFSETS.items():
        if word in lower:
            offset = days
    if "last" in lower and part == "NI":
        offset = -1
    weekday = _weekday_in(lower)
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


def _quarter_number(lower: list[str], text: str) -> tuple[str, int] | None:
    """("Q", 3) for "third quarter", ("H", 1) for "first half"; None for "the quarter"."""
    letter = "H" if "half" in lower else "Q"
    for word in re.split(r"[\s-]+", text.lower()):
        if word in QUARTER_WORDS:
            return letter, QUARTER_WORDS[word]
    if letter == "H" and "last" in lower:
        return "H", 2
    return None


def normalise_quarter(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    anchor = context.anchor
    if "period" in lower and "quarter" not in lower and (year := _explicit_year(text)):
        return "DATE", str(year)
    numbered = _quarter_number(lower, text)
    backward = any(prefix in text.lower() for prefix in PERIOD_PREFIXES)
    year = _explicit_year(text)
    if year is None and anchor is not None:
        year = anchor.year + (1 if "next" in lower and "year's" in lower else 0)
    if numbered is None:
        known = None if "latest" in lower else context.discourse.quarter
        if known is None and anchor is not None:
            known = cal.shift_months(anchor.year, (cal.quarter_of(anchor.month) - 1) * 3 + 1, -3)
            known = (known[0], cal.quarter_of(known[1]))
        if known is None:
            return "DATE", "XXXX-QX"
        numbered = ("Q", known[1])
        year = known[0] if year is None or not _explicit_year(text) else year
    letter, number = numbered
    if year is None:
        return "DATE", f"XXXX-{letter}{number}"
    # A quarter that has not begun yet is last year's, unless the clause announces it.
    not_begun = anchor is not None and (number - 1) * 3 + 1 > anchor.month
    implicit = letter == "Q" and _explicit_year(text) is None
    if not_begun and implicit and context.direction != "future":
        year -= 1
    if backward:
        year -= 1
    if letter == "Q" and not backward and (anchor is None or year <= anchor.year):
        context.discourse.quarter = (year, number)
    return "DATE", f"{year:04d}-{letter}{number}"


def normalise_ago(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    sign = 1 if ("later" in lower or "now" in lower) else -1
    if "-" in text and "year" in lower and len(lower) <= 3:  # "year-ago", "the year-earlier"
        return _year_back(context)
    parsed = unit_of(lower)
    if parsed is None:
        return None
    unit, _ = parsed
    amount = parse_quantity(text)
    anchor = context.anchor
    if amount is None or anchor is None:
        if amount is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        return "DATE", "XXXX"
    if unit == "year" and amount == 1 and sign < 0:
        return _year_back(context)
    return "DATE", _shifted(anchor, unit, sign * amount)


def _year_back(context: Context) -> Value | None:
    """ "a year ago"/"year-earlier": in an earnings report, the same quarter a year before."""
    known = context.discourse.quarter
    if known is not None:
        return "DATE", f"{known[0] - 1:04d}-Q{known[1]}"
    anchor = context.anchor
    return "DATE", f"{anchor.year - 1:04d}" if anchor else "XXXX"


def _shifted(anchor: dt.date, unit: str, amount: float) -> str:
    whole = int(amount)
    if unit in ("day", "night"):
        return cal.day_value(anchor + dt.timedelta(days=whole))
    if unit in ("week", "weekend", "fortnight"):
        return cal.week_value(
            anchor + dt.timedelta(weeks=whole * (2 if unit == "fortnight" else 1))
        )
    if unit == "month":
        return cal.month_value(*cal.shift_months(anchor.year, anchor.month, whole))
    if unit == "quarter":
        year, month = cal.shift_months(anchor.year, anchor.month, 3 * whole)
        return f"{year:04d}-Q{cal.quarter_of(month)}"
    if unit in ("hour", "minute", "second"):
        return cal.day_value(anchor)
    factor = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit, 1)
    return f"{anchor.year + whole * factor:04d}"


def normalise_relative(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    anchor = context.anchor
    if ("end" in lower and "year" in lower) or "year-end" in text.lower() or "year's" in lower:
        return "DATE", f"{anchor.year:04d}" if anchor else "XXXX"
    season = next((words.SEASONS[w] for w in lower if w in words.SEASONS), None)
    if season is not None:
        return _season(lower, season, context)
    parsed = unit_of(lower)
    if parsed is None:
        return None
    unit, _ = parsed
    shift = _shift_word(lower)
    if unit == "year" and lower[0] == "the" and context.after.startswith(("ended", "ending")):
        return "DURATION", "P1Y"  # "the year ended March 31": a reporting period
    if anchor is None:
        return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(
            unit, "XXXX"
        )
    if unit == "weekend":
        return "DATE", _weekend(anchor, shift, context.direction)
    if unit == "decade":
        return "DATE", str(anchor.year // 10 + shift)
    if unit == "century":
        return "DATE", str(anchor.year // 100 + shift)
    if unit == "quarter" and shift == 0 and "this" not in lower and "current" not in lower:
        return normalise_quarter(text, context)
    return "DATE", _shifted(anchor, unit, shift)


def _weekend(anchor: dt.date, shift: int, direction: Direction) -> str:
    # Monday to Friday, "the weekend" of a past-tense clause is the one just gone.
    if shift < 0 or (shift == 0 and direction != "future" and anchor.isoweekday() < 6):
        anchor -= dt.timedelta(days=7)
    elif shift > 0 and anchor.isoweekday() >= 6:
        anchor += dt.timedelta(days=7)
    return cal.week_value(anchor) + "-WE"


def _season(lower: list[str], season: str, context: Context) -> Value:
    """ "last fall" is the previous year's; "this summer" and a bare season the anchor's."""
    year = _explicit_year(" ".join(lower))
    anchor = context.anchor
    if year is None and anchor is not None:
        year = anchor.year + _shift_word(lower)
        if season == "WI" and anchor.month <= 2:
            year -= 1  # the winter that began in December
    return "DATE", f"{year:04d}-{season}" if year is not None else f"XXXX-{season}"


def normalise_duration(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    parsed = unit_of(lower)
    if parsed is None:
        return None
    unit, (letter, is_time) = parsed
    amount = parse_quantity(text)
    if unit == "decade":
        letter, amount = "Y", None if amount is None else amount * 10
        if amount is None:
            return "DURATION", "PXE"
    elif unit in ("century", "centuries"):
        letter, amount = "Y", None if amount is None else amount * 100
        if amount is None:
            return "DURATION", "PXC"
    elif unit == "fortnight":
        letter, amount = "W", None if amount is None else amount * 2
    elif unit == "weekend":
        letter, amount = "D", None if amount is None else amount * 2
    return "DURATION", cal.duration_value(amount, letter, is_time)


def normalise_season(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    season = next((words.SEASONS[w] for w in lower if w in words.SEASONS), None)
    return _season(lower, season, context) if season else None


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
    year = _explicit_year(text)
    return ("DATE", str(year)) if year else None


def normalise_set(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    for word in lower:
        if word in words.SET_ADVERBS:
            return "SET", words.SET_ADVERBS[word]
    month = _month_in(lower)
    if month is not None:
        return "SET", f"XXXX-{month:02d}"
    season = next((words.SEASONS[w] for w in lower if w in words.SEASONS), None)
    if season is not None:
        return "SET", f"XXXX-{season}"
    weekday = _weekday_in(lower)
    if weekday is not None:
        return "SET", f"XXXX-WXX-{weekday}"
    parsed = unit_of(lower)
    if parsed is None:
        return None
    _, (letter, is_time) = parsed
    step = 2 if "other" in lower else 1
    return "SET", cal.duration_value(step, letter, is_time)


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
    return "DATE", cal.day_value(cal.nearest_date(anchor, dates, direction))


def _holiday(lower: str, year: int) -> dt.date | None:
    if "thanksgiving" in lower:
        return cal.nth_weekday(year, 11, 4, 4)
    if "easter" in lower:
        return cal.easter(year)
    for name, (month, day) in words.HOLIDAYS.items():
        if name in lower:
            return dt.date(year, month, day)
    return None


def normalise_vague(text: str, context: Context) -> Value | None:
    key = " ".join(text.lower().split())
    if key in words.VAGUE_REFERENCES:
        return "DATE", words.VAGUE_REFERENCES[key]
    if "coming" in key:
        return "DATE", "FUTURE_REF"
    if "recent" in key and (parsed := unit_of(key.split())) is not None:
        return "DURATION", cal.duration_value(None, *parsed[1])  # "recent years": PXY
    if "recent" in key:
        return "DATE", "PAST_REF"
    return None


def normalise_bare_units(text: str, context: Context) -> Value | None:
    return normalise_duration(text, context)


NORMALISERS: dict[str, Callable[[str, Context], Value | None]] = {
    "clock": normalise_clock,
    "iso_date": normalise_iso_date,
    "month_day": normalise_month_day,
    "month": normalise_month,
    "weekday": normalise_weekday,
    "weekday_set": normalise_weekday_set,
    "day_word": normalise_day_word,
    "quarter": normalise_quarter,
    "ago": normalise_ago,
    "relative": normalise_relative,
    "duration": normalise_duration,
    "season": normalise_season,
    "decade": normalise_decade,
    "century": normalise_century,
    "spoken_year": normalise_spoken_year,
    "year": normalise_year,
    "set": normalise_set,
    "holiday": normalise_holiday,
    "vague": normalise_vague,
    "bare_units": normalise_bare_units,
}


def normalise(kind: str, text: str, context: Context) -> Value | None:
    """TIMEX3 (type, value) of an extent found by the grammar rule `kind`."""
    return NORMALISERS[kind](text, context)
