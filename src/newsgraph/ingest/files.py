"""Read files and standard input as text, with a clear error for each kind of bad input.

Bytes become text in this order: a byte-order mark says the encoding; else strict UTF-8; else
charset-normalizer's best guess. Empty, binary, undecodable and oversized inputs are refused
with an `InputError` naming the input and the reason.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from newsgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MissingInputError,
)
from newsgraph.records import Document

STDIN_NAME = "-"
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Text has few control characters besides tab and line breaks; more than this share of them
# means the bytes are not text, whatever they decode to.
MAX_CONTROL_SHARE = 0.02
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def read_document(
    path: str, *, max_bytes: int, published: str | None = None, body_only: bool = False
) -> Document:
    """Read one input (a path, or "-" for standard input) as a `Document`."""
    text = read_text(path, max_bytes=max_bytes)
    return Document(text=text, source=path, published=published, body_only=body_only)


def read_text(path: str, *, max_bytes: int) -> str:
    """The decoded text of a file or of standard input ("-")."""
    if path == STDIN_NAME:
        data = _read_capped(sys.stdin.buffer, path, max_bytes)
    else:
        data = _read_file(Path(path), max_bytes)
    return decode_bytes(data, source=path)


def _read_file(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise MissingInputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a folder, not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_large(str(path), size, max_bytes)
    try:
        with path.open("rb") as stream:
            return _read_capped(stream, str(path), max_bytes)
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror})") from error


def _read_capped(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    # Read one byte past the limit so that a stream (stdin) over it is caught without
    # holding more than the limit in memory.
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(source, None, max_bytes)
    return data


def _too_large(source: str, size: int | None, max_bytes: int) -> InputTooLargeError:
    what = f"{size:,} bytes" if size is not None else "larger"
    return InputTooLargeError(
        source, f"{what}, over the limit of {max_bytes:,} bytes (NEWSGRAPH_MAX_INPUT_BYTES)"
    )


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an article's bytes, refusing empty, binary and undecodable input."""
    if not data.strip():
        raise EmptyInputError(source, "empty input (nothing but whitespace)")
    text = _decode(data, source)
    if not text.strip():
        raise EmptyInputError(source, "empty input (nothing but whitespace)")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise BinaryInputError(source, "binary data, not text")
    return text


def _decode(data: bytes, source: str) -> str:
    # 1. A byte-order mark is the surest sign of an encoding.
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    # 2. Bytes with NUL in them and no BOM are binary: text encodings without a BOM that use
    #    NUL bytes (UTF-16 without a mark) are too rare in news dumps to guess at.
    if b"\x00" in data:
        raise BinaryInputError(source, "binary data, not text (contains NUL bytes)")
    # 3. Most text is UTF-8; strict decoding rarely succeeds by accident on anything else.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # 4. Otherwise let charset-normalizer choose the most coherent legacy encoding.
    best = from_bytes(data).best()
    if best is None:
        raise EncodingError(source, "not UTF-8, and no other text encoding decodes it")
    return str(best)


def _control_share(text: str) -> float:
    sample = text[:100_000]
    controls = sum(
        1 for char in sample if char not in ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls / len(sample)
