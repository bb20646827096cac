"""Entities that hold together for coreference (no model): first names and surnames join
their full name, names keep apostrophes and hyphens, no entity from a contraction, a glued
credit or a number, and a courtesy title or an age makes a person whatever the tagger said."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.nlp.entities.component import find_entities
from tests.entity_docs import entity_doc, entity_names

OURS = ("newsgraph_entities", "newsgraph_coref", "newsgraph_times", "newsgraph_quotes")


def test_a_first_name_joins_the_one_full_name_it_starts() -> None:
    doc = entity_doc(
        "Ling Wei spoke. Later Ling said no.", [("Ling Wei", "PERSON"), ("Ling", "PERSON")]
    )
    assert entity_names(doc) == {"Ling Wei": ("PERSON", 2)}


def test_a_surname_written_first_joins_its_full_name() -> None:
    doc = entity_doc(
        "Park Ji-ho won. Park said so.", [("Park Ji-ho", "PERSON"), ("Park", "PERSON")]
    )
    assert entity_names(doc) == {"Park Ji-ho": ("PERSON", 2)}


def test_a_first_name_two_people_share_stays_apart() -> None:
    text = "Ann Lee and Ann Moss met. Ann said no."
    doc = entity_doc(text, [("Ann Lee", "PERSON"), ("Ann Moss", "PERSON"), ("Ann", "PERSON")])
    assert len(entity_names(doc)) == 3


def test_names_keep_their_apostrophes_and_hyphens() -> None:
    text = "Dan O'Brien of the Premier's Office met Anne-Marie Duval. O’Brien left."
    doc = entity_doc(
        text,
        [
            ("Dan O'Brien", "PERSON"),
            ("Premier's Office", "ORG"),
            ("Anne-Marie Duval", "PERSON"),
            ("O’Brien", "PERSON"),
        ],
    )
    names = entity_names(doc)
    assert names["Dan O'Brien"] == ("PERSON", 2)  # the typographic apostrophe is the same name
    assert "Premier's Office" in names
    assert "Anne-Marie Duval" in names


def test_no_entity_from_a_contraction() -> None:
    doc = entity_doc("They did n't go.", [("n't", "PERSON")])
    assert entity_names(doc) == {}


def test_no_entity_from_a_word_glued_to_a_credit_or_from_a_number() -> None:
    text = "The photo 2021Getty Images ran. PhotoJane Holm took it. Room 101 opened."
    doc = entity_doc(
        text, [("2021Getty Images", "ORG"), ("PhotoJane Holm", "PERSON"), ("101", "ORG")]
    )
    assert entity_names(doc) == {}


def test_a_courtesy_title_makes_a_person_of_a_name_typed_org() -> None:
    doc = entity_doc("Mr. Vellmar said no.", [("Vellmar", "GPE")])
    assert entity_names(doc) == {"Vellmar": ("PERSON", 1)}


def test_an_age_after_a_name_makes_a_person() -> None:
    doc = entity_doc("Harwick Dole, 45, said no.", [("Harwick Dole", "ORG")])
    assert entity_names(doc) == {"Harwick Dole": ("PERSON", 1)}


@pytest.mark.model
def test_a_hyphenated_name_the_tagger_missed_joins_its_person(nlp: Any) -> None:
    text = "Mira Dal-Ostrow founded the studio in 1990. In 2001, Dal-Ostrow sold her shares."
    with nlp.select_pipes(disable=list(OURS)):
        doc = nlp(text)
    start = text.index("Mira Dal-Ostrow")
    span = doc.char_span(start, start + len("Mira Dal-Ostrow"), label="PERSON")
    assert span is not None
    doc.ents = [span]  # the tagger found the full name only
    entities = find_entities(doc)
    person = next(e for e in entities if e.name == "Mira Dal-Ostrow")
    assert [m.text for m in person.mentions] == ["Mira Dal-Ostrow", "Dal-Ostrow"]


@pytest.mark.model
def test_a_word_only_inside_a_bodys_name_may_be_a_person_taken_up(nlp: Any) -> None:
    text = (
        "The duo Varn and Layton toured until 1956. Later Varn left the duo, and his band broke up."
    )
    with nlp.select_pipes(disable=list(OURS)):
        doc = nlp(text)
    start = text.index("Varn and Layton")
    span = doc.char_span(start, start + len("Varn and Layton"), label="ORG")
    assert span is not None
    doc.ents = [span]
    # "Varn" of the duo's name names no one alone: the "Varn" his takes up is a person.
    names = {e.name: e.type for e in find_entities(doc)}
    assert names.get("Varn") == "PERSON"


def test_a_persons_name_the_tagger_ran_into_a_bodys_ends_it() -> None:
    text = "Varn hit four home runs. The Larks traded Ole Dahl to the Boston Reds and Varn stayed."
    doc = entity_doc(
        text,
        [
            ("Varn", "PERSON"),
            ("Larks", "ORG"),
            ("Ole Dahl", "PERSON"),
            ("Boston Reds and Varn", "ORG"),
        ],
    )
    names = entity_names(doc)
    assert names["Varn"] == ("PERSON", 2)
    assert names["Boston Reds"] == ("ORG", 1)


def test_a_bodys_name_of_two_like_words_stays_whole() -> None:
    text = "Lund and Lund hired Lund in 2004."
    doc = entity_doc(text, [("Lund and Lund", "ORG"), ("Lund", "PERSON")])
    assert entity_names(doc) == {"Lund and Lund": ("ORG", 1), "Lund": ("PERSON", 1)}


def test_a_name_joins_the_full_name_it_was_born() -> None:
    # Two full names end with "Vanger": the surname alone would join neither, but the name
    # she "was born" is hers.
    text = "Vanger was born Ilsa Marie Vanger in Orrin, the daughter of Tomas Vanger."
    doc = entity_doc(
        text,
        [
            ("Vanger", "PERSON"),
            ("Ilsa Marie Vanger", "PERSON"),
            ("Orrin", "GPE"),
            ("Tomas Vanger", "PERSON"),
        ],
    )
    names = entity_names(doc)
    assert names["Ilsa Marie Vanger"] == ("PERSON", 2)
    assert names["Tomas Vanger"] == ("PERSON", 1)


def test_a_married_name_joins_the_name_it_was_born() -> None:
    text = "Dahl-Orrin was born Kerstin Dahl in Vellby."
    doc = entity_doc(text, [("Dahl-Orrin", "ORG"), ("Kerstin Dahl", "PERSON"), ("Vellby", "GPE")])
    assert entity_names(doc)["Kerstin Dahl"] == ("PERSON", 2)


@pytest.mark.model
def test_two_names_the_tagger_read_as_one_across_a_comma_are_two(nlp: Any) -> None:
    text = "In 1982, while still at Vellmont, Brisk helped to reunite the band."
    with nlp.select_pipes(disable=list(OURS)):
        doc = nlp(text)
    start = text.index("Vellmont, Brisk")
    span = doc.char_span(start, start + len("Vellmont, Brisk"), label="PERSON")
    assert span is not None
    doc.ents = [span]
    assert {e.name for e in find_entities(doc)} == {"Vellmont", "Brisk"}


@pytest.mark.model
def test_a_bodys_name_of_several_names_and_a_suffix_keep_their_commas(nlp: Any) -> None:
    text = "The deal was handled by Skadden, Arps, Slate, Meagher & Flom. Tomas Vanger, Jr. left."
    with nlp.select_pipes(disable=list(OURS)):
        doc = nlp(text)
    spans = []
    for name, label in (
        ("Skadden, Arps, Slate, Meagher & Flom", "ORG"),
        ("Tomas Vanger, Jr.", "PERSON"),
    ):
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    names = {e.name for e in find_entities(doc)}
    assert "Skadden, Arps, Slate, Meagher & Flom" in names
    assert not any(n.startswith("Jr") for n in names)
