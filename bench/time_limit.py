"""What one pathological article costs its batch under `--time-limit`: it must be about the
limit, not the limit times the chunk size, nor twice the limit.

    python bench/time_limit.py [LIMIT [REPEAT]]

Extracts 30 small articles with the real model, in one process and in two worker processes,
alone and then with one article that never finishes, and prints the load average, each run's
wall time (the best of REPEAT runs, 2 by default; with workers, from the first outcome on,
after their start-up, which swings by seconds with the load), what the slow article added
and that ratio to the limit (LIMIT seconds, 3 by default). The slow article spins in a
pipeline component of its own, put where newsgraph's paragraph component runs (before the
parser, which works on batches: the articles ahead of the slow one wait there, unfinished),
as a pathological input would spin in one of our rule components. Before issue #15 it held
a chunk of 32 for the limit times 32; then it cost about twice the limit (once in its chunk,
once alone to find it); now each article's time is its own, and the slow one costs about the
limit. A benchmark, never a test: timings move with the load, hence the ratio.
"""

from __future__ import annotations

import os
import sys
import time
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.model import build_pipeline
from newsgraph.pipeline import Extractor
from newsgraph.records import Document
from newsgraph.scale.executor import Executor, Extracted, Worker
from newsgraph.scale.local import InProcessExecutor, ProcessExecutor
from newsgraph.settings import Settings, load_settings

SMALL = 30
SLOW = "PATHOLOGICAL"
SLOW_COMPONENT = "bench_pathological"
STORY = "The mayor of Port Elvin said on {day} that the bridge would reopen in May, {n} weeks late."
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@Language.component(SLOW_COMPONENT)
def never_ends_on_the_marker(doc: Doc) -> Doc:
    """An article with the marker never ends (a sleep stands in for a pathological input,
    which the time limit interrupts the same way)."""
    if SLOW in doc.text:
        time.sleep(3600)
    return doc


class SlowExtractor(Extractor):
    """The real extractor, with the component above in its pipeline."""

    @cached_property
    def nlp(self) -> Language:
        nlp = build_pipeline(self.settings)
        nlp.add_pipe(SLOW_COMPONENT, before="parser")
        return nlp


class SlowWorker(Worker):
    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.extractor = SlowExtractor(settings)


def documents(slow: bool) -> list[Document]:
    texts = [STORY.format(day=DAYS[n % 5], n=n) for n in range(SMALL)]
    if slow:
        texts.insert(SMALL // 2, f"{SLOW}: {texts[0]}")
    return [Document(text=text, source=f"doc{n}") for n, text in enumerate(texts)]


def seconds(
    executor: Executor, slow: bool, repeat: int = 1, steady: bool = False
) -> tuple[float, int]:
    """The best wall time of `repeat` runs, and how many articles failed. `steady`: from the
    first outcome on, when the worker processes have started (their start-up, loading the
    model, swings by seconds with the load; the slow article is in the second chunk)."""
    times, failed = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        outcomes = []
        for outcome in executor.run(documents(slow)):
            if steady and not outcomes:
                start = time.perf_counter()
            outcomes.append(outcome)
        times.append(time.perf_counter() - start)
        failed = sum(not isinstance(o, Extracted) for o in outcomes)
    return min(times), failed


def measure(
    name: str, make: type[InProcessExecutor] | type[ProcessExecutor], limit: float, repeat: int
) -> None:
    settings = load_settings(time_limit=limit, workers=2)
    executor: Executor
    if make is InProcessExecutor:
        in_process = InProcessExecutor(settings)
        in_process._worker = SlowWorker(settings)
        executor = in_process
        seconds(executor, slow=False)  # what loads on first use: not in the measured runs
    else:
        # Each run starts its workers: timed from the first outcome, after their start-up.
        executor = ProcessExecutor(settings, worker_factory=SlowWorker)
    steady = make is ProcessExecutor
    base, _ = seconds(executor, slow=False, repeat=repeat, steady=steady)
    with_slow, failed = seconds(executor, slow=True, repeat=repeat, steady=steady)
    extra = with_slow - base
    print(
        f"{name}: {SMALL} articles {base:.1f} s, with the slow one {with_slow:.1f} s "
        f"({failed} failed): +{extra:.1f} s = {extra / limit:.2f} x the {limit:g} s limit"
    )


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    measure("one process", InProcessExecutor, limit, repeat)
    measure("two workers", ProcessExecutor, limit, repeat)
    print(f"load average after {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
