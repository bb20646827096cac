"""What a quote reports (speech, thought, finding), how its speaker was found (`via`), and
whom it is about (`about`), on hand-written sentences with fictional names (real pipeline)."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.nlp.quotes.kinds import continued_kind
from newsgraph.records import Entity, Quote
from tests.quote_docs import quotes_in

pytestmark = pytest.mark.model


def _only(nlp: Any, text: str) -> Quote:
    [quote] = quotes_in(nlp, text)
    return quote


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Berg said the harbour would close for a week.",
        "Tomas Berg told reporters that the harbour would close.",
        "Tomas Berg wrote that the harbour would close.",
        "The port authority announced that the harbour would close.",
        "The harbour will close for a week, according to Tomas Berg.",
        "“The harbour will close,” Tomas Berg said.",
    ],
)
def test_words_said_or_written_are_speech(nlp: Any, text: str) -> None:
    assert _only(nlp, text).kind == "speech"


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Berg believes the harbour will close.",
        "Tomas Berg hopes the harbour will reopen soon.",
        "The carmaker plans to close two factories in Vellmar.",
        "Tomas Berg wants the council to pay for the repairs.",
        "Tomas Berg expects the harbour to reopen in June.",
        # attitudes held, not words said
        "Tomas Berg agreed that the harbour should close.",
        "Tomas Berg supports the plan to close the harbour.",
        "Tomas Berg opposed the plan to close the harbour.",
    ],
)
def test_states_of_mind_are_thoughts(nlp: Any, text: str) -> None:
    assert _only(nlp, text).kind == "thought"


@pytest.mark.parametrize(
    "text",
    [
        "A report by the harbour board found that the pier was unsafe.",
        "Polls show that most residents oppose the new tax.",
        "The data show that fewer ships called at the port last year.",
        "Most families own two cars, according to the survey.",
    ],
)
def test_what_a_poll_report_or_data_found_is_a_finding(nlp: Any, text: str) -> None:
    assert _only(nlp, text).kind == "finding"


def test_a_continuation_reports_what_the_quote_it_continues_reports(nlp: Any) -> None:
    text = "“The pier was unsafe,” said Tomas Berg. “We told the council about it in March.”"
    first, second = quotes_in(nlp, text)
    assert second.cue is None and second.kind == first.kind == "speech"


# speaker.via


def test_a_name_is_via_name(nlp: Any) -> None:
    speaker = _only(nlp, "Tomas Berg said the harbour would close.").speaker
    assert (speaker.name, speaker.via) == ("Tomas Berg", "name")


def test_a_resolved_pronoun_is_via_pronoun(nlp: Any) -> None:
    text = "Ilona Varga opened the meeting. She said the pier would be rebuilt."
    speaker = _only(nlp, text).speaker
    assert (speaker.name, speaker.via) == ("Ilona Varga", "pronoun")
    assert speaker.mention is not None and speaker.mention.text == "She"


def test_a_title_tied_to_a_name_is_via_description(nlp: Any) -> None:
    text = (
        "Harbour Board chairwoman Ilona Varga opened the meeting. "
        "The chairwoman said the pier would be rebuilt."
    )
    speaker = _only(nlp, text).speaker
    assert (speaker.name, speaker.via) == ("Ilona Varga", "description")
    assert speaker.entity is not None


def test_an_unnamed_description_is_its_own_name(nlp: Any) -> None:
    speaker = _only(nlp, "A spokesman said the pier would be rebuilt.").speaker
    assert (speaker.name, speaker.entity, speaker.via) == ("A spokesman", None, "description")


def test_a_continuation_carries_the_continued_source_mention(nlp: Any) -> None:
    text = (
        "“The pier was unsafe,” said harbour master Tomas Berg.\n\n"
        "“We told the council about it in March, and nobody listened to us.”"
    )
    first, second = quotes_in(nlp, text)
    assert second.cue is None
    assert second.speaker.via == "continuation"
    assert second.speaker.entity == first.speaker.entity is not None
    assert second.speaker.mention == first.speaker.mention
    assert first.speaker.mention is not None
    assert first.speaker.mention.text == "harbour master Tomas Berg"


def test_an_interrupted_quote_carries_its_source_mention_twice(nlp: Any) -> None:
    text = "“The pier was unsafe,” Tomas Berg said, “and we told the council about it.”"
    first, second = quotes_in(nlp, text)
    assert first.speaker.mention == second.speaker.mention
    assert first.speaker.mention is not None and first.speaker.mention.text == "Tomas Berg"


# about, and the speaker's first person


def _entity(entities: tuple[Entity, ...], entity_id: str | None) -> Entity:
    return next(e for e in entities if e.id == entity_id)


def test_about_lists_the_entities_in_the_content_in_order(nlp: Any) -> None:
    text = "Tomas Berg said the Vellmar Harbour Board had ignored Ilona Varga for months."
    doc = nlp(text)
    [quote] = doc._.ng_quotes
    names = [_entity(doc._.ng_entities, e).name for e in quote.about]
    assert names == ["Vellmar Harbour Board", "Ilona Varga"]


def test_about_leaves_out_the_speaker_s_first_person(nlp: Any) -> None:
    text = "“We told Ilona Varga about the pier in March, and I warned her again,” said Tomas Berg."
    doc = nlp(text)
    [quote] = doc._.ng_quotes
    speaker = _entity(doc._.ng_entities, quote.speaker.entity)
    assert speaker.name == "Tomas Berg"
    about = [_entity(doc._.ng_entities, e).name for e in quote.about]
    assert about == ["Ilona Varga"]


def test_first_person_in_a_direct_quote_becomes_the_speaker_s_pronoun_mentions(
    nlp: Any,
) -> None:
    text = "“We lost our boats and I lost my house,” said Tomas Berg."
    doc = nlp(text)
    [quote] = doc._.ng_quotes
    speaker = _entity(doc._.ng_entities, quote.speaker.entity)
    pronouns = [(m.text, m.kind) for m in speaker.mentions if m.kind == "pronoun"]
    assert pronouns == [("We", "pronoun"), ("our", "pronoun"), ("I", "pronoun"), ("my", "pronoun")]
    assert [m.start for m in speaker.mentions] == sorted(m.start for m in speaker.mentions)
    for mention in speaker.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert quote.about == ()


def test_first_person_outside_direct_quotes_is_nobody_s(nlp: Any) -> None:
    text = "Tomas Berg said that I had misread the harbour report."
    doc = nlp(text)
    assert all(m.kind == "name" for e in doc._.ng_entities for m in e.mentions)


def test_quoted_words_continuing_a_thought_are_speech() -> None:
    assert continued_kind("thought", "direct") == "speech"
    assert continued_kind("thought", "indirect") == "thought"
    assert continued_kind("finding", "direct") == "finding"
    assert continued_kind("speech", "direct") == "speech"


def test_a_title_given_in_apposition_before_the_name_is_tied_to_it(nlp: Any) -> None:
    text = (
        "The board chairwoman, Ilona Varga, told reporters that work would start in April. "
        "The chairwoman added that the city would share the cost."
    )
    first, second = quotes_in(nlp, text)
    assert (first.speaker.name, first.speaker.via) == ("Ilona Varga", "apposition")
    assert (second.speaker.name, second.speaker.via) == ("Ilona Varga", "description")


def test_who_said_takes_the_unnamed_noun_it_describes(nlp: Any) -> None:
    text = "The plan was opposed by a fisherman from the north shore, who said it would fail."
    quote = next(q for q in quotes_in(nlp, text) if q.cue is not None and q.cue.text == "said")
    assert (quote.speaker.name, quote.speaker.via) == ("a fisherman", "pronoun")
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "who"
