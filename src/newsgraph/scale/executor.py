"""The Executor seam: documents in, outcomes out, in input order, wherever the work runs.

An executor owns the processes (or actors) that hold a model: in this process, in local
worker processes (`scale/local.py`), or on a Ray cluster (a later executor). The batch
runner (`newsgraph.batch`) drives any of them the same way. Each document becomes one
outcome: its article (with what `annotate` computed from it where it was extracted, such as
a near-duplicate signature, so that only small values travel back) or a failure.

`Worker` is the work itself, the same in every executor: one `Extractor`, time and memory
limits, and the rules that keep a failure to the document at fault: each document of a chunk
extracted together has its own time limit (the time is charged to the document at work), the
one whose time runs out fails alone, and a chunk that fails otherwise is done again one
document at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from newsgraph.errors import ModelError
from newsgraph.nlp.watch import PipeWatch
from newsgraph.pipeline import Extractor, Prepared, prepare
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

        The chunk is extracted together (the model is faster on batches), and each document
        within its own time limit: the time is charged to the document at work (`PipeWatch`),
        so the chunk may take as long as its documents need, each within the limit. The
        document whose own time runs out fails at once and the rest of the chunk is done
        again without it; what was finished is kept. When the time that runs out is shared
        (a model component working on a batch of them), or the chunk fails otherwise
        (MemoryError: which document holds the memory is not known), the unfinished
        documents are done again one at a time, each with its own limit.
        """
        if len(chunk) <= 1:
            return [self.process_document(document, annotate) for document in chunk]
        done: list[Article | Failure | None] = [None] * len(chunk)
        watch = PipeWatch()
        limit = self.time_limit
        try:
            with time_limit(limit, (lambda: watch.time_left(limit)) if limit else None):
                self._extract_together(chunk, done, watch)
        except ModelError:
            raise
        except DocumentTimeout as error:
            return self._after_timeout(chunk, done, watch.out_of_time, str(error), annotate)
        except Exception:  # MemoryError included: the unfinished are done again alone
            pass
        return self._outcomes(chunk, done, annotate)

    def _extract_together(
        self, chunk: list[Document], done: list[Article | Failure | None], watch: PipeWatch
    ) -> None:
        """Prepare each document, then extract them together, into `done` by position."""
        prepared: list[Prepared] = []
        positions: list[int] = []
        for position, document in enumerate(chunk):
            with watch.working_on(position):
                try:
                    prepared.append(prepare(document))
                except (ModelError, DocumentTimeout, MemoryError):
                    raise
                except Exception as error:  # this document's own failure
                    done[position] = Failure(document_name(document), "parse", _reason(error))
                    continue
            positions.append(position)
        watch.select(positions)
        articles = self.extractor.extract_prepared(prepared, watch)
        for position, article in zip(positions, articles, strict=True):
            done[position] = article

    def _after_timeout(
        self,
        chunk: list[Document],
        done: list[Article | Failure | None],
        culprit: int | None,
        reason: str,
        annotate: Annotate | None,
    ) -> list[Outcome]:
        """The document out of time fails, the rest of the chunk is done again without it."""
        if culprit is None or not 0 <= culprit < len(chunk) or done[culprit] is not None:
            return self._outcomes(chunk, done, annotate)  # no one document's time
        done[culprit] = Failure(document_name(chunk[culprit]), "extract", reason)
        rest = [document for document, result in zip(chunk, done, strict=True) if result is None]
        again = iter(self.process_chunk(rest, annotate))
        return [
            next(again) if result is None else self._finished(d, result, annotate)
            for d, result in zip(chunk, done, strict=True)
        ]

    def _outcomes(
        self, chunk: list[Document], done: list[Article | Failure | None], annotate: Annotate | None
    ) -> list[Outcome]:
        """What was finished, and each unfinished document done again alone."""
        return [
            self.process_document(d, annotate)
            if result is None
            else self._finished(d, result, annotate)
            for d, result in zip(chunk, done, strict=True)
        ]

    @staticmethod
    def _finished(
        document: Document, result: Article | Failure, annotate: Annotate | None
    ) -> Outcome:
        return result if isinstance(result, Failure) else _outcome(document, result, annotate)

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
            return Failure(name, stage, _reason(error))
        return _outcome(document, article, annotate)


def _reason(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


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
