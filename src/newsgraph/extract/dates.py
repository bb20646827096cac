"""Publication dates as pages print them: "Tuesday June 1st, 2021", "1 June 2021",
"2021-06-01T10:30:00Z", "01.06.2021", "06/01/2021 10:30 AM EST".

`find_dates` gives every date in a text with its span and its possible readings; a numeric date
such as 03/04/2021 has two readings until a weekday or another date on the same page decides
(`resolve_dates`), or, last, the page's locale (`day_first_in`: en-US writes the month first,
en-GB and fr the day). `parse_date` is the one-call form for a single date string (an HTML
meta tag, a feed entry). Nothing is guessed: an undecided date has no `value`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from newsgraph.lang.en import page as en

DateLabel = Literal["published", "updated"]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so "sept" wins over "sep"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_WEEKDAY = rf"(?:(?P<weekday>{_alternation(en.WEEKDAYS)})\.?,?\s+(?:the\s+)?)?"
_MONTH = rf"(?P<month>{_alternation(en.MONTHS)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# "Tuesday June 1st, 2021", "Jun. 1 2021", "June 1, 2021"
MONTH_FIRST = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
# "1 June 2021", "Tuesday, 1st of June, 2021"
DAY_FIRST = re.compile(rf"\b{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
# "2021-06-01", "2021-06-01T10:30:00+02:00", "2021/06/01", "2015-07-10 09:53:00 -0400"
ISO_DATE = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
    r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
    r"(?P<tz>Z|\s?[+-]\d\d:?\d\d)?)?(?![\d:])"
)
# "01.06.2021" (day first, as everywhere dots are used), "06/01/2021", "6-1-2021" (either).
NUMERIC_DATE = re.compile(
    rf"\b{_WEEKDAY}(?P<first>[0-3]?\d)(?P<sep>[./-])(?P<second>[0-3]?\d)(?P=sep){_YEAR}"
    r"\b(?![.-]\d)",
    re.IGNORECASE,
)
# "10:30 AM EST", "14:05 GMT", "9.15pm", "10:30" right after (or before) a date.
_TIME = (
    r"(?P<hour>[01]?\d|2[0-3])(?:(?P<colon>:)|\.)(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?(?:\s*(?P<tz>(?-i:[A-Z]{1,4}T|UTC|GMT|Z)|[+-]\d\d:?\d\d)\b)?"
)
# "Fri Mar 13 21:30:09 EST 2015": the Unix `date` form, found in some sites' meta tags.
CLOCK_BEFORE_YEAR = re.compile(
    rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\s+{_TIME}\s+{_YEAR}\b", re.IGNORECASE
)
TIME_AFTER = re.compile(rf"(?:\s*(?:,|at|@|-|–|—|\||/)?\s*){_TIME}", re.IGNORECASE)
TIME_BEFORE = re.compile(rf"{_TIME}\s*(?:,|on|-|–|—|\|)?\s*$", re.IGNORECASE)
WEEKDAY_WORD = re.compile(rf"\b({_alternation(en.WEEKDAYS)})\b", re.IGNORECASE)
CONTEXT_REACH = 30  # characters around a date searched for its time, label or weekday
LABEL_BEFORE = re.compile(
    rf"\b(?P<label>{_alternation(en.PUBLISHED_LABELS + en.UPDATED_LABELS)})"
    r"(?:\s+(?:on|at))?\s*:?\s*$",
    re.IGNORECASE,
)

# Offsets of time zone abbreviations; the US "ET"-style ones depend on daylight saving time.
ZONE_OFFSETS = {
    "Z": 0,
    "UTC": 0,
    "GMT": 0,
    "WET": 0,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "AST": -240,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "JST": 540,
    "KST": 540,
    "AEST": 600,
}
US_ZONES = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}

# The order of numeric dates by locale (CLDR short date formats). Month first: the United
# States and the places that follow its usage; the Philippines; Panama.
MONTH_FIRST_REGIONS = frozenset({"us", "as", "gu", "mh", "mp", "pr", "um", "vi", "ph", "pa"})
# Canada prints both orders (and ISO); English without a region may be either.
MIXED_ORDER_REGIONS = frozenset({"ca"})
MIXED_ORDER_LANGUAGES = frozenset({"en"})
# Languages whose own numeric dates put the year first: a date with the year last on their
# pages says nothing about the order of day and month.
YEAR_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "hu", "lt", "fa", "mn", "eu", "si", "ne"})
LOCALE = re.compile(
    r"^(?P<language>[a-z]{2,3})(?:[-_](?:[a-z]{4}[-_])?(?P<region>[a-z]{2}|\d{3}))?\b"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text. `readings` holds every date the digits allow (two for an
    undecided 03/04/2021); `value` is None until exactly one is left."""

    start: int  # the date (and any time printed with it)
    end: int
    text: str
    readings: tuple[dt.date, ...]
    weekday: int | None = None  # as printed, Monday = 0
    clock: str | None = None  # "T10:30:00-05:00", appended to the date in `value`
    label: DateLabel | None = None  # "Updated June 2, 2021" -> "updated"
    label_start: int | None = None  # where a label such as "Posted on" begins

    @property
    def value(self) -> str | None:
        if len(self.readings) != 1:
            return None
        return self.readings[0].isoformat() + (self.clock or "")

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1


def parse_date(text: str, *, day_first: bool | None = None) -> str | None:
    """The first date in `text` as "YYYY-MM-DD" (or a full ISO timestamp when a time is
    given); a published date wins over an updated one. None when there is none or it is
    undecidable. `day_first` is the order numeric dates follow where it is known (a locale)."""
    matches = resolve_dates(find_dates(text), day_first=day_first)
    return choose_published(matches)


def choose_published(matches: list[DateMatch]) -> str | None:
    """The publication date among resolved matches: labelled published first, then the first
    unlabelled one, then an updated one rather than nothing."""
    for wanted in ("published", None, "updated"):
        for match in matches:
            if match.label == wanted and match.value:
                return match.value
    return None


def find_dates(text: str) -> list[DateMatch]:
    """Every date in `text`, in order, without overlaps (the longest match wins)."""
    found: list[DateMatch] = []
    for pattern, reader in _READERS:
        for found_match in pattern.finditer(text):
            date = reader(found_match)
            if date is not None:
                found.append(date)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMatch] = []
    for date in found:
        if not kept or date.start >= kept[-1].end:
            kept.append(_with_context(text, date))
    return kept


def resolve_dates(matches: list[DateMatch], *, day_first: bool | None = None) -> list[DateMatch]:
    """Decide ambiguous numeric dates with evidence from the same page: a printed weekday
    (already applied), a written-out or ISO date equal to one reading, the order that another
    numeric date proves (a part above 12), else `day_first`, the order of the page's locale
    when it is known. Undecided ones stay without a value."""
    page_order = _page_order(matches)
    day_first = page_order if page_order is not None else day_first
    written = {m.readings[0] for m in matches if len(m.readings) == 1}
    resolved: list[DateMatch] = []
    for match in matches:
        if match.ambiguous:
            agreeing = tuple(r for r in match.readings if r in written)
            if len(agreeing) == 1:
                match = replace(match, readings=agreeing)
            elif day_first is not None:
                match = replace(match, readings=(match.readings[1 if day_first else 0],))
        resolved.append(match)
    return resolved


def day_first_in(locale: str | None) -> bool | None:
    """Whether numeric dates are day first ("en-GB", "fr", "de_DE") or month first ("en-US",
    "en_PH") in a locale such as an HTML `lang` attribute gives; None when it may be either."""
    found = LOCALE.match((locale or "").strip().lower())
    if found is None or found["language"] in YEAR_FIRST_LANGUAGES:
        return None
    region = found["region"]
    if region in MONTH_FIRST_REGIONS:
        return False
    if region in MIXED_ORDER_REGIONS or (
        region is None and found["language"] in MIXED_ORDER_LANGUAGES
    ):
        return None
    return True


def _page_order(matches: list[DateMatch]) -> bool | None:
    """True when the page's slash dates are day-first, False when month-first, else None."""
    for match in matches:
        numbers = NUMERIC_DATE.fullmatch(match.text.split(" ")[-1])
        if match.ambiguous or numbers is None or numbers["sep"] == ".":
            continue
        first, second = int(numbers["first"]), int(numbers["second"])
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    return None


def _read_named(found: re.Match[str]) -> DateMatch | None:
    date = _make_date(int(found["year"]), en.MONTHS[found["month"].lower()], int(found["day"]))
    return _match(found, (date,) if date else ())


def _read_iso(found: re.Match[str]) -> DateMatch | None:
    date = _make_date(int(found["year"]), int(found["month"]), int(found["day"]))
    if date is None:
        return None
    clock = None
    if found["hour"]:
        zone = found["tz"].lstrip() if found["tz"] else None
        clock = _clock(date, int(found["hour"]), found["minute"], found["second"], zone)
    return DateMatch(found.start(), found.end(), found.group(), (date,), clock=clock)


def _read_clock_before_year(found: re.Match[str]) -> DateMatch | None:
    date = _read_named(found)
    if date is None or not _is_time(found):
        return None
    return replace(date, clock=_clock_of(date.readings[0], found))


def _read_numeric(found: re.Match[str]) -> DateMatch | None:
    year, first, second = int(found["year"]), int(found["first"]), int(found["second"])
    day_first = _make_date(year, second, first)
    month_first = _make_date(year, first, second)
    # Dotted dates are day-first wherever they are printed; slashed ones may be either, and
    # the month-first reading comes first (`resolve_dates` relies on this order).
    both = (day_first,) if found["sep"] == "." else (month_first, day_first)
    readings = tuple(dict.fromkeys(d for d in both if d))
    return _match(found, readings)


def _match(found: re.Match[str], readings: tuple[dt.date, ...]) -> DateMatch | None:
    weekday = en.WEEKDAYS[found["weekday"].lower()] if found["weekday"] else None
    if weekday is not None:
        # A printed weekday decides between readings; a misprinted one decides nothing.
        readings = tuple(r for r in readings if r.weekday() == weekday) or readings
    if not readings:
        return None
    return DateMatch(found.start(), found.end(), found.group(), readings, weekday=weekday)


_READERS = (
    (CLOCK_BEFORE_YEAR, _read_clock_before_year),
    (MONTH_FIRST, _read_named),
    (DAY_FIRST, _read_named),
    (ISO_DATE, _read_iso),
    (NUMERIC_DATE, _read_numeric),
)


def _with_context(text: str, date: DateMatch) -> DateMatch:
    """Attach a time printed after or before the date, and a label such as "Updated"."""
    date = _weekday_nearby(text, date)
    start, end, clock = date.start, date.end, date.clock
    if clock is None and len(date.readings) == 1:
        after = TIME_AFTER.match(text, date.end)
        before = TIME_BEFORE.search(text[max(0, date.start - CONTEXT_REACH) : date.start])
        if after and _is_time(after):
            clock = _clock_of(date.readings[0], after)
            end = after.end()
        elif before and _is_time(before):
            clock = _clock_of(date.readings[0], before)
            start = max(0, date.start - CONTEXT_REACH) + before.start()
    label = LABEL_BEFORE.search(text[max(0, start - CONTEXT_REACH) : start])
    kind: DateLabel | None = None
    label_start = None
    if label:
        kind = "updated" if label["label"].lower() in en.UPDATED_LABELS else "published"
        label_start = max(0, start - CONTEXT_REACH) + label.start()
    return replace(
        date, start=start, end=end, text=text[start:end], clock=clock, label=kind,
        label_start=label_start,
    )  # fmt: skip


def _weekday_nearby(text: str, date: DateMatch) -> DateMatch:
    """ "Tuesday | 06/01/2021": a weekday printed near an undecided date decides it."""
    if not date.ambiguous:
        return date
    near = text[max(0, date.start - CONTEXT_REACH) : date.end + CONTEXT_REACH]
    weekdays = {en.WEEKDAYS[w.lower()] for w in WEEKDAY_WORD.findall(near)}
    readings = tuple(r for r in date.readings if r.weekday() in weekdays)
    return replace(date, readings=readings) if len(readings) == 1 else date


def _is_time(found: re.Match[str]) -> bool:
    """A colon, am/pm or a zone: "2021 12.5" is not a time, "10.32 BST" is."""
    return bool(found["colon"] or found["ampm"] or found["tz"])


def _clock_of(date: dt.date, found: re.Match[str]) -> str | None:
    hour = int(found["hour"])
    if found["ampm"]:
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if found["ampm"].lower() == "p" else 0)
    return _clock(date, hour, found["minute"], found["second"], found["tz"])


def _clock(date: dt.date, hour: int, minute: str, second: str | None, zone: str | None) -> str:
    """ "T10:30:00" plus an offset when the zone is known."""
    clock = f"T{hour:02d}:{minute}:{second or '00'}"
    offset = _zone_offset(date, zone.upper()) if zone else None
    if offset is None:
        return clock
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset), 60)
    return f"{clock}{sign}{hours:02d}:{minutes:02d}"


def _zone_offset(date: dt.date, zone: str) -> int | None:
    """Minutes east of UTC for a zone abbreviation or a printed offset."""
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        return minutes if zone[0] == "+" else -minutes
    if zone in US_ZONES:
        return US_ZONES[zone] + (60 if _us_summer_time(date) else 0)
    return ZONE_OFFSETS.get(zone)


def _us_summer_time(date: dt.date) -> bool:
    """US daylight saving time: second Sunday of March to first Sunday of November."""
    start = _nth_sunday(date.year, 3, 2)
    end = _nth_sunday(date.year, 11, 1)
    return start <= date < end


def _nth_sunday(year: int, month: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
