"""Sharded batches on the same shards: `--engine local` with 1 and 2 workers, and
`--engine ray` with 1 and 2 actors, in one run.

    python bench/scale.py                  # 12 copies of the test shards (60 articles)
    python bench/scale.py --copies 160 --repeat 2 --profile
    python bench/scale.py --copies 400 --per-shard 20 --profile   # 60 shards of 20 copies

`--per-shard K` writes K copies into each shard: the same articles in fewer, larger shards,
nearer to a real archive's (a CC-NEWS WARC holds thousands of records), where what a shard
costs on its own (its seven output files, its ledger entry) is spread over more articles.

The shards are the tests' (tests/shard_samples.py: a WARC, a JSON Lines and a Parquet shard
per copy, five articles and two bad records). Each figure is articles per second over the
whole run, start-up included (worker processes and Ray actors load the model when they
start). Ray itself is started once before the Ray runs and not counted, and so are Ray
Data's own actors (its statistics, its autoscaling), which the first dataset of a Ray
starts: an untimed run on one copy starts them, so that the first timed Ray run does not
pay for them and the second not.

Each run also prints when its first result came back (on Ray, a whole task's rows come back
at once: the start-up and a task's work). The load average is printed before
each run: the machine may be shared, and other jobs only slow a run down, so with `--repeat`
the best of each run counts. `--profile` prints, per actor of each Ray run, the time in its
calls against the time in the pipeline within them (what a call costs beyond
the work), how busy it was between its first call and its last, and the CPU it got; then
the run's CPU per article: the driver's (this process), the actors' (their whole process,
start-up included) and that of Ray's other processes (read from /proc twice a second, the
largest named), which on two cores is taken from the actors. After each Ray run the bench
waits for its actors to end (half a second of CPU each), so that the next run does not pay
for them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsgraph.batch.sharded import run_sharded
from newsgraph.progress import Progress
from newsgraph.records import Document
from newsgraph.scale.executor import Annotate, Outcome
from newsgraph.scale.ray_executor import ExtractActor, RayOptions, connect
from newsgraph.settings import Settings, load_settings
from tests.shard_samples import write_shards

PROFILE_VARIABLE = "NEWSGRAPH_BENCH_PROFILE"  # the file the timed actors append to
SAMPLE_EVERY = 0.5  # seconds between two looks at the CPU of this process's descendants


class FirstResult(Progress):
    """When the run's first result came back."""

    def __init__(self) -> None:
        self.at: float | None = None

    def advance(self, count: int = 1) -> None:
        if self.at is None:
            self.at = time.perf_counter()


class ProcessCpu:
    """The CPU used during a run by each process descended from this one (Ray's own, its
    workers, the actors), read from /proc every `SAMPLE_EVERY` seconds in a thread (Linux;
    elsewhere nothing). A process that ends between two looks is counted up to the last.
    Only with `--profile` (`enabled`): a look costs this process about a millisecond."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and os.path.isdir("/proc/self")
        self.first: dict[int, float] = {}  # pid: its CPU when the run began (0: born later)
        self.last: dict[int, tuple[float, str]] = {}  # pid: its CPU at the last look, name
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> ProcessCpu:
        if self.enabled:
            self._look()
            self.first = {pid: cpu for pid, (cpu, _) in self.last.items()}
            self.thread.start()
        return self

    def __exit__(self, *error: object) -> None:
        if self.thread.is_alive():
            self.stopping.set()
            self.thread.join()
            self._look()

    def _watch(self) -> None:
        while not self.stopping.wait(SAMPLE_EVERY):
            self._look()

    def _look(self) -> None:
        stats = _processes()
        for pid in _descendants(stats):
            # Named at each look: a Ray worker takes its task's or actor's name once it has
            # one, and loses it as it ends.
            name = _name(pid) or self.last.get(pid, (0.0, "?"))[1]
            self.last[pid] = (stats[pid][1], name)

    def used(self, skip: set[int]) -> dict[str, float]:
        """CPU seconds in the run by process name, less the processes in `skip`."""
        used: dict[str, float] = {}
        for pid, (cpu, name) in self.last.items():
            if pid not in skip:
                used[name] = used.get(name, 0.0) + cpu - self.first.get(pid, 0.0)
        return used


def _processes() -> dict[int, tuple[int, float]]:
    """Every process of the machine: its parent and its CPU seconds (from /proc)."""
    tick, stats = os.sysconf("SC_CLK_TCK"), {}
    for name in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{name}/stat", encoding="utf-8") as file:
                fields = file.read().rpartition(")")[2].split()
        except OSError:  # ended meanwhile
            continue
        stats[int(name)] = int(fields[1]), (int(fields[11]) + int(fields[12])) / tick
    return stats


def _descendants(stats: dict[int, tuple[int, float]]) -> set[int]:
    """The processes this one started, and theirs (Ray's, its workers, the actors)."""
    mine, grew = {os.getpid()}, True
    while grew:
        born = {pid for pid, (parent, _) in stats.items() if parent in mine} - mine
        mine |= born
        grew = bool(born)
    return mine - {os.getpid()}


def _name(pid: int) -> str:
    """A process's name as Ray sets it (ray::IDLE, ray::_StatsActor), or its program's
    ("": none to be read, the process ending)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            words = file.read().replace(b"\0", b" ").decode("utf-8", "replace").split()
    except OSError:
        return ""
    if not words:
        return ""
    program = Path(words[0]).name
    if program.startswith("python") and len(words) > 1:
        program = Path(words[2] if words[1] == "-u" and len(words) > 2 else words[1]).name
    return program.split("(")[0].removesuffix(".submit")


@dataclass(frozen=True, slots=True)
class Timing:
    articles: int
    seconds: float
    startup: float  # to the first result
    cpu: float  # this process's (the driver's)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def timed(label: str, shards: Path, out: Path, settings: Settings, **engine: object) -> Timing:
    load = os.getloadavg()[0]
    first = FirstResult()
    start, cpu = time.perf_counter(), time.process_time()
    summary = run_sharded([str(shards)], str(out), settings, progress=first, **engine)  # type: ignore[arg-type]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    timing = Timing(summary.articles, seconds, (first.at or start) - start, cpu)
    print(
        f"  {label:<18} {timing.rate:5.2f} articles/s ({summary.articles} articles, {seconds:.1f}"
        f" s; its first result after {timing.startup:.1f} s; this process's CPU"
        f" {cpu:.1f} s; load average before {load:.2f})",
        flush=True,
    )
    return timing


class TimedActor(ExtractActor):
    """The actor, timing each call and the pipeline's work within it into the profile file
    (defined in the bench's __main__: Ray sends it by value, so the workers need not import
    the bench)."""

    def __init__(self, settings: Settings, ledger: Any = None) -> None:
        began, before = time.time(), time.process_time()
        super().__init__(settings, ledger)
        self.in_pipeline = 0.0
        process_chunk = self.worker.process_chunk

        def timed_chunk(chunk: list[Document], annotate: Annotate | None) -> list[Outcome]:
            start = time.perf_counter()
            try:
                return process_chunk(chunk, annotate)
            finally:
                self.in_pipeline += time.perf_counter() - start

        self.worker.process_chunk = timed_chunk  # type: ignore[method-assign]
        self._record(start=began, init=time.time() - began, before=before)

    def __call__(self, batch: Any) -> Any:
        self.in_pipeline = 0.0
        start, cpu = time.time(), time.process_time()
        done = super().__call__(batch)
        self._record(
            at=start,
            rows=batch.num_rows,
            call=time.time() - start,
            pipeline=self.in_pipeline,
            cpu=time.process_time() - cpu,
            process_cpu=time.process_time(),  # the whole process's, since it started
        )
        return done

    @staticmethod
    def _record(**values: float) -> None:
        with open(os.environ[PROFILE_VARIABLE], "a", encoding="utf-8") as log:
            log.write(json.dumps(values | {"pid": os.getpid()}) + "\n")


def print_profile(path: Path, began: float, timing: Timing, processes: ProcessCpu) -> None:
    """Per actor: its calls' time against the pipeline's, how busy it was, its CPU; the
    pool's first call after the run `began` (a time.time()); then the CPU of the run per
    article: the driver's, the actors' and that of every other process Ray runs."""
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    path.unlink()
    calls = [entry for entry in entries if "call" in entry]
    if not calls:
        return
    for entry in entries:
        if "init" in entry:
            print(
                f"    actor {entry['pid']}: started {entry['start'] - began:.2f} s into the run"
                f" ({entry['before']:.2f} s of CPU before: Python, Ray, the imports), its"
                f" __init__ (model, warm-up) {entry['init']:.2f} s"
            )
    begin, ends, actors_cpu = min(c["at"] for c in calls), {}, 0.0
    for pid in sorted({call["pid"] for call in calls}):
        mine = [call for call in calls if call["pid"] == pid]
        in_calls, in_pipeline = sum(c["call"] for c in mine), sum(c["pipeline"] for c in mine)
        ends[pid] = max(c["at"] + c["call"] for c in mine)
        span = ends[pid] - min(c["at"] for c in mine)
        overhead = (in_calls - in_pipeline) / len(mine) * 1000
        actors_cpu += max(c["process_cpu"] for c in mine)
        print(
            f"    actor {pid}: {len(mine)} calls of {sum(c['rows'] for c in mine) / len(mine):.1f}"
            f" rows, {in_calls:.2f} s in calls, {in_pipeline:.2f} s in the pipeline"
            f" ({overhead:.1f} ms a call beyond it); busy {in_calls / span:.0%} of its"
            f" {span:.2f} s; CPU {sum(c['cpu'] for c in mine):.2f} s"
        )
    rows = sum(call["rows"] for call in calls)
    print(
        f"    the pool: its first call {begin - began:.2f} s into the run, then {rows} rows"
        f" to its last end in"
        f" {max(ends.values()) - begin:.2f} s; its actors' last ends"
        f" {max(ends.values()) - min(ends.values()):.2f} s apart"
    )
    print_cpu(timing, actors_cpu, processes.used(skip=set(ends)))


def print_cpu(timing: Timing, actors: float, others: dict[str, float]) -> None:
    """The run's CPU per article: the driver (with the bench's own sampling), the actors'
    processes (start-up included), and Ray's other processes, the largest named."""
    per_article = 1000 / timing.articles
    largest = sorted(others.items(), key=lambda item: -item[1])[:6]
    print(
        f"    CPU per article: driver {timing.cpu * per_article:.2f} ms, actors"
        f" {actors * per_article:.2f} ms, Ray's other processes"
        f" {sum(others.values()) * per_article:.2f} ms ("
        + ", ".join(f"{name} {cpu:.2f} s" for name, cpu in largest)
        + ")"
    )


def wait_for_actors_to_end(most: float = 10.0) -> None:
    """Until the run's actors have ended (Ray Data ends them as the run returns, and an actor
    takes half a second of CPU to end, which the next run would pay), at most `most`
    seconds (Linux: the processes Ray names ray::MapWorker; elsewhere no wait)."""
    deadline = time.monotonic() + most
    while os.path.isdir("/proc/self") and time.monotonic() < deadline:
        names = (_name(pid) for pid in _descendants(_processes()))
        if not any(name.startswith("ray::MapWorker") for name in names):
            return
        time.sleep(0.1)


def start_ray_data(shards: Path, out: Path, settings: Settings) -> None:
    """Ray Data's own actors, started by the first dataset of a Ray: an untimed run."""
    run_sharded([str(shards)], str(out), settings, engine="ray", ray_options=RayOptions())


RATIOS = (  # what each ratio is called, and its two runs
    ("local 2/1 workers", "local, 2 workers", "local, 1 worker"),
    ("ray 2/1 actors", "ray, 2 actors", "ray, 1 actor"),
    ("ray 1 actor / local 1 worker", "ray, 1 actor", "local, 1 worker"),
)


def ratio(rates: dict[str, Timing], top: str, bottom: str) -> str:
    return f"{rates[top].rate / rates[bottom].rate:.2f}"


def best(runs: list[Timing]) -> Timing:
    return max(runs, key=lambda timing: timing.rate)


Runs = dict[str, list[Timing]]  # each run's label to its timings, one per repeat


def local_runs(shards: Path, root: Path, settings: Settings, repeat: int, runs: Runs) -> None:
    for attempt in range(repeat):
        for workers in (1, 2):
            label = f"local, {workers} worker{'s' if workers > 1 else ''}"
            local = settings.with_values(workers=workers)
            out = root / f"l{workers}-{attempt}"
            runs.setdefault(label, []).append(timed(label, shards, out, local))


def ray_runs(
    shards: Path, root: Path, settings: Settings, arguments: argparse.Namespace, runs: Runs
) -> None:
    """The Ray runs, on a Ray started here (on 127.0.0.1 only) for them."""
    import ray

    profile = root / "profile.jsonl"
    os.environ[PROFILE_VARIABLE] = str(profile)  # before Ray starts: its workers inherit it
    connect(None)
    try:
        start_ray_data(write_shards(root / "warm", copies=1), root / "warm-out", settings)
        wait_for_actors_to_end()
        for attempt in range(arguments.repeat):
            for actors in (1, 2):
                label = f"ray, {actors} actor{'s' if actors > 1 else ''}"
                actor = TimedActor if arguments.profile else None
                options = RayOptions(actors=actors, actor=actor)
                out = root / f"r{actors}-{attempt}"
                began = time.time()
                with ProcessCpu(arguments.profile) as processes:
                    timing = timed(label, shards, out, settings, engine="ray", ray_options=options)
                runs.setdefault(label, []).append(timing)
                if profile.exists():
                    print_profile(profile, began, timing, processes)
                wait_for_actors_to_end()
    finally:
        ray.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument(
        "--per-shard",
        type=int,
        default=1,
        help="copies written into each shard: the same records in fewer, larger shards",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best counts")
    parser.add_argument("--profile", action="store_true", help="time the actors' calls")
    parser.add_argument("--engines", choices=("both", "local", "ray"), default="both")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        per_shard = max(1, arguments.per_shard)
        shards = write_shards(root / "in", copies=arguments.copies, per_shard=per_shard)
        settings = load_settings()
        count = 3 * -(-arguments.copies // per_shard)
        print(f"shards: {count} ({5 * arguments.copies} articles) on {os.cpu_count()} CPUs")
        runs: Runs = {}
        if arguments.engines != "ray":
            local_runs(shards, root, settings, arguments.repeat, runs)
        if arguments.engines != "local":
            ray_runs(shards, root, settings, arguments, runs)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        rates = {label: best(timings) for label, timings in runs.items()}
        ratios = [
            f"{name} {ratio(rates, top, bottom)}"
            for name, top, bottom in RATIOS
            if top in rates and bottom in rates
        ]
        print(f"ratios: {', '.join(ratios)}")


if __name__ == "__main__":
    main()
