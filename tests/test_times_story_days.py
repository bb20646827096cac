"""Days and periods the story names by their place (issue 14, the sixth pass), on hand-built
Docs: "it's the second day of the strike" is today, "the day before last Tuesday" the Monday,
"eight trading days" a length of days, "today's youth" or "the people of tomorrow" an age, no
day; "this moment" now, "a lengthy period" a length of no unit, "future years" ahead; "in the
morning" the morning of the day the story tells; "the quarter ended July 31" the calendar
quarter of its months, and a quarter described in passing ("after a flat second quarter")
not the one the report is about."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.nlp.times.context import Context, Discourse
from newsgraph.nlp.times.normalise import normalise
from tests.time_docs import LemmaParse, blank_doc, build_lemmatised, tagged, values


def _ordinal_day(subject: str, verb: str, tag: str) -> LemmaParse:
    # "<subject> <verb> the third day of the strike ."
    return [
        (subject, "PRP" if subject == "It" else "NN", "PRON", 1, "nsubj", subject.lower()),
        (verb, tag, "AUX", 1, "ROOT", "be"),
        ("the", "DT", "DET", 4, "det", "the"),
        ("third", "JJ", "ADJ", 4, "amod", "third"),
        ("day", "NN", "NOUN", 1, "attr", "day"),
        ("of", "IN", "ADP", 4, "prep", "of"),
        ("the", "DT", "DET", 7, "det", "the"),
        ("strike", "NN", "NOUN", 5, "pobj", "strike"),
        (".", ".", "PUNCT", 1, "punct", "."),
    ]


@pytest.mark.parametrize(
    ("subject", "verb", "tag", "expected"),
    [
        # A present "be" with "it" or "today" puts the story on the day the event has reached.
        ("It", "is", "VBZ", [("the third day", "DATE", "2021-06-02")]),
        (
            "Today",
            "is",
            "VBZ",
            [("Today", "DATE", "2021-06-02"), ("the third day", "DATE", "2021-06-02")],
        ),
        # In the past the day reached is some earlier day the sentence does not name.
        ("It", "was", "VBD", []),
        # "This is the third day we have waited" describes as often as it dates.
        ("This", "is", "VBZ", []),
    ],
)
def test_the_day_an_event_has_reached_is_today_in_the_present(
    subject: str, verb: str, tag: str, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(build_lemmatised(_ordinal_day(subject, verb, tag))) == expected


def test_an_ordinal_day_that_is_no_complement_of_be_has_no_day() -> None:
    # "The third day in office quickly went well": the day is a subject, no "is" says which.
    parse: LemmaParse = [
        ("The", "DT", "DET", 2, "det", "the"),
        ("third", "JJ", "ADJ", 2, "amod", "third"),
        ("day", "NN", "NOUN", 6, "nsubj", "day"),
        ("in", "IN", "ADP", 2, "prep", "in"),
        ("office", "NN", "NOUN", 3, "pobj", "office"),
        ("quickly", "RB", "ADV", 6, "advmod", "quickly"),
        ("went", "VBD", "VERB", 6, "ROOT", "go"),
        ("well", "RB", "ADV", 6, "advmod", "well"),
    ]
    assert tagged(build_lemmatised(parse)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Published on a Wednesday: last Tuesday is 2021-06-01, the day before it the Monday.
        (
            "The day before last Tuesday's hearing, the lawyer flew home.",
            [("The day before last Tuesday", "DATE", "2021-05-31")],
        ),
        (
            "The shop reopens the day after July 4.",
            [("the day after July 4", "DATE", "2021-07-05")],
        ),
        (
            "They will decide the day after tomorrow.",
            [("the day after tomorrow", "DATE", "2021-06-04")],
        ),
        # Before a clause, "the day before" dates an event, not a named day: the date stays.
        (
            "She was last seen on June 1, the day before the police came.",
            [("June 1", "DATE", "2021-06-01")],
        ),
    ],
)
def test_the_day_before_or_after_a_named_day_is_one_expression(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(blank_doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prices fell for eight trading days in a row.",
            [("eight trading days", "DURATION", "P8D")],
        ),
        ("The refund takes five business days.", [("five business days", "DURATION", "P5D")]),
        ("We lost two working days to the storm.", [("two working days", "DURATION", "P2D")]),
    ],
)
def test_a_count_of_some_kind_of_day_is_that_many_days(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(blank_doc(text)) == expected


def _possessive_day(day: str, noun: str) -> LemmaParse:
    # "The song is for <day>'s <noun> ."
    return [
        ("The", "DT", "DET", 1, "det", "the"),
        ("song", "NN", "NOUN", 2, "nsubj", "song"),
        ("is", "VBZ", "AUX", 2, "ROOT", "be"),
        ("for", "IN", "ADP", 2, "prep", "for"),
        (day, "NN", "NOUN", 6, "poss", day.lower()),
        ("'s", "POS", "PART", 4, "case", "'s"),
        (noun, "NN", "NOUN", 3, "pobj", noun),
        (".", ".", "PUNCT", 2, "punct", "."),
    ]


@pytest.mark.parametrize(
    ("day", "noun", "expected"),
    [
        ("today", "youth", []),  # the young of this age
        ("today", "world", []),
        ("tomorrow", "generation", []),
        ("today", "concert", [("today", "DATE", "2021-06-02")]),  # a day's own event
        ("tomorrow", "parade", [("tomorrow", "DATE", "2021-06-03")]),
    ],
)
def test_today_before_a_noun_of_the_age_is_no_day(
    day: str, noun: str, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(build_lemmatised(_possessive_day(day, noun))) == expected


def test_the_people_of_tomorrow_are_no_day() -> None:
    parse: LemmaParse = [
        ("She", "PRP", "PRON", 1, "nsubj", "she"),
        ("trains", "VBZ", "VERB", 1, "ROOT", "train"),
        ("the", "DT", "DET", 3, "det", "the"),
        ("teachers", "NNS", "NOUN", 1, "dobj", "teacher"),
        ("of", "IN", "ADP", 3, "prep", "of"),
        ("tomorrow", "NN", "NOUN", 4, "pobj", "tomorrow"),
        (".", ".", "PUNCT", 1, "punct", "."),
    ]
    assert tagged(build_lemmatised(parse)) == []
    # "the agenda of tomorrow morning" keeps its day: the part of the day follows it.
    parse[5:7] = [
        ("tomorrow", "NN", "NOUN", 4, "pobj", "tomorrow"),
        ("morning", "NN", "NOUN", 5, "npadvmod", "morning"),
        (".", ".", "PUNCT", 1, "punct", "."),
    ]
    assert tagged(build_lemmatised(parse)) == [("tomorrow morning", "TIME", "2021-06-03TMO")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "this moment", with or without an adjective, is now.
        (
            "The minister said he would not leave the capital at this difficult moment.",
            [("this difficult moment", "DATE", "PRESENT_REF")],
        ),
        # A length said with an adjective and no unit has no number of any unit.
        (
            "The engineers expect to stay in the valley for a fairly long period.",
            [("a fairly long period", "DURATION", "PXX")],
        ),
        (
            "The bridge will be closed for a brief period of time next spring.",
            [("a brief period of time", "DURATION", "PXX"), ("next spring", "DATE", "2022-SP")],
        ),
        # "future" before a plural unit, like "coming": the time ahead.
        (
            "The loss will lower the bank's tax bill in future years, the treasurer said.",
            [("future years", "DATE", "FUTURE_REF")],
        ),
        # "the period" alone is the earnings report's quarter, not a vague length.
        ("Sales rose 4% in the period, the chain said.", []),
    ],
)
def test_this_moment_and_a_long_period(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(blank_doc(text)) == expected


def _in_the_morning(verb: str, tag: str, adverb: str | None = None) -> LemmaParse:
    # "Stocks fell Friday . Traders <adverb> <verb> orders in the morning ."
    parse: LemmaParse = [
        ("Stocks", "NNS", "NOUN", 1, "nsubj", "stock"),
        ("fell", "VBD", "VERB", 1, "ROOT", "fall"),
        ("Friday", "NNP", "PROPN", 1, "npadvmod", "friday"),
        (".", ".", "PUNCT", 1, "punct", "."),
        ("Traders", "NNS", "NOUN", 5, "nsubj", "trader"),
        (verb, tag, "VERB", 5, "ROOT", verb),
        ("orders", "NNS", "NOUN", 5, "dobj", "order"),
        ("in", "IN", "ADP", 5, "prep", "in"),
        ("the", "DT", "DET", 9, "det", "the"),
        ("morning", "NN", "NOUN", 7, "pobj", "morning"),
        (".", ".", "PUNCT", 5, "punct", "."),
    ]
    if adverb is not None:
        parse = [*parse[:5], (adverb, "RB", "ADV", 6, "advmod", adverb)] + [
            (w, t, p, h + 1 if h >= 5 else h, d, lemma) for w, t, p, h, d, lemma in parse[5:]
        ]
    return parse


def test_in_the_morning_of_a_day_the_story_told() -> None:
    # Published on a Monday: "Friday" is 2021-05-28, the event told in the simple past its
    # morning.
    told = tagged(build_lemmatised(_in_the_morning("placed", "VBD"), published="2021-05-31"))
    assert told == [("Friday", "DATE", "2021-05-28"), ("the morning", "TIME", "2021-05-28TMO")]
    # A habit in the present is no day's morning.
    habit = tagged(
        build_lemmatised(_in_the_morning("place", "VBP", "usually"), published="2021-05-31")
    )
    assert habit == [("Friday", "DATE", "2021-05-28")]


def test_in_the_morning_of_a_date_or_at_a_time_is_no_story_day() -> None:
    # "in the morning of May 3" names its own day; "at the morning" is no part of a day told.
    dated = [
        *_in_the_morning("placed", "VBD")[:10],
        ("of", "IN", "ADP", 9, "prep", "of"),
        ("May", "NNP", "PROPN", 10, "pobj", "may"),
        ("3", "CD", "NUM", 11, "nummod", "3"),
        (".", ".", "PUNCT", 5, "punct", "."),
    ]
    told = tagged(build_lemmatised(dated, published="2021-05-31"))
    assert ("the morning", "TIME", "2021-05-28TMO") not in told
    at = [(("at" if w == "in" else w), *rest) for w, *rest in _in_the_morning("placed", "VBD")]
    assert tagged(build_lemmatised(at, published="2021-05-31")) == [
        ("Friday", "DATE", "2021-05-28")
    ]


def test_in_the_morning_without_a_day_named_is_no_time() -> None:
    assert tagged(blank_doc("The traders placed their orders in the morning of a quiet day.")) == []


OCTOBER = dt.date(1999, 10, 28)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # May to July holds most of the second calendar quarter.
        ("ended July 31, the chain", "1999-Q2"),
        ("ended Sept. 30, sales rose", "1999-Q3"),
        ("ending Oct. 2, the mill", "1999-Q3"),  # July to September, ending a day later
        # Ending after the publication date's month: last year's September to November.
        ("ended Nov. 30, profit", "1998-Q4"),
    ],
)
def test_the_quarter_ended_on_a_day_is_the_calendar_quarter_of_its_months(
    after: str, expected: str
) -> None:
    context = Context(OCTOBER, None, Discourse(quarter=(1999, 1)), after=after)
    assert normalise("quarter", "the quarter", context) == ("DATE", expected)
    # the report's quarter, named by its fiscal number, stays what "a year ago" compares
    assert context.discourse.quarter == (1999, 1)


def test_a_numbered_quarter_keeps_its_number_when_its_end_is_given() -> None:
    context = Context(OCTOBER, None, Discourse(), after="ended June 30, the loss")
    assert normalise("quarter", "its fourth quarter", context) == ("DATE", "1999-Q4")


def test_a_quarter_described_in_passing_is_not_the_reports_quarter() -> None:
    discourse = Discourse(quarter=(1999, 3))
    passing = Context(OCTOBER, None, discourse, before="After a ")
    assert normalise("quarter", "weak second quarter", passing) == ("DATE", "1999-Q2")
    assert discourse.quarter == (1999, 3)  # "a year ago" still compares with the third
    # "reported a second-quarter loss": the hyphenated modifier names the report's quarter
    named = Context(OCTOBER, None, discourse, before="reported a ")
    assert normalise("quarter", "second-quarter", named) == ("DATE", "1999-Q2")
    assert discourse.quarter == (1999, 2)


def test_a_day_range_after_a_day_moved_keeps_the_named_month() -> None:
    # The range's last day is in the month named, not the month the shifted day falls in.
    found = tagged(blank_doc("The office shuts the day before May 1 and 2.", "2021-04-02"))
    assert found == [("the day before May 1", "DATE", "2021-04-30"), ("2", "DATE", "2021-05-02")]


def test_a_day_range_without_a_year_gives_its_last_day_no_other_month() -> None:
    # No publication date: "April 24" has no year, and "25" is not put in a month named before.
    doc = blank_doc("On March 5, 2019 the fair opened. It ran again on April 24 and 25.", None)
    times = values(doc)
    assert ("25", "2019-03-25") not in times
