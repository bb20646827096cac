"""Sinks: where a batch's articles and failures go, and what is there already.

A sink says which articles it already holds (their ids and bodies: resume skips the ids,
near-duplicate detection indexes the bodies), takes articles in input order and failures as
they come, and is closed at the end. `JsonlSink` writes JSON Lines files (`--out`,
`--errors`, `--resume`); `StdoutSink` prints each article as it is done (`--json` or the
readable view); the SQLite corpus is another sink (`newsgraph.store`).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import IO, Any, Protocol

from newsgraph.errors import OutputError
from newsgraph.records import Article, Failure


class Sink(Protocol):
    def held(self) -> Iterator[tuple[str, str]]:
        """(id, body) of every article already held, for resume and near-duplicates."""
        ...

    def add_article(self, article: Article) -> None: ...

    def add_failure(self, failure: Failure) -> None: ...

    def close(self) -> None: ...


def write_line(stream: IO[str], data: dict[str, Any]) -> None:
    """One JSON object as one line, flushed: a kill loses at most the line being written. A
    file that cannot take it (a full disk) is an `OutputError` naming it, not a traceback,
    and keeps only whole lines: what the line got written of it is cut off again."""
    line = json.dumps(data, ensure_ascii=False) + "\n"
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # no file of its own (a StringIO): through the stream
        descriptor = None
    try:
        if descriptor is None:
            stream.write(line)
            stream.flush()
        else:
            _write_whole(stream, descriptor, line.encode("utf-8"))
    except OSError as error:
        raise OutputError(stream.name, _reason(error)) from error


def _write_whole(stream: IO[str], descriptor: int, data: bytes) -> None:
    """`data` to the file under the stream, around its buffer (so that nothing of a line that
    did not fit is left buffered, to be written later after a cut): all of it, or the file
    cut back to where it ended before, when it is a regular file."""
    stream.flush()  # nothing should be buffered; if something is, it goes first
    end = os.lseek(descriptor, 0, os.SEEK_END) if _is_regular(descriptor) else None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    except OSError:
        if end is not None:
            with suppress(OSError):
                os.ftruncate(descriptor, end)
        raise


def _is_regular(descriptor: int) -> bool:
    try:
        return stat.S_ISREG(os.fstat(descriptor).st_mode)
    except OSError:
        return False


def open_output(path: Path, mode: str) -> IO[str]:
    """An output file opened for text, or an `OutputError` naming it and saying why."""
    try:
        return path.open(mode, encoding="utf-8")
    except OSError as error:
        raise OutputError(str(path), _reason(error)) from error


def close_output(stream: IO[str]) -> None:
    """Close an output; what is still buffered may not fit (a full disk) either."""
    try:
        stream.close()
    except OSError as error:
        raise OutputError(stream.name, _reason(error)) from error


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


class FailureLog:
    """Failures as JSON lines in a file (when one is given), each also passed to `report`."""

    def __init__(
        self,
        path: Path | None,
        *,
        append: bool = False,
        report: Callable[[Failure], None] | None = None,
    ) -> None:
        self._file = open_output(path, "a" if append else "w") if path else None
        self._report = report

    def add(self, failure: Failure) -> None:
        if self._file is not None:
            write_line(self._file, failure.to_dict())
        if self._report is not None:
            self._report(failure)

    def close(self) -> None:
        if self._file is not None:
            close_output(self._file)


class JsonlSink:
    """Articles as JSON lines in `out`, in input order; with `resume`, appended after the
    articles already there (a line cut by a kill is dropped first)."""

    def __init__(
        self,
        out: Path,
        *,
        errors: Path | None = None,
        resume: bool = False,
        report: Callable[[Failure], None] | None = None,
    ) -> None:
        self.out = out
        self._held = list(held_in_file(out)) if resume else []
        self._file = open_output(out, "a" if resume else "w")
        self._failures = FailureLog(errors, append=resume, report=report)

    def held(self) -> Iterator[tuple[str, str]]:
        return iter(self._held)

    def add_article(self, article: Article) -> None:
        write_line(self._file, article.to_dict())

    def add_failure(self, failure: Failure) -> None:
        self._failures.add(failure)

    def close(self) -> None:
        try:
            close_output(self._file)
        finally:
            self._failures.close()


class StdoutSink:
    """Each article printed as it is done, by `render` (one JSON line by default)."""

    def __init__(
        self,
        render: Callable[[Article], str] | None = None,
        *,
        errors: Path | None = None,
        report: Callable[[Failure], None] | None = None,
        echo: Callable[[str], None] = print,
    ) -> None:
        self._render = render or _json_line
        self._echo = echo
        self._failures = FailureLog(errors, report=report)

    def held(self) -> Iterator[tuple[str, str]]:
        return iter(())

    def add_article(self, article: Article) -> None:
        try:
            self._echo(self._render(article))
        except OSError as error:  # stdout redirected to a full disk, say
            raise OutputError("standard output", _reason(error)) from error

    def add_failure(self, failure: Failure) -> None:
        self._failures.add(failure)

    def close(self) -> None:
        self._failures.close()


def _json_line(article: Article) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False)


def held_in_file(out: Path) -> Iterator[tuple[str, str]]:
    """(id, body) of each whole line of a JSON Lines output; a cut last line is removed."""
    if not out.exists():
        return
    complete = 0  # bytes up to the end of the last whole line
    with out.open("rb") as stream:
        for line in stream:
            if not line.endswith(b"\n"):
                break
            complete += len(line)
            article = _id_and_body(line)
            if article is not None:
                yield article
    if complete < out.stat().st_size:
        with out.open("r+b") as stream:
            stream.truncate(complete)


def _id_and_body(line: bytes) -> tuple[str, str] | None:
    try:
        data = json.loads(line)
    except ValueError:
        return None
    article_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(article_id, str):
        return None
    return article_id, str(data.get("body") or "")
