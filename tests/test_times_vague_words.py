"""Vague words that are not times (issue 14), on hand-built parsed Docs: "the future of" a
thing and "the future" as a subject are prospects, "soon after" an event measures from it;
"mid afternoon" is a part of the day whether or not it is hyphenated; "a while" is a length of
no stated unit, "once in a while" none; "the past" that counts periods is no vague past; a
capitalised "Today" after a name ends the name ("USA Today")."""

from __future__ import annotations

import pytest

from tests.time_docs import Parse, build, values

THE_FUTURE_OF_THE_MILL: Parse = [
    ("Workers", "NNS", "NOUN", 1, "nsubj"),
    ("debated", "VBD", "VERB", 1, "ROOT"),
    ("the", "DT", "DET", 3, "det"),
    ("future", "NN", "NOUN", 1, "dobj"),
    ("of", "IN", "ADP", 3, "prep"),
    ("the", "DT", "DET", 6, "det"),
    ("mill", "NN", "NOUN", 4, "pobj"),
]
THE_FUTURE_LOOKS_BLEAK: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("future", "NN", "NOUN", 2, "nsubj"),
    ("looks", "VBZ", "VERB", 2, "ROOT"),
    ("bleak", "JJ", "ADJ", 2, "acomp"),
]
SOON_AFTER_THE_VOTE: Parse = [
    ("She", "PRP", "PRON", 1, "nsubj"),
    ("resigned", "VBD", "VERB", 1, "ROOT"),
    ("soon", "RB", "ADV", 3, "advmod"),
    ("after", "IN", "ADP", 1, "prep"),
    ("the", "DT", "DET", 5, "det"),
    ("vote", "NN", "NOUN", 3, "pobj"),
]
WORRIED_ABOUT_THE_FUTURE: Parse = [
    ("Farmers", "NNS", "NOUN", 2, "nsubj"),
    ("are", "VBP", "AUX", 2, "auxpass"),
    ("worried", "VBN", "VERB", 2, "ROOT"),
    ("about", "IN", "ADP", 2, "prep"),
    ("the", "DT", "DET", 5, "det"),
    ("future", "NN", "NOUN", 3, "pobj"),
]
WILL_SOON_REOPEN: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("pool", "NN", "NOUN", 4, "nsubj"),
    ("will", "MD", "AUX", 4, "aux"),
    ("soon", "RB", "ADV", 4, "advmod"),
    ("reopen", "VB", "VERB", 4, "ROOT"),
]
BY_MID_AFTERNOON: Parse = [
    ("By", "IN", "ADP", 4, "prep"),
    ("mid", "JJ", "ADJ", 2, "amod"),
    ("afternoon", "NN", "NOUN", 0, "pobj"),
    ("crowds", "NNS", "NOUN", 4, "nsubj"),
    ("gathered", "VBD", "VERB", 4, "ROOT"),
]

FOR_A_WHILE: Parse = [
    ("The", "DT", "DET", 1, "det"),
    ("town", "NN", "NOUN", 3, "nsubj"),
    ("will", "MD", "AUX", 3, "aux"),
    ("live", "VB", "VERB", 3, "ROOT"),
    ("without", "IN", "ADP", 3, "prep"),
    ("power", "NN", "NOUN", 4, "pobj"),
    ("for", "IN", "ADP", 3, "prep"),
    ("a", "DT", "DET", 8, "det"),
    ("while", "NN", "NOUN", 6, "pobj"),
]
A_WHILE_AGO: Parse = [
    ("She", "PRP", "PRON", 1, "nsubj"),
    ("left", "VBD", "VERB", 1, "ROOT"),
    ("a", "DT", "DET", 3, "det"),
    ("while", "NN", "NOUN", 4, "npadvmod"),
    ("ago", "RB", "ADV", 1, "advmod"),
]
ONCE_IN_A_WHILE: Parse = [
    ("They", "PRP", "PRON", 1, "nsubj"),
    ("meet", "VBP", "VERB", 1, "ROOT"),
    ("once", "RB", "ADV", 1, "advmod"),
    ("in", "IN", "ADP", 1, "prep"),
    ("a", "DT", "DET", 5, "det"),
    ("while", "NN", "NOUN", 3, "pobj"),
]
FOR_THE_PAST_THREE_SUMMERS: Parse = [
    ("Riots", "NNS", "NOUN", 1, "nsubj"),
    ("erupted", "VBD", "VERB", 1, "ROOT"),
    ("for", "IN", "ADP", 1, "prep"),
    ("the", "DT", "DET", 6, "det"),
    ("past", "JJ", "ADJ", 6, "amod"),
    ("three", "CD", "NUM", 6, "nummod"),
    ("summers", "NNS", "NOUN", 2, "pobj"),
]

READ_IN_USA_TODAY: Parse = [
    ("She", "PRP", "PRON", 1, "nsubj"),
    ("read", "VBD", "VERB", 1, "ROOT"),
    ("it", "PRP", "PRON", 1, "dobj"),
    ("in", "IN", "ADP", 1, "prep"),
    ("USA", "NNP", "PROPN", 5, "compound"),
    ("Today", "NNP", "PROPN", 3, "pobj"),
]
TODAY_THE_MILL_REOPENED: Parse = [
    ("Today", "NN", "NOUN", 4, "npadvmod"),
    (",", ",", "PUNCT", 4, "punct"),
    ("the", "DT", "DET", 3, "det"),
    ("mill", "NN", "NOUN", 4, "nsubj"),
    ("reopened", "VBD", "VERB", 4, "ROOT"),
]


@pytest.mark.parametrize(
    "parse",
    [
        THE_FUTURE_OF_THE_MILL,
        THE_FUTURE_LOOKS_BLEAK,
        SOON_AFTER_THE_VOTE,
        ONCE_IN_A_WHILE,
        READ_IN_USA_TODAY,
        FOR_THE_PAST_THREE_SUMMERS,
    ],
)
def test_prospects_and_distances_are_not_times(parse: Parse) -> None:
    assert values(build(parse, published="2021-06-02")) == []


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (WORRIED_ABOUT_THE_FUTURE, [("the future", "FUTURE_REF")]),
        (WILL_SOON_REOPEN, [("soon", "FUTURE_REF")]),
        (BY_MID_AFTERNOON, [("mid afternoon", "2021-06-02TAF")]),
        (FOR_A_WHILE, [("a while", "PXX")]),
        (A_WHILE_AGO, [("a while ago", "PAST_REF")]),
        (TODAY_THE_MILL_REOPENED, [("Today", "2021-06-02")]),
    ],
)
def test_times_that_stay(parse: Parse, expected: list[tuple[str, str]]) -> None:
    assert values(build(parse, published="2021-06-02")) == expected
