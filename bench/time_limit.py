"""What one pathological article costs its batch under `--time-limit`: it must be about the
limit, not the limit times the chunk size.

    python bench/time_limit.py [LIMIT]

Extracts 30 small articles with the real model, in one process and in two worker processes,
alone and then with one article that never finishes (its extraction sleeps, as a
pathological input would spin), and prints each run's wall time, what the slow article added
and that ratio to the limit (LIMIT seconds, 3 by default). Before issue #15 the slow article
held a chunk of 32 for the limit times 32; now it costs at most twice the limit (once in its
chunk, once alone). A benchmark, never a test: timings move with the load.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

from newsgraph.pipeline import Extractor, Prepared
from newsgraph.records import Article, Document
from newsgraph.scale.executor import Executor, Extracted, Worker
from newsgraph.scale.local import InProcessExecutor, ProcessExecutor
from newsgraph.settings import Settings, load_settings

SMALL = 30
SLOW = "PATHOLOGICAL"
STORY = "The mayor of Port Elvin said on {day} that the bridge would reopen in May, {n} weeks late."
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


class SlowExtractor(Extractor):
    """The real extractor, but an article with the marker never ends (a sleep stands in for a
    pathological input, which the time limit interrupts the same way)."""

    def extract_prepared(self, chunk: list[Prepared]) -> Iterator[Article]:
        if any(SLOW in prepared.body for prepared in chunk):
            time.sleep(3600)
        return super().extract_prepared(chunk)


class SlowWorker(Worker):
    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.extractor = SlowExtractor(settings)


def documents(slow: bool) -> list[Document]:
    texts = [STORY.format(day=DAYS[n % 5], n=n) for n in range(SMALL)]
    if slow:
        texts.insert(SMALL // 2, f"{SLOW}: {texts[0]}")
    return [Document(text=text, source=f"doc{n}") for n, text in enumerate(texts)]


def seconds(executor: Executor, slow: bool) -> tuple[float, int]:
    start = time.perf_counter()
    outcomes = list(executor.run(documents(slow)))
    return time.perf_counter() - start, sum(not isinstance(o, Extracted) for o in outcomes)


def measure(name: str, make: type[InProcessExecutor] | type[ProcessExecutor], limit: float) -> None:
    settings = load_settings(time_limit=limit, workers=2)
    executor: Executor
    if make is InProcessExecutor:
        in_process = InProcessExecutor(settings)
        in_process._worker = SlowWorker(settings)
        in_process._worker.extractor.load()
        executor = in_process
    else:
        # Each run starts its workers: both runs include their start-up (loading the model).
        executor = ProcessExecutor(settings, worker_factory=SlowWorker)
    base, _ = seconds(executor, slow=False)
    with_slow, failed = seconds(executor, slow=True)
    extra = with_slow - base
    print(
        f"{name}: {SMALL} articles {base:.1f} s, with the slow one {with_slow:.1f} s "
        f"({failed} failed): +{extra:.1f} s = {extra / limit:.2f} x the {limit:g} s limit"
    )


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    measure("one process", InProcessExecutor, limit)
    measure("two workers", ProcessExecutor, limit)


if __name__ == "__main__":
    main()
