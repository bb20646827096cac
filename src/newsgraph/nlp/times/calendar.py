"""Calendar arithmetic and TIMEX3 value formatting, free of any language or spaCy detail.

A `Direction` says which way an underspecified date lies from the reference date: "past" (the
clause is in the past tense), "future" ("will", "scheduled to"), or None (no signal: the
nearest occurrence, news writing's convention).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Direction = Literal["past", "future"] | None

ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
# How far the tense may pull a date away from the nearest occurrence: about eight months
# (tuned on TimeBank: news looks back further than it looks ahead).
DIRECTION_REACH_DAYS = 250
MIN_ANCHOR_YEAR, MAX_ANCHOR_YEAR = 1000, 9000
DIRECTION_REACH_MONTHS = 8
# A month or day that a simple past verb of its own governs lies back, up to a year.
PAST_REACH_MONTHS = 11
PAST_REACH_DAYS = 364


def parse_anchor(published: str | None) -> dt.date | None:
    """The reference date from a "YYYY-MM-DD..." string; None when it is absent or invalid."""
    if not published:
        return None
    match = ISO_DAY.match(published)
    if match is None:
        return None
    year = int(match[1])
    if not MIN_ANCHOR_YEAR <= year <= MAX_ANCHOR_YEAR:
        return None  # arithmetic a few years either side must stay on the calendar
    try:
        return dt.date(year, int(match[2]), int(match[3]))
    except ValueError:
        return None


def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_weekday(anchor: dt.date, weekday: int, direction: Direction, shift: int = 0) -> dt.date:
    """The date of an ISO weekday (Monday = 1) near the anchor.

    `shift` -1 ("last Friday") and +1 ("next Friday") exclude the anchor's own day; otherwise
    the direction picks the previous or the coming one (the anchor's day included), and with no
    direction the nearest one, the past winning a tie.
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if shift < 0 or (shift == 0 and direction == "past"):
        days = -(back or 7) if shift < 0 else -back
    elif shift > 0 or direction == "future":
        days = (ahead or 7) if shift > 0 else ahead
    else:
        days = -back if back <= ahead else ahead
    return anchor + dt.timedelta(days=days)


def resolve_month_year(
    anchor: dt.date,
    month: int,
    direction: Direction,
    shift: int = 0,
    reach: int = DIRECTION_REACH_MONTHS,
) -> int:
    """The year of a month named without one ("in March", "last June", "next May").

    "last" skips the month just gone ("last February" in March is a year back), "next" the
    current one; otherwise a future tense picks the coming one, a past tense the previous one
    when it is at most `reach` months back (eight; a simple past verb of its own reaches
    further), and else the nearest occurrence wins.
    """
    if shift < 0:
        return anchor.year if month <= anchor.month - 2 else anchor.year - 1
    if shift > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    back = (anchor.month - month) % 12
    ahead = (month - anchor.month) % 12
    if direction == "past" and back <= reach:
        ahead = 12
    elif direction == "future":  # "will be held in March": ahead, however far
        back = 12
    if back <= ahead:
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year if month >= anchor.month else anchor.year + 1


def resolve_day_year(
    anchor: dt.date, month: int, day: int, direction: Direction, reach: int = DIRECTION_REACH_DAYS
) -> int:
    """The year of a day named without one ("May 1"): on the side the tense says when that
    day is within `reach` days of the anchor (about eight months), else the nearest."""
    dates = [
        date
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (date := safe_date(year, month, day)) is not None
    ]
    if not dates:
        return anchor.year
    return nearest_date(anchor, dates, direction, reach).year


def nearest_date(
    anchor: dt.date,
    dates: list[dt.date],
    direction: Direction,
    reach_days: int = DIRECTION_REACH_DAYS,
) -> dt.date:
    """The date nearest the anchor, on the side of `direction` when one is near enough."""
    reach = dt.timedelta(days=reach_days)
    if direction == "past":
        past = [d for d in dates if anchor - reach <= d <= anchor]
        if past:
            return max(past)
    if direction == "future":
        future = [d for d in dates if anchor <= d <= anchor + reach]
        if future:
            return min(future)
    return min(dates, key=lambda d: abs((d - anchor).days))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_offset) // 433
    month = (h + weekday_offset - 7 * m + 90) // 25
    day = (h + weekday_offset - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth ISO weekday of a month (Thanksgiving: the 4th Thursday of November)."""
    first = dt.date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (nth - 1))


def duration_value(amount: float | None, letter: str, is_time: bool) -> str:
    """A TIMEX3 duration: P3W, PT2H, PXY; a half is spelt in the next smaller unit when there
    is one (P2Y6M, PT5H30M, PT1M30S)."""
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    whole = int(amount)
    if amount == whole:
        return f"{prefix}{whole}{letter}"
    smaller = HALF_UNITS.get((letter, is_time))
    if smaller is None:
        return f"{prefix}{amount:g}{letter}"
    half, small_letter, small_time = smaller
    part = f"{half}{small_letter}"
    if small_time and not is_time:
        return f"P{whole}{letter}T{part}" if whole else f"PT{part}"
    return f"{prefix}{whole}{letter}{part}" if whole else f"{prefix}{part}"


# Half of a unit, in the next smaller one: (letter, is_time) -> (amount, letter, is_time).
HALF_UNITS = {
    ("Y", False): (6, "M", False),
    ("M", False): (2, "W", False),
    ("D", False): (12, "H", True),
    ("H", True): (30, "M", True),
    ("M", True): (30, "S", True),
}
