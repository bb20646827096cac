"""Issue #15: every input accounted for once, in the output or the errors; no traceback, no
hang, no silent loss. Hand-built inputs; real processes where pipes and devices matter.
See docs/reliability.md for what each test shows."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.batch.sinks import FailureLog, StdoutSink, close_output, write_line
from newsgraph.cli import cli
from newsgraph.cli.progress import article_rate
from newsgraph.cli.render import render_article
from newsgraph.errors import InputTooLargeError, OutputError
from newsgraph.ingest import Failure, ReadOptions, read_inputs
from newsgraph.ingest.count import estimate_documents
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.inputs import walk_folder
from newsgraph.pipeline import Extractor, prepare
from newsgraph.records import Article, Document, Metadata, text_id
from newsgraph.settings import load_settings
from newsgraph.text import SURROGATE_NOTE
from tests.ingest_samples import OTHER_STORY, WIRE_STORY, write_jsonl, write_warc

CLI = [sys.executable, "-c", "from newsgraph.cli import main; main()", "extract"]
STORY = "The mayor of Port Elvin said on Monday that the bridge would reopen in May."


def _items(inputs: list[str], **options: Any) -> list[Document | Failure]:
    return list(read_inputs(inputs, ReadOptions(**options)))


# 1. Lone surrogates ---------------------------------------------------------------------


def test_text_id_never_raises_on_a_lone_surrogate() -> None:
    assert len(text_id("a \ud800 b")) == 16
    assert text_id("Plain text") == text_id("plain   TEXT")  # valid text hashes as before


def test_lone_surrogates_in_json_lines_are_replaced_with_a_warning(tmp_path: Path) -> None:
    rows = [
        '{"text": "Bad \\ud800 text. ' + STORY + '"}',
        '{"text": "' + STORY + '", "title": "Bad \\udfff title"}',
        '{"text": "' + STORY + ' Valid."}',
    ]
    items = _items([str(write_jsonl(tmp_path / "rows.jsonl", rows))])
    assert all(isinstance(item, Document) for item in items) and len(items) == 3
    first, second, third = (item for item in items if isinstance(item, Document))
    assert "\ufffd" in first.text and SURROGATE_NOTE in first.notes
    assert second.hints is not None and second.hints.title == "Bad \ufffd title"
    assert SURROGATE_NOTE in second.notes and not third.notes
    for document in (first, second):
        json.dumps(document.text, ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_a_file_name_that_is_not_utf8_is_named_with_a_replacement(tmp_path: Path) -> None:
    name = os.fsdecode(b"story-\xff.txt")
    (tmp_path / name).write_text(STORY, encoding="utf-8")
    (item,) = _items([str(tmp_path)])
    assert isinstance(item, Document) and item.source is not None
    assert item.source.endswith("story-\ufffd.txt")
    item.source.encode("utf-8")


def test_a_batch_with_surrogates_writes_every_line(tmp_path: Path, nlp: Any) -> None:
    rows = [
        json.dumps({"text": f"Bad LONE text. {STORY}"}),
        json.dumps({"text": OTHER_STORY, "title": "T LONE"}),
        json.dumps({"text": f"{STORY} Valid."}),
    ]
    lone = [row.replace("LONE", "\\ud800") for row in rows]  # JSON's escape, as a file has it
    source = write_jsonl(tmp_path / "rows.jsonl", lone)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", "--quiet", "--out", str(out), str(source)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    assert SURROGATE_NOTE in records[0]["warnings"]
    assert records[1]["metadata"]["title"] == "T \ufffd"


# 2. Pipes are never read to count -------------------------------------------------------


def test_counting_never_reads_a_pipe_or_a_fifo(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b'{"text": "x"}\n')
    os.close(write_end)
    assert estimate_documents([f"/dev/fd/{read_end}"], ReadOptions()) is None
    assert os.read(read_end, 100) == b'{"text": "x"}\n'  # still all there for the batch
    os.close(read_end)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert estimate_documents([str(fifo)], ReadOptions()) is None  # opening would block
    assert estimate_documents(["/dev/zero"], ReadOptions(format="jsonl")) is None


def test_out_with_a_fifo_input_reads_it_once(tmp_path: Path) -> None:
    fifo, out, errors = tmp_path / "rows.jsonl", tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    os.mkfifo(fifo)
    rows = b'{"text": ""}\n{"nope": 1}\n[1]\n'  # three failures: no model needed

    def feed() -> None:
        with fifo.open("wb") as stream:
            stream.write(rows)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    command = [*CLI, "--out", str(out), "--errors", str(errors), str(fifo)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    writer.join(5)
    assert result.returncode == 1, result.stderr
    assert len(errors.read_text().splitlines()) == 3


# 3. Symlink loops -----------------------------------------------------------------------


def test_a_symlink_loop_in_a_folder_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")
    files = list(walk_folder(tmp_path))
    assert [path.name for path in files] == ["story.txt"]
    assert estimate_documents([str(tmp_path)], ReadOptions()) == 1


# 4. WARC from a pipe, and endless non-WARC bytes ----------------------------------------


def _warc_bytes(tmp_path: Path) -> bytes:
    page = f"<html><body><p>{STORY}</p></body></html>".encode()
    path = write_warc(
        tmp_path / "a.warc", [("https://example.org/a", "text/html", page)], compress=False
    )
    return path.read_bytes()


def test_a_plain_warc_on_standard_input_is_read(tmp_path: Path) -> None:
    data = _warc_bytes(tmp_path)
    script = (
        "from newsgraph.ingest import read_inputs\n"
        "for item in read_inputs(['-']): print(type(item).__name__, item.source if"
        " hasattr(item, 'source') else item)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], input=data, capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["Document", "-#1"]


def test_a_forced_warc_on_dev_zero_is_one_failure() -> None:
    (item,) = _items(["/dev/zero"], format="warc")
    assert isinstance(item, Failure) and item.input == "/dev/zero" and item.stage == "parse"


# 5. JSON Lines are read with a length bound ---------------------------------------------


def test_an_endless_json_line_is_one_failure_not_memory() -> None:
    (item,) = _items(["/dev/zero"], format="jsonl", max_bytes=1000)
    assert isinstance(item, Failure) and item.input == "/dev/zero:1"
    assert "over the limit of 1,000 bytes" in item.reason


def test_lines_before_an_over_long_line_are_kept(tmp_path: Path) -> None:
    rows = ['{"text": "' + STORY + '"}', '{"text": "' + "x" * 2000 + '"}']
    items = _items([str(write_jsonl(tmp_path / "r.jsonl", rows))], max_bytes=1000)
    assert isinstance(items[0], Document) and isinstance(items[1], Failure)
    assert items[1].input.endswith("r.jsonl:2")


# 11. Output paths -----------------------------------------------------------------------


def test_unwritable_outputs_are_one_line_errors(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "rows.jsonl", ['{"text": ""}'])
    missing = tmp_path / "no" / "such" / "out.jsonl"
    for args in (["--out", str(missing)], ["--out", str(tmp_path / "o"), "--errors", "/dev/full"]):
        result = subprocess.run(
            [*CLI, "--quiet", *args, str(source)], capture_output=True, text=True, timeout=60
        )
        assert result.returncode != 0
        assert "Traceback" not in result.stderr, result.stderr
        assert "cannot be written" in result.stderr


def test_an_article_to_a_full_disk_is_a_one_line_error(tmp_path: Path, nlp: Any) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--quiet", "--out", "/dev/full", str(source)])
    assert result.exit_code == 1 and result.exception is not None
    assert "/dev/full: cannot be written (No space left on device)" in result.output


def test_a_full_disk_is_an_output_error() -> None:
    stream = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    with pytest.raises(OutputError) as caught:
        write_line(stream, {"a": 1})
    close_output(stream)  # nothing of the line that did not fit is left to write later
    assert "/dev/full" in str(caught.value) and "No space left" in str(caught.value)
    with pytest.raises(OutputError, match="cannot be written"):
        FailureLog(Path("/proc/newsgraph/errors.jsonl"))


def test_standard_output_that_cannot_be_written_is_an_output_error() -> None:
    def full(line: str) -> None:
        raise OSError(28, "No space left on device")

    sink = StdoutSink(echo=full)
    with pytest.raises(OutputError, match="standard output: cannot be written"):
        sink.add_article(Article(metadata=Metadata(), body="x"))


# 12. Collisions -------------------------------------------------------------------------


def test_outputs_that_are_inputs_or_each_other_are_refused(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "x.jsonl", ['{"text": "' + STORY + '"}'])
    before = source.read_bytes()
    same = str(tmp_path / "." / "x.jsonl")
    for args in (
        ["--out", same, str(source)],
        ["--out", str(tmp_path / "o.jsonl"), "--errors", same, str(source)],
        ["--out", str(tmp_path / "f"), "--errors", str(tmp_path / "f"), str(source)],
    ):
        result = CliRunner().invoke(cli, ["extract", *args])
        assert result.exit_code == 2, result.output
    assert source.read_bytes() == before


# 13. Dates and urls as they enter -------------------------------------------------------


def test_json_lines_dates_and_urls_are_validated(tmp_path: Path) -> None:
    rows = [
        {"text": STORY, "published": "0000-00-00", "url": 42},
        {"text": STORY, "published": "2021-02-31"},
        {"text": STORY, "published": "2021-02-28T10:00:00Z", "url": "https://example.org"},
    ]
    items = _items([str(write_jsonl(tmp_path / "r.jsonl", list(rows)))])
    bad, rolled, good = (item for item in items if isinstance(item, Document))
    assert bad.hints is not None and bad.hints.published is None and bad.url is None
    assert len(bad.notes) == 2
    assert rolled.hints is not None and rolled.hints.published is None and rolled.notes
    assert good.hints is not None and good.hints.published == "2021-02-28" and not good.notes


def test_a_feed_date_that_is_no_calendar_date_is_left_out() -> None:
    feed = (
        '<rss version="2.0"><channel>'
        "<item><title>A</title><description>Some text here.</description>"
        "<pubDate>2021-02-31T10:00:00Z</pubDate></item>"
        "<item><title>B</title><description>Some text here.</description>"
        "<pubDate>Sun, 28 Feb 2021 10:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    )
    first, second = (item for item in read_feed(feed.encode(), "f.xml", ReadOptions()))
    assert isinstance(first, Document) and first.hints is not None
    assert first.hints.published is None and any("calendar" in n for n in first.notes)
    assert isinstance(second, Document) and second.hints is not None
    assert second.hints.published == "2021-02-28"


def test_the_apis_published_is_validated_before_the_model() -> None:
    prepared = prepare(Document(text=STORY, published="not a date", body_only=True))
    assert prepared.metadata.published is None
    assert any("not a calendar date" in n for n in prepared.document.notes)


# 14. The Python API checks its arguments ------------------------------------------------


def test_the_api_refuses_what_is_not_a_text() -> None:
    extractor = Extractor(load_settings(max_input_bytes=1000))
    for value in (None, 42, b"bytes"):
        with pytest.raises(TypeError, match="must be a str"):
            extractor.extract(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable of texts"):
        extractor.extract_many("abc")
    with pytest.raises(TypeError, match="published"):
        extractor.extract(STORY, published=20210601)  # type: ignore[arg-type]
    with pytest.raises(InputTooLargeError, match="over the limit of 1,000"):
        extractor.extract("x" * 2000)


def test_the_api_takes_a_date_and_a_lone_surrogate(nlp: Any) -> None:
    article = Extractor().extract(f"{STORY} \ud800", published=date(2021, 6, 1))
    assert article.metadata.published == "2021-06-01"
    assert SURROGATE_NOTE in article.warnings and "\ud800" not in article.body


def test_the_model_takes_texts_up_to_the_input_limit(nlp: Any) -> None:
    assert nlp.max_length == load_settings().max_input_bytes


# 15. Smaller ----------------------------------------------------------------------------


def test_max_bytes_must_be_positive_and_is_named(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text(WIRE_STORY, encoding="utf-8")
    for value in ("-5", "0"):
        result = CliRunner().invoke(cli, ["extract", "--max-bytes", value, str(source)])
        assert result.exit_code == 2 and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["extract", "--quiet", "--max-bytes", "10", str(source)])
    assert result.exit_code == 1 and "(--max-bytes)" in result.output


def test_the_readable_view_strips_terminal_escapes() -> None:
    article = Article(
        id="x",
        source="a.txt",
        metadata=Metadata(title="\x1b]0;owned\x07Title\x1b[2J"),
        body="Body\twith a tab",
        warnings=("line one\nline two",),
    )
    view = render_article(article)
    assert "\x1b" not in view and "\x07" not in view and "Title" in view
    assert "line one\nline two" in view


def test_the_rate_counts_only_articles_worked_on() -> None:
    # 10,000 articles skipped by resume in the first second must not read as 10,000/s.
    assert article_rate(10_010, 5.0, skipped=10_000) == pytest.approx(2.0)


def test_stdin_warc_bytes_in_memory_still_work(tmp_path: Path) -> None:
    # A WARC given as bytes (a URL's body) goes through the same forward-only reader.
    from newsgraph.ingest.warc import read_warc

    items = list(read_warc(io.BytesIO(_warc_bytes(tmp_path)), "mem", ReadOptions()))
    assert [type(item).__name__ for item in items] == ["Document"]
