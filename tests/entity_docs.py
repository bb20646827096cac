"""Blank spaCy Docs with hand-placed entities, for the entity-grouping rule tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.nlp.entities.component import find_entities

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
