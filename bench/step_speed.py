"""What one newsgraph component costs beside the rest of the pipeline, in one process.

Shared by `quotes_speed.py` and `coref_speed.py`: best CPU time of --repeat passes with and
without the step on the same loaded model, their ratio, and the component alone on docs
parsed up to it (steadier than the ratio on a shared machine).
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
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            component(doc)
        best = min(best, time.process_time() - start)
    return best


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
    without, with_step = float("inf"), float("inf")
    for _ in range(repeat):
        without = min(without, cpu_seconds(one_pass, nlp, texts, [step]))
        with_step = min(with_step, cpu_seconds(one_pass, nlp, texts, []))
    pipeline, name = labels
    characters = sum(len(t) for t in texts)
    print(f"{len(texts)} texts, {characters:,} characters, best of {repeat} rounds")
    print(f"{f'{pipeline} without {name}:':<29}{without:8.2f} s")
    print(f"{f'{pipeline} with {name}:':<29}{with_step:8.2f} s")
    print(f"ratio with / without:        {with_step / without:8.3f}")
    print(f"{f'{name} step adds:':<29}{(with_step - without) / without:8.1%}")
    alone = component_alone(nlp, texts, step, later, repeat)
    print(f"{f'{name} component alone:':<29}{alone:8.2f} s")
    print(f"its share of the pipeline:   {alone / without:8.1%}")
