"""A weekday that a plan or an intention looks ahead to is the coming one, whatever the tense
of the plan; a plan that "had been" in force, or a weekday that dates the planning itself,
keeps the tense's side. Hand-built parses, published on Wednesday 2021-06-02: the nearest
Monday and Tuesday lie behind, so only the rule puts them ahead."""

from __future__ import annotations

import pytest

from tests.time_docs import LemmaParse, build_lemmatised, values

PUBLISHED = "2021-06-02"

DID_NOT_PLAN_TO_VOTE_ON_TUESDAY: LemmaParse = [
    ("The", "DT", "DET", 1, "det", "the"),
    ("board", "NN", "NOUN", 4, "nsubj", "board"),
    ("did", "VBD", "AUX", 4, "aux", "do"),
    ("not", "RB", "PART", 4, "neg", "not"),
    ("plan", "VB", "VERB", 4, "ROOT", "plan"),
    ("to", "TO", "PART", 6, "aux", "to"),
    ("vote", "VB", "VERB", 4, "xcomp", "vote"),
    ("on", "IN", "ADP", 6, "prep", "on"),
    ("Tuesday", "NNP", "PROPN", 7, "pobj", "Tuesday"),
    (".", ".", "PUNCT", 4, "punct", "."),
]
# The lemmatiser reads "hoped" as "hop": the rule puts the silent "e" back.
HAD_HOPED_TO_SIGN_ON_MONDAY: LemmaParse = [
    ("Okafor", "NNP", "PROPN", 2, "nsubj", "Okafor"),
    ("had", "VBD", "AUX", 2, "aux", "have"),
    ("hoped", "VBN", "VERB", 2, "ROOT", "hop"),
    ("to", "TO", "PART", 4, "aux", "to"),
    ("sign", "VB", "VERB", 2, "xcomp", "sign"),
    ("the", "DT", "DET", 6, "det", "the"),
    ("lease", "NN", "NOUN", 4, "dobj", "lease"),
    ("on", "IN", "ADP", 4, "prep", "on"),
    ("Monday", "NNP", "PROPN", 7, "pobj", "Monday"),
    (".", ".", "PUNCT", 2, "punct", "."),
]
WAS_SCHEDULED_TO_TESTIFY_MONDAY: LemmaParse = [
    ("The", "DT", "DET", 1, "det", "the"),
    ("ranger", "NN", "NOUN", 3, "nsubjpass", "ranger"),
    ("was", "VBD", "AUX", 3, "auxpass", "be"),
    ("scheduled", "VBN", "VERB", 3, "ROOT", "schedule"),
    ("to", "TO", "PART", 5, "aux", "to"),
    ("testify", "VB", "VERB", 3, "xcomp", "testify"),
    ("Monday", "NNP", "PROPN", 5, "npadvmod", "Monday"),
    (".", ".", "PUNCT", 3, "punct", "."),
]
INTENDED_TO_LEAVE_ON_SUNDAY: LemmaParse = [
    ("The", "DT", "DET", 1, "det", "the"),
    ("crew", "NN", "NOUN", 2, "nsubj", "crew"),
    ("intended", "VBD", "VERB", 2, "ROOT", "intend"),
    ("to", "TO", "PART", 4, "aux", "to"),
    ("leave", "VB", "VERB", 2, "xcomp", "leave"),
    ("on", "IN", "ADP", 4, "prep", "on"),
    ("Sunday", "NNP", "PROPN", 5, "pobj", "Sunday"),
    (".", ".", "PUNCT", 2, "punct", "."),
]
# "intended to try to leave on Monday": the plan two infinitives up.
INTENDED_TO_TRY_TO_LEAVE_ON_MONDAY: LemmaParse = [
    ("The", "DT", "DET", 1, "det", "the"),
    ("crew", "NN", "NOUN", 2, "nsubj", "crew"),
    ("intended", "VBD", "VERB", 2, "ROOT", "intend"),
    ("to", "TO", "PART", 4, "aux", "to"),
    ("try", "VB", "VERB", 2, "xcomp", "try"),
    ("to", "TO", "PART", 6, "aux", "to"),
    ("leave", "VB", "VERB", 4, "xcomp", "leave"),
    ("on", "IN", "ADP", 6, "prep", "on"),
    ("Monday", "NNP", "PROPN", 7, "pobj", "Monday"),
    (".", ".", "PUNCT", 2, "punct", "."),
]
# A schedule that had been in force was replaced: its day may well have passed.
HAD_BEEN_DUE_TO_EXPIRE_MONDAY: LemmaParse = [
    ("The", "DT", "DET", 1, "det", "the"),
    ("permit", "NN", "NOUN", 3, "nsubj", "permit"),
    ("had", "VBD", "AUX", 3, "aux", "have"),
    ("been", "VBN", "AUX", 3, "ROOT", "be"),
    ("due", "JJ", "ADJ", 3, "acomp", "due"),
    ("to", "TO", "PART", 6, "aux", "to"),
    ("expire", "VB", "VERB", 4, "xcomp", "expire"),
    ("Monday", "NNP", "PROPN", 6, "npadvmod", "Monday"),
    (".", ".", "PUNCT", 3, "punct", "."),
]
# The day the planning happened, not the day planned for.
PLANNED_THE_TRIP_ON_MONDAY: LemmaParse = [
    ("They", "PRP", "PRON", 1, "nsubj", "they"),
    ("planned", "VBD", "VERB", 1, "ROOT", "plan"),
    ("the", "DT", "DET", 3, "det", "the"),
    ("trip", "NN", "NOUN", 1, "dobj", "trip"),
    ("on", "IN", "ADP", 1, "prep", "on"),
    ("Monday", "NNP", "PROPN", 4, "pobj", "Monday"),
    (".", ".", "PUNCT", 1, "punct", "."),
]
# "Okafor hopped to visit Monday": a verb that only looks like "hope" ("hopped" is "hop").
HOPPED_TO_VISIT_MONDAY: LemmaParse = [
    ("Okafor", "NNP", "PROPN", 1, "nsubj", "Okafor"),
    ("hopped", "VBD", "VERB", 1, "ROOT", "hop"),
    ("to", "TO", "PART", 3, "aux", "to"),
    ("visit", "VB", "VERB", 1, "xcomp", "visit"),
    ("Monday", "NNP", "PROPN", 3, "npadvmod", "Monday"),
    (".", ".", "PUNCT", 1, "punct", "."),
]


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (DID_NOT_PLAN_TO_VOTE_ON_TUESDAY, ("Tuesday", "2021-06-08")),
        (HAD_HOPED_TO_SIGN_ON_MONDAY, ("Monday", "2021-06-07")),
        (WAS_SCHEDULED_TO_TESTIFY_MONDAY, ("Monday", "2021-06-07")),
        (INTENDED_TO_LEAVE_ON_SUNDAY, ("Sunday", "2021-06-06")),  # not the nearer one behind
        (INTENDED_TO_TRY_TO_LEAVE_ON_MONDAY, ("Monday", "2021-06-07")),
    ],
)
def test_a_weekday_a_plan_looks_ahead_to_is_the_coming_one(
    parse: LemmaParse, expected: tuple[str, str]
) -> None:
    assert values(build_lemmatised(parse, PUBLISHED)) == [expected]


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (HAD_BEEN_DUE_TO_EXPIRE_MONDAY, ("Monday", "2021-05-31")),
        (PLANNED_THE_TRIP_ON_MONDAY, ("Monday", "2021-05-31")),
        (HOPPED_TO_VISIT_MONDAY, ("Monday", "2021-05-31")),
    ],
)
def test_a_replaced_schedule_or_the_planning_itself_keeps_the_tense(
    parse: LemmaParse, expected: tuple[str, str]
) -> None:
    assert values(build_lemmatised(parse, PUBLISHED)) == [expected]


# "She hopes to open the shop in March": a plan looks ahead for a month too, once the
# lemmatiser's "hop" is read as "hope".
HOPES_TO_OPEN_IN_MARCH: LemmaParse = [
    ("She", "PRP", "PRON", 1, "nsubj", "she"),
    ("hopes", "VBZ", "VERB", 1, "ROOT", "hop"),
    ("to", "TO", "PART", 3, "aux", "to"),
    ("open", "VB", "VERB", 1, "xcomp", "open"),
    ("the", "DT", "DET", 5, "det", "the"),
    ("shop", "NN", "NOUN", 3, "dobj", "shop"),
    ("in", "IN", "ADP", 3, "prep", "in"),
    ("March", "NNP", "PROPN", 6, "pobj", "March"),
    (".", ".", "PUNCT", 1, "punct", "."),
]


def test_a_verb_of_hope_the_lemmatiser_misreads_still_looks_ahead() -> None:
    assert values(build_lemmatised(HOPES_TO_OPEN_IN_MARCH, PUBLISHED)) == [("March", "2022-03")]
