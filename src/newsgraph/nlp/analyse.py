"""Run the spaCy pipeline over article bodies and return plain `Analysis` records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.records import Analysis


def analyse_bodies(
    nlp: Language, bodies: Iterable[tuple[str, str | None]], batch_size: int
) -> Iterator[Analysis]:
    """One `Analysis` per (body, published) pair, in order, streaming with `nlp.pipe`."""
    docs = (_make_doc(nlp, body, published) for body, published in bodies)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield to_analysis(doc)


def _make_doc(nlp: Language, body: str, published: str | None) -> Doc:
    # The publication date travels on the Doc so that the time component can read it.
    doc = nlp.make_doc(body)
    doc._.ng_published = published
    return doc


def to_analysis(doc: Doc) -> Analysis:
    return Analysis(
        entities=tuple(doc._.ng_entities),
        quotes=tuple(doc._.ng_quotes),
        times=tuple(doc._.ng_times),
        timeline=tuple(doc._.ng_timeline),
    )
