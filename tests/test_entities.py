"""Entities: each named thing once per article, all its mentions, the fullest name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsgraph
from newsgraph.nlp.entities.component import find_entities
from tests.conftest import SEED, shared_path
from tests.entity_docs import entity_doc, entity_names


def test_surname_and_honorific_join_the_full_name() -> None:
    text = "Jens Stoltenberg spoke. Mr. Stoltenberg added more. Stoltenberg left."
    doc = entity_doc(
        text,
        [("Jens Stoltenberg", "PERSON"), ("Mr. Stoltenberg", "PERSON"), ("Stoltenberg", "ORG")],
    )
    assert entity_names(doc) == {"Jens Stoltenberg": ("PERSON", 3)}


def test_two_people_with_one_surname_stay_apart() -> None:
    text = "Bill Clinton and Hillary Clinton met. Clinton spoke."
    doc = entity_doc(
        text, [("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON"), ("Clinton", "PERSON")]
    )
    assert set(entity_names(doc)) == {"Bill Clinton", "Hillary Clinton", "Clinton"}


def test_country_aliases_are_one_entity() -> None:
    text = "The US and the U.S. Congress. Then the United States said so."
    doc = entity_doc(text, [("US", "GPE"), ("U.S.", "GPE"), ("the United States", "GPE")])
    entities = find_entities(doc)
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("United States", "GPE", 3)]
    # The mention of "the United States" starts at the name, not at the determiner.
    assert entities[0].mentions[-1].text == "United States"


def test_acronym_joins_the_name_it_abbreviates() -> None:
    text = "The North Atlantic Treaty Organization met. NATO said no."
    doc = entity_doc(text, [("North Atlantic Treaty Organization", "ORG"), ("NATO", "ORG")])
    assert entity_names(doc) == {"North Atlantic Treaty Organization": ("ORG", 2)}


def test_possessive_is_trimmed_and_furniture_dropped() -> None:
    text = "NATO’s mission ended. 0 Views"
    doc = entity_doc(text, [("NATO’s", "ORG"), ("Views", "ORG")])
    entities = find_entities(doc)
    assert [(e.name, [m.text for m in e.mentions]) for e in entities] == [("NATO", ["NATO"])]


def test_ids_follow_first_mention_and_spans_index_the_text() -> None:
    text = "Brussels hosted Ann Lee. Later Lee went to Brussels."
    doc = entity_doc(
        text, [("Brussels", "GPE"), ("Ann Lee", "PERSON"), ("Lee", "PERSON"), ("Brussels", "GPE")]
    )
    entities = find_entities(doc)
    assert [(e.id, e.name) for e in entities] == [("e1", "Brussels"), ("e2", "Ann Lee")]
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_numbers_and_dates_are_not_entities() -> None:
    text = "On Monday 3 people met."
    doc = entity_doc(text, [("Monday", "DATE"), ("3", "CARDINAL")])
    assert find_entities(doc) == ()


@pytest.mark.model
def test_seed_article_gives_the_gold_entities(nlp: Any) -> None:
    text = shared_path(SEED + ".txt").read_text(encoding="utf-8")
    gold = json.loads(shared_path(SEED + ".gold.json").read_text(encoding="utf-8"))
    article = newsgraph.extract(text)
    found = {(e.type, e.name) for e in article.entities}
    for label, names in gold["entities"].items():
        if label == "note":
            continue
        for name in names:
            assert (label, name) in found, (label, name, sorted(found))
    # "US" and "the United States" are one entity; furniture and the byline are not entities.
    united = [e for e in article.entities if e.name == "United States"]
    assert len(united) == 1
    assert {m.text for m in united[0].mentions} >= {"US", "United States"}
    names = {e.name for e in article.entities}
    assert "Views" not in names
    assert not any(author in name for author in gold["metadata"]["authors"] for name in names)


def test_two_word_surnames_and_arabic_particles_join_the_full_name() -> None:
    text = "Osama bin Laden hid. Bin Laden fled. Omar al-Bashir ruled. Bashir left."
    doc = entity_doc(
        text,
        [
            ("Osama bin Laden", "PERSON"),
            ("Bin Laden", "PERSON"),
            ("Omar al-Bashir", "PERSON"),
            ("Bashir", "PERSON"),
        ],
    )
    assert entity_names(doc) == {"Osama bin Laden": ("PERSON", 2), "Omar al-Bashir": ("PERSON", 2)}


def test_mixed_case_form_names_the_entity_over_dateline_capitals() -> None:
    text = "LONDON — The mayor of London spoke."
    doc = entity_doc(text, [("LONDON", "GPE"), ("London", "GPE")])
    assert entity_names(doc) == {"London": ("GPE", 2)}


def test_a_span_over_a_colon_is_not_a_name() -> None:
    text = "WALLACE: Let us start. Then the Human Rights Council met."
    doc = entity_doc(
        text, [("WALLACE: Let us start", "WORK_OF_ART"), ("Human Rights Council", "ORG")]
    )
    assert entity_names(doc) == {"Human Rights Council": ("ORG", 1)}


def test_a_generational_suffix_names_the_same_person() -> None:
    doc = entity_doc(
        "Brent Vole III wrote the letter. Later Brent Vole said it was fine.",
        [("Brent Vole III", "PERSON"), ("Brent Vole", "PERSON")],
    )
    assert entity_names(doc) == {"Brent Vole III": ("PERSON", 2)}


def test_a_surname_before_a_colon_is_a_headline_speaker() -> None:
    # "Varga: Talks will go on" opens the page: Varga is the speaker the headline quotes.
    doc = entity_doc(
        "Varga: Talks will go on.\n\nIlona Varga said so.", [("Ilona Varga", "PERSON")]
    )
    assert entity_names(doc) == {"Ilona Varga": ("PERSON", 2)}


def test_a_person_name_drops_the_titles_the_tagger_took_into_it() -> None:
    text = "Councillor Amy Ross met Tenant Rosa Diaz and Farmer Brown."
    ents = [("Councillor Amy Ross", "PERSON"), ("Tenant Rosa Diaz", "PERSON")]
    doc = entity_doc(text, [*ents, ("Farmer Brown", "PERSON")])
    names = entity_names(doc)
    assert {"Amy Ross", "Rosa Diaz", "Farmer Brown"} <= set(names)  # two words stay at least


def test_a_surname_in_capitals_joins_its_person() -> None:
    # A transcript's speaker label writes the surname in capitals.
    text = "Senator Ana Lopez spoke.\n\nLOPEZ: I will not."
    names = entity_names(entity_doc(text, [("Ana Lopez", "PERSON")]))
    assert names["Ana Lopez"] == ("PERSON", 2)


def test_a_given_name_the_tagger_left_out_opens_the_persons_name() -> None:
    # The tagger typed only "Lee"; "Ana" right before it is the same person's first name.
    text = "Ana Lee spoke first. Lee left early."
    doc = entity_doc(text, [("Lee", "PERSON"), ("Lee", "PERSON")])
    assert entity_names(doc) == {"Ana Lee": ("PERSON", 2)}
    # A capitalised word that is no given name stays out ("Reporter Lee").
    doc = entity_doc("Reporter Lee spoke first.", [("Lee", "PERSON")])
    assert entity_names(doc) == {"Lee": ("PERSON", 1)}


@pytest.mark.model
def test_a_name_inside_a_longer_mention_of_its_entity_is_one_mention(nlp: Any) -> None:
    # In the bundled example the tagger finds "Ramanathan"; the title rule finds "Dev
    # Ramanathan" over the same words: one mention, the longer one (a second mention gave
    # the store a "title", "Councillor Dev"). The sentence alone is tagged whole, so the
    # whole article is read.
    text = (Path(__file__).parent.parent / "examples" / "harbour-bridge-vote.txt").read_text()
    entity = next(e for e in nlp(text)._.ng_entities if e.name == "Dev Ramanathan")
    names = [(m.text, m.kind) for m in entity.mentions if m.kind == "name"]
    assert names == [("Dev Ramanathan", "name")]


def test_a_name_without_its_middle_initial_joins_the_fuller_name() -> None:
    text = "Marta Quill spoke. Marta J. Quill, the mayor, added more. Quill left."
    doc = entity_doc(
        text, [("Marta Quill", "PERSON"), ("Marta J. Quill", "PERSON"), ("Quill", "ORG")]
    )
    # One person: the surname alone then has one full name to join, not two.
    assert entity_names(doc) == {"Marta J Quill": ("PERSON", 3)}


def test_a_name_two_fuller_names_fit_stays_apart() -> None:
    text = "Tomas R. Vell and Tomas K. Vell met. Tomas Vell spoke."
    doc = entity_doc(
        text,
        [("Tomas R. Vell", "PERSON"), ("Tomas K. Vell", "PERSON"), ("Tomas Vell", "PERSON")],
    )
    assert set(entity_names(doc)) == {"Tomas R Vell", "Tomas K Vell", "Tomas Vell"}


def test_a_full_name_typed_person_outvotes_its_surname_typed_a_body() -> None:
    text = "Marta J. Quill spoke. Quill said no. Quill left. Quill returned."
    doc = entity_doc(
        text,
        [("Marta J. Quill", "PERSON"), ("Quill", "ORG"), ("Quill", "ORG"), ("Quill", "ORG")],
    )
    assert entity_names(doc) == {"Marta J Quill": ("PERSON", 4)}
