"""The spans and quarters of results reports (the eighth time pass): "the nine months" and "the
six months" without "first" are the year so far, which a later "a year earlier" compares with;
a quarter or half "of next year", "of this year" or "of last year" is one expression in the
year the phrase names, whether or not the quarter has begun by the publication date; "the
previous quarter" and "the next quarter" are beside the quarter talked about; "a year before"
as an adverb is "a year earlier"."""

from __future__ import annotations

import pytest

from tests.time_docs import blank_doc, tagged, values

# Published in late October (the fourth quarter): nine months of the year are over.
OCTOBER = "2021-10-27"
# Published in February (the first quarter): no later quarter of the year has begun.
FEBRUARY = "2021-02-10"


@pytest.mark.parametrize(
    ("span", "length"), [("the nine months", "P9M"), ("the six months", "P6M")]
)
def test_a_year_earlier_after_the_months_of_the_year_so_far_is_the_year_before(
    span: str, length: str
) -> None:
    text = (
        "Orchard Bakeries earned $4 million in the third quarter, up from $3 million a year "
        f"earlier. For {span}, it earned $9 million, up from $7 million a year earlier."
    )
    found = values(blank_doc(text, published=OCTOBER))
    assert found == [
        ("the third quarter", "2021-Q3"),
        ("a year earlier", "2020-Q3"),  # the quarter, a year back
        (span, length),
        ("a year earlier", "2020"),  # the months of the year so far, a year back
    ]


def test_nine_months_of_a_life_leave_no_quarter_behind() -> None:
    # Outside a report the span changes nothing: no quarter was talked about before it.
    text = "Mira Tallis spent the nine months in Lisbon. A year earlier she had moved to Porto."
    assert values(blank_doc(text, published=OCTOBER)) == [
        ("the nine months", "P9M"),
        ("A year earlier", "2020"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Halden Tools expects sales to recover in the third quarter of next year.",
            [("the third quarter of next year", "2022-Q3")],
        ),
        (
            "Halden Tools expects sales to recover in the second half of next year.",
            [("the second half of next year", "2022-H2")],
        ),
        (
            "Halden Tools will open its plant in the third quarter of this year.",
            [("the third quarter of this year", "2021-Q3")],
        ),
        (
            "Halden Tools lost money in the third quarter of last year.",
            [("the third quarter of last year", "2020-Q3")],
        ),
        (
            "Halden Tools lost money in last year's third quarter.",
            [("last year's third quarter", "2020-Q3")],
        ),
        # A quarter with no year named that has not begun is still last year's.
        ("Halden Tools lost money in the third quarter.", [("the third quarter", "2020-Q3")]),
    ],
)
def test_a_quarter_of_a_year_named_from_today_is_in_that_year(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(blank_doc(text, published=FEBRUARY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Halden Tools earned more in the third quarter than in the previous quarter. "
            "Results for that quarter were strong.",
            [
                ("the third quarter", "2021-Q3"),
                ("the previous quarter", "2021-Q2"),
                ("that quarter", "2021-Q3"),
            ],
        ),
        (
            "Halden Tools lost money in the fourth quarter of 2020 and earned more in the "
            "following quarter.",
            [("the fourth quarter of 2020", "2020-Q4"), ("the following quarter", "2021-Q1")],
        ),
        # No quarter talked about: beside the last one finished (the third, in October).
        (
            "Halden Tools expects more orders in the next quarter.",
            [("the next quarter", "2021-Q4")],
        ),
    ],
)
def test_the_previous_or_next_quarter_is_beside_the_quarter_talked_about(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(blank_doc(text, published=OCTOBER)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Halden Tools earned $4 million, up from $3 million a year before.",
            [("a year before", "DATE", "2020")],  # as "a year earlier"
        ),
        ("Mira Tallis had left Porto a month before.", [("a month before", "DURATION", "P1M")]),
        # before an event it is the length between the two
        ("A year before the merger, Halden Tools moved.", [("A year", "DURATION", "P1Y")]),
    ],
)
def test_a_length_before_as_an_adverb_is_a_length_earlier(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert tagged(blank_doc(text, published=OCTOBER)) == expected
