"""End-to-end throughput: newsgraph batches with 1 and 2 worker processes, against spaCy's
`nlp.pipe` alone, on the same texts in the same run.

    python bench/throughput.py                      # PolNeAR dev texts when in ../shared
    python bench/throughput.py --generated 200      # a generated corpus of 200 articles

Three runs, each over every text:
- spaCy: the plain English model's `nlp.pipe` (no newsgraph component), model loaded first;
- 1 worker: `batch.run_batch` in this process (scraped-text parsing, language detection,
  spaCy with newsgraph's components, MinHash), after a warm-up batch of two texts;
- 2 workers: `batch.run_batch` with two worker processes.
Worker processes load the model when they start. So that start-up is not counted as
throughput, both batch runs are timed in steady state: from the moment the first chunk of
every worker is back to the last article (the articles of those first chunks are not counted).
The 2-worker wall time including start-up is printed as well. The three runs are repeated
(`--repeat`, 2 by default) and the best of each counts, since other jobs only ever slow a run
down. Ratios: 2 workers / 1 worker, and 1 worker / spaCy alone. Because the machine may be
shared, CPU times are printed too, and
the CPU an article costs in a worker (a 2-worker run on two texts measures the start-up to
subtract) against in one process: the speed-up two otherwise idle cores would give.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.batch import BatchOptions, run_batch
from newsgraph.pipeline import MODEL_BATCH
from newsgraph.records import Article, Document, Failure
from newsgraph.scale.local import WORKER_CHUNK, local_executor
from newsgraph.settings import load_settings

POLNEAR_DEV = Path(__file__).resolve().parents[1].parent / "shared/data/polnear/data/dev/text"


def polnear_texts(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def generated_texts(count: int, seed: int = 7) -> list[str]:
    """Invented articles of about 600 words: reported speech, dates, people and places."""
    rng = random.Random(seed)
    people = ["Maren Holt", "Tomasz Wierzbicki", "Lena Fischbach", "Joan Abernathy", "Ode Ruiz"]
    places = ["Port Elvin", "Nordhaven", "Vellmar", "Kessleton", "the Ostra valley"]
    topics = ["the ferry terminal", "the new budget", "the port strike", "the glacier survey"]
    days = ["on Monday", "last week", "on 3 March", "next month", "two years ago", "in 2019"]
    templates = [
        '"We will not accept {topic} as it stands," {person} said {day} in {place}.',
        "{person}, who leads the council of {place}, said {day} that {topic} would be delayed.",
        "Officials in {place} expect {topic} to cost more than planned, according to {person}.",
        "The debate about {topic} began {day}, when residents of {place} wrote to the mayor.",
        '"It is the best news {place} has had in years," {person} told reporters {day}.',
    ]
    texts = []
    for number in range(count):
        paragraphs = []
        for _ in range(12):
            sentences = [
                rng.choice(templates).format(
                    person=rng.choice(people),
                    place=rng.choice(places),
                    topic=rng.choice(topics),
                    day=rng.choice(days),
                )
                for _ in range(rng.randint(2, 4))
            ]
            paragraphs.append(" ".join(sentences))
        texts.append(f"Report {number} from {rng.choice(places)}\n\n" + "\n\n".join(paragraphs))
    return texts


@lru_cache(maxsize=1)
def _plain_model(model: str | None) -> Any:
    import spacy

    from newsgraph.nlp.model import resolve_model_name

    return spacy.load(resolve_model_name(model))


def spacy_alone(texts: list[str], model: str | None) -> tuple[float, float]:
    """(wall, CPU) seconds for the plain model's nlp.pipe over the texts, model loaded first."""
    nlp = _plain_model(model)
    list(nlp.pipe(texts[:4]))  # warm-up
    start, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class TimingSink:
    """Keeps when each article arrived, and the failures."""

    arrivals: list[float]
    failures: list[Failure] = field(default_factory=list)

    def held(self) -> Iterator[tuple[str, str]]:
        return iter(())

    def add_article(self, article: Article) -> None:
        self.arrivals.append(time.perf_counter())

    def add_failure(self, failure: Failure) -> None:
        self.failures.append(failure)

    def close(self) -> None:
        pass


def batch_run(
    texts: list[str], workers: int, model: str | None, chunk: int | None = None
) -> tuple[float, float, float, float]:
    """Steady-state articles/s, wall seconds including start-up, and CPU seconds of this
    process and of its worker processes (start-up included), for one batch."""
    settings = load_settings(spacy_model=model, workers=workers, near_duplicates=0.8)
    executor = local_executor(settings, chunk_size=chunk)
    if workers == 1:
        # Everything loaded once per process (the model, the language detector, datasketch)
        # is loaded before the clock starts, as the model is for spaCy alone.
        warm_up: list[Document | Failure] = [Document(text=text) for text in texts[:2]]
        run_batch(warm_up, TimingSink([]), executor, BatchOptions())
    sink = TimingSink([])
    documents: list[Document | Failure] = [
        Document(text=text, source=f"text-{i}") for i, text in enumerate(texts)
    ]
    start, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    run_batch(documents, sink, executor, BatchOptions.from_settings(settings))
    arrivals, failures = sink.arrivals, sink.failures
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    children = _children_cpu() - children  # the batch waits for its workers to exit
    if failures:
        print(f"  {len(failures)} failures, first: {failures[0]}", file=sys.stderr)
    chunk_size = chunk or (MODEL_BATCH if workers <= 1 else WORKER_CHUNK)
    skip = min(workers * chunk_size, len(arrivals) - 1)
    steady = (len(arrivals) - skip) / (arrivals[-1] - arrivals[skip - 1])
    return steady, wall, cpu, children


@dataclass(frozen=True)
class Round:
    pipe: float  # articles/s
    pipe_cpu: float  # seconds
    one: float
    one_cpu: float
    two: float
    two_cpu: float  # in the workers, start-up excluded
    parent_cpu: float


def measure(texts: list[str], model: str | None, worker_chunk: int | None) -> Round:
    """One round: spaCy alone, 1 worker, 2 workers, each line printed as it is measured."""
    pipe_wall, pipe_cpu = spacy_alone(texts, model)
    pipe = len(texts) / pipe_wall
    print(
        f"  spaCy nlp.pipe alone: {pipe:6.2f} articles/s ({pipe_wall:.1f} s, CPU {pipe_cpu:.1f} s)"
    )
    one, one_wall, one_cpu, _ = batch_run(texts, 1, model)
    print(
        f"  newsgraph, 1 worker:  {one:6.2f} articles/s steady "
        f"({one_wall:.1f} s, CPU {one_cpu:.1f} s)"
    )
    two, two_wall, parent_cpu, workers_cpu = batch_run(texts, 2, model, worker_chunk)
    # Start-up: a text for each of the two workers (one chunk each, so that both start).
    _, _, _, start_up_cpu = batch_run(texts[:2], 2, model, chunk=1)
    two_cpu = (workers_cpu - start_up_cpu) * len(texts) / max(len(texts) - 2, 1)
    print(
        f"  newsgraph, 2 workers: {two:6.2f} articles/s steady ({two_wall:.1f} s with start-up; "
        f"CPU {two_cpu:.1f} s in the workers without start-up, {parent_cpu:.1f} s in the parent)"
    )
    return Round(pipe, pipe_cpu, one, one_cpu, two, two_cpu, parent_cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=0, help="Generate this many articles.")
    parser.add_argument("--limit", type=int, default=0, help="Use only the first N texts.")
    parser.add_argument("--repeat", type=int, default=2, help="Rounds; the best of each counts.")
    parser.add_argument("--model", default=None)
    parser.add_argument("--worker-chunk", type=int, default=None, help="Documents per task.")
    args = parser.parse_args()
    if args.generated or not POLNEAR_DEV.exists():
        texts, corpus = generated_texts(args.generated or 200), "generated"
    else:
        texts, corpus = polnear_texts(POLNEAR_DEV), f"PolNeAR dev ({POLNEAR_DEV})"
    texts = texts[: args.limit] if args.limit else texts
    if len(texts) < 64:
        parser.error("steady-state rates need at least 64 texts (several chunks per worker)")
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {corpus}: {len(texts)} texts, {words:,} words")
    rounds = []
    for number in range(1, args.repeat + 1):
        print(f"round {number} (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs):")
        rounds.append(measure(texts, args.model, args.worker_chunk))
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    report(rounds, len(texts))


def report(rounds: list[Round], count: int) -> None:
    """Ratios of the best round of each run: other jobs only ever slow a run down."""
    pipe, one, two = (max(getattr(r, name) for r in rounds) for name in ("pipe", "one", "two"))
    pipe_cpu, one_cpu, two_cpu = (
        min(getattr(r, name) for r in rounds) for name in ("pipe_cpu", "one_cpu", "two_cpu")
    )
    print(
        f"best of {len(rounds)}: spaCy {pipe:.2f}, 1 worker {one:.2f}, "
        f"2 workers {two:.2f} articles/s"
    )
    print(f"ratio 2 workers / 1 worker:      {two / one:.2f}  (target >= 1.7)")
    print(f"ratio 1 worker / spaCy nlp.pipe: {one / pipe:.2f}  (target >= 0.8)")
    print(f"  the same in CPU time:          {pipe_cpu / one_cpu:.2f}  (less sensitive to load)")
    # On a shared machine the wall-clock ratio of 2 workers depends on what else runs; the CPU
    # each article costs in a worker, against in one process, says what 2 free cores would give.
    print(
        f"CPU per article: {one_cpu / count * 1000:.0f} ms in one process, "
        f"{two_cpu / count * 1000:.0f} ms in a worker (start-up excluded): "
        f"2 free cores would give {2 * one_cpu / two_cpu:.2f}x one worker"
    )


if __name__ == "__main__":
    main()
