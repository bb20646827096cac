"""Rule tests for TIMEX3 extents on a blank pipeline: what the finder takes, and what it leaves."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.nlp.times.find import find_expressions
from tests.time_docs import blank_doc, tag


def extents(text: str) -> list[str]:
    doc = blank_doc(text)
    return [text[c.start : c.end] for c in find_expressions(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dates: no leading preposition, the whole calendar phrase.
        ("They met on Monday.", ["Monday"]),
        ("The talks began on May 1.", ["May 1"]),
        ("Troops leave by September 11 this year.", ["September 11 this year"]),
        ("It was signed on Sept. 30, 1989, in Paris.", ["Sept. 30, 1989"]),
        ("He retired in January 1998.", ["January 1998"]),
        ("Sales rose in 1990.", ["1990"]),
        ("Profit fell in the third quarter.", ["the third quarter"]),
        ("Its third-quarter profit fell.", ["third-quarter"]),
        ("It fell in fiscal 1989.", ["fiscal 1989"]),
        ("They grew up in the 1990s.", ["the 1990s"]),
        ("Prices rose last year and will fall next year.", ["last year", "next year"]),
        ("He left late yesterday.", ["late yesterday"]),
        ("It was agreed earlier this month.", ["earlier this month"]),
        ("It happened two days ago.", ["two days ago"]),
        ("Profit was lower a year earlier.", ["a year earlier"]),
        ("It arrived last fall.", ["last fall"]),
        # Times of day.
        ("The blast came at 10:35 a.m. Friday.", ["10:35 a.m. Friday"]),
        ("Trading stops at noon.", ["noon"]),
        ("They met this morning.", ["this morning"]),
        # Durations keep their determiner and quantity words.
        ("It rose over the past three years.", ["the past three years"]),
        ("He waited nearly two weeks.", ["nearly two weeks"]),
        ("They stayed for three weeks.", ["three weeks"]),
        ("A two-year contract was signed.", ["two-year"]),
        ("They will finish in a few weeks.", ["a few weeks"]),
        ("The first nine months were good.", ["The first nine months"]),
        # Sets.
        ("They meet every Monday.", ["every Monday"]),
        ("Flights leave on Tuesday nights.", ["Tuesday nights"]),
        # Vague references.
        ("She recently resigned.", ["recently"]),
        ("We will end it in the coming weeks.", ["the coming weeks"]),
        ("Nobody knows the future.", ["the future"]),
    ],
)
def test_extents_follow_timeml(text: str, expected: list[str]) -> None:
    assert extents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 44-year-old man was arrested.",  # an age, not a duration
        "He is 52 years old.",
        "It costs $500 million a year.",  # a rate
        "A second group of directors resigned.",  # an ordinal
        "Iraq imports about three-quarters of its food.",  # a fraction
        "The index closed at 1678.5 points.",  # a number
        "Jan Kavan of the Czech Republic spoke.",  # a name
        "Sales of 1,500 units were reported.",
        "He called the fall of the wall historic.",
        'Baker said on ABC\'s "This Week" program that talks failed.',  # a title
    ],
)
def test_look_alikes_are_not_times(text: str) -> None:
    assert extents(text) == []


def test_overlaps_go_to_the_longest_expression() -> None:
    assert extents("They left Friday night.") == ["Friday night"]
    assert extents("It rose over the past two years.") == ["the past two years"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "on",
                "Monday",
                "May",
                "1",
                "1990",
                "the",
                "past",
                "three",
                "years",
                "ago",
                "a",
                "year",
                "earlier",
                "10:35",
                "a.m.",
                "now",
                "every",
                "day",
                ",",
                ".",
                "-",
                "last",
                "week",
                "quarter",
                "third",
                "1,000,000",
                "days",
                "that",
                "following",
                "'80s",
            ]
        ),
        max_size=30,
    ),
    st.sampled_from([None, "2021-06-01", "0001-01-01", "not a date"]),
)
def test_any_word_salad_gives_consistent_times(words: list[str], published: str | None) -> None:
    doc = tag(blank_doc(" ".join(words), published))
    times = doc._.ng_times
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]
    assert all(doc.text[t.start : t.end] == t.text for t in times)
    assert all(a.end <= b.start for a, b in itertools.pairwise(times))
