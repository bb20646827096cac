"""`newsgraph batch --engine ray` on a local Ray instance (two CPUs, 127.0.0.1 only): the
same Parquet output as `--engine local`, row for row, even when an actor dies mid-run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.batch.sharded import run_sharded
from newsgraph.settings import Settings, load_settings
from tests.conftest import REPO
from tests.shard_samples import write_shards
from tests.test_batch_sharded import read_tables

ray = pytest.importorskip("ray")
from newsgraph.scale.ray_executor import ExtractActor, RayOptions, connect  # noqa: E402

pytestmark = [pytest.mark.ray, pytest.mark.model]
KILL_MARKER = "NEWSGRAPH_TEST_KILL_MARKER"


class DyingActor(ExtractActor):
    """Dies (as a crash or the out-of-memory killer would) on its second batch, after one
    done, once in the run (the marker file says it happened: the restarted actor lives)."""

    calls = 0

    def __call__(self, batch: Any) -> Any:
        marker = Path(os.environ[KILL_MARKER])
        self.calls += 1
        if self.calls == 2 and not marker.exists():
            marker.write_text("killed once\n")
            os._exit(1)
        return super().__call__(batch)


@pytest.fixture(scope="module")
def ray_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A Ray of this machine for the module: two CPUs, no dashboard, 127.0.0.1 only. The
    workers it starts inherit this environment: the repository on their path (they import
    DyingActor from here) and the kill marker's place."""
    marker = tmp_path_factory.mktemp("ray") / "killed"
    paths = [str(REPO / "src"), str(REPO), os.environ.get("PYTHONPATH", "")]
    old = {name: os.environ.get(name) for name in ("PYTHONPATH", KILL_MARKER)}
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    os.environ[KILL_MARKER] = str(marker)
    connect(None, num_cpus=2)  # ray.init(address="local", num_cpus=2, no dashboard, 127.0.0.1)
    yield marker
    ray.shutdown()
    for name, value in old.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings(cue_model="none")


@pytest.fixture(scope="module")
def shards_and_local(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings
) -> tuple[Path, dict[str, list[dict[str, object]]]]:
    root = tmp_path_factory.mktemp("shards")
    folder = write_shards(root / "in", copies=2)
    # A shard of failures only and an empty one: rows with no article id at all.
    (folder / "broken.jsonl").write_text("not json\n[1]\n", encoding="utf-8")
    (folder / "empty.jsonl").write_text("", encoding="utf-8")
    run_sharded([str(folder)], str(root / "local"), settings)
    return folder, read_tables(root / "local")


def test_ray_output_equals_the_local_output_row_for_row(
    ray_cluster: Path, shards_and_local: Any, settings: Settings, tmp_path: Path
) -> None:
    folder, local = shards_and_local
    options = RayOptions(actors=2, batch_size=2)
    summary = run_sharded([str(folder)], str(tmp_path), settings, engine="ray", ray_options=options)
    assert (summary.shards, summary.articles, summary.failures) == (8, 10, 6)
    assert read_tables(tmp_path) == local


def test_a_killed_actor_costs_nothing_and_nothing_twice(
    ray_cluster: Path, shards_and_local: Any, settings: Settings, tmp_path: Path
) -> None:
    folder, local = shards_and_local
    options = RayOptions(actors=2, batch_size=2, actor=DyingActor)
    run_sharded([str(folder)], str(tmp_path), settings, engine="ray", ray_options=options)
    assert ray_cluster.exists()  # an actor did die
    tables = read_tables(tmp_path)
    ids = [row["id"] for row in tables["articles"]]
    assert len(ids) == len(set(ids)) == 10
    assert tables == local


def test_ray_listens_on_127_0_0_1_only(ray_cluster: Path) -> None:
    addresses = {node["NodeManagerAddress"] for node in ray.nodes()}
    assert addresses == {"127.0.0.1"}
    assert ray.get_runtime_context().gcs_address.startswith("127.0.0.1:")


def test_the_ray_executor_keeps_the_executor_protocol(
    ray_cluster: Path, settings: Settings
) -> None:
    from newsgraph.records import Document
    from newsgraph.scale.local import InProcessExecutor
    from newsgraph.scale.ray_executor import RayExecutor
    from tests.ingest_samples import OTHER_STORY, WIRE_STORY

    documents = [
        Document(WIRE_STORY, source="a", id="a"),
        Document("", source="empty", id="e"),
        Document(OTHER_STORY, source="b", id="b"),
    ]
    on_ray = list(RayExecutor(settings, RayOptions(actors=1, batch_size=2)).run(documents))
    assert on_ray == list(InProcessExecutor(settings).run(documents))  # in input order
