"""Descriptions on hand-written sentences (fictional people, places and bodies): appositions
with any noun in both orders, titles with an article before a name, predicate nominals,
gendered and repeated nouns, generic names of bodies, and what must stay unresolved."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.records import Entity
from tests.entity_docs import mention_owner

pytestmark = pytest.mark.model


def _entities(nlp: Any, text: str) -> tuple[Entity, ...]:
    return tuple(nlp(text)._.ng_entities)


def _owner(entities: tuple[Entity, ...], text: str, words: str, nth: int = 0) -> str | None:
    """The name of the entity whose description mention is the `nth` occurrence of `words`."""
    return mention_owner(entities, text, words, nth, kind="description")


def test_an_indefinite_apposition_with_any_noun_describes_the_name(nlp: Any) -> None:
    text = (
        "Tomas Brekke, a beekeeper from the valley, sold honey at the fair. "
        "Halvard Lien, a native of Port Elvin, joined the council in 2019."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a beekeeper") == "Tomas Brekke"
    assert _owner(entities, text, "a native") == "Halvard Lien"


def test_an_apposition_before_the_name_describes_it(nlp: Any) -> None:
    text = "A retired pilot, Mira Solberg, opened the museum on Sunday."
    assert _owner(_entities(nlp, text), text, "A retired pilot") == "Mira Solberg"


def test_a_title_with_its_article_before_a_name_describes_it(nlp: Any) -> None:
    text = "The psychologist Ilse Maren wrote the report. She met the dentist Ola Vik later."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "The psychologist") == "Ilse Maren"
    assert _owner(entities, text, "the dentist") == "Ola Vik"


def test_a_repeated_noun_refers_to_whoever_the_article_called_so(nlp: Any) -> None:
    text = (
        "Tomas Brekke, a beekeeper from the valley, sold honey at the fair. "
        "The beekeeper said prices had doubled."
    )
    assert _owner(_entities(nlp, text), text, "The beekeeper") == "Tomas Brekke"


def test_a_predicate_nominal_describes_a_named_or_resolved_subject(nlp: Any) -> None:
    text = "Ilse Maren is a marine biologist. She became president of the rowing club in 2015."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a marine biologist") == "Ilse Maren"
    assert _owner(entities, text, "president") == "Ilse Maren"


def test_a_negated_or_plural_predicate_describes_no_one(nlp: Any) -> None:
    text = "Ilse Maren is not a lawyer. Ilse Maren and Ola Vik are partners."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a lawyer") is None
    assert _owner(entities, text, "partners") is None


def test_the_woman_is_the_one_woman_named_nearby(nlp: Any) -> None:
    text = "Ms. Ilse Maren met the visitors at the pier. The woman said the boats were ready."
    assert _owner(_entities(nlp, text), text, "The woman") == "Ilse Maren"


def test_the_woman_stays_unresolved_between_two_women(nlp: Any) -> None:
    text = "Ms. Ilse Maren met Mrs. Dana Quist at the pier. The woman said the boats were ready."
    assert _owner(_entities(nlp, text), text, "The woman") is None


def test_a_body_described_with_a_noun_is_that_noun_later(nlp: Any) -> None:
    text = (
        "Ola Vik works for the charity Coastal Aid Trust in Harwick. "
        "The charity said it would stay open all winter."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "The charity") == "Coastal Aid Trust"


def test_a_generic_body_noun_skips_a_body_whose_name_is_another_kind(nlp: Any) -> None:
    text = (
        "Lindqvist University hired Mr. Tomas Brekke in May. "
        "The company said it would move to Harwick."
    )
    assert _owner(_entities(nlp, text), text, "The company") is None


def test_a_person_noun_in_apposition_is_no_description_of_a_place(nlp: Any) -> None:
    text = "Mira Solberg was born in the town of Harwick, the daughter of a miner."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "the daughter") != "Harwick"


def test_a_possessive_title_right_before_a_name_describes_the_name(nlp: Any) -> None:
    # "his brother Halvard": the brother is Halvard, never the one "his" refers to.
    text = "Tomas Brekke left the farm in 1990. His brother Halvard Brekke stayed behind."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "brother") == "Halvard Brekke"
    assert mention_owner(entities, text, "His") == "Tomas Brekke"


def test_a_possessive_description_never_goes_to_its_possessor(nlp: Any) -> None:
    text = "Ilse Maren sold the boat. Her lawyer said the price was fair."
    assert _owner(_entities(nlp, text), text, "lawyer") != "Ilse Maren"


def test_a_predicate_after_as_or_a_naming_verb_describes_the_subject(nlp: Any) -> None:
    text = (
        "Ilse Maren served as president of the rowing club. Halvard Lien was named captain in 2016."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "president") == "Ilse Maren"
    assert _owner(entities, text, "captain") == "Halvard Lien"


def test_a_judgement_about_an_object_is_no_description(nlp: Any) -> None:
    text = "The critics described Tomas Brekke as a genius. They called Ilse Maren a traitor."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a genius") is None
    assert _owner(entities, text, "a traitor") is None


def test_such_as_and_comparisons_are_no_predicates(nlp: Any) -> None:
    text = "Ilse Maren rows boats such as a skiff. Tomas Brekke did not serve as treasurer."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a skiff") is None
    assert _owner(entities, text, "treasurer") is None


def test_a_nationality_in_a_title_before_a_name_is_part_of_it(nlp: Any) -> None:
    text = "The show was inspired by the works of the Norwegian painter Halvard Lien."
    assert _owner(_entities(nlp, text), text, "the Norwegian painter") == "Halvard Lien"


def test_an_age_set_off_after_a_name_describes_the_person(nlp: Any) -> None:
    text = "Tomas Brekke, 42, and his wife Ilse Brekke (39) were charged on Monday."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "42") == "Tomas Brekke"
    assert _owner(entities, text, "39") == "Ilse Brekke"


def test_a_year_after_a_name_is_no_age(nlp: Any) -> None:
    text = "Tomas Brekke, 1990, was the title of the exhibition."
    assert _owner(_entities(nlp, text), text, "1990") is None


def test_an_apposition_before_a_name_with_an_honorific_describes_it(nlp: Any) -> None:
    text = "My colleague, Mr. Brekke, will answer the second question."
    assert _owner(_entities(nlp, text), text, "colleague") == "Brekke"


def test_a_possessed_noun_is_the_one_named_with_that_possessor_and_noun(nlp: Any) -> None:
    text = (
        "Halvard Lien grew up in Port Elvin. His father, Johann Lien, ran the ferry. "
        "Halvard rarely spoke to his father. Ilse Maren's lawyer, Dana Quist, spoke on Monday. "
        "Maren's lawyer said the case was closed."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "father", nth=1) == "Johann Lien"
    assert _owner(entities, text, "lawyer", nth=1) == "Dana Quist"


def test_a_possessed_noun_with_another_possessor_stays_unresolved(nlp: Any) -> None:
    text = (
        "Ilse Maren's lawyer, Dana Quist, spoke on Monday. "
        "Tomas Brekke's lawyer said the case was closed."
    )
    assert _owner(_entities(nlp, text), text, "lawyer", nth=1) is None


def test_a_predicate_of_a_described_subject_describes_the_name_beside_it(nlp: Any) -> None:
    text = "His mother, Ilse Maren, is a nurse. My friend Dana Quist is a biology student."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a nurse") == "Ilse Maren"
    assert _owner(entities, text, "a biology student") == "Dana Quist"


def test_a_joined_noun_with_its_own_possessor_is_someone_else(nlp: Any) -> None:
    text = "His father, Johann Lien, was a geologist and his mother, Ilse Lien, was a nurse."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a geologist") == "Johann Lien"
    assert _owner(entities, text, "a nurse") == "Ilse Lien"


def test_a_predicate_of_the_texts_own_i_describes_whoever_the_voice_is(nlp: Any) -> None:
    text = (
        "Wikinews interviews Halvard Lien. How did you start? "
        "I was a teacher, and then I became a beekeeper."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a teacher") == "Halvard Lien"
    assert _owner(entities, text, "a beekeeper") == "Halvard Lien"


def test_a_predicate_shares_its_subject_with_the_clause_before(nlp: Any) -> None:
    text = "Halvard Lien arrived in Port Elvin in 1977 and served as a harbour engineer."
    assert _owner(_entities(nlp, text), text, "a harbour engineer") == "Halvard Lien"


def test_a_fronted_date_before_the_shared_verb_keeps_the_shared_subject(nlp: Any) -> None:
    text = "Halvard Lien arrived in Port Elvin in 1977 and in 1980 served as a harbour engineer."
    assert _owner(_entities(nlp, text), text, "a harbour engineer") == "Halvard Lien"


def test_a_relative_clause_predicate_describes_the_name_it_hangs_on(nlp: Any) -> None:
    text = "The prize went to Tomas Brekke, who was a fisherman for forty years."
    assert _owner(_entities(nlp, text), text, "a fisherman") == "Tomas Brekke"


def test_as_a_person_after_an_object_that_is_a_thing_describes_the_subject(nlp: Any) -> None:
    text = (
        "Ms. Dana Quist made a living as a lawyer. Tomas Brekke established himself as "
        "a painter. The critics described Halvard Lien as a genius."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a lawyer") == "Dana Quist"
    assert _owner(entities, text, "a painter") == "Tomas Brekke"
    assert _owner(entities, text, "a genius") is None


def test_an_existential_or_inverted_clause_has_no_subject_to_share(nlp: Any) -> None:
    text = (
        "Ilse Maren opened the album, and in it was a picture of the harbour. "
        "Tomas Brekke walked in and there was a silence."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a picture") is None
    assert _owner(entities, text, "a silence") is None


def test_an_honorific_name_after_a_predicate_is_whom_the_speaker_addresses(nlp: Any) -> None:
    text = "It is both a waiver and a change, Justice Brekke."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a waiver and a change") is None
    assert _owner(entities, text, "a waiver") is None


def test_a_found_description_leaves_out_the_name_of_its_possessor(nlp: Any) -> None:
    # The possessor is a mention of someone else: "Dana Quist's lawyer" as one mention of
    # Brekke would also make it a mention of Quist's words.
    text = "The court heard Tomas Brekke, who is Dana Quist's lawyer, on Monday."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "lawyer") == "Tomas Brekke"
    assert _owner(entities, text, "Dana Quist's lawyer") is None


def test_a_title_compounded_into_the_name_after_it_describes_it(nlp: Any) -> None:
    # The parse makes "referee" a compound of the name; "Another theme Ilse Maren chose" is
    # no title (not a person's or a body's noun).
    text = (
        "In the 62nd minute Tomas Brekke conceded a penalty which the match referee Ola Vik "
        "awarded to Vellmar. Another theme Ilse Maren chose was the sea."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "the match referee") == "Ola Vik"
    assert _owner(entities, text, "Another theme") is None


def test_a_title_after_a_named_possessor_describes_the_name(nlp: Any) -> None:
    text = (
        "Vellmar's coach Tomas Brekke said the result was fair. Corvane's chief executive "
        "Dana Quist agreed. Brekke's book Night Harbour sold well."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "coach") == "Tomas Brekke"
    assert _owner(entities, text, "chief executive") == "Dana Quist"
    assert _owner(entities, text, "book") is None


def test_one_of_a_plural_as_a_predicate_describes_the_subject(nlp: Any) -> None:
    text = "Mira Solberg is one of the founders of the rowing club. The problem is one of money."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "one") == "Mira Solberg"
    assert _owner(entities, text, "one", nth=1) is None


def test_a_predicate_of_a_name_with_an_apposition_describes_the_name(nlp: Any) -> None:
    text = "Halvard Lien, my landlord, is the mayor. He owns the bakery."
    assert _owner(_entities(nlp, text), text, "the mayor") == "Halvard Lien"


def test_a_description_with_a_noun_the_earlier_one_lacked_is_someone_else(nlp: Any) -> None:
    text = (
        "Tomas Brekke, a harbour engineer, inspected the quay on Monday. "
        "The bridge engineer said the quay was safe."
    )
    assert _owner(_entities(nlp, text), text, "The bridge engineer") is None


def test_what_a_naming_verb_calls_its_object_refers_back_to_no_one(nlp: Any) -> None:
    text = (
        "Ilse Maren, the poet, read first. As a boy Tomas Brekke wrote verses, "
        "and his friends called him the poet."
    )
    assert _owner(_entities(nlp, text), text, "the poet", nth=1) is None


def test_the_title_an_honorific_abbreviates_is_the_one_person_given_it(nlp: Any) -> None:
    text = (
        "Sen. Ilona Varga met voters in Vellby on Monday. The senator said the plan would pass. "
        "Gov. Dana Quist and Gov. Mira Solberg met later. The governor spoke first."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "The senator") == "Ilona Varga"
    assert _owner(entities, text, "The governor") is None


def test_an_as_idiom_says_how_or_why_not_who(nlp: Any) -> None:
    text = "Ilse Maren resigned as a result. Tomas Brekke wrote as a rule in the morning."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a result") is None
    assert _owner(entities, text, "a rule") is None


def test_a_fronted_as_phrase_of_a_person_noun_describes_the_name_after_it(nlp: Any) -> None:
    text = (
        "As a student in Vellby, Dana Quist studied law. As a gift, Halvard Lien received a watch."
    )
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a student") == "Dana Quist"
    assert _owner(entities, text, "a gift") is None


def test_a_joined_noun_with_its_own_article_is_a_description_of_its_own(nlp: Any) -> None:
    text = "Tomas Brekke was both a painter and a sailor. Dana Quist is a chemist and writer."
    entities = _entities(nlp, text)
    assert _owner(entities, text, "a painter") == "Tomas Brekke"
    assert _owner(entities, text, "a sailor") == "Tomas Brekke"
    assert _owner(entities, text, "a chemist and writer") == "Dana Quist"
