"""Small shards of every kind a sharded batch reads (WARC, JSON Lines, Parquet), written by
the batch tests and bench/scale.py. Every text is invented (tests/ingest_samples.py)."""

from __future__ import annotations

from pathlib import Path

from tests.ingest_samples import OTHER_STORY, WIRE_STORY, html_page, write_jsonl, write_warc


def write_shards(folder: Path, copies: int = 1, per_shard: int = 1) -> Path:
    """A WARC, a JSON Lines and a Parquet shard per copy, with a bad record in each of the
    last two; every article of a copy differs from the others' (a copy number in it).
    `per_shard` copies share each shard (one WARC, JSON Lines and Parquet file per group):
    the same records in fewer, larger shards."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    for first in range(0, copies, per_shard):
        group = range(first, min(first + per_shard, copies))
        records, lines, rows = [], [], []
        for n in group:
            wire, other = f"{WIRE_STORY}\nFile {n}.\n", f"{OTHER_STORY}\nFile {n}.\n"
            records += [
                (f"https://example.org/ferry-{n}", "text/html", html_page("Ferry", wire).encode()),
                (f"https://example.org/ice-{n}", "text/html", html_page("Glacier", other).encode()),
            ]
            lines += [{"text": wire, "id": f"wire-{n}"}, "not json"]
            lines += [{"text": other, "url": "https://x.org/a"}]
            rows += [{"text": other, "id": f"pq-{n}"}, {"text": "", "id": f"empty-{n}"}]
        write_warc(folder / f"news-{first}.warc.gz", records)
        write_jsonl(folder / f"rows-{first}.jsonl", lines)
        pq.write_table(pa.Table.from_pylist(rows), folder / f"rows-{first}.parquet")
    return folder
