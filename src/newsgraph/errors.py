"""The errors newsgraph raises: one hierarchy, every message naming the input and the reason.

NewsgraphError
├── InputError            an input could not be read as an article
│   ├── EmptyInputError       nothing but whitespace
│   ├── BinaryInputError      not text (NUL bytes, control characters)
│   ├── EncodingError         no text encoding decodes it plausibly
│   ├── InputTooLargeError    over the size limit (NEWSGRAPH_MAX_INPUT_BYTES)
│   ├── FormatError           not valid in its format (broken gzip, WARC, feed, JSON line)
│   └── FetchError            a URL could not be fetched (HTTP error, timeout, redirects)
├── OutputError           an output file cannot be opened or written (missing folder, full
│                         disk, read-only file system): names the file and the reason
├── ModelError            a model cannot be loaded (the spaCy model, the cue scorer)
├── StoreError            the corpus database cannot be used: not a newsgraph corpus, corrupt,
│                         newer than this code, or a query it cannot run (a bad search)
└── EvaluationError       an evaluation folder is missing or not in the expected layout

Reading many inputs never raises for one bad input: `newsgraph.ingest` turns these errors, and
a path that does not exist ("no such file"), into `Failure` records in its stream.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input could not be read as an article. `source` names it, `reason` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class FormatError(InputError):
    pass


class FetchError(InputError):
    pass


class OutputError(NewsgraphError):
    """An output (--out, --errors) cannot be opened or written; the message names it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: cannot be written ({reason})")
        self.path = path
        self.reason = reason


class ModelError(NewsgraphError):
    pass


class EvaluationError(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    """The corpus database cannot be used as asked; the message names the file or the query."""
