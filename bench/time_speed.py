"""Speed of the time step (`newsgraph_times`) against the spaCy pipeline, on the same texts.

Runs `nlp.pipe` over the texts of TimeML files twice per round, in one process: spaCy's own
components alone, then spaCy's components plus `newsgraph_times` (our other components off in
both), and prints the best CPU time of each over --repeat rounds (CPU time, because the machine
may be shared) and the share the time step adds.

    python bench/time_speed.py ../shared/data/timebank/data/TBAQ-cleaned --repeat 3
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.language import Language

from newsgraph.evaluate.time import corpus_folders
from newsgraph.evaluate.timeml import TimeMLDocument, read_timeml
from newsgraph.nlp.model import COMPONENTS, load_model

TIME_STEP = "newsgraph_times"


def run(nlp: Language, documents: list[TimeMLDocument], disabled: list[str]) -> float:
    def docs():  # type: ignore[no-untyped-def]
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.ng_published = document.published
            yield doc

    start = time.process_time()  # CPU time: other processes on the machine do not count
    with nlp.select_pipes(disable=disabled):
        for _ in nlp.pipe(docs(), batch_size=32):
            pass
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder with TimeML files (*.tml) below it")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best time counts")
    arguments = parser.parse_args()
    documents = [
        read_timeml(path)
        for folder in corpus_folders(arguments.folder)
        for path in sorted(folder.glob("*.tml"))
    ]
    nlp = load_model()
    others = [name for name in COMPONENTS if name != TIME_STEP]
    run(nlp, documents[:10], list(COMPONENTS))  # warm up: first calls allocate
    spacy_alone, with_times = float("inf"), float("inf")
    for _ in range(arguments.repeat):
        spacy_alone = min(spacy_alone, run(nlp, documents, list(COMPONENTS)))
        with_times = min(with_times, run(nlp, documents, others))
    characters = sum(len(d.text) for d in documents)
    print(f"{len(documents)} texts, {characters:,} characters, best of {arguments.repeat} rounds")
    print(f"spaCy pipeline alone:        {spacy_alone:8.2f} s")
    print(f"spaCy + newsgraph_times:     {with_times:8.2f} s")
    print(f"time step adds:              {(with_times - spacy_alone) / spacy_alone:8.1%}")


if __name__ == "__main__":
    main()
