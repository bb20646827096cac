"""Every input kind read from real files written by the tests: WARC, feeds, JSON Lines, HTML,
folders and standard input, with the malformed version of each recorded as a failure."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsgraph.ingest import Failure, ReadOptions, detect_format, read_inputs
from newsgraph.ingest.markup import fragment_text
from newsgraph.records import Document
from tests.ingest_samples import (
    ATOM_FEED,
    OTHER_STORY,
    WIRE_STORY,
    html_page,
    paragraphs_html,
    rss_feed,
    truncated_gzip,
    write_jsonl,
    write_warc,
)


def _read(*inputs: str | Path, **options: object) -> list[Document | Failure]:
    return list(read_inputs([str(i) for i in inputs], ReadOptions(**options)))  # type: ignore[arg-type]


def _warc_records() -> list[tuple[str, str, bytes]]:
    return [
        (
            "http://example.org/ferry",
            "text/html; charset=utf-8",
            html_page("Ferry", WIRE_STORY).encode(),
        ),
        ("http://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        (
            "http://example.org/ostra",
            "text/html; charset=iso-8859-1",
            "<p>Café Ostra</p>".encode("latin-1"),
        ),
    ]


@pytest.mark.parametrize("compress", [True, False])
def test_warc_html_responses_keep_url_and_date(tmp_path: Path, compress: bool) -> None:
    name = "pages.warc.gz" if compress else "pages.warc"
    path = write_warc(tmp_path / name, _warc_records(), compress=compress)
    items = _read(path)
    assert all(isinstance(i, Document) for i in items)
    ferry, cafe = items
    assert isinstance(ferry, Document) and isinstance(cafe, Document)
    assert ferry.format == "html" and ferry.url == "http://example.org/ferry"
    assert ferry.fetched == "2021-06-01T12:30:00Z"
    assert "cracks in two of its piers" in ferry.text
    assert cafe.text == "<p>Café Ostra</p>"  # decoded with the declared charset


def test_warc_skips_error_responses(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "gone.warc.gz", _warc_records()[:1], status="404 Not Found")
    assert _read(path) == []  # a valid archive without pages: nothing to read, nothing wrong


def test_truncated_warc_gzip_keeps_records_before_the_cut(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", _warc_records()).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(truncated_gzip(whole, keep=0.8))
    items = _read(cut)
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1
    assert failures[0].stage == "parse" and "truncated" in failures[0].reason
    assert str(cut) in str(failures[0])


def test_a_file_that_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n" * 20)
    [failure] = _read(path)
    assert isinstance(failure, Failure) and failure.stage == "parse"


def test_rss_full_content_and_summary_with_a_note(tmp_path: Path) -> None:
    feed = rss_feed(
        [
            {
                "title": "Ferry",
                "link": "http://example.org/ferry",
                "content": paragraphs_html(WIRE_STORY),
                "summary": "Short.",
            },
            {
                "title": "Ostra",
                "link": "http://example.org/ostra",
                "summary": "<p>Channels <b>mapped</b>.</p>",
            },
        ]
    )
    path = tmp_path / "news.xml"
    path.write_text(feed, encoding="utf-8")
    full, summary = _read(path)
    assert isinstance(full, Document) and isinstance(summary, Document)
    assert full.hints is not None and full.hints.title == "Ferry"
    assert full.hints.authors == ("Maren Holt",) and full.hints.published == "2021-06-01"
    assert full.url == "http://example.org/ferry" and full.source == f"{path}#1"
    assert "cracks in two of its piers" in full.text and "<p>" not in full.text
    assert full.text.count("\n\n") == WIRE_STORY.strip().count("\n\n")
    assert full.notes == ()
    assert summary.text == "Channels mapped."
    assert summary.notes and "summary" in summary.notes[0]


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "science.atom"
    path.write_text(ATOM_FEED, encoding="utf-8")
    [entry] = _read(path)
    assert isinstance(entry, Document) and entry.hints is not None
    assert entry.text == "Researchers have mapped meltwater channels.\n\nThey used radar."
    assert entry.hints.authors == ("Lena Fischbach",)
    assert entry.hints.published == "2021-06-02"
    assert entry.url == "http://example.org/science/ostra"


def test_invalid_feed_is_a_parse_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Gazette</title><item><title>Cut", encoding="utf-8")
    items = _read(path)
    assert items and all(isinstance(i, Failure) and i.stage == "parse" for i in items)
    assert any(str(path) in str(i) for i in items)


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "articles.jsonl",
        [
            {
                "text": WIRE_STORY,
                "id": "wire-1",
                "title": "Ferry",
                "published": "2021-06-01T08:00:00Z",
                "authors": ["Maren Holt"],
                "url": "http://example.org/ferry",
            },
            "{not json",
            [1, 2],
            {"title": "no body"},
            {"html": html_page("Ostra", OTHER_STORY), "authors": "Lena Fischbach"},
        ],
    )
    wire, not_json, a_list, no_body, page = _read(path)
    assert isinstance(wire, Document) and wire.id == "wire-1" and wire.format == "text"
    assert wire.hints is not None and wire.hints.published == "2021-06-01"
    assert wire.hints.authors == ("Maren Holt",) and wire.url == "http://example.org/ferry"
    for failure, line in ((not_json, 2), (a_list, 3), (no_body, 4)):
        assert isinstance(failure, Failure) and failure.input == f"{path}:{line}"
        assert failure.stage == "parse"
    assert isinstance(not_json, Failure) and "not JSON" in not_json.reason
    assert isinstance(page, Document) and page.format == "html" and page.id is None
    assert page.hints is not None and page.hints.authors == ("Lena Fischbach",)


def test_folders_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.html").write_text(html_page("Ferry", WIRE_STORY))
    (tmp_path / "a.txt").write_text(OTHER_STORY)
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / "c.txt").write_text("")
    items = _read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Failure"]
    first, second, empty = items
    assert isinstance(first, Document) and first.source == str(tmp_path / "a.txt")
    assert isinstance(second, Document) and second.format == "html"
    assert isinstance(empty, Failure) and "empty" in empty.reason and empty.stage == "read"


def test_stdin_is_detected_by_content(monkeypatch: pytest.MonkeyPatch) -> None:
    feed = rss_feed([{"title": "Ferry", "link": "http://example.org/f", "summary": "Short."}])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    [entry] = _read("-")
    assert isinstance(entry, Document) and entry.source == "-#1"


def test_forced_format_and_body_only(tmp_path: Path) -> None:
    path = tmp_path / "page.data"
    path.write_text("<p>An HTML fragment kept as text.</p>")
    [document] = _read(path, format="text", body_only=True)
    assert isinstance(document, Document) and document.format == "text" and document.body_only


def test_missing_and_oversized_inputs(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    missing, too_big = _read(tmp_path / "nope.txt", big, max_bytes=100)
    assert isinstance(missing, Failure) and missing.reason == "no such file"
    assert isinstance(too_big, Failure) and "limit" in too_big.reason


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("x.warc.gz", b"\x1f\x8b", "warc"),
        ("archive", b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        ("feed.html", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("feed", b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("page.txt", b"<!DOCTYPE html><html><body>", "html"),
        ("page", b"<html lang='en'>", "html"),
        ("rows", b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ("rows.jsonl", b"not json at all", "jsonl"),
        ("story.txt", b"Title\n\nBody text.", "text"),
        ("story", b"Plain words.", "text"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


def test_format_from_name_prefers_the_longest_extension() -> None:
    from newsgraph.ingest.detect import EXTENSIONS, EXTENSIONS_LONGEST_FIRST, format_from_name

    assert sorted(EXTENSIONS_LONGEST_FIRST) == sorted(EXTENSIONS.items())
    lengths = [len(extension) for extension, _ in EXTENSIONS_LONGEST_FIRST]
    assert lengths == sorted(lengths, reverse=True)
    assert format_from_name("Pages.WARC.GZ") == "warc"
    assert format_from_name("https://e.org/feed.rss?page=2") == "feed"
    assert format_from_name("notes.md") is None


def test_fragment_text_paragraphs_and_entities() -> None:
    text = fragment_text(
        "<p>Tea &amp; <b>cake</b>\n  today</p><script>x()</script><p>Next<br>line</p>"
    )
    assert text == "Tea & cake today\n\nNext\n\nline"


def test_estimate_counts_documents_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.ingest.count import estimate_documents

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("counting must not parse a feed")

    monkeypatch.setattr("feedparser.parse", no_parsing)
    write_jsonl(tmp_path / "rows.jsonl", [{"text": "a"}, {"text": "b"}, "{broken"])
    feed = rss_feed([{"title": t, "link": f"http://e/{t}", "summary": "s"} for t in "ab"])
    (tmp_path / "feed.xml").write_text(feed)
    (tmp_path / "story.txt").write_text(WIRE_STORY)
    count = estimate_documents([str(tmp_path), "http://example.org/a", "-"], ReadOptions())
    assert count == 3 + 2 + 1 + 2  # JSON lines, feed entries, the story, the URL and stdin


def test_a_warc_makes_the_estimate_unknown(tmp_path: Path) -> None:
    from newsgraph.ingest.count import estimate_documents

    (tmp_path / "story.txt").write_text(WIRE_STORY)
    write_warc(tmp_path / "pages.warc.gz", _warc_records())
    assert estimate_documents([str(tmp_path / "story.txt")], ReadOptions()) == 1
    assert estimate_documents([str(tmp_path)], ReadOptions()) is None


def test_stdin_streams_a_warc_larger_than_the_article_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write_warc(tmp_path / "pages.warc", _warc_records(), compress=False).read_bytes()
    stream = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    largest_page = max(len(payload) for _, _, payload in _warc_records())
    assert largest_page < len(data)
    items = _read("-", max_bytes=largest_page)
    assert [i.url for i in items if isinstance(i, Document)] == [
        "http://example.org/ferry",
        "http://example.org/ostra",
    ]
