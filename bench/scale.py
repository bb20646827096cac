"""Sharded batches on the same shards: `--engine local` with 1 and 2 workers, and
`--engine ray` with 1 and 2 actors, in one run.

    python bench/scale.py                  # 12 copies of the test shards (60 articles)
    python bench/scale.py --copies 24

The shards are the tests' (tests/shard_samples.py: a WARC, a JSON Lines and a Parquet shard
per copy, five articles and two bad records). Each figure is articles per second over the
whole run, start-up included (worker processes and Ray actors load the model when they
start; Ray itself is started once, before the Ray runs, and not counted). The load average
is printed before each run: the machine may be shared, and other jobs only slow a run down.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsgraph.batch.sharded import run_sharded
from newsgraph.settings import Settings, load_settings
from tests.shard_samples import write_shards


def timed(label: str, shards: Path, out: Path, settings: Settings, **engine: object) -> float:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    summary = run_sharded([str(shards)], str(out), settings, **engine)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    rate = summary.articles / seconds
    print(
        f"  {label:<18} {rate:5.2f} articles/s ({summary.articles} articles, {seconds:.1f} s;"
        f" load average before {load:.2f})",
        flush=True,
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=12)
    arguments = parser.parse_args()
    import ray

    from newsgraph.scale.ray_executor import RayOptions, connect

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shards = write_shards(root / "in", copies=arguments.copies)
        settings = load_settings()
        print(
            f"shards: {3 * arguments.copies} ({5 * arguments.copies} articles) on"
            f" {os.cpu_count()} CPUs"
        )
        rates = {
            "local, 1 worker": timed("local, 1 worker", shards, root / "l1", settings),
            "local, 2 workers": timed(
                "local, 2 workers", shards, root / "l2", settings.with_values(workers=2)
            ),
        }
        connect(None)  # a Ray of this machine, on 127.0.0.1 only
        try:
            for actors in (1, 2):
                label = f"ray, {actors} actor{'s' if actors > 1 else ''}"
                rates[label] = timed(
                    label,
                    shards,
                    root / f"r{actors}",
                    settings,
                    engine="ray",
                    ray_options=RayOptions(actors=actors),
                )
        finally:
            ray.shutdown()
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        print(
            "ratios: local 2/1 workers {:.2f}, ray 2/1 actors {:.2f}, ray 1 actor / local 1"
            " worker {:.2f}".format(
                rates["local, 2 workers"] / rates["local, 1 worker"],
                rates["ray, 2 actors"] / rates["ray, 1 actor"],
                rates["ray, 1 actor"] / rates["local, 1 worker"],
            )
        )


if __name__ == "__main__":
    main()
