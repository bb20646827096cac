"""The Executor seam: documents in, outcomes out, in input order, wherever the work runs.

An executor owns the processes (or actors) that hold a model: in this process, in local
worker processes (`scale/local.py`), or on a Ray cluster (a later executor). The batch
runner (`newsgraph.batch`) drives any of them the same way. Each document becomes one
outcome: its article (with what `annotate` computed from it where it was extracted, such as
a near-duplicate signature, so that only small values travel back) or a failure.

`Worker` is the work itself, the same in every executor: one `Extractor`, time and memory
limits, and the rule that a chunk that fails as a whole (or runs past one document's time
limit) is done again one document at a time, so that only the documents at fault become
failures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from newsgraph.errors import ModelError
from newsgraph.pipeline import Extractor, prepare
from newsgraph.records import Article, Document, Failure, Stage
from newsgraph.scale.limits import DocumentTimeout, time_limit
from newsgraph.settings import Settings

NO_TEXT = "no article text found in it"
# Run once before a memory cap is set, so that what is loaded on first use is loaded by then.
WARM_UP = (
    Document(text="The mayor said on Monday that the bridge would reopen.", source="(warm-up)"),
    Document(
        text="<html><head><title>T</title></head><body><p>The mayor said so.</p></body></html>",
        source="(warm-up)",
        format="html",
    ),
)

# Computed from each article where it is extracted; must be a module-level function (it is
# sent to worker processes by name).
Annotate = Callable[[Article], Any]


@dataclass(frozen=True, slots=True)
class Extracted:
    article: Article
    annotation: Any = None  # what `annotate` returned for it (None without one)


Outcome = Extracted | Failure


class Executor(Protocol):
    """Runs the extraction of documents somewhere; outcomes come back in input order."""

    def run(
        self, documents: Iterable[Document], annotate: Annotate | None = None
    ) -> Iterator[Outcome]:
        """One outcome per document, in the order of `documents`."""
        ...


class Worker:
    """The work on documents in one process: an extractor with the settings' limits."""

    def __init__(self, settings: Settings) -> None:
        self.extractor = Extractor(settings)
        self.time_limit = settings.time_limit or None  # seconds per document

    def warm_up(self) -> None:
        """Load the model and run it once on a tiny article of each format.

        Called before a memory cap is put on: what is built or imported on first use (the
        HTML extraction, a library loaded lazily) is then loaded already, instead of failing
        under the cap for want of address space and failing every document after it.
        """
        self.extractor.load()
        for document in WARM_UP:
            self.process_document(document, None)

    def process_chunk(self, chunk: list[Document], annotate: Annotate | None) -> list[Outcome]:
        """An outcome per document of the chunk, in order.

        The chunk is extracted together (the model is faster on batches) within one
        document's time limit, not the chunk's size times it: ordinary articles take a small
        part of it. A chunk that fails or runs past it is done again one document at a time,
        each with its own limit; a chunk of one is done alone at once, so that a document runs
        at most twice its limit (once in its chunk, once alone), never the chunk's size times.
        """
        if len(chunk) == 1:
            return [self.process_document(chunk[0], annotate)]
        try:
            with time_limit(self.time_limit):
                articles = list(self.extractor.extract_documents(chunk))
        except ModelError:
            raise
        except Exception:  # MemoryError and DocumentTimeout included
            return [self.process_document(document, annotate) for document in chunk]
        return [_outcome(d, a, annotate) for d, a in zip(chunk, articles, strict=True)]

    def process_document(self, document: Document, annotate: Annotate | None) -> Outcome:
        """The outcome of one document alone, with the stage at which it failed."""
        name = document_name(document)
        stage: Stage = "parse"
        try:
            with time_limit(self.time_limit):
                prepared = prepare(document)
                stage = "extract"
                article = next(self.extractor.extract_prepared([prepared]))
        except ModelError:
            raise
        except DocumentTimeout as error:
            return Failure(name, "extract", str(error))
        except MemoryError:
            return Failure(name, "extract", "ran out of memory (the per-worker memory cap)")
        except Exception as error:
            return Failure(name, stage, f"{type(error).__name__}: {error}")
        return _outcome(document, article, annotate)


def _outcome(document: Document, article: Article, annotate: Annotate | None) -> Outcome:
    # A page with no text left after extraction (a video page, markup without paragraphs,
    # a page cut before its text) is no article: it goes to the errors, not the output.
    if not article.body.strip():
        return Failure(document_name(document), "parse", NO_TEXT)
    return Extracted(article, annotate(article) if annotate is not None else None)


def document_name(document: Document) -> str:
    """How failures and progress name a document."""
    return document.source or document.url or document.id or "(document)"


def chunked(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """`documents` in lists of `size` (the last one shorter)."""
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
