"""Quotes on short hand-written sentences: one test per case of the quotes issue (scope 1-4).

These run the real pipeline (the session fixture `nlp`): cues and contents come from the parse.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.quote_docs import quotes_in

pytestmark = pytest.mark.model


def _entity_name(nlp: Any, text: str, entity_id: str | None) -> str | None:
    entities = {e.id: e.name for e in nlp(text)._.ng_entities}
    return entities.get(entity_id) if entity_id else None


# Scope 1: direct quotes


def test_direct_quote_with_pronoun_speaker(nlp: Any) -> None:
    text = "Maria Lopez spoke to the crowd. “We will win this election,” she said."
    [quote] = quotes_in(nlp, text)
    assert (quote.type, quote.text) == ("direct", "We will win this election,")
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker.name == "Maria Lopez"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "she"
    assert _entity_name(nlp, text, quote.speaker.entity) == "Maria Lopez"


def test_quote_interrupted_by_its_cue_keeps_one_speaker(nlp: Any) -> None:
    text = '"The plan is dead," Governor Tom Baker said, "and nobody will revive it."'
    quotes = quotes_in(nlp, text)
    assert [q.text for q in quotes] == ["The plan is dead,", "and nobody will revive it."]
    assert {q.speaker.name for q in quotes} == {"Tom Baker"}
    assert all(q.cue is not None and q.cue.text == "said" for q in quotes)


def test_quote_over_two_paragraphs_is_one_quote(nlp: Any) -> None:
    text = (
        "“The budget is balanced for the first time in a decade.\n\n"
        "“Nobody thought we could do it,” said Mayor Ann Kerr."
    )
    [quote] = quotes_in(nlp, text)
    assert quote.text.startswith("The budget") and quote.text.endswith("do it,")
    assert quote.speaker.name == "Ann Kerr"


def test_uncued_quote_continues_the_speaker_of_its_paragraph(nlp: Any) -> None:
    text = (
        "“We are ready,” said Coach Peter Hall. “The team has trained all summer for this match.”"
    )
    first, second = quotes_in(nlp, text)
    assert second.cue is None
    assert second.speaker.name == first.speaker.name == "Peter Hall"
    # A continuation carries the mention of the attribution it continues.
    assert second.speaker.mention == first.speaker.mention
    assert second.speaker.via == "continuation"


def test_unclosed_quote_ends_at_its_paragraph(nlp: Any) -> None:
    text = "“We train them abroad,” he said. “We will keep our promise to them.\n\nThe war went on."
    quotes = quotes_in(nlp, text)
    assert quotes[-1].text == "We will keep our promise to them."


def test_scare_quotes_and_titles_are_not_statements(nlp: Any) -> None:
    assert quotes_in(nlp, 'The so-called "deal" was signed in the "Blue Room" yesterday.') == []
    assert quotes_in(nlp, "She read “War and Peace” on the train.") == []


def test_a_line_opening_with_a_name_and_a_colon_is_that_name_s(nlp: Any) -> None:
    text = "Paul Okafor: The budget is a disgrace.\nSaid Rosa Delgado: “We will not pay for it.”"
    first, second = quotes_in(nlp, text)
    assert (first.text, first.speaker.name) == ("The budget is a disgrace", "Paul Okafor")
    assert second.text == "We will not pay for it."
    assert second.speaker.mention is not None and second.speaker.mention.text == "Rosa Delgado"
    assert second.cue is not None and second.cue.text == "Said"


def test_signed_quotations_go_to_the_name_after_the_dash(nlp: Any) -> None:
    text = (
        "Readers wrote in.\n\n“The plan scares me. It ignores our lives.” ― Rosa Delgado\n"
        "“I am ashamed of this council.”— Tom Reyes, a teacher in Vellmar.\n"
    )
    first, second = quotes_in(nlp, text)
    assert (first.text, first.type, first.speaker.name) == (
        "The plan scares me. It ignores our lives.",
        "direct",
        "Rosa Delgado",
    )
    assert (second.text, second.speaker.name) == ("I am ashamed of this council.", "Tom Reyes")
    assert first.cue is not None and first.cue.text == "―"


# Scope 2: indirect and mixed quotes


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Jane Smith added that the bridge would reopen soon.",
            "added",
            "the bridge would reopen soon",
        ),
        ("Jane Smith stressed that the talks had failed.", "stressed", "the talks had failed"),
        ("The mayor told reporters the road would reopen.", "told", "the road would reopen"),
        ("The minister warned of a crisis in the banks.", "warned of", "a crisis in the banks"),
        ("Jane Smith said: We are ready for the storm.", "said", "We are ready for the storm"),
    ],
)
def test_indirect_quotes(nlp: Any, text: str, cue: str, content: str) -> None:
    [quote] = quotes_in(nlp, text)
    assert quote.type == "indirect"
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.text == content


def test_saying_that_borrows_the_subject_and_is_the_only_quote(nlp: Any) -> None:
    text = "John Brown praised the nurses, saying that they had worked hard."
    [quote] = quotes_in(nlp, text)
    assert quote.cue is not None and quote.cue.text == "saying"
    assert quote.text == "they had worked hard"
    assert quote.speaker.name == "John Brown"


def test_according_to(nlp: Any) -> None:
    text = "The economy grew by three percent last year, according to the central bank."
    [quote] = quotes_in(nlp, text)
    assert quote.cue is not None and quote.cue.text == "according to"
    assert quote.text == "The economy grew by three percent last year"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "the central bank"


def test_mixed_quote_holds_a_quoted_fragment(nlp: Any) -> None:
    text = 'Jane Smith said the plan was "a total disaster" for the city.'
    [quote] = quotes_in(nlp, text)
    assert quote.type == "mixed"
    assert "a total disaster" in quote.text and quote.text.startswith("the plan")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the reported clause after a phrase, hung as an adverbial clause by the parser
        (
            "Trump said after the convention he would not accept the endorsement.",
            "he would not accept the endorsement",
            "Trump",
        ),
        # a bare "he said" ending the sentence after a comma
        ("People like Scott, he said.", "People like Scott", None),
        # a preposition of content after a particle and a date
        (
            "Hillary Clinton spoke out Tuesday about the death of Terence Crutcher.",
            "the death of Terence Crutcher",
            "Hillary Clinton",
        ),
    ],
)
def test_contents_the_parser_hangs_apart(
    nlp: Any, text: str, content: str, speaker: str | None
) -> None:
    [quote] = quotes_in(nlp, text)
    assert quote.text == content
    assert quote.speaker.name == speaker


def test_a_content_preposition_after_a_phrase_of_its_own_is_no_content(nlp: Any) -> None:
    # Only a particle, an adverb or a date may stand between the verb and "about".
    assert quotes_in(nlp, "The mayor spoke at length in public about the fire.") == []


# Scope 4: speakers


def test_pronoun_resolves_to_the_nearest_person(nlp: Any) -> None:
    text = "Angela Merkel arrived late. She said that the talks had failed."
    [quote] = quotes_in(nlp, text)
    assert quote.speaker.name == "Angela Merkel"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "She"


def test_honorific_and_surname_resolve_to_the_full_name(nlp: Any) -> None:
    text = "John Brown leads the party. Mr. Brown said that taxes would fall."
    [quote] = quotes_in(nlp, text)
    assert quote.speaker.name == "John Brown"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Mr. Brown"


@pytest.mark.parametrize(
    "text",
    [
        # The title before the name, used alone earlier in the article ...
        "The Finance Minister said that taxes would rise. "
        "Finance Minister Jane Smith spoke in Paris on Monday.",
        # ... and the title in apposition after the name, used alone later.
        "Jane Smith, the finance minister, met voters in Paris. "
        "The finance minister said that taxes would rise.",
    ],
)
def test_title_alone_resolves_to_the_person_given_it(nlp: Any, text: str) -> None:
    [quote] = quotes_in(nlp, text)
    assert quote.speaker.name == "Jane Smith"
    assert _entity_name(nlp, text, quote.speaker.entity) == "Jane Smith"


def test_organisation_speaks(nlp: Any) -> None:
    text = "Microsoft said that the service would return on Friday."
    [quote] = quotes_in(nlp, text)
    assert quote.speaker.name == "Microsoft"
    assert quote.speaker.entity is not None


def test_unnamed_role_keeps_its_description(nlp: Any) -> None:
    text = "A spokesman said that the office was closed."
    [quote] = quotes_in(nlp, text)
    assert quote.speaker.name == "A spokesman"
    assert quote.speaker.entity is None


# Scope 5: where and when


def test_place_of_the_cue_clause(nlp: Any) -> None:
    text = (
        "“We will stay,” said Secretary-General Jens Stoltenberg, "
        "speaking at a news conference in Brussels."
    )
    [quote] = quotes_in(nlp, text)
    assert quote.context is not None and quote.context.place == "Brussels"


def test_line_opening_with_a_name_and_a_colon(nlp: Any) -> None:
    text = "Paul Ryan: The budget will be balanced next year.\n\nThe vote is on Monday."
    [quote] = quotes_in(nlp, text)
    assert quote.text == "The budget will be balanced next year"
    assert quote.cue is not None and quote.cue.text == ":"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Paul Ryan"


def test_passive_agent_is_the_source(nlp: Any) -> None:
    text = "The secret meeting was first reported by the local newspaper."
    [quote] = quotes_in(nlp, text)
    assert quote.text == "The secret meeting"
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "the local newspaper"


def test_quote_paragraph_after_an_attributed_one_keeps_its_speaker(nlp: Any) -> None:
    text = (
        "“The port will reopen,” said Mayor Ann Kerr.\n\n"
        "“We have waited long enough for the repairs.”"
    )
    first, second = quotes_in(nlp, text)
    assert second.cue is None and second.speaker.name == first.speaker.name == "Ann Kerr"


def test_unattributed_quotation_is_no_quote(nlp: Any) -> None:
    text = "The crowd was loud.\n\n“Make the river clean again for all of us” read the banner."
    assert [q.text for q in quotes_in(nlp, text) if q.cue is None] == []
