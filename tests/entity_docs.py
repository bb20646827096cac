"""Blank spaCy Docs with hand-placed entities, for the entity-grouping rule tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.nlp.entities.component import find_entities
from newsgraph.records import Entity

BLANK = spacy.blank("en")


def entity_doc(text: str, ents: list[tuple[str, str]]) -> Doc:
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


def entity_names(doc: Doc) -> dict[str, tuple[str, int]]:
    """Each entity's name with its type and how many mentions it has."""
    return {e.name: (e.type, len(e.mentions)) for e in find_entities(doc)}


def mention_owner(
    entities: tuple[Entity, ...], text: str, words: str, nth: int = 0, kind: str | None = None
) -> str | None:
    """The name of the entity with a mention on the `nth` occurrence of `words` (asserting
    the mention's kind when `kind` is given), or None."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    for entity in entities:
        for mention in entity.mentions:
            if mention.start == start and mention.end == start + len(words):
                assert kind is None or mention.kind == kind, mention
                return entity.name
    return None
