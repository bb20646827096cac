"""HTML pages: newsgraph's `parse_html` against trafilatura alone, on the same pages.

Accuracy: `newsgraph eval meta FOLDER` prints title, byline and date scores side by side.
This script measures speed as a ratio in one process: `parse_html` (our metadata chain plus
trafilatura's body) against `trafilatura.bare_extraction(with_metadata=True)` (trafilatura's
own metadata and body), each run over every page, best of --repeat runs.

    python bench/meta_compare.py ../shared/data/readability-pages/test/test-pages
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsgraph.evaluate.meta import load_pages
from newsgraph.extract.html.page import parse_html


def best_time(run: Callable[[str], object], pages: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for page in pages:
            run(page)
        best = min(best, time.perf_counter() - start)
    return best


def trafilatura_alone(page: str) -> object:
    import trafilatura

    return trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = [page.html for page in load_pages(args.folder)]
    print(f"{len(pages)} pages, best of {args.repeat} runs", file=sys.stderr)
    ours = best_time(parse_html, pages, args.repeat)
    theirs = best_time(trafilatura_alone, pages, args.repeat)
    print(f"newsgraph parse_html      {ours:8.2f} s  {1000 * ours / len(pages):7.1f} ms/page")
    print(f"trafilatura bare_extraction {theirs:6.2f} s  {1000 * theirs / len(pages):7.1f} ms/page")
    print(f"ratio newsgraph / trafilatura: {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
