"""The Ray executor: the pipeline in an actor pool of a Ray Data dataset, on a cluster or on
this machine.

Each actor holds one `Worker` (one `Extractor`, the model loaded once when the actor starts),
the same work as the local executors. Items travel between the stages as pickled bytes in
one column (a `Document`, a `Failure` or an `Extracted`), next to the shard they came from,
their index in it and the shard's item count, so that whoever collects the rows knows when
a shard is whole, whatever order they arrive in. A lost actor is restarted and its batch
run again (`max_restarts`, `max_task_retries`); the collector keeps the first outcome per
(shard, index), so that a retried batch never gives an item twice.

Ray is an optional dependency (`pip install 'newsgraph[ray]'`): it is imported only when an
executor of this module runs, so `import newsgraph.scale` works without it. The module is
not named `ray.py`, which would shadow the package for the modules beside it.
"""

from __future__ import annotations

import os
import pickle
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.records import Document, Failure
from newsgraph.scale.executor import Annotate, Outcome, Worker
from newsgraph.scale.processes import THREAD_VARIABLES
from newsgraph.settings import Settings

RAY_MISSING = "the ray engine needs Ray: pip install 'newsgraph[ray]' (ray[data] 2.40 or newer)"
LOCALHOST = "127.0.0.1"  # a Ray started here listens on this machine only
LOCAL_ONLY_VARIABLE = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"
BATCH_SIZE = 8  # documents per actor call: small, so the last batches keep every actor busy
MAX_RESTARTS = 3  # an actor lost (a crash, out of memory) is started again this many times
READ_CONCURRENCY = 2  # shards read at once; reading is light beside the model

# The item of a row: what a shard held, then what the actors made of it.
Item = Document | Failure | Outcome | None
# A reader: a shard's address to its documents and failures (a module-level function, or a
# partial of one: it is sent to the Ray workers).
ShardReader = Callable[[str], list[Document | Failure]]


@dataclass(frozen=True, slots=True)
class RayOptions:
    address: str | None = None  # "auto", "ray://HOST:PORT"; None: a Ray of this machine
    actors: int = 1
    batch_size: int = BATCH_SIZE
    actor_memory_mb: int | None = None  # memory reserved per actor, for Ray's scheduling
    max_restarts: int = MAX_RESTARTS
    actor: type[ExtractActor] | None = None  # a subclass to run instead (the tests kill one)


@dataclass(frozen=True, slots=True)
class ShardRow:
    """One item of a shard as it comes back from the actors."""

    shard: str
    index: int  # the item's place in its shard; -1: the shard held nothing
    total: int  # the shard's item count
    article_id: str | None  # the id of the document it came from (None: a read failure)
    item: Any  # an Outcome, or the Failure met reading the shard


def connect(address: str | None, num_cpus: int | None = None) -> None:
    """Join the cluster at `address`, or start a Ray on this machine (`num_cpus`: all by
    default) that listens on 127.0.0.1 only; nothing when this process is connected already
    (a test's fixture, a notebook)."""
    if address is None:
        _local_only()
    ray = import_ray()
    if ray.is_initialized():
        return
    if address:
        ray.init(address=address)
        return
    ray.init(
        address="local",
        num_cpus=num_cpus,
        include_dashboard=False,
        _node_ip_address=LOCALHOST,
        log_to_driver=False,  # the actors' output is Ray's logs; the driver shows progress
    )


def _local_only() -> None:
    """Make a Ray started here take 127.0.0.1 as its node's address, and so bind its servers
    (GCS, raylet, workers) there, not on the machine's network address.

    Ray replaces a given 127.0.0.1 by the address other machines would reach, except where
    clusters are turned off (`RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0`, on Linux too). The
    variable is read when Ray is imported, and Ray's processes started from here inherit it;
    when Ray is imported already, its constant is set as the variable would have set it.
    """
    os.environ[LOCAL_ONLY_VARIABLE] = "0"
    constants: Any = sys.modules.get("ray._private.ray_constants")
    if constants is not None:
        constants.ENABLE_RAY_CLUSTER = False


def import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise NewsgraphError(RAY_MISSING) from None
    return ray


class ExtractActor:
    """A Ray Data callable class: one `Worker` per actor, the model loaded in `__init__`."""

    def __init__(self, settings: Settings) -> None:
        # One thread per actor: the actors are the parallelism (as in the worker processes).
        for variable in THREAD_VARIABLES:
            os.environ.setdefault(variable, "1")
        self.worker = Worker(settings)
        self.worker.extractor.load()

    def __call__(self, batch: Any) -> Any:
        """A pyarrow batch of rows with their items extracted (failures pass through)."""
        import pyarrow as pa

        items = [_load(raw) for raw in batch.column("item").to_pylist()]
        documents = [item for item in items if isinstance(item, Document)]
        outcomes = iter(self.worker.process_chunk(documents, None) if documents else ())
        done = [next(outcomes) if isinstance(item, Document) else item for item in items]
        return batch.set_column(
            batch.schema.get_field_index("item"), "item", pa.array(map(_dump, done), pa.binary())
        )


class RayExecutor:
    """The Executor protocol on Ray: outcomes in input order, from an actor pool."""

    def __init__(self, settings: Settings, options: RayOptions | None = None) -> None:
        self.settings = settings
        self.options = options or RayOptions(actors=max(1, settings.workers))

    def run(
        self, documents: Iterable[Document], annotate: Annotate | None = None
    ) -> Iterator[Outcome]:
        """Every document's outcome, in order (the documents are gathered first: a Ray
        dataset is made from a list). `annotate` runs here, on the outcomes as they come."""
        ray = import_ray()
        connect(self.options.address)
        items = list(documents)
        rows = [_row("", i, len(items), d) for i, d in enumerate(items)]
        dataset = ray.data.from_items(rows) if rows else None
        if dataset is None:
            return
        outcomes: dict[int, Outcome] = {}
        for row in self._extract(dataset).iter_rows():
            outcomes.setdefault(int(row["index"]), _load(row["item"]))
        for index in range(len(items)):
            outcome = outcomes[index]
            if annotate is not None and not isinstance(outcome, Failure):
                outcome = type(outcome)(outcome.article, annotate(outcome.article))
            yield outcome

    def run_shards(self, shards: list[str], read: ShardReader) -> Iterator[ShardRow]:
        """Each item of each shard once, read and extracted on the cluster, in the order
        they finish (a retried batch's repeats dropped)."""
        ray = import_ray()
        connect(self.options.address)
        if not shards:
            return
        dataset = ray.data.from_items(
            [{"shard": s} for s in shards], override_num_blocks=len(shards)
        )
        # Reads take no CPU of their own: the actors hold the cores, and a read waiting for
        # one would stall them all (the pool would wait for documents that never come).
        dataset = dataset.flat_map(_ReadRows(read), num_cpus=0, concurrency=READ_CONCURRENCY)
        seen: set[tuple[str, int]] = set()
        for row in self._extract(dataset).iter_rows():
            key = (str(row["shard"]), int(row["index"]))
            if key in seen:
                continue
            seen.add(key)
            article_id = row["article_id"]
            yield ShardRow(key[0], key[1], int(row["total"]), article_id, _load(row["item"]))

    def _extract(self, dataset: Any) -> Any:
        ray = import_ray()
        options = self.options
        memory = options.actor_memory_mb * 2**20 if options.actor_memory_mb else None
        with warnings.catch_warnings():
            # Ray 2.51+ calls remote arguments passed this way deprecated but has no other
            # way yet for an actor pool's restarts; the values are Ray's own names.
            warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
            return dataset.map_batches(
                options.actor or ExtractActor,
                fn_constructor_args=(self.settings,),
                batch_size=options.batch_size,
                batch_format="pyarrow",
                compute=ray.data.ActorPoolStrategy(size=options.actors),
                num_cpus=1,
                memory=memory,
                max_restarts=options.max_restarts,
                max_task_retries=options.max_restarts,
            )


class _ReadRows:
    """A shard's address to its rows (a callable object: Ray's flat_map sends it as is)."""

    def __init__(self, read: ShardReader) -> None:
        self.read = read

    def __call__(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        shard = str(row["shard"])
        items = self.read(shard)
        if not items:  # the shard is still reported, to be written (empty) and marked done
            return [_row(shard, -1, 0, None)]
        return [_row(shard, i, len(items), item) for i, item in enumerate(items)]


def _row(shard: str, index: int, total: int, item: Item) -> dict[str, Any]:
    article_id = item.id if isinstance(item, Document) else None
    return {
        "shard": shard,
        "index": index,
        "total": total,
        "article_id": article_id,
        "item": _dump(item),
    }


def _dump(item: Item) -> bytes:
    return pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)


def _load(raw: bytes) -> Any:
    # Only rows this module wrote, inside one batch's own dataset, are ever unpickled.
    return pickle.loads(raw)
