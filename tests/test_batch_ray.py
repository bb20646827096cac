"""`newsgraph batch --engine ray` on a local Ray instance (two CPUs, 127.0.0.1 only): the
same Parquet output as `--engine local`, row for row, even when an actor dies mid-run; a
document that kills its actor every time, or takes it past its memory cap, is one failure."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.batch.sharded import run_sharded
from newsgraph.cli import cli
from newsgraph.ingest import read_dates
from newsgraph.records import Document
from newsgraph.scale.executor import Outcome
from newsgraph.settings import Settings, load_settings
from tests.conftest import REPO
from tests.ingest_samples import OTHER_STORY, WIRE_STORY, write_jsonl
from tests.shard_samples import write_shards
from tests.test_batch_sharded import EXPECTED_DAYS, published_by_id, read_tables, with_dates

ray = pytest.importorskip("ray")
from newsgraph.scale.ray_executor import (  # noqa: E402
    ACTOR_DIED,
    ExtractActor,
    Ledger,
    RayOptions,
    connect,
    read_groups,
    readers,
)

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


POISON, HOG = "Poison pill.", "Memory hog."


class BadDocumentActor(ExtractActor):
    """Dies on every call that holds the poisoned document, and grows past its memory cap
    on every call that holds the hungry one (the cap's watcher then ends it)."""

    def __init__(self, settings: Settings, ledger: Any = None) -> None:
        super().__init__(settings, ledger)
        extract = self.worker.process_chunk

        def process_chunk(documents: list[Document], annotate: Any) -> list[Outcome]:
            if any(POISON in d.text for d in documents):
                os._exit(1)
            if any(HOG in d.text for d in documents):
                hoard = b"x" * (300 * 2**20)  # written: resident, beyond the cap of 100 MB
                time.sleep(5)  # the watcher looks every 0.1 s
                del hoard
            return extract(documents, annotate)

        self.worker.process_chunk = process_chunk  # type: ignore[method-assign]


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


def test_a_dates_file_gives_the_ray_engine_the_local_rows(
    ray_cluster: Path, settings: Settings, tmp_path: Path
) -> None:
    """The sidecar travels with the readers to the cluster: the same days, the same rows."""
    folder = with_dates(tmp_path / "in")
    dates = read_dates(folder / "dates.csv")
    run_sharded([str(folder)], str(tmp_path / "local"), settings, dates=dates)
    options = RayOptions(actors=2, batch_size=2)
    out = tmp_path / "ray"
    summary = run_sharded(
        [str(folder)], str(out), settings, engine="ray", ray_options=options, dates=dates
    )
    assert (summary.shards, summary.articles, summary.failures) == (4, 7, 2)
    assert read_tables(out) == read_tables(tmp_path / "local")
    days = published_by_id(out)
    assert {key: days[key] for key in EXPECTED_DAYS} == EXPECTED_DAYS
    rerun = run_sharded(
        [str(folder)], str(out), settings, engine="ray", ray_options=options, dates=dates
    )
    assert rerun.skipped == 4


def test_a_killed_actor_costs_nothing_and_nothing_twice(
    ray_cluster: Path, shards_and_local: Any, settings: Settings, tmp_path: Path
) -> None:
    """The actor dies in the middle of a task of several shards' documents (one read group
    per actor): the task's batches done before it died come back again from its retry, and
    are kept once."""
    folder, local = shards_and_local
    options = RayOptions(actors=2, batch_size=2, actor=DyingActor, read_groups_per_actor=1)
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


def test_a_document_that_kills_its_actor_every_time_is_one_failure(
    ray_cluster: Path, settings: Settings, tmp_path: Path
) -> None:
    """The poisoned and the hungry documents are recorded as failures (the second over the
    memory cap); every other document of the run, in their batches too, is extracted."""
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [WIRE_STORY, f"{OTHER_STORY}\n{POISON}\n", OTHER_STORY, f"{WIRE_STORY}\n{HOG}\n"]
    write_jsonl(folder / "bad.jsonl", [{"text": t, "id": f"doc-{i}"} for i, t in enumerate(texts)])
    options = RayOptions(actors=2, batch_size=2, actor=BadDocumentActor)
    capped = settings.with_values(memory_limit=100)
    out = str(tmp_path / "out")
    summary = run_sharded([str(folder)], out, capped, engine="ray", ray_options=options)
    assert (summary.articles, summary.failures) == (2, 2)
    tables = read_tables(tmp_path / "out")
    assert sorted(row["id"] for row in tables["articles"]) == ["doc-0", "doc-2"]
    assert [row["reason"] for row in tables["errors"]] == [ACTOR_DIED, ACTOR_DIED]


def test_shards_are_read_in_a_few_groups_per_actor_and_never_in_an_empty_one() -> None:
    assert read_groups(shards=120, actors=2, per_actor=16) == 32
    assert read_groups(shards=8, actors=2, per_actor=16) == 8  # a group per shard at most
    assert read_groups(shards=0, actors=2) == 1


def test_the_ledger_runs_a_batch_again_alone_and_a_killer_not_a_third_time() -> None:
    ledger = Ledger()
    batch = [("s", 0), ("s", 1), ("s", 2)]
    assert ledger.begin_batch(batch)  # first attempt: the batch whole; its actor dies
    assert not ledger.begin_batch(batch)  # the retry: one document at a time
    assert ledger.begin_alone(("s", 0))
    ledger.end([("s", 0)])
    assert ledger.begin_alone(("s", 1))  # its actor dies here
    assert not ledger.begin_batch(batch)  # the next retry: alone again
    assert ledger.begin_alone(("s", 0))  # ended before: run again
    assert not ledger.begin_alone(("s", 1))  # killed its actor alone: a failure
    assert ledger.begin_alone(("s", 2))
    ledger.end([("s", 0), ("s", 2)])
    assert ledger.begin_batch([("t", 0)]) and not ledger.begin_batch([("s", 1)])


def test_a_batch_is_told_ended_with_the_next_one_begun() -> None:
    """One Ledger call a batch: the one before is ended by the next one's beginning."""
    ledger = Ledger()
    first, second = [("s", 0), ("s", 1)], [("s", 2)]
    assert ledger.begin_batch(first)
    assert ledger.begin_batch(second, ended=first)
    assert ledger.begin_batch(first)  # ended: a retry of its task runs it whole again
    assert not ledger.begin_batch(second)  # never told ended: its actor died with it


def test_one_reader_feeds_up_to_eight_actors() -> None:
    assert [readers(actors) for actors in (1, 2, 8, 9, 64)] == [1, 1, 1, 2, 8]


def test_the_batch_command_on_ray_writes_what_the_local_engine_does(
    ray_cluster: Path, shards_and_local: Any, tmp_path: Path
) -> None:
    """`newsgraph batch --engine ray` through the command line, on the module's Ray."""
    folder, local = shards_and_local
    out = tmp_path / "out"
    arguments = ["batch", str(folder), "--out", str(out), "--engine", "ray", "--workers", "2"]
    environment = {"NEWSGRAPH_CUE_MODEL": "none"}  # as the module's settings
    result = CliRunner().invoke(cli, [*arguments, "--batch-size", "2", "-q"], env=environment)
    assert result.exit_code == 1, result.output  # the bad records: failures, as on local
    assert read_tables(out) == local
