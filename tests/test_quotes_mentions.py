"""Speakers, `about` and first-person mentions when a coreference step has added pronoun and
description mentions to the entities (hand-built Docs and records, no model), and the page
furniture finder on plain text."""

from __future__ import annotations

from dataclasses import replace

import spacy
from spacy.tokens import Doc

from newsgraph.nlp.quotes.about import MentionIndex, about, with_first_person
from newsgraph.nlp.quotes.furniture import furniture_paragraphs, is_furniture_label
from newsgraph.nlp.quotes.speakers import SpeakerResolver
from newsgraph.records import Entity, Mention, Quote, Span, Speaker

NLP = spacy.blank("en")

# "Ilona Varga spoke . The chairwoman said so . She said so ."
WORDS = ["Ilona", "Varga", "spoke", ".", "The", "chairwoman", "said", "so", "."]
WORDS += ["She", "said", "so", "."]
HEADS = [1, 2, 2, 2, 5, 6, 6, 6, 6, 10, 10, 10, 10]
DEPS = ["compound", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "advmod", "punct"]
DEPS += ["nsubj", "ROOT", "advmod", "punct"]
POS = ["PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "ADV", "PUNCT"]
POS += ["PRON", "VERB", "ADV", "PUNCT"]


def _doc() -> Doc:
    return Doc(NLP.vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS)


def _mention(doc: Doc, index: int, end: int, kind: str) -> Mention:
    span = doc[index:end]
    return Mention(span.start_char, span.end_char, span.text, kind=kind)  # type: ignore[arg-type]


def _varga(doc: Doc, *extra: Mention) -> Entity:
    mentions = (_mention(doc, 0, 2, "name"), *extra)
    return Entity(id="e1", name="Ilona Varga", type="PERSON", mentions=mentions)


def test_a_coreference_description_mention_is_via_description() -> None:
    doc = _doc()
    entity = _varga(doc, _mention(doc, 4, 6, "description"))
    speaker = SpeakerResolver(doc, [entity]).resolve((4, 6), 5)
    assert (speaker.name, speaker.entity, speaker.via) == ("Ilona Varga", "e1", "description")


def test_a_coreference_pronoun_mention_is_via_pronoun() -> None:
    doc = _doc()
    entity = _varga(doc, _mention(doc, 9, 10, "pronoun"))
    speaker = SpeakerResolver(doc, [entity]).resolve((9, 10), 9)
    assert (speaker.name, speaker.via) == ("Ilona Varga", "pronoun")
    assert speaker.mention is not None and speaker.mention.text == "She"


def test_without_coreference_a_name_is_via_name_and_a_pronoun_still_resolves() -> None:
    doc = _doc()
    resolver = SpeakerResolver(doc, [_varga(doc)])
    assert resolver.resolve((0, 2), 1).via == "name"
    assert (resolver.resolve((9, 10), 9).name, resolver.resolve((9, 10), 9).via) == (
        "Ilona Varga",
        "pronoun",
    )


def _quote(start: int, end: int, text: str, speaker: str | None) -> Quote:
    return Quote(
        id="q1",
        text=text[start:end],
        start=start,
        end=end,
        type="direct",
        cue=None,
        speaker=Speaker(name="x", entity=speaker),
    )


def test_about_excludes_a_first_person_mention_of_the_speaker() -> None:
    text = "We told Tom Reyes and our town."
    tom = Entity("e1", "Tom Reyes", "PERSON", (Mention(8, 17, "Tom Reyes"),))
    # A coreference step put "We" and "our" in the speaker's entity.
    ann = Entity(
        "e2",
        "Ann Bell",
        "PERSON",
        (Mention(0, 2, "We", kind="pronoun"), Mention(22, 25, "our", kind="pronoun")),
    )
    quote = _quote(0, len(text) - 1, text, "e2")
    index = MentionIndex([tom, ann])
    assert about(quote, index) == ("e1",)
    # Outside a direct quote too, the speaker's own first person is no one talked about.
    assert about(replace(quote, type="indirect"), index) == ("e1",)
    assert about(replace(quote, type="indirect", speaker=Speaker(name=None)), index) == (
        "e2",
        "e1",
    )


def test_first_person_mentions_are_added_once_and_sorted() -> None:
    text = "“I told Tom Reyes,” said Ann Bell."
    doc = NLP(text)
    tom = Entity("e1", "Tom Reyes", "PERSON", (Mention(8, 17, "Tom Reyes"),))
    ann = Entity("e2", "Ann Bell", "PERSON", (Mention(25, 33, "Ann Bell"),))
    quote = _quote(1, 17, text, "e2")
    once = with_first_person(doc, (tom, ann), [quote])
    assert once[0] == tom
    assert [(m.text, m.kind) for m in once[1].mentions] == [("I", "pronoun"), ("Ann Bell", "name")]
    assert with_first_person(doc, once, [quote]) == once  # a second run adds nothing


def test_first_person_in_a_transcript_turn_is_its_labelled_speaker() -> None:
    text = "Ann Bell spoke.\nBELL: I will not. My town cannot.\nTom said: I agree."
    doc = NLP(text)
    label, colon = text.index("BELL"), text.index(":")
    ann = Entity(
        "e1", "Ann Bell", "PERSON", (Mention(0, 8, "Ann Bell"), Mention(label, label + 4, "BELL"))
    )
    turn = Quote(
        "q1",
        "I will not. My town cannot.",
        colon + 2,
        text.index(".\nTom"),
        "indirect",
        Span(colon, colon + 1, ":"),
        Speaker(name="Ann Bell", entity="e1", mention=Span(label, label + 4, "BELL")),
    )
    added = with_first_person(doc, (ann,), [turn])[0]
    assert [m.text for m in added.mentions if m.kind == "pronoun"] == ["I", "My"]
    # A colon after a speaker in mid-line is no transcript label: reported words stay as they are.
    said = text.index("said:") + 4
    tom = Entity("e2", "Tom", "PERSON", (Mention(text.index("Tom"), text.index("Tom") + 3, "Tom"),))
    reported = replace(
        turn,
        start=said + 2,
        end=len(text) - 1,
        cue=Span(said, said + 1, ":"),
        speaker=Speaker(
            name="Tom", entity="e2", mention=Span(tom.mentions[0].start, tom.mentions[0].end, "Tom")
        ),
    )
    assert with_first_person(doc, (tom,), [reported])[0] == tom


def test_furniture_labels() -> None:
    for label in ("MARKETS", "WATCH", "Email", "ANALYST VIEW", "Read more", "RELATED"):
        assert is_furniture_label(label), label
    for name in ("Paul Okafor", "Tom Reyes", "The board's new warning"):
        assert not is_furniture_label(name), name


def test_furniture_paragraphs_of_a_page() -> None:
    text = (
        "The harbour reopened on Monday.\n"
        "WATCH: The mayor explains the new bus routes.\n"
        "Related stories\n"
        "Council says the bridge will reopen\n"
        "Tom Reyes said the pier was safe.\n"
        "The pier at dawn. (Photo: Lina Kos)\n"
        "UPDATE: The council said on Friday that the pier, which was closed for two weeks "
        "after the storm, would stay open through the winter and that nobody had been hurt.\n"
    )
    found = [text[s:e] for s, e in furniture_paragraphs(NLP(text), text)]
    assert found == [
        "WATCH: The mayor explains the new bus routes.",
        "Related stories",
        "Council says the bridge will reopen",
        "The pier at dawn. (Photo: Lina Kos)",
    ]


def test_a_country_in_capitals_is_no_first_person() -> None:
    text = "“The US will help us,” said Ann Bell."
    doc = NLP(text)
    ann = Entity("e1", "Ann Bell", "PERSON", (Mention(29, 37, "Ann Bell"),))
    [updated] = with_first_person(doc, (ann,), [_quote(1, 21, text, "e1")])
    assert [m.text for m in updated.mentions if m.kind == "pronoun"] == ["us"]
