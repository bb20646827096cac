"""Speed of the quote step (`newsgraph_quotes`) on top of the rest of the pipeline.

Runs `newsgraph.extract_many(texts, body_only=True)` over PolNeAR's dev texts in one
process, once with every component and once with `newsgraph_quotes` disabled on the same
loaded model, for --repeat rounds, and prints the best CPU time of each and their ratio.
The step is small beside the parser, so that ratio is within the noise of a shared machine;
the script also times the quote component alone on the same parsed docs (best of the rounds)
and prints its share of the pipeline without it.

    python bench/quotes_speed.py                                   # ../shared PolNeAR dev
    python bench/quotes_speed.py ../shared/data/polnear/data/dev/text --repeat 3
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.language import Language

from newsgraph.pipeline import default_extractor, extract_many

QUOTE_STEP = "newsgraph_quotes"
POLNEAR_DEV = Path(__file__).resolve().parents[1].parent / "shared/data/polnear/data/dev/text"


def run(nlp: Language, texts: list[str], disabled: list[str]) -> float:
    """CPU seconds of one pass (other processes on the machine do not count)."""
    start = time.process_time()
    with nlp.select_pipes(disable=disabled):
        for _ in extract_many(texts, body_only=True):
            pass
    return time.process_time() - start


def time_component(nlp: Language, texts: list[str], repeat: int) -> float:
    """Best CPU seconds of the quote component alone over docs parsed without it."""
    with nlp.select_pipes(disable=[QUOTE_STEP]):
        docs = list(nlp.pipe(texts, batch_size=32))
    component = nlp.get_pipe(QUOTE_STEP)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            component(doc)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=POLNEAR_DEV, help="*.txt files")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best time counts")
    arguments = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(arguments.folder.glob("*.txt"))]
    nlp = default_extractor().nlp  # the same pipeline that extract_many uses
    run(nlp, texts[:10], [])  # warm up: first calls allocate
    without, with_quotes = float("inf"), float("inf")
    for _ in range(arguments.repeat):
        without = min(without, run(nlp, texts, [QUOTE_STEP]))
        with_quotes = min(with_quotes, run(nlp, texts, []))
    characters = sum(len(t) for t in texts)
    print(f"{len(texts)} texts, {characters:,} characters, best of {arguments.repeat} rounds")
    print(f"extract_many without quotes: {without:8.2f} s")
    print(f"extract_many with quotes:    {with_quotes:8.2f} s")
    print(f"ratio with / without:        {with_quotes / without:8.3f}")
    print(f"quote step adds:             {(with_quotes - without) / without:8.1%}")
    alone = time_component(nlp, texts, arguments.repeat)
    print(f"quote component alone:       {alone:8.2f} s")
    print(f"its share of the pipeline:   {alone / without:8.1%}")


if __name__ == "__main__":
    main()
