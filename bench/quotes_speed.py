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

import sys
from pathlib import Path

from spacy.language import Language

# Run as a script (`python bench/…`): the repository root makes `bench` importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.step_speed import report_step, texts_from_arguments
from newsgraph.pipeline import default_extractor, extract_many

QUOTE_STEP = "newsgraph_quotes"


def whole_records(nlp: Language, texts: list[str], disabled: list[str]) -> None:
    """One pass of `extract_many` (the records, every step) with some components off."""
    with nlp.select_pipes(disable=disabled):
        for _ in extract_many(texts, body_only=True):
            pass


def main() -> None:
    texts, repeat = texts_from_arguments((__doc__ or "").splitlines()[0])
    nlp = default_extractor().nlp  # the same pipeline that extract_many uses
    labels = ("extract_many", "quotes")
    report_step(nlp, texts, repeat, whole_records, QUOTE_STEP, (), labels)


if __name__ == "__main__":
    main()
