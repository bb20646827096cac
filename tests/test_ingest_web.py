"""URLs fetched from a local HTTP server started by the test: pages, feeds, redirects, and
every way a fetch fails (404, a redirect loop, a server that never answers, an oversized body).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.ingest import Failure, ReadOptions, read_inputs
from newsgraph.ingest.web import USER_AGENT
from newsgraph.records import Document
from tests.ingest_samples import WIRE_STORY, html_page, rss_feed

RELEASE = threading.Event()  # lets the slow handler go when the server stops
SEEN_AGENTS: list[str] = []
CYRILLIC = "<p>Москва сообщила во вторник, что переговоры продолжатся.</p>"
CURLY = "<p>\u201cWe will reopen\u201d \u2013 the mayor.</p>"


ROUTES: dict[str, tuple[str, str | bytes]] = {
    "/article": ("text/html; charset=utf-8", html_page("Ferry", WIRE_STORY)),
    "/feed": (
        "application/rss+xml",
        rss_feed([{"title": "Ferry", "link": "http://example.org/f", "summary": "Short."}]),
    ),
    "/plain": ("text/plain; charset=utf-8", WIRE_STORY),
    "/big": ("text/html", "<p>" + "x" * 5000 + "</p>"),
    # Bytes as sent: the declared charset is right, wrong, or unknown.
    "/cyrillic": ("text/html; charset=windows-1251", CYRILLIC.encode("cp1251")),
    "/latin1": ("text/html; charset=ISO-8859-1", CURLY.encode("cp1252")),
    "/mislabelled": ("text/html; charset=us-ascii", CYRILLIC.encode("utf-8")),
    "/unknown-charset": ("text/html; charset=x-no-such-thing", CYRILLIC.encode("utf-8")),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/moved":
            self._redirect("/article")
        elif self.path == "/slow":
            RELEASE.wait(10)
        elif self.path in ROUTES:
            content_type, body = ROUTES[self.path]
            data = body if isinstance(body, bytes) else body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self.send_error(404, "Not Found")

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    # Another module may have used (and, stopping its server, set) the event: start held.
    RELEASE.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


def _read(url: str, **options: object) -> list[Document | Failure]:
    return list(read_inputs([url], ReadOptions(**options)))  # type: ignore[arg-type]


def test_html_page_keeps_its_url(server: str) -> None:
    [page] = _read(f"{server}/article")
    assert isinstance(page, Document) and page.format == "html"
    assert page.url == f"{server}/article" and page.source == f"{server}/article"
    assert "cracks in two of its piers" in page.text
    assert SEEN_AGENTS[-1] == USER_AGENT and "newsgraph/" in USER_AGENT


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    [page] = _read(f"{server}/moved")
    assert isinstance(page, Document) and page.url == f"{server}/article"


def test_feed_and_plain_text_by_content_type(server: str) -> None:
    [entry] = _read(f"{server}/feed")
    assert isinstance(entry, Document) and entry.hints is not None
    assert entry.hints.title == "Ferry"
    [plain] = _read(f"{server}/plain")
    assert isinstance(plain, Document) and plain.format == "text"


def test_the_declared_charset_decodes_the_body(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_guessing(data: bytes) -> object:
        raise AssertionError("the declared charset should have decoded the body")

    monkeypatch.setattr("newsgraph.ingest.decode.from_bytes", no_guessing)
    [cyrillic] = _read(f"{server}/cyrillic")
    assert isinstance(cyrillic, Document) and cyrillic.text == CYRILLIC
    # Labelled Latin-1, read as Windows-1252 as browsers do: the quotes and dash survive.
    [latin1] = _read(f"{server}/latin1")
    assert isinstance(latin1, Document) and latin1.text == CURLY


@pytest.mark.parametrize("path", ["/mislabelled", "/unknown-charset"])
def test_a_wrong_or_unknown_charset_gives_way_to_detection(server: str, path: str) -> None:
    [page] = _read(f"{server}{path}")
    assert isinstance(page, Document) and page.text == CYRILLIC


@pytest.mark.parametrize(
    ("path", "reason", "options"),
    [
        ("/missing", "HTTP 404", {}),
        ("/loop", "more than 3 redirects", {"max_redirects": 3}),
        ("/slow", "timeout", {"timeout": 0.5}),
        ("/big", "larger than the limit of 1,000 bytes", {"max_bytes": 1000}),
    ],
)
def test_failed_fetches_are_failures(
    server: str, path: str, reason: str, options: dict[str, object]
) -> None:
    [failure] = _read(f"{server}{path}", **options)
    assert isinstance(failure, Failure)
    assert failure.stage == "fetch" and failure.input == f"{server}{path}"
    assert reason in failure.reason


def test_unreachable_host_is_a_failure() -> None:
    # Port 9 (discard) on localhost: nothing listens there in the test environment.
    [failure] = _read("http://127.0.0.1:9/article", timeout=2.0)
    assert isinstance(failure, Failure) and failure.stage == "fetch"
