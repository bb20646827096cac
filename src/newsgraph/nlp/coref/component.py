"""newsgraph_coref: pronouns and descriptions joined to the entities they refer to.

Runs after newsgraph_entities and before newsgraph_quotes: it rewrites `doc._.ng_entities`
with each entity's resolved pronouns ("she", "his") and descriptions ("the minister", "the
company") as mentions of kind "pronoun" and "description", and with the type a person gets
when the article's words say so (the quote step finds speakers through these mentions).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.coref.ranker import DEFAULT_MODEL, Ranker, load_ranker
from newsgraph.nlp.coref.resolve import resolve
from newsgraph.records import Entity


class CorefResolver:
    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP") or not doc._.ng_entities:
            return doc  # nothing to resolve, or no parse to read roles and sentences from
        entities = resolve(doc, doc._.ng_entities, self.ranker)
        self.set_annotations(doc, entities)
        return doc

    def set_annotations(self, doc: Doc, entities: tuple[Entity, ...]) -> None:
        doc._.ng_entities = entities


@Language.factory(
    "newsgraph_coref",
    assigns=["doc._.ng_entities"],
    requires=["doc._.ng_entities"],
    default_config={"model": None},
)
def make_coref_resolver(nlp: Language, name: str, model: str | None) -> CorefResolver:
    """`model`: the path of a ranker written by the coreference training; None for the one
    shipped in `nlp/models/coref-en.json.gz`."""
    return CorefResolver(load_ranker(Path(model) if model else DEFAULT_MODEL))
