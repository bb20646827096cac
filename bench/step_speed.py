"""What one newsgraph component costs beside the rest of the pipeline, in one process.

Shared by `quotes_speed.py` and `coref_speed.py`: CPU time with and without the step on the
same loaded model (per chunk of texts, the two back to back, best of --repeat rounds, summed
over the chunks), their ratio, and the component alone on docs parsed up to it (steadier
than the ratio on a shared machine).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language

POLNEAR_DEV = Path(__file__).resolve().parents[1].parent / "shared/data/polnear/data/dev/text"
# One pass over the texts with the named components disabled.
Pass = Callable[[Language, list[str], list[str]], None]
CHUNK = 16  # texts timed with and without the step back to back (`interleaved`)


def texts_from_arguments(description: str) -> tuple[list[str], int]:
    """The texts of the folder given on the command line (PolNeAR dev by default), and the
    number of rounds."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("folder", type=Path, nargs="?", default=POLNEAR_DEV, help="*.txt files")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best time counts")
    arguments = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(arguments.folder.glob("*.txt"))]
    return texts, arguments.repeat


def cpu_seconds(one_pass: Pass, nlp: Language, texts: list[str], disabled: list[str]) -> float:
    """CPU seconds of one pass (other processes on the machine do not count)."""
    start = time.process_time()
    one_pass(nlp, texts, disabled)
    return time.process_time() - start


def component_alone(
    nlp: Language, texts: list[str], step: str, later: Sequence[str], repeat: int
) -> float:
    """Best CPU seconds of the `step` component alone over docs parsed up to it (without it
    and the `later` components)."""
    with nlp.select_pipes(disable=[step, *later]):
        docs = list(nlp.pipe(texts, batch_size=32))
    component = nlp.get_pipe(step)
    # The coreference step rewrites the entities it reads: each round starts from those the
    # entity step gave, as in the pipeline, not from the previous round's.
    given = [doc._.ng_entities for doc in docs]
    best = float("inf")
    for _ in range(repeat):
        for doc, entities in zip(docs, given, strict=True):
            doc._.ng_entities = entities
        start = time.process_time()
        for doc in docs:
            component(doc)
        best = min(best, time.process_time() - start)
    return best


def interleaved(
    one_pass: Pass, nlp: Language, texts: list[str], step: str, repeat: int
) -> tuple[float, float]:
    """CPU seconds of the texts without and with the step: for each chunk of CHUNK texts, the
    best of `repeat` rounds, the two timed back to back (which goes first alternates), summed
    over the chunks. On a shared machine the load drifts over a whole run; two passes over
    the same chunk a second apart see about the same load, so their ratio is steadier than
    that of two whole runs a minute apart."""
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    without, with_step = [float("inf")] * len(chunks), [float("inf")] * len(chunks)
    for round_number in range(repeat):
        for k, chunk in enumerate(chunks):
            for disabled in [[step], []] if (round_number + k) % 2 == 0 else [[], [step]]:
                seconds = cpu_seconds(one_pass, nlp, chunk, disabled)
                if disabled:
                    without[k] = min(without[k], seconds)
                else:
                    with_step[k] = min(with_step[k], seconds)
    return sum(without), sum(with_step)


def report_step(
    nlp: Language,
    texts: list[str],
    repeat: int,
    one_pass: Pass,
    step: str,
    later: Sequence[str],
    labels: tuple[str, str],
) -> None:
    """Print the with/without times, their ratio and the component alone. `labels`: how the
    lines name the pipeline and the step ("extract_many", "quotes")."""
    cpu_seconds(one_pass, nlp, texts[:10], [])  # warm up: first calls allocate
    without, with_step = interleaved(one_pass, nlp, texts, step, repeat)
    pipeline, name = labels
    characters = sum(len(t) for t in texts)
    chunks = -(-len(texts) // CHUNK)
    print(
        f"{len(texts)} texts, {characters:,} characters, best of {repeat} rounds "
        f"for each of {chunks} chunks, with and without back to back"
    )
    print(f"{f'{pipeline} without {name}:':<29}{without:8.2f} s")
    print(f"{f'{pipeline} with {name}:':<29}{with_step:8.2f} s")
    print(f"ratio with / without:        {with_step / without:8.3f}")
    print(f"{f'{name} step adds:':<29}{(with_step - without) / without:8.1%}")
    alone = component_alone(nlp, texts, step, later, repeat)
    print(f"{f'{name} component alone:':<29}{alone:8.2f} s")
    print(f"its share of the pipeline:   {alone / without:8.1%}")
