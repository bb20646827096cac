"""The paragraph component's time against the number of line breaks: it must grow linearly.

    python bench/paragraphs.py

Times `newsgraph_paragraphs` alone (on tokenised Docs, with spaCy's English tokenizer) on
10k, 20k and 40k short paragraphs, best of three each, and prints the ratios 20k/10k and
40k/20k: about 2 when linear, 4 when quadratic (as it was, setting `is_sent_start` token by
token). Target: each ratio <= 2.5. A benchmark, never a test: timings move with the load.
"""

from __future__ import annotations

import time
from itertools import pairwise

import spacy

from newsgraph.nlp.paragraphs import PARAGRAPH_COMPONENT

SIZES = (10_000, 20_000, 40_000)
REPEAT = 3
TARGET = 2.5


def paragraphs(count: int) -> str:
    return "\n".join(f"Paragraph {number} says the bridge will reopen" for number in range(count))


def seconds(count: int) -> float:
    """The component's best time over `REPEAT` runs on `count` paragraphs."""
    nlp = spacy.blank("en")
    component = nlp.add_pipe(PARAGRAPH_COMPONENT)
    text = paragraphs(count)
    nlp.max_length = len(text) + 1  # the component alone: no parser memory to guard
    best = float("inf")
    for _ in range(REPEAT):
        doc = nlp.make_doc(text)
        start = time.perf_counter()
        component(doc)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    times = {count: seconds(count) for count in SIZES}
    for count, taken in times.items():
        print(f"{count:>6,} paragraphs: {taken:.3f} s")
    for small, large in pairwise(SIZES):
        ratio = times[large] / times[small]
        print(f"ratio {large // 1000}k / {small // 1000}k: {ratio:.2f}  (target <= {TARGET})")


if __name__ == "__main__":
    main()
