"""Clause subjects in coreference: who binds an object pronoun, and which clause's subject a
name is from the pronoun (`features.clause_subject`, `subject_level`, `resolve._binds`)."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.nlp.coref.features import (
    PronounClauses,
    _coordinated,
    _inside_subject,
    _quoted_name,
    subject_level,
)
from newsgraph.nlp.coref.resolve import _binds
from tests.entity_docs import mention_owner

pytestmark = pytest.mark.model


def _word(doc: Any, word: str, nth: int = 0) -> Any:
    return [t for t in doc if t.text == word][nth]


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Brandt, who had beaten her at Leeds, won again.",  # a relative pronoun's noun
        "Karl Ostrow waved and thanked her.",  # a subject two verbs share
        "Karl Ostrow left the room, thanking her.",
        "Karl Ostrow allows her to sit in the front row.",  # an infinitive's subject
        "Karl Ostrow believed her to be dead.",
        "Karl Ostrow was still furious with her.",  # the verb's own preposition
        "Karl Ostrow spoke to her about the plan.",
        "Karl Ostrow became her deputy in May.",  # what a copula says the subject is
        "Ilse Brandt, who was her coach, left.",
    ],
)
def test_an_object_pronoun_is_not_the_subject_its_clause_shares_or_stands_for(
    nlp: Any, text: str
) -> None:
    doc = nlp(text)
    name = _word(doc, "Brandt") if "Brandt" in text else _word(doc, "Ostrow")
    assert _binds(_word(doc, "her"), name)


@pytest.mark.parametrize(
    "text",
    [
        "Karl Ostrow left his fears behind him.",  # a preposition of place
        "Karl Ostrow took the bag with him.",  # "with" after an object
        "Karl Ostrow was his own worst enemy.",
    ],
)
def test_a_pronoun_of_place_or_the_subject_own_may_be_the_subject(nlp: Any, text: str) -> None:
    doc = nlp(text)
    pronoun = [t for t in doc if t.lower_ in ("him", "his")][-1]
    assert not _binds(pronoun, _word(doc, "Ostrow"))


def test_a_possessive_and_the_subject_of_a_clause_above_are_free(nlp: Any) -> None:
    doc = nlp("Eva Marsh, who lost her bag, went home.")
    assert not _binds(_word(doc, "her"), _word(doc, "Marsh"))
    doc = nlp("Mara Holt said that Ilse Brandt had praised her.")
    assert _binds(_word(doc, "her"), _word(doc, "Brandt"))
    assert not _binds(_word(doc, "her"), _word(doc, "Holt"))


@pytest.mark.parametrize(
    "second",
    [
        "Ostrow waved and thanked him.",
        "Ostrow left the room, thanking him.",
        "Ostrow allows him to sit in the front row.",
    ],
)
def test_the_subject_a_clause_shares_is_no_referent_of_its_object_pronoun(
    nlp: Any, second: str
) -> None:
    text = "Tomas Lind met Karl Ostrow at the pier. " + second
    assert mention_owner(nlp(text)._.ng_entities, text, "him") == "Tomas Lind"


def test_the_subject_level_counts_clauses_up_from_the_pronoun(nlp: Any) -> None:
    doc = nlp("Mara Holt said that Ilse Brandt had praised her.")
    her = PronounClauses(_word(doc, "her"))
    assert subject_level(_word(doc, "Brandt"), her) == 1  # the pronoun's own clause
    assert subject_level(_word(doc, "Holt"), her) == 2  # the clause it hangs on
    doc = nlp("Eva Marsh, who lost her bag, went home.")
    assert subject_level(_word(doc, "Marsh"), PronounClauses(_word(doc, "her"))) == 1
    doc = nlp("When she left the hall, Mara Holt smiled.")
    # The clause whose subject the pronoun is does not count: Holt's is the one above.
    assert subject_level(_word(doc, "Holt"), PronounClauses(_word(doc, "she"))) == 1
    doc = nlp("Mara Holt met Ilse Brandt at her house.")
    her = PronounClauses(_word(doc, "her"))
    assert subject_level(_word(doc, "Brandt"), her) is None  # an object


def test_the_clause_subjects_stop_two_clauses_up(nlp: Any) -> None:
    doc = nlp("Mara Holt said that Ilse Brandt knew that Eva Marsh had praised her.")
    her = PronounClauses(_word(doc, "her"))
    assert her.subjects == (_word(doc, "Marsh").i, _word(doc, "Brandt").i)
    assert subject_level(_word(doc, "Holt"), her) is None  # three clauses up


def test_a_possessive_in_the_conjunct_after_a_name_is_coordinated(nlp: Any) -> None:
    doc = nlp("Mara Holt met Ilse Brandt and her husband at the pier.")
    her = _word(doc, "her")
    assert _coordinated(_word(doc, "Brandt"), her)
    assert not _coordinated(_word(doc, "Holt"), her)


def test_a_name_alone_in_quotation_marks_is_a_title(nlp: Any) -> None:
    doc = nlp("Ilse Brandt sang the single ``Harbour'' with Mara Holt.")
    assert _quoted_name(_word(doc, "Harbour"))
    assert not _quoted_name(_word(doc, "Brandt"))
    assert not _quoted_name(_word(doc, "Holt"))


def test_a_name_inside_a_subject_phrase_is_not_its_head(nlp: Any) -> None:
    doc = nlp("Ilse Brandt, the sister of Tomas Lind, said he had left.")
    he = PronounClauses(_word(doc, "he"))
    assert _inside_subject(_word(doc, "Lind"), he)  # in an apposition of the subject
    assert not _inside_subject(_word(doc, "Brandt"), he)  # the subject itself
    doc = nlp("Tomas Lind's sister said that he had left.")
    he = PronounClauses(_word(doc, "he"))
    assert _inside_subject(_word(doc, "Lind"), he)  # the subject's possessor


def test_a_name_inside_the_subject_that_holds_the_pronoun_is_not_inside_one(nlp: Any) -> None:
    doc = nlp("The sister of Tomas Lind and her son left early.")
    assert not _inside_subject(_word(doc, "Lind"), PronounClauses(_word(doc, "her")))
