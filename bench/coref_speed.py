"""Speed of the coreference step (`newsgraph_coref`) beside the rest of the spaCy pipeline.

Runs the pipeline (`load_model()`, `nlp.pipe`) over PolNeAR's dev texts in one process, once
with every component and once with `newsgraph_coref` disabled on the same loaded model, for
--repeat rounds, and prints the CPU time of each and their ratio (the step should add at
most 10%). It also times the coreference component alone on the same parsed docs (best of
the rounds) and prints its share of the pipeline without it, which is steadier than the
ratio on a shared machine.

    python bench/coref_speed.py                                   # ../shared PolNeAR dev
    python bench/coref_speed.py ../shared/data/polnear/data/dev/text --repeat 3
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.language import Language

# Run as a script (`python bench/…`): the repository root makes `bench` importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.step_speed import report_step, texts_from_arguments
from newsgraph.nlp.model import load_model

COREF_STEP = "newsgraph_coref"
AFTER_COREF = ("newsgraph_times", "newsgraph_quotes")


def spacy_pipe(nlp: Language, texts: list[str], disabled: list[str]) -> None:
    """One pass of `nlp.pipe` with some components off."""
    with nlp.select_pipes(disable=disabled):
        for _ in nlp.pipe(texts, batch_size=32):
            pass


def main() -> None:
    texts, repeat = texts_from_arguments((__doc__ or "").splitlines()[0])
    nlp = load_model()
    report_step(nlp, texts, repeat, spacy_pipe, COREF_STEP, AFTER_COREF, ("pipeline", "coref"))


if __name__ == "__main__":
    main()
