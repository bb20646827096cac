"""Entities that hold together for coreference (no model): first names and surnames join
their full name, names keep apostrophes and hyphens, no entity from a contraction, a glued
credit or a number, and a courtesy title or an age makes a person whatever the tagger said."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.nlp.entities.component import find_entities

BLANK = spacy.blank("en")


def _doc(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A blank Doc with the given (mention text, label) entities, found left to right."""
    doc = BLANK(text)
    spans, cursor = [], 0
    for mention, label in ents:
        start = text.index(mention, cursor)
        cursor = start + len(mention)
        span = doc.char_span(start, cursor, label=label)
        assert span is not None, mention
        spans.append(span)
    doc.ents = spans
    return doc


def _names(doc: Doc) -> dict[str, tuple[str, int]]:
    return {e.name: (e.type, len(e.mentions)) for e in find_entities(doc)}


def test_a_first_name_joins_the_one_full_name_it_starts() -> None:
    doc = _doc("Ling Wei spoke. Later Ling said no.", [("Ling Wei", "PERSON"), ("Ling", "PERSON")])
    assert _names(doc) == {"Ling Wei": ("PERSON", 2)}


def test_a_surname_written_first_joins_its_full_name() -> None:
    doc = _doc("Park Ji-ho won. Park said so.", [("Park Ji-ho", "PERSON"), ("Park", "PERSON")])
    assert _names(doc) == {"Park Ji-ho": ("PERSON", 2)}


def test_a_first_name_two_people_share_stays_apart() -> None:
    text = "Ann Lee and Ann Moss met. Ann said no."
    doc = _doc(text, [("Ann Lee", "PERSON"), ("Ann Moss", "PERSON"), ("Ann", "PERSON")])
    assert len(_names(doc)) == 3


def test_names_keep_their_apostrophes_and_hyphens() -> None:
    text = "Dan O'Brien of the Premier's Office met Anne-Marie Duval. O’Brien left."
    doc = _doc(
        text,
        [
            ("Dan O'Brien", "PERSON"),
            ("Premier's Office", "ORG"),
            ("Anne-Marie Duval", "PERSON"),
            ("O’Brien", "PERSON"),
        ],
    )
    names = _names(doc)
    assert names["Dan O'Brien"] == ("PERSON", 2)  # the typographic apostrophe is the same name
    assert "Premier's Office" in names
    assert "Anne-Marie Duval" in names


def test_no_entity_from_a_contraction() -> None:
    doc = _doc("They did n't go.", [("n't", "PERSON")])
    assert _names(doc) == {}


def test_no_entity_from_a_word_glued_to_a_credit_or_from_a_number() -> None:
    text = "The photo 2021Getty Images ran. PhotoJane Holm took it. Room 101 opened."
    doc = _doc(text, [("2021Getty Images", "ORG"), ("PhotoJane Holm", "PERSON"), ("101", "ORG")])
    assert _names(doc) == {}


def test_a_courtesy_title_makes_a_person_of_a_name_typed_org() -> None:
    doc = _doc("Mr. Vellmar said no.", [("Vellmar", "GPE")])
    assert _names(doc) == {"Vellmar": ("PERSON", 1)}


def test_an_age_after_a_name_makes_a_person() -> None:
    doc = _doc("Harwick Dole, 45, said no.", [("Harwick Dole", "ORG")])
    assert _names(doc) == {"Harwick Dole": ("PERSON", 1)}
