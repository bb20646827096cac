"""`newsgraph extract` on batches: every input kind at once, malformed ones in errors.jsonl,
worker processes with a stable order, a progress bar, and a killed batch resumed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from tests.ingest_samples import (
    ATOM_FEED,
    OTHER_STORY,
    WIRE_STORY,
    edited_copy,
    html_page,
    paragraphs_html,
    rss_feed,
    truncated_gzip,
    write_jsonl,
    write_warc,
)
from tests.test_ingest_web import server  # noqa: F401  (the local HTTP server fixture)

pytestmark = pytest.mark.model


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _inputs(folder: Path, base_url: str) -> tuple[list[str], list[str]]:
    """Good inputs of every kind, and one malformed input of every kind."""
    good_warc = write_warc(
        folder / "good.warc.gz",
        [("http://example.org/ferry", "text/html", html_page("Ferry", WIRE_STORY).encode())],
    )
    cut_warc = folder / "cut.warc.gz"
    cut_warc.write_bytes(truncated_gzip(good_warc.read_bytes(), keep=0.5))
    (folder / "feed.xml").write_text(
        rss_feed(
            [{"title": "Ostra", "link": "http://e/o", "content": paragraphs_html(OTHER_STORY)}]
        )
    )
    (folder / "science.atom").write_text(ATOM_FEED)
    (folder / "broken.rss").write_text("<rss><channel><item><title>Cut")
    write_jsonl(folder / "rows.jsonl", [{"text": edited_copy(WIRE_STORY), "id": "row-1"}, "{oops"])
    (folder / "page.html").write_text(html_page("Bakery", OTHER_STORY.replace("glacier", "ice")))
    (folder / "empty.html").write_text("<html><body><div><script>var x = 1;</script></div>")
    good = [str(folder / n) for n in ("good.warc.gz", "feed.xml", "science.atom", "rows.jsonl")]
    good += [str(folder / "page.html"), f"{base_url}/plain"]
    bad = [str(folder / n) for n in ("cut.warc.gz", "broken.rss", "empty.html")]
    bad += [f"{base_url}/missing", f"{base_url}/slow"]
    return good, bad


def test_every_kind_in_one_batch_with_failures_apart(tmp_path: Path, server: str) -> None:  # noqa: F811
    good, bad = _inputs(tmp_path, server)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["extract", "--quiet", "--out", str(out), "--errors", str(errors)]
    # The slow server never answers: a short fetch timeout keeps the test quick.
    result = CliRunner().invoke(cli, [*args, "--fetch-timeout", "1", *good, *bad])
    assert result.exit_code == 1, result.output
    records = _lines(out)
    sources = [r["source"] for r in records]
    assert sources[0].endswith("good.warc.gz#1") and sources[-1] == f"{server}/plain"
    assert len(records) == len(good)  # one article from each good input
    assert records[0]["fetched"] == "2021-06-01T12:30:00Z"
    wire = next(r for r in records if r["id"] == "row-1")
    assert wire["duplicate_of"] == records[0]["id"]  # a syndicated copy of the WARC page
    assert records[-1]["duplicate_of"] == records[0]["id"]  # the same story as plain text
    failed = {e["input"]: e for e in _lines(errors)}
    for value in bad:
        assert any(key.startswith(value) for key in failed), (value, failed)
    assert failed[f"{server}/missing"]["stage"] == "fetch"
    assert all(set(e) == {"input", "stage", "reason"} for e in failed.values())
    assert any(k.endswith("rows.jsonl:2") and e["stage"] == "parse" for k, e in failed.items())
    assert len(result.stderr.strip().splitlines()) == len(failed)


def test_two_workers_give_the_same_lines_in_the_same_order(tmp_path: Path) -> None:
    rows = [
        {"text": f"{WIRE_STORY}\n\nUpdate number {i}: the council met again."} for i in range(12)
    ]
    rows[5] = {"text": OTHER_STORY}
    source = write_jsonl(tmp_path / "rows.jsonl", rows)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        args = ["extract", "--quiet", "--no-near-duplicates", "--workers", workers]
        result = CliRunner().invoke(cli, [*args, "--out", str(out), str(source)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 12


def test_progress_bar_and_summary_on_stderr(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "rows.jsonl", [{"text": WIRE_STORY}, {"text": WIRE_STORY}])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", "--out", str(out), str(source)])
    assert result.exit_code == 0, result.output
    assert "articles/s" in result.stderr and "2/2" in result.stderr.replace(" ", "")
    assert "1 articles" in result.stderr and "1 exact duplicates skipped" in result.stderr
    assert result.stdout == ""


def test_resume_needs_out() -> None:
    result = CliRunner().invoke(cli, ["extract", "--resume", "-"], input="text")
    assert result.exit_code == 2 and "--out" in result.output


def test_a_killed_batch_resumes_with_nothing_lost_or_repeated(tmp_path: Path) -> None:
    count = 40
    rows = [
        {"text": f"{OTHER_STORY}\n\nCorrection {i}: the survey began in {1990 + i}."}
        for i in range(count)
    ]
    source = write_jsonl(tmp_path / "rows.jsonl", rows)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "extract"]
    command += ["--quiet", "--no-near-duplicates", "--out", str(out), str(source)]
    process = subprocess.Popen(command, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not (out.exists() and len(out.read_bytes().splitlines()) >= 5):
            assert process.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline, "no output within two minutes"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    written_before = len(out.read_bytes().splitlines())
    assert written_before < count
    result = subprocess.run([*command, "--resume"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ids = [r["id"] for r in _lines(out)]
    assert len(ids) == count and len(set(ids)) == count


def test_workers_that_cannot_load_the_model_stop_the_batch_clearly(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "rows.jsonl", [{"text": WIRE_STORY}])
    args = ["extract", "--quiet", "--workers", "2", "--model", "no_such_model_installed"]
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path / "out.jsonl"), str(source)])
    assert result.exit_code == 1
    assert "worker processes died before extracting anything" in result.output


def test_stdout_mode_keeps_errors_file_and_forced_format(tmp_path: Path) -> None:
    page = tmp_path / "page.data"
    page.write_text(html_page("Ferry", WIRE_STORY))
    rows = write_jsonl(tmp_path / "rows.jsonl", ["{oops"])
    errors = tmp_path / "errors.jsonl"
    args = ["extract", "--json", "--errors", str(errors), "--format", "html", str(page)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["metadata"]["title"] == "Ferry" and "<p>" not in record["body"]
    result = CliRunner().invoke(cli, ["extract", "--json", "--errors", str(errors), str(rows)])
    assert result.exit_code == 1 and result.stdout == ""
    [error] = _lines(errors)
    assert error["input"] == f"{rows}:1" and error["stage"] == "parse"
