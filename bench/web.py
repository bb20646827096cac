"""The web app under load on loopback: requests/s and p95 latency of the quote search and
article endpoints over a generated corpus (100,000 quotes by default; bench/corpus.py).

    python bench/web.py                      # builds the corpus in a temporary folder
    python bench/web.py --quotes 20000 --requests 200 --db /tmp/c.db

uvicorn serves the app on 127.0.0.1 on a free port in this process's thread; one client
sends the requests one after another over a kept-alive connection. Each endpoint gets at
most --requests requests and --seconds seconds.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import uvicorn

from bench.corpus import PLACES, WORDS, generate_articles
from newsgraph.store import Corpus
from newsgraph.web import create_app


def build(path: Path, quotes: int) -> None:
    started = time.perf_counter()
    with Corpus(path) as corpus:
        for article in generate_articles(quotes):
            corpus.add(article)
        count = corpus.rows("SELECT count(*) FROM quotes")[0][0]
    print(f"corpus: {count:,} quotes in {time.perf_counter() - started:.0f} s ({path})")


def serve(path: Path) -> tuple[str, uvicorn.Server, threading.Thread]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def measure(client: httpx.Client, url: Callable[[], str], requests: int, seconds: float) -> str:
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < requests and time.perf_counter() - started < seconds:
        sent = time.perf_counter()
        response = client.get(url())
        response.raise_for_status()
        times.append((time.perf_counter() - sent) * 1000)
    elapsed = time.perf_counter() - started
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    p50 = times[len(times) // 2]
    rate = len(times) / elapsed
    return f"{len(times):5} requests  {rate:7.1f} req/s  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="newsgraph-web-bench-")) / "corpus.db"
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if not path.exists():
        build(path, args.quotes)
    with Corpus(path) as corpus:
        names = [r["name"] for r in corpus.rows("SELECT name FROM people WHERE type = 'PERSON'")]
        ids = [r["id"] for r in corpus.rows("SELECT id FROM articles")]
    base, server, thread = serve(path)
    rng = random.Random(7)
    endpoints: dict[str, Callable[[], str]] = {
        "GET /api/quotes?speaker=NAME": lambda: f"{base}/api/quotes?speaker={rng.choice(names)}",
        "GET /api/quotes?text=WORD": lambda: f"{base}/api/quotes?text={rng.choice(WORDS[:300])}",
        "GET /api/quotes?about=PLACE&since": lambda: (
            f"{base}/api/quotes?about={rng.choice(PLACES)}&since=2024-06"
        ),
        "GET /api/articles/ID": lambda: f"{base}/api/articles/{rng.choice(ids)}",
        "GET /articles/ID (the page)": lambda: f"{base}/articles/{rng.choice(ids)}",
    }
    with httpx.Client(timeout=30) as client:
        client.get(base + "/api/stats").raise_for_status()  # warm up
        for name, url in endpoints.items():
            print(f"  {name:36} {measure(client, url, args.requests, args.seconds)}")
    server.should_exit = True
    thread.join(10)


if __name__ == "__main__":
    main()
