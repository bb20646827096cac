"""How far back a tense reaches and story-relative weekdays (issue 14), on hand-built parsed
Docs: a simple past verb of the date's own puts a month in the past however far back it lies;
"the previous Friday" counts from the day the story named."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.nlp.times.calendar import resolve_month_year
from newsgraph.nlp.times.direction import in_simple_past
from tests.time_docs import Parse, build, values

# Published 2021-10-27: January is nine months back, three ahead.
PUBLISHED = "2021-10-27"
HIRED_IN_JANUARY: Parse = [
    ("In", "IN", "ADP", 4, "prep"),
    ("January", "NNP", "PROPN", 0, "pobj"),
    (",", ",", "PUNCT", 4, "punct"),
    ("they", "PRP", "PRON", 4, "nsubj"),
    ("hired", "VBD", "VERB", 4, "ROOT"),
    ("her", "PRP", "PRON", 4, "dobj"),
]
# A participle that is a schedule: the summit lies ahead, whatever "set" looks like.
SUMMIT_SET_FOR_JANUARY: Parse = [
    ("a", "DT", "DET", 1, "det"),
    ("summit", "NN", "NOUN", 1, "ROOT"),
    ("set", "VBN", "VERB", 1, "acl"),
    ("for", "IN", "ADP", 2, "prep"),
    ("January", "NNP", "PROPN", 3, "pobj"),
]
# The far end of a stretch: "lent" is past, the end of the lending need not be.
LENT_THROUGH_JANUARY: Parse = [
    ("They", "PRP", "PRON", 1, "nsubj"),
    ("lent", "VBD", "VERB", 1, "ROOT"),
    ("money", "NN", "NOUN", 1, "dobj"),
    ("through", "IN", "ADP", 1, "prep"),
    ("January", "NNP", "PROPN", 3, "pobj"),
]
HAVE_BEEN_SEARCHING_SINCE: Parse = [
    ("Police", "NNS", "NOUN", 3, "nsubj"),
    ("have", "VBP", "AUX", 3, "aux"),
    ("been", "VBN", "AUX", 3, "aux"),
    ("searching", "VBG", "VERB", 3, "ROOT"),
    ("since", "IN", "ADP", 3, "prep"),
    ("March", "NNP", "PROPN", 4, "pobj"),  # seven months back, five ahead
]


@pytest.mark.parametrize(
    ("parse", "simple_past", "value"),
    [
        (HIRED_IN_JANUARY, True, "2021-01"),  # nine months back: still the past January
        (SUMMIT_SET_FOR_JANUARY, False, "2022-01"),
        (LENT_THROUGH_JANUARY, False, "2022-01"),
        (HAVE_BEEN_SEARCHING_SINCE, False, "2021-03"),  # begun before now: the past one
    ],
)
def test_a_simple_past_of_the_dates_own_reaches_a_year_back(
    parse: Parse, simple_past: bool, value: str
) -> None:
    doc = build(parse, published=PUBLISHED)
    month = doc[-1:] if parse is not HIRED_IN_JANUARY else doc[1:2]
    assert in_simple_past(month) is simple_past
    assert values(build(parse, published=PUBLISHED)) == [(month.text, value)]


def test_a_borrowed_past_tense_keeps_the_shorter_reach() -> None:
    day = dt.date(2021, 10, 27)
    assert resolve_month_year(day, 1, "past") == 2022  # nine months back: beyond eight
    assert resolve_month_year(day, 1, "past", reach=11) == 2021


def test_the_previous_friday_counts_back_from_the_storys_day() -> None:
    # "Prices fell Friday, from the previous Friday", published Monday 2021-11-01.
    parse: Parse = [
        ("Prices", "NNS", "NOUN", 1, "nsubj"),
        ("fell", "VBD", "VERB", 1, "ROOT"),
        ("Friday", "NNP", "PROPN", 1, "npadvmod"),
        (",", ",", "PUNCT", 1, "punct"),
        ("from", "IN", "ADP", 1, "prep"),
        ("the", "DT", "DET", 7, "det"),
        ("previous", "JJ", "ADJ", 7, "amod"),
        ("Friday", "NNP", "PROPN", 4, "pobj"),
    ]
    assert values(build(parse, published="2021-11-01")) == [
        ("Friday", "2021-10-29"),
        ("the previous Friday", "2021-10-22"),
    ]
