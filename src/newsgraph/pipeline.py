"""newsgraph end to end: the one place where the stages are composed.

An input becomes an article in three steps:
1. extract: split scraped text into metadata and a clean body (or take the body as given);
2. detect the body's language;
3. understand: English bodies go through spaCy and newsgraph's components (entities,
   times, quotes); other languages keep metadata and body, with a warning in the record.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING

from newsgraph.extract.language import detect_language
from newsgraph.extract.text.page import parse_scraped
from newsgraph.records import Analysis, Article, Document, Metadata

if TYPE_CHECKING:
    from spacy.language import Language

ANALYSED_LANGUAGES = frozenset({"en"})
CHUNK_SIZE = 64  # articles prepared ahead of the model: enough to fill its batches


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article before the language step: metadata and body, and whether to analyse it."""

    document: Document
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
    iterator = iter(documents)
    while chunk := [prepare(document) for document in islice(iterator, CHUNK_SIZE)]:
        yield from extract_prepared(chunk, model=model)


def extract_prepared(chunk: list[Prepared], *, model: str | None = None) -> Iterator[Article]:
    """Records for documents already prepared (a caller that reports the two stages apart);
    the model is loaded, once per process, only when a body needs it."""
    nlp = _load(model) if any(p.analyse for p in chunk) else None
    return _understand(chunk, nlp)


def prepare(document: Document) -> Prepared:
    """Metadata, body and language of a document: everything before the model."""
    metadata, body = _split(document)
    metadata = _with_hints(metadata, document)
    language = detect_language(body)
    metadata = replace(metadata, language=language)
    if language in ANALYSED_LANGUAGES:
        return Prepared(document, metadata, body, analyse=True)
    if language is None and body.strip():
        # Too little text to tell: read it as English rather than drop what it says.
        warning = "language not detected (too little text); analysed as English"
        return Prepared(document, metadata, body, analyse=True, warnings=(warning,))
    warning = f"language {language!r} is not analysed: entities, quotes and times left empty"
    return Prepared(document, metadata, body, analyse=False, warnings=(warning,) if body else ())


def _split(document: Document) -> tuple[Metadata, str]:
    """Metadata and clean body, by the kind of input."""
    if document.body_only:
        return Metadata(), document.text
    if document.format == "html":
        from newsgraph.extract.html.page import parse_html

        # A page archived on a known day cannot have been published after it.
        crawled = _day(document.fetched)
        page = parse_html(document.text, url=document.url, crawled=crawled)
    else:
        page = parse_scraped(document.text)
    return page.metadata, page.body


def _day(timestamp: str | None) -> date | None:
    try:
        return date.fromisoformat(timestamp[:10]) if timestamp else None
    except ValueError:
        return None


def _with_hints(metadata: Metadata, document: Document) -> Metadata:
    """What the container said (JSONL fields, feed entries) wins over what the text shows;
    an explicit `published` wins over both."""
    hints = document.hints
    if hints is not None:
        metadata = Metadata(
            title=hints.title or metadata.title,
            section=hints.section or metadata.section,
            authors=hints.authors or metadata.authors,
            published=hints.published or metadata.published,
            views=hints.views if hints.views is not None else metadata.views,
        )
    if document.published:
        metadata = replace(metadata, published=document.published)
    return metadata


def _understand(chunk: list[Prepared], nlp: Language | None) -> Iterator[Article]:
    pending = [(p.body, p.metadata.published) for p in chunk if p.analyse]
    # `nlp` is loaded for the first chunk that has a body to analyse, so it is set whenever
    # `pending` is not empty.
    analyses = iter(_analyse(nlp, pending)) if nlp is not None and pending else iter(())
    for prepared in chunk:
        analysis = next(analyses) if prepared.analyse else Analysis()
        document = prepared.document
        yield Article(
            id=document.id or text_id(document.text),
            source=document.source,
            url=document.url,
            fetched=document.fetched,
            metadata=prepared.metadata,
            body=prepared.body,
            entities=analysis.entities,
            quotes=analysis.quotes,
            times=analysis.times,
            timeline=analysis.timeline,
            warnings=document.notes + prepared.warnings,
        )


def text_id(text: str) -> str:
    """A stable id for a text: a hash of it with case, Unicode forms and spacing folded, so
    that the same article saved twice gets the same id."""
    normalised = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def _load(model: str | None) -> Language:
    # spaCy is imported here, not at module level: `import newsgraph` stays light, and the
    # store and web layers never load it.
    from newsgraph.nlp.model import load_model

    return load_model(model)


def _analyse(nlp: Language, pending: list[tuple[str, str | None]]) -> list[Analysis]:
    from newsgraph.nlp.analyse import analyse_bodies

    return list(analyse_bodies(nlp, pending))
