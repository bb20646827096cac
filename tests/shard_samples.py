"""Small shards of every kind a sharded batch reads (WARC, JSON Lines, Parquet), written by
the batch tests and bench/scale.py. Every text is invented (tests/ingest_samples.py)."""

from __future__ import annotations

from pathlib import Path

from tests.ingest_samples import OTHER_STORY, WIRE_STORY, html_page, write_jsonl, write_warc


def write_shards(folder: Path, copies: int = 1) -> Path:
    """A WARC, a JSON Lines and a Parquet shard per copy, with a bad record in each of the
    last two; every article of a copy differs from the others' (a copy number in it)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        wire, other = f"{WIRE_STORY}\nFile {n}.\n", f"{OTHER_STORY}\nFile {n}.\n"
        write_warc(
            folder / f"news-{n}.warc.gz",
            [
                (f"https://example.org/ferry-{n}", "text/html", html_page("Ferry", wire).encode()),
                (f"https://example.org/ice-{n}", "text/html", html_page("Glacier", other).encode()),
            ],
        )
        write_jsonl(
            folder / f"rows-{n}.jsonl",
            [
                {"text": wire, "id": f"wire-{n}"},
                "not json",
                {"text": other, "url": "https://x.org/a"},
            ],
        )
        rows = [{"text": other, "id": f"pq-{n}"}, {"text": "", "id": f"empty-{n}"}]
        pq.write_table(pa.Table.from_pylist(rows), folder / f"rows-{n}.parquet")
    return folder
