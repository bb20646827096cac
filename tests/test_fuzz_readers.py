"""Issue #15's fuzz tier: malformed JSON Lines, feeds, WARC records and HTML pages through the
readers and the preparation before the model. Whatever the input, it yields documents or
failures that name the input and say why in one line; no exception escapes. Bounded: a fixed
number of examples each, derandomized, so that a run is repeatable and its length known."""

from __future__ import annotations

import gzip
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest import Failure, ReadOptions, read_inputs
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.warc import read_warc
from newsgraph.pipeline import prepare
from newsgraph.records import Document
from tests.ingest_samples import write_warc

EXAMPLES = settings(max_examples=80, deadline=None, derandomize=True, database=None)
STORY = "The mayor of Port Elvin said on Monday that the bridge would reopen in May."
OPTIONS = ReadOptions(max_bytes=20_000)


def _check(items: list[Document | Failure], source: str) -> None:
    """Documents, or failures naming `source` with a one-line readable reason."""
    for item in items:
        assert isinstance(item, Document | Failure)
        if isinstance(item, Failure):
            assert item.input.startswith(source), item
            assert item.reason and "\n" not in item.reason and "Traceback" not in item.reason
        else:
            prepare(item)  # and the stage after the readers takes what they give


def _mutated(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    """`data` with some bytes replaced or cut short at the given positions."""
    for position, replacement in cuts:
        at = position % (len(data) + 1)
        data = data[:at] + replacement + data[at + len(replacement) :]
    return data


def _check_file(name: str, text: str, options: ReadOptions) -> None:
    """`text` written as a file called `name` (lone surrogates kept), read and checked."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        _check(list(read_inputs([str(path)], options)), str(path))


JSON_PIECES = st.sampled_from(
    [
        '{"text": "' + STORY + '"}',
        '{"text": ""}',
        '{"text": 42, "url": [1]}',
        '{"text": "x", "published": "0000-00-00", "title": {"a": 1}}',
        '{"text": "\\ud800 lone", "id": null}',
        '{"id": "a", "text": "' + STORY + '", "published": "2021-02-31T99:99:99"}',
        "[1, 2]",
        "null",
        '{"text": "unterminated',
        "\x00\xff",
        "",
        "   ",
    ]
)


@EXAMPLES
@given(st.lists(st.one_of(JSON_PIECES, st.text(max_size=30)), max_size=12))
def test_malformed_json_lines_never_raise(lines: list[str]) -> None:
    _check_file("rows.jsonl", "\n".join(lines), OPTIONS)


FEED_PIECES = st.sampled_from(
    [
        '<?xml version="1.0"?>',
        '<rss version="2.0">',
        "<channel>",
        "<item>",
        "</item>",
        "<title>A title</title>",
        f"<description>{STORY}</description>",
        "<description><![CDATA[<p>Para</p>]]></description>",
        "<pubDate>2021-02-31T10:00:00Z</pubDate>",
        "<pubDate>Sun, 99 Foo 2021</pubDate>",
        "<link>not a url</link>",
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<entry>",
        "</entry>",
        '<content type="html">&lt;p&gt;x&lt;/p&gt;</content>',
        "<author><name></name></author>",
        "&#xD800;&bogus;&amp;",
        '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
        "</channel></rss>",
    ]
)


@EXAMPLES
@given(st.lists(st.one_of(FEED_PIECES, st.text(max_size=20)), max_size=30))
def test_malformed_feeds_never_raise(pieces: list[str]) -> None:
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    _check(list(read_feed(data, "feed.xml", OPTIONS)), "feed.xml")


def _warc(compress: bool) -> bytes:
    page = f"<html><head><title>T</title></head><body><p>{STORY}</p></body></html>".encode()
    records = [
        ("https://example.org/a", "text/html", page),
        ("https://example.org/b", "text/plain", STORY.encode()),
    ]
    with tempfile.TemporaryDirectory() as folder:
        return write_warc(Path(folder) / "a.warc", records, compress=compress).read_bytes()


WARCS = {compress: _warc(compress) for compress in (False, True)}
CUTS = st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=8)), max_size=4)


@EXAMPLES
@given(st.booleans(), CUTS, st.integers(0, 10_000))
def test_malformed_warc_records_never_raise(
    compress: bool, cuts: list[tuple[int, bytes]], end: int
) -> None:
    data = _mutated(WARCS[compress], cuts)[: end or None]
    _check(list(read_warc(io.BytesIO(data), "mem.warc", OPTIONS)), "mem.warc")


@EXAMPLES
@given(CUTS)
def test_a_gzip_stream_cut_or_corrupted_never_raises(cuts: list[tuple[int, bytes]]) -> None:
    data = _mutated(gzip.compress(WARCS[False]), cuts)
    _check(list(read_warc(io.BytesIO(data), "mem.warc.gz", OPTIONS)), "mem.warc.gz")


HTML_PIECES = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        "<div>" * 300,
        "<title>",
        f"{STORY}",
        "<script>var a = '<p>';</script>",
        '<meta property="article:published_time" content="2021-02-31">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [null]}',
        "</script>",
        "\x00\ud800\x1b]0;x\x07",
        "<![CDATA[",
        "<!--",
    ]
)


@EXAMPLES
@given(st.lists(st.one_of(HTML_PIECES, st.text(max_size=20)), max_size=30))
def test_malformed_html_files_never_raise(pieces: list[str]) -> None:
    _check_file("page.html", "".join(pieces), ReadOptions(max_bytes=200_000))


def test_a_malformed_feed_with_a_surrogate_reference_is_one_failure() -> None:
    # Found by the feed fuzz test: feedparser's lenient parser (for feeds that are not
    # well-formed) raised UnicodeEncodeError on "&#xD800;".
    data = b'<rss version="2.0"><channel><item><title>&#xD800;</title></item></channel></rss'
    (failure,) = read_feed(data, "f.xml", OPTIONS)
    assert isinstance(failure, Failure) and failure.input == "f.xml"
    assert failure.reason.startswith("not a readable RSS or Atom feed")
