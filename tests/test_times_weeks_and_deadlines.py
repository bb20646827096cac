"""Two time rules (issue 14), on hand-built parsed Docs: "the week of <day>" is the calendar
week that holds the day, and a state that a present clause says lasts "until" a day ends
ahead of the story, not behind it."""

from __future__ import annotations

import pytest

from newsgraph.nlp.times.direction import clause_direction
from tests.time_docs import Parse, build, tagged, values

# Published Wednesday 2021-06-02.
PUBLISHED = "2021-06-02"

HEARING_THE_WEEK_OF: Parse = [
    ("A", "DT", "DET", 1, "det"),
    ("hearing", "NN", "NOUN", 1, "ROOT"),
    ("is", "VBZ", "AUX", 1, "cop"),
    ("set", "VBN", "VERB", 1, "acl"),
    ("for", "IN", "ADP", 3, "prep"),
    ("the", "DT", "DET", 6, "det"),
    ("week", "NN", "NOUN", 4, "pobj"),
    ("of", "IN", "ADP", 6, "prep"),
    ("June", "NNP", "PROPN", 7, "pobj"),
    ("21", "CD", "NUM", 8, "nummod"),
]
FAIR_THE_WEEKEND_OF: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("fair", "NN", "NOUN", 2, "nsubj"),
    ("opens", "VBZ", "VERB", 2, "ROOT"),
    ("the", "DT", "DET", 4, "det"),
    ("weekend", "NN", "NOUN", 2, "npadvmod"),
    ("of", "IN", "ADP", 4, "prep"),
    ("July", "NNP", "PROPN", 5, "pobj"),
    ("10", "CD", "NUM", 6, "nummod"),
]


@pytest.mark.parametrize(
    ("parse", "extent", "value"),
    [
        (HEARING_THE_WEEK_OF, "the week of June 21", "2021-W25"),
        (FAIR_THE_WEEKEND_OF, "the weekend of July 10", "2021-W27-WE"),
    ],
)
def test_the_week_of_a_day_is_the_week_that_holds_it(parse: Parse, extent: str, value: str) -> None:
    assert tagged(build(parse, published=PUBLISHED)) == [(extent, "DATE", value)]


# The clinic has given the family until noon Friday: the deadline is the coming Friday.
HAS_GIVEN_UNTIL_NOON_FRIDAY: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("clinic", "NN", "NOUN", 3, "nsubj"),
    ("has", "VBZ", "AUX", 3, "aux"),
    ("given", "VBN", "VERB", 3, "ROOT"),
    ("the", "DT", "DET", 5, "det"),
    ("family", "NN", "NOUN", 3, "dobj"),
    ("until", "IN", "ADP", 3, "prep"),
    ("noon", "NN", "NOUN", 6, "pobj"),
    ("Friday", "NNP", "PROPN", 7, "npadvmod"),
]
STAYS_SHUT_UNTIL_MONDAY: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("library", "NN", "NOUN", 2, "nsubj"),
    ("stays", "VBZ", "VERB", 2, "ROOT"),
    ("shut", "VBN", "VERB", 2, "xcomp"),
    ("until", "IN", "ADP", 3, "prep"),
    ("Monday", "NNP", "PROPN", 4, "pobj"),
]
# A past clause: the stay is over, and its Sunday is the one gone.
STAYED_UNTIL_SUNDAY: Parse = [
    ("Ms.", "NNP", "PROPN", 1, "compound"),
    ("Okafor", "NNP", "PROPN", 2, "nsubj"),
    ("stayed", "VBD", "VERB", 2, "ROOT"),
    ("until", "IN", "ADP", 2, "prep"),
    ("Sunday", "NNP", "PROPN", 3, "pobj"),
]


@pytest.mark.parametrize(
    ("parse", "extent", "direction", "value"),
    [
        (HAS_GIVEN_UNTIL_NOON_FRIDAY, "noon Friday", "future", "2021-06-04T12:00"),
        (STAYS_SHUT_UNTIL_MONDAY, "Monday", "future", "2021-06-07"),
        (STAYED_UNTIL_SUNDAY, "Sunday", "past", "2021-05-30"),
    ],
)
def test_a_state_held_until_a_day_ends_ahead_unless_its_clause_is_past(
    parse: Parse, extent: str, direction: str, value: str
) -> None:
    doc = build(parse, published=PUBLISHED)
    assert clause_direction(doc[-1:]) == direction
    assert values(doc) == [(extent, value)]
