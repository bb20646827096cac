"""Where a time expression starts and ends (issue 14, the extents pass), on hand-built Docs:
focusing adverbs ("only", "just") stay out, an approximate date keeps "around", a range of
lengths is one expression, "or so" and "or later" stay in, "later this afternoon" keeps
"later", "the then current price" is the present of a past moment, a frequency adjective
after a determiner is a set ("on a daily basis") while "daily flights" and "its quarterly
dividend" are not times, and the unit of a rate of counted things ("four flights a week")
is no time."""

from __future__ import annotations

import pytest

from tests.time_docs import Parse, blank_doc, build, tagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "only" and "just" focus the sentence on the amount; TimeML has no MOD for them.
        ("The crew has only 14 days to appeal.", [("14 days", "DURATION", "P14D")]),
        ("She ran the mill for just six months.", [("six months", "DURATION", "P6M")]),
        ("Just a decade ago the town was poor.", [("a decade ago", "DATE", "2011")]),
        # Modifiers TimeML does mark stay in.
        ("He waited nearly two weeks.", [("nearly two weeks", "DURATION", "P2W")]),
        ("Loans run for up to 90 days.", [("up to 90 days", "DURATION", "P90D")]),
        # "around" makes a date approximate (MOD="APPROX").
        ("The merger should close around Nov. 1.", [("around Nov. 1", "DATE", "2021-11-01")]),
        ("The sale should close around year end.", [("around year end", "DATE", "2021")]),
        # A range of lengths is one expression with no single number of units.
        (
            "Shipments resume within two to three weeks.",
            [("two to three weeks", "DURATION", "PXW")],
        ),
        (
            "Buyers are sought for the next 12 to 18 months.",
            [("the next 12 to 18 months", "DURATION", "PXM")],
        ),
        ("The strike may last five or six days.", [("five or six days", "DURATION", "PXD")]),
        ("Children aged 6 to 12 years old came.", []),  # ages, not lengths
        ("He stayed a week or so.", [("a week or so", "DURATION", "P1W")]),
        # An approximate length and an open-ended year keep the words that say so.
        (
            "The mill will shut over the next year or so.",
            [("the next year or so", "DATE", "2022")],
        ),
        ("Prices may rise for two years or so.", [("two years or so", "DURATION", "P2Y")]),
        ("It cannot make money until 2030 or later.", [("2030 or later", "DATE", "2030")]),
        ("The plan is for 2024 and beyond.", [("2024 and beyond", "DATE", "2024")]),
        # "the mid-1990s" is one decade; only a hyphenated modifier loses its article.
        ("Growth slowed by the mid-1990s.", [("the mid-1990s", "DATE", "199")]),
        ("The two-year contract ended.", [("two-year", "DURATION", "P2Y")]),
        # The position in the part of the day belongs to it.
        (
            "The envoy meets them later this afternoon.",
            [("later this afternoon", "TIME", "2021-06-02TAF")],
        ),
        (
            "The roof fell in early this morning.",
            [("early this morning", "TIME", "2021-06-02TMO")],
        ),
        # The present of a moment the text has left: the past.
        (
            "Holders could buy at half the then current price.",
            [("then current", "DATE", "PAST_REF")],
        ),
        ("More recently the firm made bicycles.", [("More recently", "DATE", "PAST_REF")]),
    ],
)
def test_extent_edges(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(blank_doc(text)) == expected


ON_A_DAILY_BASIS: Parse = [
    ("Agents", "NNS", "NOUN", 1, "nsubj"),
    ("meet", "VBP", "VERB", 1, "ROOT"),
    ("on", "IN", "ADP", 1, "prep"),
    ("a", "DT", "DET", 5, "det"),
    ("daily", "JJ", "ADJ", 5, "amod"),
    ("basis", "NN", "NOUN", 2, "pobj"),
]
IN_HER_WEEKLY_ADDRESS: Parse = [
    ("She", "PRP", "PRON", 1, "nsubj"),
    ("spoke", "VBD", "VERB", 1, "ROOT"),
    ("in", "IN", "ADP", 1, "prep"),
    ("her", "PRP$", "PRON", 5, "poss"),
    ("weekly", "JJ", "ADJ", 5, "amod"),
    ("address", "NN", "NOUN", 2, "pobj"),
]
PLANS_DAILY_FLIGHTS: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("airline", "NN", "NOUN", 2, "nsubj"),
    ("plans", "VBZ", "VERB", 2, "ROOT"),
    ("daily", "JJ", "ADJ", 4, "amod"),
    ("flights", "NNS", "NOUN", 2, "dobj"),
]
THE_AVERAGE_DAILY_VOLUME: Parse = [
    ("The", "DT", "DET", 3, "det"),
    ("average", "JJ", "ADJ", 3, "amod"),
    ("daily", "JJ", "ADJ", 3, "amod"),
    ("volume", "NN", "NOUN", 4, "nsubj"),
    ("fell", "VBD", "VERB", 4, "ROOT"),
]
CUT_ITS_QUARTERLY_DIVIDEND: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("bank", "NN", "NOUN", 2, "nsubj"),
    ("cut", "VBD", "VERB", 2, "ROOT"),
    ("its", "PRP$", "PRON", 5, "poss"),
    ("quarterly", "JJ", "ADJ", 5, "amod"),
    ("dividend", "NN", "NOUN", 2, "dobj"),
]


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (ON_A_DAILY_BASIS, [("daily", "SET", "P1D")]),
        (IN_HER_WEEKLY_ADDRESS, [("weekly", "SET", "P1W")]),
        (PLANS_DAILY_FLIGHTS, []),
        (THE_AVERAGE_DAILY_VOLUME, []),
        (CUT_ITS_QUARTERLY_DIVIDEND, []),
    ],
)
def test_frequency_adjectives_after_a_determiner_are_sets(
    parse: Parse, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(build(parse, published="2021-06-02")) == expected


RUNS_FOUR_FLIGHTS_A_WEEK: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("airline", "NN", "NOUN", 2, "nsubj"),
    ("runs", "VBZ", "VERB", 2, "ROOT"),
    ("four", "CD", "NUM", 4, "nummod"),
    ("flights", "NNS", "NOUN", 2, "dobj"),
    ("a", "DT", "DET", 6, "det"),
    ("week", "NN", "NOUN", 2, "npadvmod"),
]
TEN_MILLION_STEPS_PER_SECOND: Parse = [
    ("It", "PRP", "PRON", 1, "nsubj"),
    ("does", "VBZ", "VERB", 1, "ROOT"),
    ("ten", "CD", "NUM", 3, "compound"),
    ("million", "CD", "NUM", 4, "nummod"),
    ("steps", "NNS", "NOUN", 1, "dobj"),
    ("per", "IN", "ADP", 4, "prep"),
    ("second", "NN", "NOUN", 5, "pobj"),
]
MET_TWICE_A_WEEK: Parse = [
    ("They", "PRP", "PRON", 1, "nsubj"),
    ("met", "VBD", "VERB", 1, "ROOT"),
    ("twice", "RB", "ADV", 1, "advmod"),
    ("a", "DT", "DET", 4, "det"),
    ("week", "NN", "NOUN", 2, "npadvmod"),
]


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (RUNS_FOUR_FLIGHTS_A_WEEK, []),  # a rate of counted things: the unit is no time
        (TEN_MILLION_STEPS_PER_SECOND, []),
        (MET_TWICE_A_WEEK, [("twice a week", "SET", "P1W")]),
    ],
)
def test_the_unit_of_a_rate_of_counted_things_is_no_time(
    parse: Parse, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(build(parse, published="2021-06-02")) == expected
