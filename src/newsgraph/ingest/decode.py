"""Bytes of an article as text, with a clear error for each kind of bad input.

Bytes become text in this order: a byte-order mark says the encoding; else the charset the
server declared (HTTP Content-Type of a URL or a WARC record), if it decodes them; else strict
UTF-8; else charset-normalizer's best guess. Empty, binary and undecodable inputs are refused
with an `InputError` naming the input and the reason. Reading files, folders, standard input
and URLs (with the size limit) is `ingest/inputs.py`'s work.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from newsgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
)

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
# Browsers read a page labelled Latin-1 as Windows-1252 (WHATWG Encoding Standard), and pages
# so labelled use its curly quotes and dashes, which Latin-1 would turn into control characters.
DECLARED_ALIASES = {"iso8859-1": "cp1252"}


def decode_bytes(data: bytes, *, source: str, charset: str | None = None) -> str:
    """Decode an article's bytes, refusing empty, binary and undecodable input. `charset` is
    the encoding a server declared for them, tried first when there is no byte-order mark."""
    if not data.strip():
        raise EmptyInputError(source, "empty input (nothing but whitespace)")
    text = _decode(data, source, charset)
    if not text.strip():
        raise EmptyInputError(source, "empty input (nothing but whitespace)")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise BinaryInputError(source, "binary data, not text")
    return text


def _decode(data: bytes, source: str, charset: str | None) -> str:
    # 1. A byte-order mark is the surest sign of an encoding.
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    # 2. The server's declared charset: usually right, and guessing is slow. A wrong or unknown
    #    one (bytes it cannot decode) gives way to the steps below.
    declared = _decode_declared(data, charset) if charset else None
    if declared is not None:
        return declared
    # 3. Bytes with NUL in them and no BOM are binary: text encodings without a BOM that use
    #    NUL bytes (UTF-16 without a mark) are too rare in news dumps to guess at.
    if b"\x00" in data:
        raise BinaryInputError(source, "binary data, not text (contains NUL bytes)")
    # 4. Most text is UTF-8; strict decoding rarely succeeds by accident on anything else.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # 5. Otherwise let charset-normalizer choose the most coherent legacy encoding.
    best = from_bytes(data).best()
    if best is None:
        raise EncodingError(source, "not UTF-8, and no other text encoding decodes it")
    return str(best)


def _decode_declared(data: bytes, charset: str) -> str | None:
    try:
        encoding = codecs.lookup(charset).name
    except LookupError:
        return None
    try:
        return data.decode(DECLARED_ALIASES.get(encoding, encoding))
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    sample = text[:100_000]
    controls = sum(
        1 for char in sample if char not in ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls / len(sample)
