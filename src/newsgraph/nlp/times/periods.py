"""TIMEX3 values of periods: quarters and halves, "ago" and "a year earlier", "last week" and
"this year", seasons, durations, sets and vague references ("now", "the coming weeks").

The functions share `normalise`'s signature (`normalise` dispatches to them by rule kind).
"""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.lang.en import times as words
from newsgraph.nlp.times import calendar as cal
from newsgraph.nlp.times.calendar import Direction
from newsgraph.nlp.times.context import (
    Context,
    Value,
    explicit_year,
    month_in,
    part_of_day,
    shift_word,
    tokens,
    weekday_in,
)
from newsgraph.nlp.times.grammar import NUMBER
from newsgraph.nlp.times.units import parse_quantity, unit_of


def _quarter_number(lower: list[str], text: str) -> tuple[str, int] | None:
    """("Q", 3) for "third quarter", ("H", 1) for "first half"; None for "the quarter"."""
    letter = "H" if "half" in lower else "Q"
    if "two" in lower and "quarters" in lower:  # "the first two quarters of 1990": a half
        return "H", 1 if "first" in lower else 2
    for word in re.split(r"[\s-]+", text.lower()):
        if words.ORDINALS.get(word, 5) <= 4:
            return letter, words.ORDINALS[word]
    if letter == "H" and "last" in lower:
        return "H", 2
    return None


def normalise_quarter(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    anchor = context.anchor
    if "period" in lower and "quarter" not in lower and (year := explicit_year(text)):
        # "the 1988 period": the quarter the report talks about, in that year; the year itself
        # when no quarter is (or after "the first nine months")
        known = context.discourse.quarter
        return "DATE", f"{year:04d}-Q{known[1]}" if known else str(year)
    numbered = _quarter_number(lower, text)
    backward = any(phrase in text.lower() for phrase in words.YEAR_BACK_PHRASES)
    if numbered is None and not backward and anchor is not None and "quarter" in lower:
        ended = _quarter_ended(context.after, anchor)
        if ended is not None:
            return "DATE", ended
    year = explicit_year(text)
    if year is None and anchor is not None:
        year = anchor.year + (1 if "next" in lower and {"year", "year's"} & set(lower) else 0)
    if numbered is None and anchor is not None and ("current" in lower or "this" in lower):
        numbered = ("Q", cal.quarter_of(anchor.month))  # "the current quarter"
    if numbered is None:
        known = None if "latest" in lower else context.discourse.quarter
        if known is None and anchor is not None:
            known = cal.shift_months(anchor.year, (cal.quarter_of(anchor.month) - 1) * 3 + 1, -3)
            known = (known[0], cal.quarter_of(known[1]))
        if known is None:
            return "DATE", "XXXX-QX"
        numbered = ("Q", known[1])
        year = known[0] if year is None or not explicit_year(text) else year
    letter, number = numbered
    if year is None:
        return "DATE", f"XXXX-{letter}{number}"
    # A quarter that has not begun yet is last year's, unless the clause announces it or the
    # phrase names its year ("the third quarter of next year", "of last year", "of this year").
    not_begun = anchor is not None and (number - 1) * 3 + 1 > anchor.month
    implicit = letter == "Q" and explicit_year(text) is None and not RELATIVE_YEAR.search(text)
    if not_begun and implicit and context.direction != "future":
        year -= 1
    if backward:
        year -= 1
    described = INDEFINITE.search(context.before) and not text.lower().endswith("-quarter")
    if letter == "Q" and not backward and not described and (anchor is None or year <= anchor.year):
        # "After a flat second quarter, ..." describes another quarter in passing: the one
        # the report is about is named definitely ("the third quarter", "third-quarter net")
        context.discourse.quarter = (year, number)
    return "DATE", f"{year:04d}-{letter}{number}"


INDEFINITE = re.compile(r"\ban?\s+$", re.IGNORECASE)  # "a flat second quarter"
# A year named from the publication date: "of next year", "last year's", "this year's".
RELATIVE_YEAR = re.compile(r"\b(?:this|last|next)\s+year\b", re.IGNORECASE)
QUARTER_END = re.compile(
    r"(?:ended|ending)\s+(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})\b", re.IGNORECASE
)


def _quarter_ended(after: str, anchor: dt.date) -> str | None:
    """ "the quarter ended July 31": the calendar quarter that holds most of the three months
    up to that day (May to July: the second), whatever number the company's fiscal year gives
    it; a numbered quarter ("its fourth quarter ended Sept. 30") keeps its own number. Not
    the quarter the report talks about: an earnings report names it by its number."""
    match = QUARTER_END.match(after)
    month = words.MONTHS.get(match["month"].lower()) if match else None
    if match is None or month is None or not 1 <= int(match["day"]) <= 31:
        return None
    year = anchor.year - (1 if month > anchor.month else 0)
    # The middle of the three months: six weeks before the end.
    middle_year, middle_month = cal.shift_months(year, month, -1 if int(match["day"]) >= 15 else -2)
    return f"{middle_year:04d}-Q{cal.quarter_of(middle_month)}"


def normalise_ago(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    sign = 1 if ("later" in lower or "now" in lower) else -1
    if "-" in text and "year" in lower and len(lower) <= 3:  # "year-ago", "the year-earlier"
        return _year_back(context)
    parsed = unit_of(lower)
    if parsed is None:
        return None
    unit, _ = parsed
    if _measured_from_the_story(lower, unit):
        # "a month earlier": a month before an event of the story, whose date the
        # publication date does not give; "eight years from now": a span ahead, the way
        # the readers want it. Both are the length, not a calendar date.
        return _length(SHIFT_WORDS.sub("", text))
    amount = parse_quantity(text)
    anchor = context.anchor
    if amount is None or anchor is None:
        if amount is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        return "DATE", "XXXX"
    if unit == "year" and amount == 1 and sign < 0:
        return _year_back(context)
    return "DATE", _shifted(anchor, unit, sign * amount)


def _measured_from_the_story(lower: list[str], unit: str) -> bool:
    if lower[-2:] == ["from", "now"]:
        return True
    return lower[-1] in ("earlier", "before", "later") and unit in words.STORY_RELATIVE_UNITS


def _year_back(context: Context) -> Value | None:
    """ "a year ago"/"year-earlier": in an earnings report, the same quarter a year before."""
    known = context.discourse.quarter
    if known is not None:
        return "DATE", f"{known[0] - 1:04d}-Q{known[1]}"
    anchor = context.anchor
    return "DATE", f"{anchor.year - 1:04d}" if anchor else "XXXX"


YEAR_BACK_MODIFIER = re.compile(r"\byear-(?:ago|earlier)\b", re.IGNORECASE)
# A range of lengths of one unit, as the grammar's duration rule finds it: "two to three
# weeks", "five or six years" (not "a year or so", "up to 180 days").
LENGTH_RANGE = re.compile(rf"\b(?:{NUMBER})\s+(?:to|or)\s+(?:{NUMBER})\b", re.IGNORECASE)
SHIFT_WORDS = re.compile(r"(?:\s+or\s+so)?\s+(?:earlier|later|from\s+now)\s*$", re.IGNORECASE)


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
        # "year-end", "year end", "the end of the year": the year itself
        return "DATE", f"{anchor.year:04d}" if anchor else "XXXX"
    season = next((words.SEASONS[w] for w in lower if w in words.SEASONS), None)
    if season is not None:
        return _season(lower, season, context)
    parsed = unit_of(lower)
    if parsed is None:
        return None
    unit, _ = parsed
    shift = shift_word(lower)
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
    year = explicit_year(" ".join(lower))
    anchor = context.anchor
    if year is None and anchor is not None:
        year = anchor.year + (0 if "this" in lower else shift_word(lower))  # "this past spring"
        if season == "WI" and anchor.month <= 2:
            year -= 1  # the winter that began in December
    return "DATE", f"{year:04d}-{season}" if year is not None else f"XXXX-{season}"


# The span of a report that runs from the start of the year ("the first nine months").
YEAR_TO_DATE = re.compile(r"the\s+(?:(?:first|latest)\s+)?(?:six|nine|6|9)\s+months")


def normalise_duration(text: str, context: Context) -> Value | None:
    if YEAR_TO_DATE.fullmatch(text.lower()):
        # "in the first nine months": the report has moved from the quarter to the year so
        # far, which "a year earlier" now compares with
        context.discourse.quarter = None
    return _length(text)


def _length(text: str) -> Value | None:
    """ "two years": P2Y; "several weeks": PXW; "two to three weeks": PXW."""
    lower = tokens(YEAR_BACK_MODIFIER.sub("", text))  # "the year-earlier nine months": P9M
    parsed = unit_of(lower)
    if parsed is None:
        return None
    unit, (letter, is_time) = parsed
    # "two to three weeks": the text gives no one number of units
    amount = None if LENGTH_RANGE.search(text) else parse_quantity(text)
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


def normalise_set(text: str, context: Context) -> Value | None:
    lower = tokens(text)
    for word in lower:
        if word in words.SET_ADVERBS:
            return "SET", words.SET_ADVERBS[word]
    month = month_in(lower)
    if month is not None:
        return "SET", f"XXXX-{month:02d}"
    season = next((words.SEASONS[w] for w in lower if w in words.SEASONS), None)
    if season is not None:
        return "SET", f"XXXX-{season}"
    weekday = weekday_in(lower)
    if weekday is not None:
        return "SET", f"XXXX-WXX-{weekday}"
    parsed = unit_of(lower)
    if parsed is None:
        return None
    _, (letter, is_time) = parsed
    step = 2 if "other" in lower else 1
    return "SET", cal.duration_value(step, letter, is_time)


def normalise_vague(text: str, context: Context) -> Value | None:
    key = " ".join(text.lower().split())
    if key == "soon" and context.direction == "past":
        return None  # "he was soon released": soon after a past event, not after publication
    if key in words.VAGUE_REFERENCES:
        return "DATE", words.VAGUE_REFERENCES[key]
    if "coming" in key or key.startswith(("future ", "the future ")):  # "in future quarters"
        return "DATE", "FUTURE_REF"
    if key.endswith("moment"):  # "at this crucial moment"
        return "DATE", "PRESENT_REF"
    if key.endswith(("while", "of time", *words.LENGTH_NOUNS)):
        # "for a while", "for a fairly lengthy period": a length of no stated unit
        return "DURATION", "PXX"
    if "while" in key:  # "a while ago", "a while back"
        return "DATE", "PAST_REF"
    if "recent" in key and (parsed := unit_of(key.split())) is not None:
        return "DURATION", cal.duration_value(None, *parsed[1])  # "recent years": PXY
    if "recent" in key:
        return "DATE", "PAST_REF"
    return None


def normalise_someday(text: str, context: Context) -> Value | None:
    """ "one day", "someday": a day the text does not name, ahead unless a simple past verb of
    its own puts it behind ("One day, she left"); a past clause above ("hoped he would one
    day fly") does not."""
    return "DATE", "PAST_REF" if context.simple_past else "FUTURE_REF"


def normalise_story_part_of_day(text: str, context: Context) -> Value | None:
    """ "Shares fell Friday. Dealers placed orders in the morning": the morning of the day the
    story last named, when a simple past verb of its own tells it as that day's event; "she
    runs in the morning" (a habit) or a story with no day named gives no day."""
    named = context.discourse.date or ""
    part = part_of_day(tokens(text))
    if not context.simple_past or part is None or not cal.ISO_DAY.fullmatch(named):
        return None
    return "TIME", f"{named}T{part}"


ANAPHORIC_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def _beside_shift(lower: list[str]) -> int | None:
    """-1 for "the year before", +1 for "the day after (that)"; None for other phrases."""
    if len(lower) < 3 or lower[0] != "the":
        return None
    return words.DAY_BESIDE_SHIFTS.get(lower[2])


def _beside_last_date(unit: str, shift: int, context: Context) -> Value | None:
    """ "$300 million last year, down from $450 million the year before": the last date of
    the article (whatever named it: "last year" too) moved by one unit ("the night before":
    that part of the day before); the publication date when none came before. A date too
    coarse for the unit gives no value."""
    base = ANAPHORIC_DATE.fullmatch(context.discourse.last_date or "")
    if base is None:
        if context.anchor is None:
            return None
        base = ANAPHORIC_DATE.fullmatch(context.anchor.isoformat())
        assert base is not None  # an ISO date always matches
    year, month, day = (int(g) if g else None for g in base.groups())
    part = part_of_day([unit])  # "the night before": that part of the day before
    return _moved(year, month, day, "day" if part else unit, shift, part)


def _moved(
    year: int | None, month: int | None, day: int | None, unit: str, shift: int, part: str | None
) -> Value | None:
    """The date (as far as it is known) moved by `shift` of the unit, in the unit's value: a
    year, a month, a week, or a day (with a part of it, "T" and `part`). None when the date
    is too coarse for the unit, or the unit is none of these."""
    if unit == "year" and year is not None:
        return "DATE", f"{year + shift:04d}"
    if unit == "month" and month is not None and year is not None:
        return "DATE", cal.month_value(*cal.shift_months(year, month, shift))
    if unit not in ("day", "week") or day is None or month is None or year is None:
        return None
    date = dt.date(year, month, day) + dt.timedelta(days=shift * (7 if unit == "week" else 1))
    if unit == "week":
        return "DATE", cal.week_value(date)
    return ("TIME", f"{date.isoformat()}T{part}") if part else ("DATE", date.isoformat())


# The length of a calendar date that names a whole unit: "2021", "2021-05", "2021-05-28".
UNIT_DATE_LENGTHS = {"year": 4, "month": 7, "week": 10, "day": 10}


def _referred_date(unit: str, context: Context) -> str | None:
    """The date "that day" or "the following year" refers back to: the last date named
    outright ("on May 4", "in 2019"), or a later one of the same unit that a relative
    expression gave ("yesterday ... later that day", "last year ... later that year"). A
    relative date of another unit is no referent ("strong redemptions that day" after "last
    month" speaks of any day), nor the present ("this year ... that year" is another one)."""
    last = context.discourse.last_date
    present = context.anchor is not None and context.anchor.isoformat().startswith(last or "-")
    if last is not None and len(last) == UNIT_DATE_LENGTHS.get(unit) and not present:
        return last
    return context.discourse.date


# The month each season begins in; TimeML names a season by the year it begins in.
SEASON_FIRST_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_beside(season: str, shift: int, context: Context) -> Value | None:
    """ "that summer" after "in 2019": 2019-SU; "the following spring" after "June 2019" the
    first spring to begin after it (2020-SP), "the previous summer" the last to end before
    it. None when the story has given no date."""
    base = ANAPHORIC_DATE.fullmatch(context.discourse.last_date or context.discourse.date or "")
    if base is None:
        return None
    year, month = int(base[1]), int(base[2]) if base[2] else None
    first = SEASON_FIRST_MONTHS[season]
    if shift == 0:
        # the winter of a January or February began the December before
        year -= 1 if season == "WI" and month is not None and month <= 2 else 0
    elif month is None:
        year += shift
    elif shift > 0:
        year += 0 if first > month else 1
    else:
        last = first + 2  # the month it ends in (winter: February of the next year)
        year -= (1 if month > 2 else 2) if season == "WI" else (0 if last < month else 1)
    return "DATE", f"{year:04d}-{season}"


def _quarter_beside(shift: int, context: Context) -> Value | None:
    """ "that quarter": the quarter talked about; "the previous quarter", "the next quarter":
    the one before or after it, or, when the story has talked about none, before or after
    the last quarter finished by the publication date (the one a report would be about)."""
    known = context.discourse.quarter
    if not shift:
        return ("DATE", f"{known[0]:04d}-Q{known[1]}") if known else None
    if known is None:
        if context.anchor is None:
            return None
        finished = cal.shift_months(context.anchor.year, context.anchor.month, -3)
        known = (finished[0], cal.quarter_of(finished[1]))
    year, month = cal.shift_months(known[0], (known[1] - 1) * 3 + 1, 3 * shift)
    return "DATE", f"{year:04d}-Q{cal.quarter_of(month)}"


def normalise_anaphoric(text: str, context: Context) -> Value | None:
    """ "that day", "the following year": the last date the article named, moved by one unit
    for "following"/"next"/"previous"; without one, the reference date's "next year". Also
    "the week before last" (two back from the publication date), "the year before" and "the
    day after" (the story's last date, `_beside_last_date`), "that quarter" and the quarters
    beside it, and "that summer" and the seasons beside it."""
    lower = tokens(text)
    if lower[-2:] == ["before", "last"] and len(lower) == 4:  # "the week before last"
        return ("DATE", _shifted(context.anchor, lower[1], -2)) if context.anchor else None
    beside = _beside_shift(lower)
    if beside is not None:
        return _beside_last_date(lower[1], beside, context)
    shift = shift_word(lower)
    if "quarter" in lower:  # "that quarter": the quarter talked about
        return _quarter_beside(shift, context)
    season = next((words.SEASONS[w] for w in lower if w in words.SEASONS), None)
    if season is not None:
        seasonal = _season_beside(season, shift, context)
        return seasonal if seasonal or not shift else normalise_relative(text, context)
    part = part_of_day(lower)
    unit = "day" if part else next((w for w in lower if w in ("day", "week", "month", "year")), "")
    base = ANAPHORIC_DATE.fullmatch(_referred_date(unit, context) or "")
    if base is None:
        return normalise_relative(text, context) if shift and context.anchor else None
    year, month, day = (int(g) if g else None for g in base.groups())
    if unit == "day" and day is None and month is not None and year is not None and not shift:
        # "that same day" after "last October": a day of that month, which the text leaves
        # open (after a year alone, "that day" is too loose a reference to value)
        day_of_month = f"{year:04d}-{month:02d}-XX"
        return ("TIME", f"{day_of_month}T{part}") if part else ("DATE", day_of_month)
    return _moved(year, month, day, unit, shift, part)
