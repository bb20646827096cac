"""Docs for the time rule tests, and the times the time step reads in them.

A hand-built parse stands in for the model (its tags, heads and dependencies are the rule's
input, written out); a blank pipeline gives tokens without any parse; `model_times` runs the
real model, `extracted` the whole extraction of an article. `tagged` and `values` read the
times back as plain tuples to compare.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import extract_documents
from newsgraph.nlp.extensions import register_extensions
from newsgraph.nlp.times.component import TimeTagger
from newsgraph.records import Article, Document, Time

# (word, tag, pos, head index, dep) per token; the lemma from `LEMMAS` or the lower case.
Parse = list[tuple[str, str, str, int, str]]
# (word, tag, pos, head index, dep, lemma) per token.
LemmaParse = list[tuple[str, str, str, int, str, str]]

BLANK = spacy.blank("en")  # no parser: the time step must cope without sentences and heads
VOCAB = BLANK.vocab  # lexical attributes (lower case) need a language's vocab
LEMMAS = {"scheduled": "schedule", "has": "have", "are": "be", "said": "say", "met": "meet"}
NO_SPACE_BEFORE = (",", ".", "'s")

register_extensions()


def build(parse: Parse, published: str | None = "2021-06-01") -> Doc:
    """A parsed Doc of the given tokens, lemmatised from `LEMMAS`."""
    lemmas = [LEMMAS.get(word, word.lower()) for word, *_ in parse]
    return build_lemmatised(
        [(*row, lemma) for row, lemma in zip(parse, lemmas, strict=True)], published
    )


def build_lemmatised(parse: LemmaParse, published: str | None = "2021-06-02") -> Doc:
    """A parsed Doc of the given tokens with their own lemmas."""
    words = [w for w, *_ in parse]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=[
            i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))
        ],
        tags=[t for _, t, *_ in parse],
        pos=[p for _, _, p, *_ in parse],
        heads=[h for *_, h, _, _ in parse],
        deps=[d for *_, d, _ in parse],
        lemmas=[lemma for *_, lemma in parse],
    )
    doc._.ng_published = published
    return doc


def blank_doc(text: str, published: str | None = "2021-06-02") -> Doc:
    """The text through a blank pipeline: tokens with no tags, heads or sentences."""
    doc = BLANK(text)
    doc._.ng_published = published
    return doc


def tag(doc: Doc) -> Doc:
    """The Doc after the time step."""
    tagged_doc: Doc = TimeTagger()(doc)
    return tagged_doc


def tagged(doc: Doc) -> list[tuple[str, str, str]]:
    """(text, type, value) of each time the time step finds."""
    return [(t.text, t.type, t.value) for t in tag(doc)._.ng_times]


def values(doc: Doc) -> list[tuple[str, str]]:
    """(text, value) of each time the time step finds."""
    return [(t.text, t.value) for t in tag(doc)._.ng_times]


def model_times(nlp: Language, text: str, published: str | None = "2021-06-01") -> list[Time]:
    """The times of the text through the whole model pipeline."""
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    return list(nlp(doc)._.ng_times)


def extracted(text: str, published: str | None = "2025-06-04") -> Article:
    """The text extracted as an article body (the whole pipeline, the model included)."""
    document = Document(text=text, body_only=True, published=published)
    return next(iter(extract_documents([document])))


def article_times(article: Article) -> list[tuple[str, str, str]]:
    """(text, type, value) of each time of an extracted article."""
    return [(t.text, t.type, t.value) for t in article.times]
