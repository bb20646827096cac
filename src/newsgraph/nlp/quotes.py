"""newsgraph_quotes: direct, indirect and mixed quotes with cue and resolved speaker.

STUB: the quotes issue fills this in; until then the list stays empty (never fake entries).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class QuoteFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_quotes = ()
        return doc


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.ng_quotes"],
    requires=["doc._.ng_entities"],
)
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()
