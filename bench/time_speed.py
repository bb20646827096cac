"""Speed of the time step (`newsgraph_times`) against the spaCy pipeline, on the same texts.

In one process, over the texts of TimeML files, batch by batch: `nlp.pipe` with spaCy's own
components alone, and `nlp.pipe` with spaCy's components plus `newsgraph_times` (our other
components off in both). The two runs alternate batch by batch and swap order every batch, so
that the load of a shared machine falls on both alike; times are CPU times. It prints both
totals and the share the time step adds, and, as a check, the time step alone: the component
called on the parsed documents, against spaCy's time for parsing them.

    python bench/time_speed.py ../shared/data/timebank/data/TBAQ-cleaned --rounds 2
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.evaluate.time import corpus_folders
from newsgraph.evaluate.timeml import TimeMLDocument, read_timeml
from newsgraph.nlp.model import COMPONENTS, load_model

TIME_STEP = "newsgraph_times"
BATCH = 16


def docs(nlp: Language, documents: list[TimeMLDocument]) -> Iterator[Doc]:
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc._.ng_published = document.published
        yield doc


def run(
    nlp: Language, documents: list[TimeMLDocument], disabled: list[str]
) -> tuple[float, list[Doc]]:
    start = time.process_time()  # CPU time: other processes on the machine do not count
    with nlp.select_pipes(disable=disabled):
        parsed = list(nlp.pipe(docs(nlp, documents), batch_size=BATCH))
    return time.process_time() - start, parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder with TimeML files (*.tml) below it")
    parser.add_argument("--rounds", type=int, default=2, help="passes over all the texts")
    arguments = parser.parse_args()
    documents = [
        read_timeml(path)
        for folder in corpus_folders(arguments.folder)
        for path in sorted(folder.glob("*.tml"))
    ]
    nlp = load_model()
    spacy_only, with_times = list(COMPONENTS), [c for c in COMPONENTS if c != TIME_STEP]
    run(nlp, documents[:BATCH], spacy_only)  # warm up: first calls allocate
    alone = together = step = 0.0
    for round_number in range(arguments.rounds):
        for index in range(0, len(documents), BATCH):
            batch = documents[index : index + BATCH]
            order = [spacy_only, with_times]
            if (index // BATCH + round_number) % 2:
                order.reverse()
            for disabled in order:
                seconds, parsed = run(nlp, batch, disabled)
                if disabled is spacy_only:
                    alone += seconds
                    step += time_step_alone(nlp, parsed)
                else:
                    together += seconds
    report(
        len(documents), sum(len(d.text) for d in documents), arguments.rounds, alone, together, step
    )


def time_step_alone(nlp: Language, parsed: list[Doc]) -> float:
    component = nlp.get_pipe(TIME_STEP)
    start = time.process_time()
    for doc in parsed:
        component(doc)
    return time.process_time() - start


def report(
    texts: int, characters: int, rounds: int, alone: float, together: float, step: float
) -> None:
    print(f"{texts} texts, {characters:,} characters, {rounds} rounds, CPU seconds")
    print(f"spaCy pipeline alone:        {alone:8.2f} s")
    print(f"spaCy + newsgraph_times:     {together:8.2f} s")
    print(f"time step adds:              {(together - alone) / alone:8.1%}")
    print(f"time step alone (check):     {step:8.2f} s = {step / alone:.1%} of spaCy's time")


if __name__ == "__main__":
    main()
