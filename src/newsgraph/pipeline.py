"""newsgraph end to end: the one place where the stages are composed.

An input becomes an article in three steps:
1. extract: split scraped text or HTML into metadata and a clean body (or take the body as
   given);
2. detect the body's language;
3. understand: English bodies go through spaCy and newsgraph's components (entities,
   times, quotes); other languages keep metadata and body, with a warning in the record.

`Extractor` owns what the steps need (the settings, and the spaCy pipeline with the cue
model, loaded on first use and kept), like an HTTP client owns its connections: make one per
process, or per worker, and reuse it. The module-level `extract` and `extract_many` use one
default extractor per model name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING

from newsgraph.errors import InputTooLargeError
from newsgraph.extract.fields import host_name
from newsgraph.extract.file_dates import date_in_name
from newsgraph.extract.language import detect_language
from newsgraph.extract.text.page import parse_scraped
from newsgraph.records import Analysis, Article, Document, Metadata, text_id
from newsgraph.settings import Settings, load_settings
from newsgraph.text import SURROGATE_NOTE, calendar_day, has_surrogates, replace_surrogates

if TYPE_CHECKING:
    from spacy.language import Language

    from newsgraph.nlp.watch import PipeWatch

ANALYSED_LANGUAGES = frozenset({"en"})
# Documents prepared (extract + language) ahead of the model: enough to fill its batches.
PREPARE_AHEAD = 64
# Documents per batch of the model (spaCy's nlp.pipe): bigger batches are faster, to a point.
MODEL_BATCH = 32
# What the API takes as a publication date: ISO 8601 text, or a date.
Published = str | date | None


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article before the language step: metadata and body, and whether to analyse it."""

    document: Document
    metadata: Metadata
    body: str
    analyse: bool
    warnings: tuple[str, ...] = ()


class Extractor:
    """Turns documents into article records; owns the settings and the loaded model.

        with newsgraph.Extractor(newsgraph.load_settings(spacy_model="en_core_web_sm")) as ex:
            article = ex.extract(text, published="2021-06-01")

    The spaCy pipeline is built on first use (a document whose body is analysed) and kept for
    the extractor's life: one per process, never shared between processes.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else load_settings()

    @cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline with newsgraph's components, built once."""
        # spaCy is imported here, not at module level: `import newsgraph` stays light, and
        # the store and web layers never load it.
        from newsgraph.nlp.model import build_pipeline

        return build_pipeline(self.settings)

    def load(self) -> Extractor:
        """Build the model now rather than on first use (worker start-up, a web app)."""
        _ = self.nlp
        return self

    def close(self) -> None:
        """Let go of the model; the next analysed document builds it again."""
        self.__dict__.pop("nlp", None)

    def __enter__(self) -> Extractor:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def extract(
        self, text: str, *, published: Published = None, body_only: bool = False
    ) -> Article:
        """The record of one article. See `docs/record.md`.

        Raises TypeError for a text that is not a `str` (bytes, None) or a `published` that is
        neither a string nor a date, and `InputTooLargeError` for a text over the size limit.
        """
        day = published_text(published)
        document = self._document(text, day, body_only)
        return next(self.extract_documents([document]))

    def extract_many(
        self, texts: Iterable[str], *, published: Published = None, body_only: bool = False
    ) -> Iterator[Article]:
        """Records for many articles, in order, streaming. `texts` is an iterable of strings;
        one string is a TypeError (iterating it would make each character an article)."""
        if isinstance(texts, str | bytes) or not isinstance(texts, Iterable):
            raise TypeError(
                f"extract_many() takes an iterable of texts, not {type(texts).__name__}:"
                " for one text, call extract()"
            )
        day = published_text(published)
        documents = (self._document(text, day, body_only) for text in texts)
        return self.extract_documents(documents)

    def extract_documents(self, documents: Iterable[Document]) -> Iterator[Article]:
        """Records for documents that each carry their own options (source, published date)."""
        iterator = iter(documents)
        while chunk := [prepare(_checked(d)) for d in islice(iterator, PREPARE_AHEAD)]:
            yield from self.extract_prepared(chunk)

    def _document(self, text: object, published: str | None, body_only: bool) -> Document:
        """A document of a text given to the API, checked: a str within the size limit."""
        if not isinstance(text, str):
            hint = ": decode it first" if isinstance(text, bytes | bytearray) else ""
            raise TypeError(f"an article's text must be a str, not {type(text).__name__}{hint}")
        limit = self.settings.max_input_bytes
        if len(text) > limit or len(text.encode("utf-8", "surrogatepass")) > limit:
            raise InputTooLargeError(
                "<text>", f"over the limit of {limit:,} bytes (max_input_bytes setting)"
            )
        return Document(text=text, published=published, body_only=body_only)

    def extract_prepared(
        self, chunk: list[Prepared], watch: PipeWatch | None = None
    ) -> Iterator[Article]:
        """Records for documents already prepared (a caller that reports the two stages
        apart), streaming; the model is built only when a body needs it. `watch` sees the
        model at work, its items labelled by their positions in `chunk`."""
        analysed = [position for position, prepared in enumerate(chunk) if prepared.analyse]
        if watch is not None:
            watch.select(analysed)
        pending = [(chunk[p].body, chunk[p].metadata.published) for p in analysed]
        analyses = self._analyse(pending, watch) if pending else iter(())
        for prepared in chunk:
            analysis = next(analyses) if prepared.analyse else Analysis()
            yield _article(prepared, analysis)

    def _analyse(
        self, pending: list[tuple[str, str | None]], watch: PipeWatch | None
    ) -> Iterator[Analysis]:
        from newsgraph.nlp.analyse import analyse_bodies

        return analyse_bodies(self.nlp, pending, batch_size=MODEL_BATCH, watch=watch)


def published_text(published: Published) -> str | None:
    """The API's `published` as text: a `date` (or datetime) in ISO 8601, a string as given
    (checked as a calendar date in `prepare`)."""
    if published is None or isinstance(published, str):
        return published
    if isinstance(published, date):
        return published.isoformat()
    raise TypeError(f"published must be a str or a date, not {type(published).__name__}")


def _checked(document: object) -> Document:
    if not isinstance(document, Document):
        raise TypeError(f"extract_documents() takes Documents, not {type(document).__name__}")
    if not isinstance(document.text, str):
        raise TypeError(f"a Document's text must be a str, not {type(document.text).__name__}")
    return document


def _clean(document: Document) -> tuple[Document, tuple[str, ...]]:
    """The document with lone surrogates replaced (a text that did not come through ingest)
    and a `published` that is no calendar date dropped, with the warnings saying so."""
    warnings: list[str] = []
    if has_surrogates(document.text):
        document = replace(document, text=replace_surrogates(document.text))
        if SURROGATE_NOTE not in document.notes:
            warnings.append(SURROGATE_NOTE)
    if document.published is not None and calendar_day(document.published) is None:
        warnings.append(f"published {document.published!r} is not a calendar date: ignored")
        document = replace(document, published=None)
    given = document.sidecar_published
    if given is not None and calendar_day(given) is None:
        warnings.append(f"sidecar date {given!r} is not a calendar date: ignored")
        document = replace(document, sidecar_published=None)
    return document, tuple(warnings)


def prepare(document: Document) -> Prepared:
    """Metadata, body and language of a document: everything before the model."""
    document, notes = _clean(document)
    if notes:
        document = replace(document, notes=document.notes + notes)
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
    a date given beside the input (`--dates`) fills in when neither has one, then a date in
    the input's file name; an explicit `published` wins over all."""
    hints = document.hints
    if hints is not None:
        metadata = Metadata(
            title=hints.title or metadata.title,
            section=hints.section or metadata.section,
            authors=hints.authors or metadata.authors,
            published=hints.published or metadata.published,
            views=hints.views if hints.views is not None else metadata.views,
            url=hints.url or metadata.url,
            site=hints.site or metadata.site,
            agency=hints.agency or metadata.agency,
        )
    # A date the input gives wins; else the page's own, the sidecar's, and last of all a day
    # in the file name ("2021-06-01-storm.txt", "storm_20210601.html").
    if document.published:
        metadata = replace(metadata, published=document.published)
    elif metadata.published is None:
        found = document.sidecar_published or date_in_name(document.source)
        metadata = replace(metadata, published=found)
    # The page's own canonical address first; else where the container says it came from
    # (a WARC record's URL, a JSON Lines `url`, the fetched address).
    if metadata.url is None and document.url:
        metadata = replace(metadata, url=document.url)
    if metadata.site is None and metadata.url:
        metadata = replace(metadata, site=host_name(metadata.url))
    return metadata


def _article(prepared: Prepared, analysis: Analysis) -> Article:
    document = prepared.document
    return Article(
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
        warnings=document.notes + prepared.warnings + _unresolved_times(prepared, analysis),
    )


def _unresolved_times(prepared: Prepared, analysis: Analysis) -> tuple[str, ...]:
    """Why the timeline is short: relative times ("on Saturday", "last week") need the
    publication date, and none was found or given."""
    if prepared.metadata.published is not None:
        return ()
    unresolved = [t.text for t in analysis.times if "XXXX" in t.value]
    if not unresolved:
        return ()
    examples = ", ".join(f'"{text}"' for text in unresolved[:3])
    return (
        f"no publication date: {len(unresolved)} relative time expression(s) left unresolved"
        f" ({examples}) and kept out of the timeline; give one with --published or --dates",
    )


@lru_cache(maxsize=4)
def default_extractor(model: str | None = None) -> Extractor:
    """The extractor the module-level functions share: the settings from the environment,
    with `model` (a spaCy model name) instead of the configured one when given."""
    return Extractor(load_settings(spacy_model=model))


def extract(
    text: str,
    *,
    published: Published = None,
    body_only: bool = False,
    model: str | None = None,
) -> Article:
    """The record of one article, with the default extractor. See `docs/record.md`."""
    return default_extractor(model).extract(text, published=published, body_only=body_only)


def extract_many(
    texts: Iterable[str],
    *,
    published: Published = None,
    body_only: bool = False,
    model: str | None = None,
) -> Iterator[Article]:
    """Records for many articles, in order, with the default extractor (its model loaded
    once), streaming."""
    extractor = default_extractor(model)
    return extractor.extract_many(texts, published=published, body_only=body_only)


def extract_documents(
    documents: Iterable[Document], *, model: str | None = None
) -> Iterator[Article]:
    """Records for documents that each carry their own options, with the default extractor."""
    return default_extractor(model).extract_documents(documents)
