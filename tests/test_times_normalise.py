"""Rule tests for TIMEX3 values: each expression kind and each direction rule, no model."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.nlp.times.calendar import Direction, duration_value, resolve_weekday
from newsgraph.nlp.times.context import Context, Discourse
from newsgraph.nlp.times.normalise import normalise
from newsgraph.nlp.times.units import parse_quantity, parse_spoken_year

TUESDAY = dt.date(2021, 6, 1)  # the seed article's publication date
THURSDAY = dt.date(1989, 10, 26)  # a TimeBank DCT, in the fourth quarter


def value(
    kind: str, text: str, anchor: dt.date | None = TUESDAY, direction: Direction = None
) -> str:
    found = normalise(kind, text, Context(anchor, direction))
    assert found is not None, text
    return found[1]


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("month_day", "May 1", "2021-05-01"),
        ("month_day", "September 11 this year", "2021-09-11"),
        ("month_day", "Sept. 30, 1989", "1989-09-30"),
        ("month_day", "Monday, Oct. 26", "2020-10-26"),  # the year when it was a Monday
        ("month", "March 1990", "1990-03"),
        ("month", "January nineteen ninety-seven", "1997-01"),
        ("month", "June last year", "2020-06"),
        ("iso_date", "1998-08-07", "1998-08-07"),
        ("year", "fiscal 1989", "1989"),
        ("spoken_year", "nineteen ninety-six", "1996"),
        ("spoken_year", "the year two thousand", "2000"),
        ("decade", "the 1990s", "199"),
        ("decade", "the late '80s", "198"),
        ("century", "the 20th century", "19"),
        ("season", "last fall", "2020-FA"),
        ("season", "this summer", "2021-SU"),
        ("relative", "last year", "2020"),
        ("relative", "next month", "2021-07"),
        ("relative", "last week", "2021-W21"),
        ("relative", "this week", "2021-W22"),
        ("relative", "earlier this year", "2021"),
        ("relative", "the end of the year", "2021"),
        ("relative", "the weekend", "2021-W21-WE"),
        ("day_word", "yesterday", "2021-05-31"),
        ("day_word", "tomorrow", "2021-06-02"),
        ("day_word", "late yesterday", "2021-05-31"),
        ("day_word", "this morning", "2021-06-01TMO"),
        ("day_word", "last night", "2021-05-31TNI"),
        ("ago", "two days ago", "2021-05-30"),
        ("ago", "three years ago", "2018"),
        ("ago", "five months ago", "2021-01"),
        ("ago", "several years ago", "PAST_REF"),
        ("clock", "2:30 p.m.", "2021-06-01T14:30"),
        ("clock", "noon Saturday", "2021-05-29T12:00"),
        ("clock", "5 p.m. EST Nov. 9", "2021-11-09T17:00"),
        ("holiday", "Thanksgiving Day", "2021-11-25"),
        ("holiday", "last Thanksgiving", "2020-11-26"),
        ("holiday", "Christmas", "2020-12-25"),
        ("holiday", "Election Day", "2021-11-02"),  # the Tuesday after November's first Monday
        ("holiday", "Independence Day", "2021-07-04"),
        ("vague", "now", "PRESENT_REF"),
        ("vague", "recently", "PAST_REF"),
        ("vague", "the coming weeks", "FUTURE_REF"),
        ("vague", "the future", "FUTURE_REF"),
        ("vague", "recent years", "PXY"),
    ],
)
def test_dates_resolve_against_the_publication_date(kind: str, text: str, expected: str) -> None:
    assert value(kind, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three weeks", "P3W"),
        ("the past three years", "P3Y"),
        ("nearly two weeks", "P2W"),
        ("a few weeks", "PXW"),
        ("several years", "PXY"),
        ("two-year", "P2Y"),
        ("52-week", "P52W"),
        ("the first nine months", "P9M"),
        ("the last twenty four hours", "PT24H"),
        ("2 1/2 years", "P2Y6M"),
        ("a minute and a half", "PT1M30S"),
        ("two decades", "P20Y"),
        ("a couple of days", "P2D"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    assert normalise("duration", text, Context(TUESDAY)) == ("DURATION", expected)


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("set", "every Monday", "XXXX-WXX-1"),
        ("set", "daily", "P1D"),
        ("set", "each year", "P1Y"),
        ("set", "twice a week", "P1W"),
        ("set", "every other day", "P2D"),
        ("weekday_set", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("weekday_set", "Mondays", "XXXX-WXX-1"),
    ],
)
def test_sets(kind: str, text: str, expected: str) -> None:
    assert normalise(kind, text, Context(TUESDAY)) == ("SET", expected)


@pytest.mark.parametrize(
    ("direction", "expected"),
    [("past", "2021-05-31"), ("future", "2021-06-07"), (None, "2021-05-31")],
)
def test_a_weekday_follows_the_tense(direction: Direction, expected: str) -> None:
    assert value("weekday", "Monday", direction=direction) == expected


@pytest.mark.parametrize(
    ("text", "direction", "expected"),
    [
        ("last Monday", None, "2021-05-31"),
        ("next Monday", None, "2021-06-07"),
        ("Tuesday", "past", "2021-06-01"),  # the day of publication itself
        ("next Tuesday", None, "2021-06-08"),
        ("last Tuesday", None, "2021-05-25"),
        ("Friday", None, "2021-06-04"),  # three days ahead is nearer than four back
        ("Friday morning", "past", "2021-05-28TMO"),
    ],
)
def test_explicit_words_override_the_tense(text: str, direction: Direction, expected: str) -> None:
    assert value("weekday", text, direction=direction) == expected


@pytest.mark.parametrize(
    ("text", "direction", "expected"),
    [
        ("December", "past", "2020-12"),
        ("December", "future", "2021-12"),
        ("November", None, "2021-11"),
        ("September", "past", "2021-09"),  # nine months back is out of the tense's reach
        ("January", "past", "2021-01"),
        ("last June", None, "2020-06"),  # "last" skips the current month...
        ("last May", None, "2020-05"),  # ...and the one just gone
        ("last April", None, "2021-04"),  # ...but not one two months back
        ("next June", None, "2022-06"),
        ("this September", "past", "2021-09"),
    ],
)
def test_a_month_follows_the_tense_within_reach(
    text: str, direction: Direction, expected: str
) -> None:
    assert value("month", text, direction=direction) == expected


def test_the_tense_does_not_pull_a_day_across_most_of_a_year() -> None:
    # "payable Dec. 15" under a past-tense verb, written in October: still this December.
    assert value("month_day", "Dec. 15", THURSDAY, "past") == "1989-12-15"
    assert value("month_day", "Aug. 6", THURSDAY, "past") == "1989-08-06"
    assert value("month_day", "Aug. 6", THURSDAY, "future") == "1989-08-06"  # 284 days on
    assert value("month_day", "Feb. 6", THURSDAY, "past") == "1990-02-06"  # 263 days back


def test_without_a_publication_date_relative_values_stay_underspecified() -> None:
    assert value("month_day", "September 11", None) == "XXXX-09-11"
    assert value("weekday", "Monday", None) == "XXXX-WXX-1"
    assert value("month", "March", None) == "XXXX-03"
    assert value("relative", "last year", None) == "XXXX"
    assert value("relative", "last week", None) == "XXXX-WXX"
    assert value("day_word", "yesterday", None) == "XXXX-XX-XX"
    assert value("quarter", "the third quarter", None) == "XXXX-Q3"
    assert value("year", "1990", None) == "1990"  # absolute values need no anchor


def test_quarters_and_the_periods_that_refer_back_to_them() -> None:
    discourse = Discourse()
    context = Context(THURSDAY, None, discourse)
    assert normalise("quarter", "the third quarter", context) == ("DATE", "1989-Q3")
    assert normalise("quarter", "the year-earlier quarter", context) == ("DATE", "1988-Q3")
    assert normalise("ago", "a year earlier", context) == ("DATE", "1988-Q3")
    assert normalise("quarter", "the quarter", context) == ("DATE", "1989-Q3")
    assert value("quarter", "third-quarter", THURSDAY) == "1989-Q3"
    assert value("quarter", "the fourth quarter", THURSDAY) == "1989-Q4"
    assert value("quarter", "the first half", THURSDAY) == "1989-H1"
    assert value("quarter", "the 1988 second quarter", THURSDAY) == "1988-Q2"
    assert value("quarter", "the latest quarter", THURSDAY) == "1989-Q3"
    assert value("ago", "a year ago", THURSDAY) == "1988"  # no quarter talked about


def test_the_year_of_a_reporting_period_is_a_duration() -> None:
    context = Context(THURSDAY, after="ended march 31")
    assert normalise("relative", "the year", context) == ("DURATION", "P1Y")


def test_resolve_weekday_takes_the_anchor_day_itself_only_without_last_or_next() -> None:
    friday = dt.date(1998, 8, 7)
    assert resolve_weekday(friday, 5, "past") == friday
    assert resolve_weekday(friday, 5, None, shift=-1) == dt.date(1998, 7, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three", 3.0),
        ("twenty four", 24.0),
        ("a", 1.0),
        ("a few", None),
        ("several", None),
        ("2 1/2", 2.5),
        ("two thousand", 2000.0),
        ("half an", 0.5),
    ],
)
def test_quantities(text: str, expected: float | None) -> None:
    assert parse_quantity(text + " years") == expected


def test_spoken_years() -> None:
    assert parse_spoken_year("nineteen seventy-nine") == 1979
    assert parse_spoken_year("two thousand and one") == 2001
    assert parse_spoken_year("nineteen") is None


def test_duration_values() -> None:
    assert duration_value(None, "W", False) == "PXW"
    assert duration_value(5.5, "H", True) == "PT5H30M"
    assert duration_value(0.5, "D", False) == "PT12H"


@pytest.mark.parametrize(
    ("text", "last_date", "expected"),
    [
        ("that year", "1988-06", ("DATE", "1988")),
        ("the following year", "1995-03-02", ("DATE", "1996")),
        ("The following month", "1989-03", ("DATE", "1989-04")),
        ("Earlier that day", "1998-10-23", ("DATE", "1998-10-23")),
        ("the next morning", "2000-02-22", ("TIME", "2000-02-23TMO")),
        ("the next year", None, ("DATE", "2022")),  # nothing named before: from publication
    ],
)
def test_anaphoric_dates_refer_to_the_last_date_named(
    text: str, last_date: str | None, expected: tuple[str, str]
) -> None:
    context = Context(TUESDAY, None, Discourse(date=last_date))
    assert normalise("anaphoric", text, context) == expected


def test_that_day_without_an_earlier_date_is_not_a_time() -> None:
    assert normalise("anaphoric", "that day", Context(TUESDAY)) is None
