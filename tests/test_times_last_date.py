"""Periods that refer to the last date of the story (the eighth time pass): "the year before",
"the day after (that)" as an adverb are the last date the article gave, whatever named it
("last year" too), moved by one unit, or the publication date's neighbour when none came
before; before a noun ("the year before the war") they date an event and are no time of their
own. "Later that day" after "yesterday", "that year" after "last year" or after "the
following year" refer to that date; a relative date of another unit is no referent for them.
"The night before" is that part of the day before the last day; "that summer", "the following
spring" a season of the last date's year, or the first to begin after it; "the week before
last" two weeks back."""

from __future__ import annotations

import pytest

from tests.time_docs import blank_doc, values

PUBLISHED = "2021-06-02"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ticket sales at the Corran Theatre fell to $3 million last year, down from $4 "
            "million the year before.",
            [("last year", "2020"), ("the year before", "2019")],
        ),
        (
            "The mill closed in 2016. The year before, it had been sold to Ilse Varga.",
            [("2016", "2016"), ("The year before", "2015")],
        ),
        (
            "Ilse Varga won the race in 2012 and again the year after that.",
            [("2012", "2012"), ("the year after that", "2013")],
        ),
        (
            "The bridge opened on March 3, 2019. The day after, traffic doubled.",
            [("March 3, 2019", "2019-03-03"), ("The day after", "2019-03-04")],
        ),
        (
            "The ferry sank on June 4, 2019. The week after, divers reached it.",
            [("June 4, 2019", "2019-06-04"), ("The week after", "2019-W24")],
        ),
        (
            "The vote came in March 2020. The month before, prices had fallen.",
            [("March 2020", "2020-03"), ("The month before", "2020-02")],
        ),
        # With no date before it, the neighbour of the publication date.
        ("Tolls rose 5% from the year before.", [("the year before", "2020")]),
    ],
)
def test_a_period_before_or_after_is_beside_the_last_date(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(blank_doc(text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The year before the flood, Ilse Varga moved to Porto.",
        "The week after the vote was busy for the Corran council.",
    ],
)
def test_a_period_before_or_after_an_event_is_no_time(text: str) -> None:
    assert values(blank_doc(text, published=PUBLISHED)) == []


def test_the_day_before_a_clause_is_no_time() -> None:
    # "the day before the police arrived" dates an event: Nov. 3 is the only time.
    text = "Ilse Varga was last seen Nov. 3, the day before the police arrived."
    assert [found for found, _ in values(blank_doc(text, published=PUBLISHED))] == ["Nov. 3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Corran mayor resigned yesterday. Later that day, the council met.",
            [("yesterday", "2021-06-01"), ("Later that day", "2021-06-01")],
        ),
        (
            "The Corran mayor resigned last month. Later that month, the council met.",
            [("last month", "2021-05"), ("Later that month", "2021-05")],
        ),
        (
            "The Corran mayor resigned last year. Later that year, the council dissolved.",
            [("last year", "2020"), ("Later that year", "2020")],
        ),
        (
            # "that year" is the year just given, not the one named outright before it
            "Ilse Varga opened the mill in 2010. The following year, it doubled in size. "
            "Later that year, it moved to Porto.",
            [("2010", "2010"), ("The following year", "2011"), ("Later that year", "2011")],
        ),
        (
            # the present is no referent for "that year": it points back to another
            "Ilse Varga opened the mill in 2015. This year's results are strong. "
            "That year, sales fell.",
            [("2015", "2015"), ("This year", "2021"), ("That year", "2015")],
        ),
        (
            # a month is no referent for "that day": the day is any day
            "Refunds rose last month. You get strong complaints that day, Ilse Varga said.",
            [("last month", "2021-05")],
        ),
    ],
)
def test_that_day_refers_to_the_last_date_of_its_unit(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(blank_doc(text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Corran bridge opened on March 3, 2019. The night before, a storm hit.",
            [("March 3, 2019", "2019-03-03"), ("The night before", "2019-03-02TNI")],
        ),
        (
            "The Corran bridge opened on March 3, 2019. The morning after, traffic doubled.",
            [("March 3, 2019", "2019-03-03"), ("The morning after", "2019-03-04TMO")],
        ),
        # a year gives no day for a night
        ("The Corran bridge opened in 2019. The night before, a storm hit.", [("2019", "2019")]),
    ],
)
def test_a_part_of_the_day_before_or_after_is_beside_the_last_day(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(blank_doc(text, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("opening", "season", "value"),
    [
        ("in 2019", "That summer", "2019-SU"),
        ("in June 2019", "The following spring", "2020-SP"),  # the spring of 2019 was over
        ("in January 2019", "The following spring", "2019-SP"),
        ("in June 2019", "The following winter", "2019-WI"),  # the one beginning in December
        ("in October 2019", "The previous summer", "2019-SU"),
        ("in June 2019", "The previous summer", "2018-SU"),  # the summer of 2019 had begun
        ("in January 2019", "That winter", "2018-WI"),  # the winter of a January began before
        ("in January 2019", "The previous winter", "2017-WI"),
    ],
)
def test_a_season_of_the_story_is_beside_its_last_date(
    opening: str, season: str, value: str
) -> None:
    text = f"The Corran bridge opened {opening}. {season}, traffic doubled."
    assert values(blank_doc(text, published=PUBLISHED))[-1] == (season, value)


def test_that_summer_without_a_date_before_is_no_time() -> None:
    assert values(blank_doc("That summer, traffic doubled.", published=PUBLISHED)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ilse Varga sold the mill the week before last.", [("the week before last", "2021-W20")]),
        (
            "Ilse Varga sold the mill the year before last, she said.",
            [("the year before last", "2019")],
        ),
        # before a named day it stays the day beside that day
        (
            "The day before last Tuesday's vote, the Corran mayor resigned.",
            [("The day before last Tuesday", "2021-05-31")],
        ),
    ],
)
def test_the_week_before_last_is_two_weeks_back(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(blank_doc(text, published=PUBLISHED)) == expected
