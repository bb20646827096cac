"""Speaker resolution on hand-built Docs (no model): pronouns, titles, descriptions."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsgraph.nlp.entities.component import find_entities
from newsgraph.nlp.quotes.speakers import SpeakerResolver

VOCAB = spacy.blank("en").vocab


def _doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    people: list[tuple[int, int]],
) -> Doc:
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, start, end, label="PERSON") for start, end in people]
    return doc


def test_pronoun_resolves_to_the_nearest_person_before_it() -> None:
    # "Anna Berg arrived. Tom Lind spoke. He said so."
    words = ["Anna", "Berg", "arrived", ".", "Tom", "Lind", "spoke", ".", "He", "said", "so", "."]
    heads = [1, 2, 2, 2, 5, 6, 6, 6, 9, 9, 9, 9]
    deps = ["compound", "nsubj", "ROOT", "punct"] * 2 + ["nsubj", "ROOT", "advmod", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT"] * 2 + ["PRON", "VERB", "ADV", "PUNCT"]
    doc = _doc(words, heads, deps, pos, [(0, 2), (4, 6)])
    resolver = SpeakerResolver(doc, find_entities(doc))
    speaker = resolver.resolve((8, 9), 8)
    assert speaker.name == "Tom Lind"
    assert speaker.mention is not None and speaker.mention.text == "He"


def test_title_alone_resolves_to_the_person_given_it() -> None:
    # "Minister Eva Holm spoke . The minister said so ."
    words = ["Minister", "Eva", "Holm", "spoke", ".", "The", "minister", "said", "so", "."]
    heads = [2, 2, 3, 3, 3, 6, 7, 7, 7, 7]
    deps = ["compound", "compound", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "advmod"]
    deps.append("punct")
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "ADV", "PUNCT"]
    doc = _doc(words, heads, deps, pos, [(1, 3)])
    resolver = SpeakerResolver(doc, find_entities(doc))
    speaker = resolver.resolve((5, 7), 6)
    assert speaker.name == "Eva Holm"
    assert speaker.entity is not None


def test_unnamed_role_keeps_its_words() -> None:
    words = ["A", "spokesman", "said", "so", "."]
    heads = [1, 2, 2, 2, 2]
    deps = ["det", "nsubj", "ROOT", "advmod", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADV", "PUNCT"]
    doc = _doc(words, heads, deps, pos, [])
    speaker = SpeakerResolver(doc, find_entities(doc)).resolve((0, 2), 1)
    assert (speaker.name, speaker.entity) == ("A spokesman", None)
