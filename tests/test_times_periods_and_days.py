"""Halves named by their quarters, quarters of last year, quarters ahead and behind, spans of
the year before, one more unit ("an additional year"), the two days of "April 24 and 25" and
the unnamed day of "one day", "that same day" in a month named before, Election Day and the
year of "post-1959", the month of "a June agreement", the day a dated clock time gives
another, "Easter week", the weekday that shares a plural ("Monday and Tuesday nights"), "a year
earlier" after "the first nine months", "the corresponding period last year" and "the 1988 period"
(issue 14), on hand-built parsed Docs."""

from __future__ import annotations

import pytest

from tests.time_docs import Parse, build, tagged, values

# Published 2021-10-27 (the fourth quarter).
PUBLISHED = "2021-10-27"

THROUGH_THE_FIRST_TWO_QUARTERS: Parse = [
    ("Profits", "NNS", "NOUN", 2, "nsubj"),
    ("will", "MD", "AUX", 2, "aux"),
    ("fall", "VB", "VERB", 2, "ROOT"),
    ("through", "IN", "ADP", 2, "prep"),
    ("at", "IN", "ADP", 5, "advmod"),
    ("least", "JJS", "ADJ", 9, "advmod"),
    ("the", "DT", "DET", 9, "det"),
    ("first", "JJ", "ADJ", 9, "amod"),
    ("two", "CD", "NUM", 9, "nummod"),
    ("quarters", "NNS", "NOUN", 3, "pobj"),
    ("of", "IN", "ADP", 9, "prep"),
    ("2022", "CD", "NUM", 10, "pobj"),
]
THE_LAST_TWO_QUARTERS_OF_LAST_YEAR: Parse = [
    ("Sales", "NNS", "NOUN", 1, "nsubj"),
    ("rose", "VBD", "VERB", 1, "ROOT"),
    ("in", "IN", "ADP", 1, "prep"),
    ("the", "DT", "DET", 6, "det"),
    ("last", "JJ", "ADJ", 6, "amod"),
    ("two", "CD", "NUM", 6, "nummod"),
    ("quarters", "NNS", "NOUN", 2, "pobj"),
    ("of", "IN", "ADP", 6, "prep"),
    ("last", "JJ", "ADJ", 9, "amod"),
    ("year", "NN", "NOUN", 7, "pobj"),
]
THE_SECOND_QUARTER_OF_LAST_YEAR: Parse = [
    ("Sales", "NNS", "NOUN", 1, "nsubj"),
    ("fell", "VBD", "VERB", 1, "ROOT"),
    ("in", "IN", "ADP", 1, "prep"),
    ("the", "DT", "DET", 5, "det"),
    ("second", "JJ", "ADJ", 5, "amod"),
    ("quarter", "NN", "NOUN", 2, "pobj"),
    ("of", "IN", "ADP", 5, "prep"),
    ("last", "JJ", "ADJ", 8, "amod"),
    ("year", "NN", "NOUN", 6, "pobj"),
]
FOR_COMING_QUARTERS: Parse = [
    ("It", "PRP", "PRON", 1, "nsubj"),
    ("bodes", "VBZ", "VERB", 1, "ROOT"),
    ("ill", "RB", "ADV", 1, "advmod"),
    ("for", "IN", "ADP", 1, "prep"),
    ("coming", "VBG", "VERB", 5, "amod"),
    ("quarters", "NNS", "NOUN", 3, "pobj"),
]
IN_RECENT_QUARTERS: Parse = [
    ("Sales", "NNS", "NOUN", 1, "nsubj"),
    ("slipped", "VBD", "VERB", 1, "ROOT"),
    ("in", "IN", "ADP", 1, "prep"),
    ("recent", "JJ", "ADJ", 4, "amod"),
    ("quarters", "NNS", "NOUN", 2, "pobj"),
]
THE_YEAR_EARLIER_NINE_MONTHS: Parse = [
    ("Net", "NN", "NOUN", 6, "nsubj"),
    ("for", "IN", "ADP", 0, "prep"),
    ("the", "DT", "DET", 5, "det"),
    ("year-earlier", "JJ", "ADJ", 5, "amod"),
    ("nine", "CD", "NUM", 5, "nummod"),
    ("months", "NNS", "NOUN", 1, "pobj"),
    ("rose", "VBD", "VERB", 6, "ROOT"),
]
FOR_AN_ADDITIONAL_YEAR: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("loan", "NN", "NOUN", 2, "nsubj"),
    ("runs", "VBZ", "VERB", 2, "ROOT"),
    ("for", "IN", "ADP", 2, "prep"),
    ("an", "DT", "DET", 6, "det"),
    ("additional", "JJ", "ADJ", 6, "amod"),
    ("year", "NN", "NOUN", 3, "pobj"),
]
LAST_ANOTHER_WEEK: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("strike", "NN", "NOUN", 3, "nsubj"),
    ("will", "MD", "AUX", 3, "aux"),
    ("last", "VB", "VERB", 3, "ROOT"),
    ("another", "DT", "DET", 5, "det"),
    ("week", "NN", "NOUN", 3, "npadvmod"),
]
WILL_ONE_DAY_BE: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("mill", "NN", "NOUN", 5, "nsubj"),
    ("will", "MD", "AUX", 5, "aux"),
    ("one", "CD", "NUM", 4, "nummod"),
    ("day", "NN", "NOUN", 5, "npadvmod"),
    ("be", "VB", "AUX", 5, "ROOT"),
    ("a", "DT", "DET", 7, "det"),
    ("museum", "NN", "NOUN", 5, "attr"),
]
# A past clause above does not put the hoped-for day behind.
HOPED_SHE_WOULD_ONE_DAY_SAIL: Parse = [
    ("He", "PRP", "PRON", 1, "nsubj"),
    ("hoped", "VBD", "VERB", 1, "ROOT"),
    ("she", "PRP", "PRON", 6, "nsubj"),
    ("would", "MD", "AUX", 6, "aux"),
    ("one", "CD", "NUM", 5, "nummod"),
    ("day", "NN", "NOUN", 6, "npadvmod"),
    ("sail", "VB", "VERB", 1, "ccomp"),
]
ONE_DAY_SHE_LEFT: Parse = [
    ("One", "CD", "NUM", 1, "nummod"),
    ("day", "NN", "NOUN", 4, "npadvmod"),
    (",", ",", "PUNCT", 4, "punct"),
    ("she", "PRP", "PRON", 4, "nsubj"),
    ("left", "VBD", "VERB", 4, "ROOT"),
    (".", ".", "PUNCT", 4, "punct"),
]
ONE_DAY_PASSED: Parse = [
    ("One", "CD", "NUM", 1, "nummod"),
    ("day", "NN", "NOUN", 2, "npadvmod"),
    ("passed", "VBD", "VERB", 2, "ROOT"),
    (".", ".", "PUNCT", 2, "punct"),
]
STAYED_ONE_DAY: Parse = [
    ("She", "PRP", "PRON", 1, "nsubj"),
    ("stayed", "VBD", "VERB", 1, "ROOT"),
    ("one", "CD", "NUM", 3, "nummod"),
    ("day", "NN", "NOUN", 1, "npadvmod"),
    (".", ".", "PUNCT", 1, "punct"),
]


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        # The first two quarters of a year are its first half, the last two its second.
        (
            THROUGH_THE_FIRST_TWO_QUARTERS,
            [("at least the first two quarters of 2022", "DATE", "2022-H1")],
        ),
        (
            THE_LAST_TWO_QUARTERS_OF_LAST_YEAR,
            [("the last two quarters of last year", "DATE", "2020-H2")],
        ),
        # "of last year" puts the quarter a year back, as "last year's" does.
        (THE_SECOND_QUARTER_OF_LAST_YEAR, [("the second quarter of last year", "DATE", "2020-Q2")]),
        (FOR_COMING_QUARTERS, [("coming quarters", "DATE", "FUTURE_REF")]),
        (IN_RECENT_QUARTERS, [("recent quarters", "DURATION", "PXQ")]),
        # A span of the year before is as long as it says.
        (
            THE_YEAR_EARLIER_NINE_MONTHS,
            [("the year-earlier nine months", "DURATION", "P9M")],
        ),
        (FOR_AN_ADDITIONAL_YEAR, [("an additional year", "DURATION", "P1Y")]),
        (LAST_ANOTHER_WEEK, [("another week", "DURATION", "P1W")]),
    ],
)
def test_quarters_halves_and_spans(parse: Parse, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(build(parse, published=PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (WILL_ONE_DAY_BE, [("one day", "DATE", "FUTURE_REF")]),
        (HOPED_SHE_WOULD_ONE_DAY_SAIL, [("one day", "DATE", "FUTURE_REF")]),
        (ONE_DAY_SHE_LEFT, [("One day", "DATE", "PAST_REF")]),
        (STAYED_ONE_DAY, [("one day", "DURATION", "P1D")]),  # a length, not a day
        (ONE_DAY_PASSED, [("One day", "DURATION", "P1D")]),
    ],
)
def test_one_day_before_a_verb_is_an_unnamed_day(
    parse: Parse, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(build(parse, published=PUBLISHED)) == expected


HELD_ON_APRIL_24_AND_25: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("summit", "NN", "NOUN", 4, "nsubjpass"),
    ("will", "MD", "AUX", 4, "aux"),
    ("be", "VB", "AUX", 4, "auxpass"),
    ("held", "VBN", "VERB", 4, "ROOT"),
    ("on", "IN", "ADP", 4, "prep"),
    ("April", "NNP", "PROPN", 5, "pobj"),
    ("24", "CD", "NUM", 6, "nummod"),
    ("and", "CC", "CCONJ", 6, "cc"),
    ("25", "CD", "NUM", 6, "conj"),
    (".", ".", "PUNCT", 4, "punct"),
]
# The second number counts people: one day, not two.
ON_APRIL_24_AND_25_PEOPLE_FLED: Parse = [
    ("On", "IN", "ADP", 6, "prep"),
    ("April", "NNP", "PROPN", 0, "pobj"),
    ("24", "CD", "NUM", 1, "nummod"),
    ("and", "CC", "CCONJ", 1, "cc"),
    ("25", "CD", "NUM", 5, "nummod"),
    ("people", "NNS", "NOUN", 6, "nsubj"),
    ("fled", "VBD", "VERB", 6, "ROOT"),
    (".", ".", "PUNCT", 6, "punct"),
]


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (HELD_ON_APRIL_24_AND_25, [("April 24", "2021-04-24"), ("25", "2021-04-25")]),
        (ON_APRIL_24_AND_25_PEOPLE_FLED, [("April 24", "2020-04-24")]),
    ],
)
def test_a_day_range_is_its_first_and_last_day(
    parse: Parse, expected: list[tuple[str, str]]
) -> None:
    assert values(build(parse, published="2021-03-01")) == expected


def _election_day(word: str) -> list[tuple[str, str]]:
    parse: Parse = [
        ("Polls", "NNS", "NOUN", 1, "nsubj"),
        ("close", "VBP", "VERB", 1, "ROOT"),
        ("on", "IN", "ADP", 1, "prep"),
        (word, "NNP" if word[0].isupper() else "NN", "PROPN", 4, "compound"),
        ("Day" if word[0].isupper() else "day", "NNP", "PROPN", 2, "pobj"),
    ]
    return values(build(parse, published="2022-10-20"))


def test_election_day_is_a_holiday_only_as_a_name() -> None:
    assert _election_day("Election") == [("Election Day", "2022-11-08")]
    assert _election_day("election") == []  # some election's day, not the United States'


SHUT_THAT_SAME_DAY: Parse = [
    ("Prices", "NNS", "NOUN", 1, "nsubj"),
    ("fell", "VBD", "VERB", 1, "ROOT"),
    ("last", "JJ", "ADJ", 3, "amod"),
    ("October", "NNP", "PROPN", 1, "npadvmod"),
    (",", ",", "PUNCT", 1, "punct"),
    ("and", "CC", "CCONJ", 1, "cc"),
    ("shops", "NNS", "NOUN", 7, "nsubj"),
    ("shut", "VBD", "VERB", 1, "conj"),
    ("that", "DT", "DET", 10, "det"),
    ("same", "JJ", "ADJ", 10, "amod"),
    ("day", "NN", "NOUN", 7, "npadvmod"),
]


def test_that_same_day_after_a_month_is_a_day_of_that_month() -> None:
    assert values(build(SHUT_THAT_SAME_DAY, published="2021-06-01")) == [
        ("last October", "2020-10"),
        ("that same day", "2020-10-XX"),
    ]


def test_a_year_a_span_starts_or_ends_at_is_a_date() -> None:
    parse: Parse = [
        ("The", "DT", "DET", 2, "det"),
        ("post-1959", "JJ", "ADJ", 2, "amod"),
        ("politics", "NNS", "NOUN", 3, "nsubj"),
        ("split", "VBD", "VERB", 3, "ROOT"),
        ("families", "NNS", "NOUN", 3, "dobj"),
    ]
    assert values(build(parse, published="2000-02-24")) == [("post-1959", "1959")]


def test_a_month_that_modifies_a_noun_after_a_determiner_is_a_date() -> None:
    signed_a_june_agreement: Parse = [
        ("They", "PRP", "PRON", 1, "nsubj"),
        ("signed", "VBD", "VERB", 1, "ROOT"),
        ("a", "DT", "DET", 4, "det"),
        ("June", "NNP", "PROPN", 4, "compound"),
        ("agreement", "NN", "NOUN", 1, "dobj"),
    ]
    the_march_vote_will_decide: Parse = [
        ("The", "DT", "DET", 2, "det"),
        ("March", "NNP", "PROPN", 2, "compound"),
        ("vote", "NN", "NOUN", 4, "nsubj"),
        ("will", "MD", "AUX", 4, "aux"),
        ("decide", "VB", "VERB", 4, "ROOT"),
    ]
    met_june_carter: Parse = [
        ("They", "PRP", "PRON", 1, "nsubj"),
        ("met", "VBD", "VERB", 1, "ROOT"),
        ("June", "NNP", "PROPN", 3, "compound"),
        ("Carter", "NNP", "PROPN", 1, "dobj"),
    ]
    assert values(build(signed_a_june_agreement, published="2021-10-27")) == [("June", "2021-06")]
    assert values(build(the_march_vote_will_decide, published="2021-02-01")) == [
        ("March", "2021-03")
    ]
    assert values(build(met_june_carter, published="2021-10-27")) == []  # a name


def test_a_clock_time_takes_the_day_of_a_dated_clock_time_beside_it() -> None:
    parse: Parse = [
        ("The", "DT", "DET", 1, "det"),
        ("ferry", "NN", "NOUN", 2, "nsubj"),
        ("leaves", "VBZ", "VERB", 2, "ROOT"),
        ("at", "IN", "ADP", 2, "prep"),
        ("4", "CD", "NUM", 3, "pobj"),
        ("in", "IN", "ADP", 4, "prep"),
        ("the", "DT", "DET", 7, "det"),
        ("morning", "NN", "NOUN", 5, "pobj"),
        ("(", "-LRB-", "PUNCT", 10, "punct"),
        ("4", "CD", "NUM", 10, "nummod"),
        ("a.m.", "NN", "NOUN", 4, "appos"),
        ("Thursday", "NNP", "PROPN", 10, "npadvmod"),
        (")", "-RRB-", "PUNCT", 10, "punct"),
    ]
    assert values(build(parse, published="2021-06-01")) == [
        ("4 in the morning", "2021-06-03T04:00"),
        ("4 a.m. Thursday", "2021-06-03T04:00"),
    ]


def test_easter_week_is_the_calendar_week_of_easter_sunday() -> None:
    parse: Parse = [
        ("Crowds", "NNS", "NOUN", 1, "nsubj"),
        ("gathered", "VBD", "VERB", 1, "ROOT"),
        ("as", "IN", "SCONJ", 5, "mark"),
        ("Easter", "NNP", "PROPN", 4, "compound"),
        ("week", "NN", "NOUN", 5, "nsubj"),
        ("began", "VBD", "VERB", 1, "advcl"),
    ]
    # Easter Sunday was April 4
    assert values(build(parse, published="2021-04-05")) == [("Easter week", "2021-W13")]


def test_a_weekday_shares_the_plural_part_of_day_of_the_next() -> None:
    parse: Parse = [
        ("Flights", "NNS", "NOUN", 1, "nsubj"),
        ("leave", "VBP", "VERB", 1, "ROOT"),
        ("on", "IN", "ADP", 1, "prep"),
        ("Monday", "NNP", "PROPN", 2, "pobj"),
        ("and", "CC", "CCONJ", 3, "cc"),
        ("Tuesday", "NNP", "PROPN", 6, "compound"),
        ("nights", "NNS", "NOUN", 3, "conj"),
    ]
    assert tagged(build(parse)) == [
        ("Monday", "SET", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ]


THIRD_QUARTER_THEN_NINE_MONTHS: Parse = [
    ("Profit", "NN", "NOUN", 1, "nsubj"),
    ("rose", "VBD", "VERB", 1, "ROOT"),
    ("in", "IN", "ADP", 1, "prep"),
    ("the", "DT", "DET", 5, "det"),
    ("third", "JJ", "ADJ", 5, "amod"),
    ("quarter", "NN", "NOUN", 2, "pobj"),
    (";", ":", "PUNCT", 1, "punct"),
    ("in", "IN", "ADP", 13, "prep"),
    ("the", "DT", "DET", 11, "det"),
    ("first", "JJ", "ADJ", 11, "amod"),
    ("nine", "CD", "NUM", 11, "nummod"),
    ("months", "NNS", "NOUN", 7, "pobj"),
    ("profit", "NN", "NOUN", 13, "nsubj"),
    ("rose", "VBD", "VERB", 1, "conj"),
    ("from", "IN", "ADP", 13, "prep"),
    ("a", "DT", "DET", 16, "det"),
    ("year", "NN", "NOUN", 17, "npadvmod"),
    ("earlier", "RBR", "ADV", 14, "pcomp"),
]


def test_a_year_earlier_after_the_first_nine_months_is_the_year_before() -> None:
    assert values(build(THIRD_QUARTER_THEN_NINE_MONTHS, published="2021-10-27")) == [
        ("the third quarter", "2021-Q3"),
        ("the first nine months", "P9M"),
        ("a year earlier", "2020"),  # not the third quarter of 2020
    ]


def test_the_corresponding_period_last_year_is_the_quarter_a_year_back() -> None:
    parse: Parse = [
        ("Profit", "NN", "NOUN", 1, "nsubj"),
        ("rose", "VBD", "VERB", 1, "ROOT"),
        ("in", "IN", "ADP", 1, "prep"),
        ("the", "DT", "DET", 5, "det"),
        ("third", "JJ", "ADJ", 5, "amod"),
        ("quarter", "NN", "NOUN", 2, "pobj"),
        (";", ":", "PUNCT", 1, "punct"),
        ("it", "PRP", "PRON", 8, "nsubj"),
        ("fell", "VBD", "VERB", 1, "conj"),
        ("in", "IN", "ADP", 8, "prep"),
        ("the", "DT", "DET", 12, "det"),
        ("corresponding", "JJ", "ADJ", 12, "amod"),
        ("period", "NN", "NOUN", 9, "pobj"),
        ("last", "JJ", "ADJ", 14, "amod"),
        ("year", "NN", "NOUN", 12, "npadvmod"),
    ]
    assert values(build(parse, published="2021-10-27")) == [
        ("the third quarter", "2021-Q3"),
        ("the corresponding period last year", "2020-Q3"),
    ]


IN_THE_1988_PERIOD: Parse = [
    ("in", "IN", "ADP", 4, "prep"),
    ("the", "DT", "DET", 3, "det"),
    ("1988", "CD", "NUM", 3, "nummod"),
    ("period", "NN", "NOUN", 0, "pobj"),
    ("it", "PRP", "PRON", 5, "nsubj"),
    ("lost", "VBD", "VERB", 5, "ROOT"),
    ("money", "NN", "NOUN", 5, "dobj"),
]


def test_a_years_period_is_the_quarter_talked_about_in_that_year() -> None:
    after_a_quarter: Parse = [
        ("Profit", "NN", "NOUN", 1, "nsubj"),
        ("rose", "VBD", "VERB", 1, "ROOT"),
        ("in", "IN", "ADP", 1, "prep"),
        ("the", "DT", "DET", 5, "det"),
        ("third", "JJ", "ADJ", 5, "amod"),
        ("quarter", "NN", "NOUN", 2, "pobj"),
        (";", ":", "PUNCT", 1, "punct"),
    ] + [(w, t, p, h + 7, d) for w, t, p, h, d in IN_THE_1988_PERIOD]
    assert values(build(after_a_quarter, published="1989-10-26")) == [
        ("the third quarter", "1989-Q3"),
        ("the 1988 period", "1988-Q3"),
    ]
    assert values(build(IN_THE_1988_PERIOD, published="1989-10-26")) == [
        ("the 1988 period", "1988")
    ]  # no quarter talked about
