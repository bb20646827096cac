"""Names that look like other words (issue 14), on hand-built parsed Docs: "May" is a whole
month name, not an abbreviation that a first name could be ("Jan Kavan"); "high noon" is a
showdown, not twelve o'clock."""

from __future__ import annotations

import pytest

from tests.time_docs import Parse, build, values

HEARD_IN_MAY: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("appeal", "NN", "NOUN", 3, "nsubjpass"),
    ("is", "VBZ", "AUX", 3, "auxpass"),
    ("heard", "VBN", "VERB", 3, "ROOT"),
    ("in", "IN", "ADP", 3, "prep"),
    ("May", "NNP", "PROPN", 4, "pobj"),
]
FINISHED_BY_MAY: Parse = [
    ("Crews", "NNS", "NOUN", 1, "nsubj"),
    ("finished", "VBD", "VERB", 1, "ROOT"),
    ("by", "IN", "ADP", 1, "prep"),
    ("May", "NNP", "PROPN", 2, "pobj"),
]
# A first name of three letters that is also a month's abbreviation.
JAN_OKONJO_SPOKE: Parse = [
    ("Jan", "NNP", "PROPN", 1, "compound"),
    ("Okonjo", "NNP", "PROPN", 2, "nsubj"),
    ("spoke", "VBD", "VERB", 2, "ROOT"),
]
HIGH_NOON_FOR_THE_COUNCIL: Parse = [
    ("It", "PRP", "PRON", 1, "nsubj"),
    ("is", "VBZ", "AUX", 1, "ROOT"),
    ("high", "JJ", "ADJ", 3, "amod"),
    ("noon", "NN", "NOUN", 1, "attr"),
    ("for", "IN", "ADP", 3, "prep"),
    ("the", "DT", "DET", 6, "det"),
    ("council", "NN", "NOUN", 4, "pobj"),
]
MEET_AT_NOON: Parse = [
    ("They", "PRP", "PRON", 1, "nsubj"),
    ("met", "VBD", "VERB", 1, "ROOT"),
    ("at", "IN", "ADP", 1, "prep"),
    ("noon", "NN", "NOUN", 2, "pobj"),
]


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (HEARD_IN_MAY, [("May", "2021-05")]),
        (FINISHED_BY_MAY, [("May", "2021-05")]),
        (JAN_OKONJO_SPOKE, []),
        (HIGH_NOON_FOR_THE_COUNCIL, []),
        (MEET_AT_NOON, [("noon", "2021-06-02T12:00")]),
    ],
)
def test_names_that_look_like_other_words(parse: Parse, expected: list[tuple[str, str]]) -> None:
    assert values(build(parse, published="2021-06-02")) == expected
