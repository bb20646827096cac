"""Speed of the coreference step (`newsgraph_coref`) beside the rest of the spaCy pipeline.

Runs the pipeline (`load_model()`, `nlp.pipe`) over PolNeAR's dev texts in one process, once
with every component and once with `newsgraph_coref` disabled on the same loaded model, for
--repeat rounds, and prints the best CPU time of each and their ratio (the step should add at
most 10%). It also times the coreference component alone on the same parsed docs (best of
the rounds) and prints its share of the pipeline without it, which is steadier than the
ratio on a shared machine.

    python bench/coref_speed.py                                   # ../shared PolNeAR dev
    python bench/coref_speed.py ../shared/data/polnear/data/dev/text --repeat 3
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.language import Language

from newsgraph.nlp.model import load_model

COREF_STEP = "newsgraph_coref"
AFTER_COREF = ("newsgraph_times", "newsgraph_quotes")
POLNEAR_DEV = Path(__file__).resolve().parents[1].parent / "shared/data/polnear/data/dev/text"


def run(nlp: Language, texts: list[str], disabled: list[str]) -> float:
    """CPU seconds of one pass (other processes on the machine do not count)."""
    start = time.process_time()
    with nlp.select_pipes(disable=disabled):
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    return time.process_time() - start


def time_component(nlp: Language, texts: list[str], repeat: int) -> float:
    """Best CPU seconds of the coreference component alone over docs parsed up to it."""
    with nlp.select_pipes(disable=[COREF_STEP, *AFTER_COREF]):
        docs = list(nlp.pipe(texts, batch_size=32))
    component = nlp.get_pipe(COREF_STEP)
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
    nlp = load_model()
    run(nlp, texts[:10], [])  # warm up: first calls allocate
    without, with_coref = float("inf"), float("inf")
    for _ in range(arguments.repeat):
        without = min(without, run(nlp, texts, [COREF_STEP]))
        with_coref = min(with_coref, run(nlp, texts, []))
    characters = sum(len(t) for t in texts)
    print(f"{len(texts)} texts, {characters:,} characters, best of {arguments.repeat} rounds")
    print(f"pipeline without coref:      {without:8.2f} s")
    print(f"pipeline with coref:         {with_coref:8.2f} s")
    print(f"ratio with / without:        {with_coref / without:8.3f}")
    print(f"coref step adds:             {(with_coref - without) / without:8.1%}")
    alone = time_component(nlp, texts, arguments.repeat)
    print(f"coref component alone:       {alone:8.2f} s")
    print(f"its share of the pipeline:   {alone / without:8.1%}")


if __name__ == "__main__":
    main()
