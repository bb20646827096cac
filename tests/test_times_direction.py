"""Rule tests for the direction of a relative date, on hand-built parsed Docs (no model)."""

from __future__ import annotations

import pytest

from newsgraph.nlp.times.direction import clause_direction
from tests.time_docs import Parse, build, tag, values

SAID_ON_MONDAY: Parse = [
    ("He", "PRP", "PRON", 1, "nsubj"),
    ("said", "VBD", "VERB", 1, "ROOT"),
    ("on", "IN", "ADP", 1, "prep"),
    ("Monday", "NNP", "PROPN", 2, "pobj"),
]
WILL_MEET_ON_MONDAY: Parse = [
    ("He", "PRP", "PRON", 2, "nsubj"),
    ("will", "MD", "AUX", 2, "aux"),
    ("meet", "VB", "VERB", 2, "ROOT"),
    ("on", "IN", "ADP", 2, "prep"),
    ("Monday", "NNP", "PROPN", 3, "pobj"),
]
ARE_SCHEDULED_TO_LEAVE_BY: Parse = [
    ("Troops", "NNS", "NOUN", 2, "nsubjpass"),
    ("are", "VBP", "AUX", 2, "auxpass"),
    ("scheduled", "VBN", "VERB", 2, "ROOT"),
    ("to", "TO", "PART", 4, "aux"),
    ("leave", "VB", "VERB", 2, "xcomp"),
    ("by", "IN", "ADP", 4, "prep"),
    ("Monday", "NNP", "PROPN", 5, "pobj"),
]
SPEAKING_ON_MONDAY: Parse = [
    ("He", "PRP", "PRON", 1, "nsubj"),
    ("said", "VBD", "VERB", 1, "ROOT"),
    (",", ",", "PUNCT", 1, "punct"),
    ("speaking", "VBG", "VERB", 1, "advcl"),
    ("on", "IN", "ADP", 3, "prep"),
    ("Monday", "NNP", "PROPN", 4, "pobj"),
]
MEETS_ON_MONDAY: Parse = [
    ("He", "PRP", "PRON", 1, "nsubj"),
    ("meets", "VBZ", "VERB", 1, "ROOT"),
    ("them", "PRP", "PRON", 1, "dobj"),
    ("Monday", "NNP", "PROPN", 1, "npadvmod"),
]
HAS_MET_ON_MONDAY: Parse = [
    ("He", "PRP", "PRON", 2, "nsubj"),
    ("has", "VBZ", "AUX", 2, "aux"),
    ("met", "VBN", "VERB", 2, "ROOT"),
    ("them", "PRP", "PRON", 2, "dobj"),
    ("Monday", "NNP", "PROPN", 2, "npadvmod"),
]


@pytest.mark.parametrize(
    ("parse", "direction", "monday"),
    [
        (SAID_ON_MONDAY, "past", "2021-05-31"),
        (WILL_MEET_ON_MONDAY, "future", "2021-06-07"),
        (ARE_SCHEDULED_TO_LEAVE_BY, "future", "2021-06-07"),
        (SPEAKING_ON_MONDAY, "past", "2021-05-31"),  # a participle takes its main verb's tense
        (MEETS_ON_MONDAY, None, "2021-05-31"),  # no signal: the nearest Monday
        (HAS_MET_ON_MONDAY, "past", "2021-05-31"),
    ],
)
def test_the_governing_clause_sets_the_direction(
    parse: Parse, direction: str | None, monday: str
) -> None:
    doc = build(parse)
    assert clause_direction(doc[-1:]) == direction
    assert values(doc) == [("Monday", monday)]


def test_without_a_publication_date_monday_stays_underspecified() -> None:
    doc = tag(build(SAID_ON_MONDAY, published=None))
    assert [t.value for t in doc._.ng_times] == ["XXXX-WXX-1"]
    assert doc._.ng_timeline == ()  # nothing concrete to put on a timeline


def test_a_dated_clause_becomes_a_timeline_entry() -> None:
    doc = tag(build(WILL_MEET_ON_MONDAY))
    (entry,) = doc._.ng_timeline
    assert (entry.date, entry.time, entry.text) == ("2021-06-07", "t1", "He will meet on Monday")
    assert doc.text[entry.start : entry.end] == entry.text


# A weekday that owns a thing names an event the news reports: it has happened, unless the
# thing is what a clause looking ahead acts on. Published Tuesday 2021-06-01.
OVER_FRIDAYS_PRICE: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("bonds", "NNS", "NOUN", 2, "nsubj"),
    ("carry", "VBP", "VERB", 2, "ROOT"),
    ("a", "DT", "DET", 4, "det"),
    ("premium", "NN", "NOUN", 2, "dobj"),
    ("over", "IN", "ADP", 4, "prep"),
    ("Friday", "NNP", "PROPN", 8, "poss"),
    ("'s", "POS", "PART", 6, "case"),
    ("price", "NN", "NOUN", 5, "pobj"),
]
FRIDAYS_VOTE_WILL_DECIDE: Parse = [
    ("Friday", "NNP", "PROPN", 2, "poss"),
    ("'s", "POS", "PART", 0, "case"),
    ("vote", "NN", "NOUN", 4, "nsubj"),
    ("will", "MD", "AUX", 4, "aux"),
    ("decide", "VB", "VERB", 4, "ROOT"),
    ("the", "DT", "DET", 6, "det"),
    ("matter", "NN", "NOUN", 4, "dobj"),
]
WILL_LOOK_AROUND_WEDNESDAYS_RULING: Parse = [
    ("They", "PRP", "PRON", 2, "nsubj"),
    ("will", "MD", "AUX", 2, "aux"),
    ("look", "VB", "VERB", 2, "ROOT"),
    ("for", "IN", "ADP", 2, "prep"),
    ("ways", "NNS", "NOUN", 3, "pobj"),
    ("around", "IN", "ADP", 4, "prep"),
    ("Wednesday", "NNP", "PROPN", 8, "poss"),
    ("'s", "POS", "PART", 6, "case"),
    ("ruling", "NN", "NOUN", 5, "pobj"),
]


@pytest.mark.parametrize(
    ("parse", "day"),
    [
        (OVER_FRIDAYS_PRICE, "2021-05-28"),  # not the nearer Friday ahead
        (FRIDAYS_VOTE_WILL_DECIDE, "2021-06-04"),
        (WILL_LOOK_AROUND_WEDNESDAYS_RULING, "2021-05-26"),  # the ruling is already made
    ],
)
def test_a_weekday_that_owns_a_thing_has_happened_unless_a_clause_awaits_it(
    parse: Parse, day: str
) -> None:
    assert [value for _, value in values(build(parse))] == [day]
