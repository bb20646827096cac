"""Shards: the files of a news archive (WARC, JSON Lines, Parquet), on any filesystem that
pyarrow supports (local paths, s3://, gs://, hdfs://), each read whole into documents.

`expand_shards` turns files, folders and glob patterns into a sorted list of shard
addresses; `read_shard` reads one into its documents and failures. A shard is the unit a
sharded batch writes, skips on a rerun, and retries (`newsgraph.batch.sharded`).
A Parquet shard has the columns of a JSON Lines article (`text` or `html`, optional `url`,
`title`, `published`, `authors`, `id`); each row is one article, named `SHARD#ROW`.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import os
from collections.abc import Iterable
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.detect import GZIP_MAGIC, HEAD_BYTES, detect_format
from newsgraph.ingest.jsonl import read_jsonl, read_objects
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.warc import read_warc
from newsgraph.records import Document, Failure

ShardItem = Document | Failure
PARQUET_MAGIC = b"PAR1"
GLOB_CHARACTERS = frozenset("*?[")
SHARD_FORMATS = ("warc", "jsonl", "parquet")


def filesystem(address: str) -> tuple[Any, str]:
    """The pyarrow filesystem of an address and the path on it (local paths made absolute:
    a shard's name, hence its output files, must not depend on the working folder)."""
    from pyarrow import fs

    if "://" not in address:
        return fs.LocalFileSystem(), os.path.abspath(address)
    system, path = fs.FileSystem.from_uri(address)
    return system, str(path)


def expand_shards(inputs: Iterable[str]) -> list[str]:
    """Every shard named by `inputs` (files, folders read recursively, glob patterns), once
    each, sorted; hidden files are skipped. A missing input raises InputError."""
    found: set[str] = set()
    for value in inputs:
        found.update(_expand_one(value))
    return sorted(found)


def _expand_one(value: str) -> list[str]:
    from pyarrow import fs

    system, path = filesystem(value)
    prefix = value.split("://", 1)[0] + "://" if "://" in value else ""
    if GLOB_CHARACTERS & set(path):
        base = _glob_base(path)
        files = _files_under(system, base)
        return [prefix + f for f in files if fnmatch.fnmatch(f, path)]
    info = system.get_file_info(path)
    if info.type == fs.FileType.NotFound:
        raise InputError(value, "no such file or folder")
    if info.type == fs.FileType.Directory:
        return [prefix + f for f in _files_under(system, path)]
    return [prefix + path]


def _glob_base(pattern: str) -> str:
    """The folder part of a pattern before its first wildcard."""
    head = pattern[: min(pattern.index(c) for c in GLOB_CHARACTERS if c in pattern)]
    return head.rsplit("/", 1)[0] or "/"


def _files_under(system: Any, base: str) -> list[str]:
    from pyarrow import fs

    selector = fs.FileSelector(base, recursive=True, allow_not_found=True)
    return [
        info.path
        for info in system.get_file_info(selector)
        if info.type == fs.FileType.File
        and not any(part.startswith(".") for part in info.path[len(base) :].split("/"))
    ]


def read_shard(shard: str, options: ReadOptions) -> list[ShardItem]:
    """The documents and failures of one shard, in order; a shard that cannot be read is one
    failure naming it."""
    try:
        system, path = filesystem(shard)
        with system.open_input_file(path) as stream:
            data = stream.read()
    except (OSError, ValueError) as error:
        return [Failure(shard, "read", f"cannot read the shard ({error})")]
    kind = shard_format(shard, data[:HEAD_BYTES])
    if kind == "parquet":
        return _read_parquet(data, shard, options)
    if kind == "warc":
        return list(read_warc(io.BytesIO(data), shard, options))
    if kind == "jsonl":
        if data[:2] == GZIP_MAGIC:
            data = gzip.decompress(data)
        return list(read_jsonl(io.BytesIO(data), shard, options))
    return [Failure(shard, "parse", "not a shard: WARC, JSON Lines or Parquet")]


def shard_format(name: str, head: bytes) -> str | None:
    """warc, jsonl or parquet, from the first bytes (and the name where they leave it open)."""
    if head[:4] == PARQUET_MAGIC:
        return "parquet"
    plain = name.removesuffix(".gz")
    if plain.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    found = detect_format(name, head)
    return found if found in SHARD_FORMATS else None


def _read_parquet(data: bytes, shard: str, options: ReadOptions) -> list[ShardItem]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        rows = pq.read_table(pa.BufferReader(data)).to_pylist()
    except (OSError, ValueError, pa.ArrowException) as error:
        return [Failure(shard, "parse", f"a broken Parquet file ({error})")]
    return list(read_objects(rows, shard, options))
