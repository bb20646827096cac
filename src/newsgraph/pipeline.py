"""newsgraph end to end: the one place where the stages are composed.

An input becomes an article in three steps:
1. extract: split scraped text into metadata and a clean body (or take the body as given);
2. detect the body's language;
3. understand: English bodies go through spaCy and newsgraph's components (entities,
   times, quotes); other languages keep metadata and body, with a warning in the record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING

from newsgraph.extract.language import detect_language
from newsgraph.extract.scraped import parse_scraped
from newsgraph.records import Analysis, Article, Document, Metadata

if TYPE_CHECKING:
    from spacy.language import Language

ANALYSED_LANGUAGES = frozenset({"en"})
CHUNK_SIZE = 64  # articles prepared ahead of the model: enough to fill its batches


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article before the language step: metadata and body, and whether to analyse it."""

    metadata: Metadata
    body: str
    analyse: bool
    warnings: tuple[str, ...] = ()


def extract(
    text: str,
    *,
    published: str | None = None,
    body_only: bool = False,
    model: str | None = None,
) -> Article:
    """The record of one article. See `docs/record.md`."""
    document = Document(text=text, published=published, body_only=body_only)
    return next(extract_documents([document], model=model))


def extract_many(
    texts: Iterable[str],
    *,
    published: str | None = None,
    body_only: bool = False,
    model: str | None = None,
) -> Iterator[Article]:
    """Records for many articles, in order, loading the model once and streaming."""
    documents = (Document(text=t, published=published, body_only=body_only) for t in texts)
    return extract_documents(documents, model=model)


def extract_documents(
    documents: Iterable[Document], *, model: str | None = None
) -> Iterator[Article]:
    """Records for documents that each carry their own options (source, published date)."""
    nlp: Language | None = None
    iterator = iter(documents)
    while chunk := [prepare(document) for document in islice(iterator, CHUNK_SIZE)]:
        if nlp is None and any(p.analyse for p in chunk):
            nlp = _load(model)
        yield from _understand(chunk, nlp)


def prepare(document: Document) -> Prepared:
    """Metadata, body and language of a document: everything before the model."""
    if document.body_only:
        metadata, body = Metadata(), document.text
    else:
        page = parse_scraped(document.text)
        metadata, body = page.metadata, page.body
    if document.published:
        metadata = replace(metadata, published=document.published)
    language = detect_language(body)
    metadata = replace(metadata, language=language)
    if language in ANALYSED_LANGUAGES:
        return Prepared(metadata, body, analyse=True)
    if language is None and body.strip():
        # Too little text to tell: read it as English rather than drop what it says.
        warning = "language not detected (too little text); analysed as English"
        return Prepared(metadata, body, analyse=True, warnings=(warning,))
    warning = f"language {language!r} is not analysed: entities, quotes and times left empty"
    return Prepared(metadata, body, analyse=False, warnings=(warning,) if body else ())


def _understand(chunk: list[Prepared], nlp: Language | None) -> Iterator[Article]:
    pending = [(p.body, p.metadata.published) for p in chunk if p.analyse]
    analyses = iter(_analyse(nlp, pending)) if pending and nlp is not None else iter(())
    for prepared in chunk:
        analysis = next(analyses) if prepared.analyse else Analysis()
        yield Article(
            metadata=prepared.metadata,
            body=prepared.body,
            entities=analysis.entities,
            quotes=analysis.quotes,
            times=analysis.times,
            timeline=analysis.timeline,
            warnings=prepared.warnings,
        )


def _load(model: str | None) -> Language:
    # spaCy is imported here, not at module level: `import newsgraph` stays light, and the
    # store and web layers never load it.
    from newsgraph.nlp.model import load_model

    return load_model(model)


def _analyse(nlp: Language | None, pending: list[tuple[str, str | None]]) -> list[Analysis]:
    from newsgraph.nlp.analyse import analyse_bodies

    assert nlp is not None
    return list(analyse_bodies(nlp, pending))
