"""Dates as pages print them: `find_dates`, `resolve_dates` and `parse_date`."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.extract.dates import day_first_in, find_dates, parse_date, resolve_dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tuesday June 1st, 2021", "2021-06-01"),
        ("Tuesday, June 1, 2021", "2021-06-01"),
        ("Jun. 1 2021", "2021-06-01"),
        ("Sept 30, 2020", "2020-09-30"),
        ("1 June 2021", "2021-06-01"),
        ("1st of June, 2021", "2021-06-01"),
        ("Tue 1 Jun 2021", "2021-06-01"),
        ("2021-06-01", "2021-06-01"),
        ("2021/06/01", "2021-06-01"),
        ("01.06.2021", "2021-06-01"),
        ("25/12/2020", "2020-12-25"),
        ("12/25/2020", "2020-12-25"),
        ("Tuesday 06/01/2021", "2021-06-01"),
        ("Tue, 01/06/2021", "2021-06-01"),
        ("2021-06-01T10:30:00Z", "2021-06-01T10:30:00+00:00"),
        ("2021-06-01T10:30:00+04:30", "2021-06-01T10:30:00+04:30"),
        ("2021-06-01 10:30", "2021-06-01T10:30:00"),
        ("2015-07-10 09:53:00 -0400", "2015-07-10T09:53:00-04:00"),
        ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13T21:30:09-05:00"),
        ("June 1, 2021 10:30 AM EST", "2021-06-01T10:30:00-05:00"),
        ("June 1, 2021 at 9:05 p.m. ET", "2021-06-01T21:05:00-04:00"),
        ("January 5, 2021 at 9:05 pm ET", "2021-01-05T21:05:00-05:00"),
        ("10:30 GMT, 1 June 2021", "2021-06-01T10:30:00+00:00"),
        ("12:15 AM, June 1, 2021", "2021-06-01T00:15:00"),
        ("Posted on June 1, 2021 by Jane Doe", "2021-06-01"),
    ],
)
def test_parse_date(text: str, value: str) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no date here",
        "03/04/2021",  # March 4 or 3 April: never guessed
        "06-01-2021",
        "February 30, 2021",
        "June 2021",  # no day
        "1.2K views",
        "12.5 million",
        "2021",
    ],
)
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_published_wins_over_updated() -> None:
    assert parse_date("Updated June 5, 2021 | Published June 3, 2021") == "2021-06-03"
    assert parse_date("Last updated: 2021-06-05, first published 2021-06-03") == "2021-06-03"


def test_updated_alone_is_better_than_nothing() -> None:
    assert parse_date("Updated June 5, 2021") == "2021-06-05"


def test_labels_and_spans() -> None:
    text = "Posted on June 3, 2021 at 10:30 AM by Jane Doe"
    (match,) = find_dates(text)
    assert match.label == "published"
    assert text[match.start : match.end] == match.text == "June 3, 2021 at 10:30 AM"
    assert match.label_start == 0
    assert match.value == "2021-06-03T10:30:00"


def test_weekday_decides_an_ambiguous_date() -> None:
    (saturday,) = find_dates("Saturday 03/04/2021")  # 3 April 2021 was a Saturday
    assert saturday.value == "2021-04-03"
    (thursday,) = find_dates("Thursday 03/04/2021")  # 4 March 2021 was a Thursday
    assert thursday.value == "2021-03-04"


def test_misprinted_weekday_keeps_a_written_date() -> None:
    assert parse_date("Monday June 1, 2021") == "2021-06-01"  # it was a Tuesday


def test_another_numeric_date_decides_the_page_order() -> None:
    matches = resolve_dates(find_dates("Published 03/04/2021, updated 25/04/2021"))
    assert [m.value for m in matches] == ["2021-04-03", "2021-04-25"]
    matches = resolve_dates(find_dates("Published 03/04/2021, updated 04/25/2021"))
    assert [m.value for m in matches] == ["2021-03-04", "2021-04-25"]


def test_a_written_date_decides_an_equal_numeric_one() -> None:
    matches = resolve_dates(find_dates("03/04/2021 ... on 3 April 2021"))
    assert matches[0].value == "2021-04-03"


def test_undecided_dates_stay_undecided() -> None:
    (match,) = resolve_dates(find_dates("03/04/2021"))
    assert match.ambiguous and match.value is None


@pytest.mark.parametrize(
    ("locale", "day_first"),
    [
        ("en-US", False),
        ("en_us", False),
        ("en-PH", False),
        ("en-GB", True),
        ("en_AU", True),
        ("fr", True),
        ("de-DE", True),
        ("es-419", True),
        ("en", None),  # English without a region writes either order
        ("en-CA", None),
        ("ja-JP", None),  # the year first: a year-last date says nothing
        ("zh-Hant-TW", None),
        ("", None),
        (None, None),
        ("english", None),
    ],
)
def test_numeric_date_order_of_a_locale(locale: str | None, day_first: bool | None) -> None:
    assert day_first_in(locale) is day_first


def test_the_locale_decides_only_what_the_page_leaves_open() -> None:
    assert parse_date("03/04/2021", day_first=True) == "2021-04-03"
    assert parse_date("03/04/2021", day_first=False) == "2021-03-04"
    assert parse_date("13/04/2021", day_first=False) == "2021-04-13"  # no other reading
    # Page evidence first: another numeric date with a day above 12, a written date.
    matches = resolve_dates(find_dates("03/04/2021, updated 25/04/2021"), day_first=False)
    assert [m.value for m in matches] == ["2021-04-03", "2021-04-25"]
    matches = resolve_dates(find_dates("03/04/2021 ... 2021-03-04"), day_first=True)
    assert matches[0].value == "2021-03-04"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_written_dates_round_trip(date: dt.date) -> None:
    for text in (
        date.strftime("%A %B %d, %Y"),
        date.strftime("%d %B %Y"),
        date.strftime("%b. %d, %Y"),
        date.isoformat(),
        date.strftime("%d.%m.%Y"),
    ):
        assert parse_date(text) == date.isoformat(), text


@given(st.text(max_size=200))
def test_any_text_is_safe(text: str) -> None:
    for match in find_dates(text):
        assert text[match.start : match.end] == match.text
