"""Run the spaCy pipeline over article bodies and return plain `Analysis` records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.watch import PipeWatch, Stage
from newsgraph.records import Analysis


def analyse_bodies(
    nlp: Language,
    bodies: Iterable[tuple[str, str | None]],
    batch_size: int,
    watch: PipeWatch | None = None,
) -> Iterator[Analysis]:
    """One `Analysis` per (body, published) pair, in order, streaming.

    The components are chained as `nlp.pipe` chains them (with one process), but through a
    `PipeWatch`, so that a time limit can tell which body the pipeline is working on.
    """
    docs = (_make_doc(nlp, body, published) for body, published in bodies)
    stages = [_stage(component, batch_size) for _name, component in nlp.pipeline]
    for doc in (watch or PipeWatch()).chain(docs, stages):
        yield to_analysis(doc)


def _stage(component: Any, batch_size: int) -> Stage[Doc]:
    """A component as `nlp.pipe` runs it: on batches through its `pipe` method if it has
    one, else one Doc at a time."""
    if hasattr(component, "pipe"):
        return lambda docs: component.pipe(docs, batch_size=batch_size)
    return lambda docs: (component(doc) for doc in docs)


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
