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
# Months that open each season, in TIMEX3's order, and the months each quarter starts on.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def parse_anchor(published: str | None) -> dt.date | None:
    """The reference date from a "YYYY-MM-DD..." string; None when it is absent or invalid."""
    if not published:
        return None
    match = ISO_DAY.match(published)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
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


def resolve_month_year(anchor: dt.date, month: int, direction: Direction, shift: int = 0) -> int:
    """The year of a month named without one ("in March", "last June", "next May")."""
    if shift < 0 or direction == "past":
        return anchor.year if month <= anchor.month - (1 if shift < 0 else 0) else anchor.year - 1
    if shift > 0 or direction == "future":
        return anchor.year if month >= anchor.month + (1 if shift > 0 else 0) else anchor.year + 1
    return anchor.year


def resolve_day_year(anchor: dt.date, month: int, day: int, direction: Direction) -> int:
    """The year of a day named without one ("May 1"): by the tense, else the nearest."""
    candidates = [
        (year, date)
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (date := safe_date(year, month, day)) is not None
    ]
    if not candidates:
        return anchor.year
    if direction == "past":
        past = [c for c in candidates if c[1] <= anchor]
        return past[-1][0] if past else anchor.year
    if direction == "future":
        future = [c for c in candidates if c[1] >= anchor]
        return future[0][0] if future else anchor.year
    return min(candidates, key=lambda c: abs((c[1] - anchor).days))[0]


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
    """A TIMEX3 duration: P3W, PT2H, PXY; halves become the next smaller unit when they can."""
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if amount != int(amount):
        smaller = {"Y": (12, "M", False), "H": (60, "M", True), "D": (24, "H", True)}.get(letter)
        if smaller is not None and (amount * smaller[0]) == int(amount * smaller[0]):
            factor, small_letter, small_time = smaller
            return duration_value(amount * factor, small_letter, small_time)
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{int(amount)}{letter}"
