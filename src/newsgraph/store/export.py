"""The corpus tables as files: one per table, JSON Lines, CSV or Parquet (through pyarrow,
the `corpus` extra), readable as they are by DuckDB, pandas and polars. The columns are the
tables' own, documented in docs/corpus.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from newsgraph.errors import StoreError
from newsgraph.store.db import Corpus

ExportFormat = Literal["jsonl", "csv", "parquet"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("jsonl", "csv", "parquet")
# Every table of the corpus, the full-text indexes apart (they are derived from these).
TABLES = (
    "articles",
    "people",
    "article_entities",
    "mentions",
    "times",
    "quotes",
    "quote_entities",
    "timeline",
    "timeline_people",
    "titles",
    "gender_evidence",
    "corrections",
    "failures",
    "schema_migrations",
)
BATCH_ROWS = 10_000  # rows held in memory at once while writing Parquet
ARROW_TYPES = {"INTEGER": "int64", "REAL": "float64"}  # anything else is text


def columns(corpus: Corpus, table: str) -> list[tuple[str, str]]:
    """(name, declared type) of each column of a table, in order."""
    return [(row["name"], row["type"]) for row in corpus.rows(f"PRAGMA table_info({table})")]


def _rows(corpus: Corpus, table: str) -> Iterator[dict[str, Any]]:
    # The table name is one of TABLES, never the user's text.
    cursor = corpus.connection.execute(f"SELECT * FROM {table} ORDER BY rowid")
    names = [description[0] for description in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def export(corpus: Corpus, out: Path, format: ExportFormat) -> dict[str, int]:
    """Write every table into folder `out` as `TABLE.FORMAT`; returns the rows per table."""
    if format not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {format!r}: one of {', '.join(EXPORT_FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[format]
    return {table: writer(corpus, table, out / f"{table}.{format}") for table in TABLES}


def _write_jsonl(corpus: Corpus, table: str, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for row in _rows(corpus, table):
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(corpus: Corpus, table: str, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([name for name, _ in columns(corpus, table)])
        for row in _rows(corpus, table):
            writer.writerow(row.values())
            count += 1
    return count


def _write_parquet(corpus: Corpus, table: str, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("Parquet export needs pyarrow: pip install 'newsgraph[corpus]'") from None
    schema = pa.schema(
        [
            (name, getattr(pa, ARROW_TYPES.get(kind.upper(), "string"))())
            for name, kind in columns(corpus, table)
        ]
    )
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in _rows(corpus, table):
            batch.append(row)
            if len(batch) == BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        count += len(batch)
    return count
