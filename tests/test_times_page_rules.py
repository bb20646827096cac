"""Time rules from real pages (issue 14), each on a sentence of its own: rescheduled events,
measured times that look like clock times, a month's year given in its phrase, story-relative
spans, year ranges, and the timeline's events (whole clauses, never furniture)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.nlp.times.context import Context, Discourse
from newsgraph.nlp.times.normalise import normalise
from tests.time_docs import article_times, extracted

WEDNESDAY = dt.date(2025, 6, 4)


def _value(kind: str, text: str, context: Context) -> tuple[str, str] | None:
    return normalise(kind, text, context)


def test_a_month_takes_the_year_its_phrase_names() -> None:
    context = Context(WEDNESDAY, None, Discourse(), after="day in 2011, the bridge")
    assert _value("month", "January", context) == ("DATE", "2011-01")
    plain = Context(WEDNESDAY, "past", Discourse(), after="the bridge closed")
    assert _value("month", "January", plain) == ("DATE", "2025-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a month earlier", ("DURATION", "P1M")),
        ("two weeks later", ("DURATION", "P2W")),
        ("eight years from now", ("DURATION", "P8Y")),
        ("three days earlier", ("DURATION", "P3D")),
    ],
)
def test_spans_measured_from_the_story_are_durations(text: str, expected: tuple[str, str]) -> None:
    assert _value("ago", text, Context(WEDNESDAY)) == expected


def test_a_year_earlier_keeps_its_date() -> None:
    # News compares results with the same period a year before: a date, not a length.
    assert _value("ago", "a year earlier", Context(WEDNESDAY)) == ("DATE", "2024")
    assert _value("ago", "three years ago", Context(WEDNESDAY)) == ("DATE", "2022")


def test_the_end_of_a_year_range_takes_the_century_of_its_start() -> None:
    assert _value("range_end", "58", Context(WEDNESDAY, None, Discourse(date="1957"))) == (
        "DATE",
        "1958",
    )
    across = Context(WEDNESDAY, None, Discourse(date="1999"))
    assert _value("range_end", "01", across) == ("DATE", "2001")
    assert _value("range_end", "2010", Context(WEDNESDAY)) == ("DATE", "2010")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The ferry service was postponed until Saturday after the gale.",
        "Officials said the hearing had been pushed back to Saturday.",
    ],
)
def test_a_rescheduled_event_is_ahead_whatever_the_tense(nlp: Any, text: str) -> None:
    assert ("Saturday", "DATE", "2025-06-07") in article_times(extracted(text))


@pytest.mark.model
def test_a_day_that_merely_precedes_stays_behind(nlp: Any) -> None:
    article = extracted("The ferry service stopped on Saturday after the gale.")
    assert ("Saturday", "DATE", "2025-05-31") in article_times(article)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Okafor won the coastal marathon in 2:11:42, a course record.",
        "The clip (2:35) shows the crane falling onto the quay.",
        "She clocked 4:05 over the mile at the harbour games.",
    ],
)
def test_measured_times_are_no_clock_times(nlp: Any, text: str) -> None:
    assert not [t for t in extracted(text).times if t.type == "TIME"]


@pytest.mark.model
def test_a_clock_time_is_still_one(nlp: Any) -> None:
    times = article_times(extracted("The ferry leaves at 6:45 every morning from the north pier."))
    assert any(kind == "TIME" and value.endswith("T06:45") for _, kind, value in times)


@pytest.mark.model
def test_year_ranges_are_two_dates(nlp: Any) -> None:
    times = article_times(extracted("Holt chaired the board in 2009-2010 and again in 1957-58."))
    values = [(text, value) for text, _, value in times]
    assert values == [("2009", "2009"), ("2010", "2010"), ("1957", "1957"), ("58", "1958")]


@pytest.mark.model
def test_annually_is_a_set(nlp: Any) -> None:
    assert ("annually", "SET", "P1Y") in article_times(extracted("The regatta is held annually."))


@pytest.mark.model
def test_timeline_entries_are_clauses_with_their_subject(nlp: Any) -> None:
    article = extracted(
        "The council approved a lease that runs through 2036.\n\n"
        "The audit, released Wednesday, found gaps in the harbour accounts.\n\n"
        "The mayor said that the pier would reopen on Monday."
    )
    texts = {entry.date: entry.text for entry in article.timeline}
    assert texts["2036"] == "a lease that runs through 2036"
    assert texts["2025-06-04"] == "The audit, released Wednesday"
    assert texts["2025-06-09"] == "the pier would reopen on Monday"  # reported future


@pytest.mark.model
def test_notices_and_copyright_lines_date_no_event(nlp: Any) -> None:
    article = extracted(
        "The ferry resumed service on Tuesday.\n\n"
        "Correction: An earlier version of this story gave the date of the vote as May 3.\n\n"
        "This article was updated on June 4, 2025.\n\n"
        "© 2025 The Harbour Gazette. All rights reserved."
    )
    assert [entry.text for entry in article.timeline] == ["The ferry resumed service on Tuesday"]


@pytest.mark.model
def test_relative_times_without_a_date_are_explained(nlp: Any) -> None:
    article = extracted("The ferry resumed service on Tuesday after a week.", published=None)
    assert any("no publication date" in w and '"Tuesday"' in w for w in article.warnings)
    dated = extracted("The ferry resumed service on Tuesday after a week.")
    assert not any("no publication date" in w for w in dated.warnings)
