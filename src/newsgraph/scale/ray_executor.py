"""The Ray executor: the pipeline in an actor pool of a Ray Data dataset, on a cluster or on
this machine.

Each actor holds one `Worker` (one `Extractor`, the model loaded once when the actor starts),
the same work as the local executors. Items travel between the stages as pickled bytes in
one column (a `Document`, a `Failure` or an `Extracted`), next to the shard they came from,
their index in it and the shard's item count, so that whoever collects the rows knows when
a shard is whole, whatever order they arrive in.

A lost actor (a crash, over its memory cap, a node gone) is restarted and its batch run
again: Ray Data's own fault tolerance (it restarts actors and retries their tasks with no
limit of its own). What bounds it is the `Ledger`, one small actor per run that knows which
documents an actor began and never finished: a batch begun before is run again one document
at a time, and a document begun alone before killed its actor alone, so it becomes one
failure instead of a third death. The collector keeps the first outcome per (shard, index),
so that a retried batch never gives an item twice.

Each actor caps its own memory: a thread looks at its resident size, and an actor that grows
by more than the settings' memory limit beyond the loaded model ends itself, as Ray's
out-of-memory killer would, but before the node runs short (the address-space cap of the
local workers would fail in Ray's own code, which maps the object store).

Ray is an optional dependency (`pip install 'newsgraph[ray]'`): it is imported only when an
executor of this module runs, so `import newsgraph.scale` works without it. The module is
not named `ray.py`, which would shadow the package for the modules beside it.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.records import Document, Failure
from newsgraph.scale.executor import Annotate, Outcome, Worker, document_name
from newsgraph.scale.limits import resident_bytes
from newsgraph.scale.processes import THREAD_VARIABLES
from newsgraph.settings import Settings

RAY_MISSING = "the ray engine needs Ray: pip install 'newsgraph[ray]' (ray[data] 2.40 or newer)"
LOCALHOST = "127.0.0.1"  # a Ray started here listens on this machine only
LOCAL_ONLY_VARIABLE = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"
BATCH_SIZE = 8  # documents per actor call: small, so the last batches keep every actor busy
ACTORS_PER_READER = 8  # one read task at a time for this many actors (`readers`)
# The shards go to the read tasks in this many groups per actor (`read_groups`).
READ_GROUPS_PER_ACTOR = 16
MEMORY_POLL = 0.1  # seconds between two looks at an actor's resident size
OVER_MEMORY_EXIT = 75  # the exit status of an actor that ended itself over its memory cap
ACTOR_DIED = (
    "the Ray actor died while extracting it, in its batch and again alone (a crash, or over"
    " the memory cap)"
)

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
    actor: type[ExtractActor] | None = None  # a subclass to run instead (the tests kill one)
    read_groups_per_actor: int = READ_GROUPS_PER_ACTOR  # see `read_groups`


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


# A row's place in the run: its shard and its index there.
Key = tuple[str, int]


class Ledger:
    """The documents begun and not ended by the actors of one run (a Ray actor of its own):
    what a retried batch learns from the attempt that died. A batch is begun as a whole; one
    begun before is run one document at a time; a document begun alone and never ended
    killed its actor by itself, and is not run a third time. An actor's batch is told ended
    when its next batch begins, in the same call: one call a batch, where a call of its own
    cost the Ledger's process as much CPU again (its last batch is never told: the Ledger
    ends with the run)."""

    def __init__(self) -> None:
        self.begun: dict[Key, str] = {}  # "batch" or "alone"

    def begin_batch(self, keys: list[Key], ended: list[Key] | None = None) -> bool:
        """True: none of these was begun before, run them together; False: an attempt that
        held one of them died, run them one at a time. `ended`: the actor's batch before
        this one, done."""
        self.end(ended or [])
        if any(key in self.begun for key in keys):
            return False
        self.begun.update(dict.fromkeys(keys, "batch"))
        return True

    def begin_alone(self, key: Key) -> bool:
        """True: run this document alone; False: it was run alone before and its actor died."""
        if self.begun.get(key) == "alone":
            return False
        self.begun[key] = "alone"
        return True

    def end(self, keys: list[Key]) -> None:
        for key in keys:
            self.begun.pop(key, None)


class ExtractActor:
    """A Ray Data callable class: one `Worker` per actor, the model loaded in `__init__`,
    the memory capped from then on."""

    def __init__(self, settings: Settings, ledger: Any = None) -> None:
        # One thread per actor: the actors are the parallelism (as in the worker processes).
        for variable in THREAD_VARIABLES:
            os.environ.setdefault(variable, "1")
        self.worker = Worker(settings)
        # The model and what the first documents load lazily (HTML extraction, date parsing,
        # compiled modules) before the cap's baseline: else the first document is charged.
        self.worker.warm_up()
        self.ledger = ledger  # a handle of the run's Ledger actor (None: no retries known)
        self.ended: list[Key] = []  # the last batch done, told to the Ledger with the next
        self.memory_cap = watch_memory(
            settings.memory_limit * 2**20 if settings.memory_limit else None
        )

    def __call__(self, batch: Any) -> Any:
        """A pyarrow batch of rows with their items extracted (failures pass through)."""
        import pyarrow as pa

        items = [_load(raw) for raw in batch.column("item").to_pylist()]
        shards, indexes = batch.column("shard").to_pylist(), batch.column("index").to_pylist()
        keys = [
            (shard, index)
            for shard, index, item in zip(shards, indexes, items, strict=True)
            if isinstance(item, Document)
        ]
        documents = [item for item in items if isinstance(item, Document)]
        outcomes = iter(self._extract(keys, documents))
        done = [next(outcomes) if isinstance(item, Document) else item for item in items]
        return batch.set_column(
            batch.schema.get_field_index("item"), "item", pa.array(map(_dump, done), pa.binary())
        )

    def _extract(self, keys: list[Key], documents: list[Document]) -> list[Outcome]:
        if not documents:
            return []
        if self.ledger is None:
            return self.worker.process_chunk(documents, None)
        ray = import_ray()
        ended, self.ended = self.ended, []
        if ray.get(self.ledger.begin_batch.remote(keys, ended)):
            outcomes = self.worker.process_chunk(documents, None)
            self._end_within_cap()
            self.ended = keys
            return outcomes
        return [self._alone(key, document) for key, document in zip(keys, documents, strict=True)]

    def _alone(self, key: Key, document: Document) -> Outcome:
        """One document of a batch whose actor died: run alone, unless it was run alone
        before and its actor died then too."""
        ray = import_ray()
        if not ray.get(self.ledger.begin_alone.remote(key)):
            return Failure(document_name(document), "extract", ACTOR_DIED)
        (outcome,) = self.worker.process_chunk([document], None)
        self._end_within_cap()
        ray.get(self.ledger.end.remote([key]))  # waited for: a death next must not blame it
        return outcome

    def _end_within_cap(self) -> None:
        """Before a batch or a document is reported done, the memory it left: over the cap,
        the actor ends now, with the work still on the ledger as its cause. The watching
        thread alone might see the growth only after the next document began, and blame it."""
        if self.memory_cap is not None:
            _end_if_over(self.memory_cap)


def watch_memory(extra_bytes: int | None, poll: float = MEMORY_POLL) -> int | None:
    """End this process when its resident size grows by more than `extra_bytes` from now
    (Linux; elsewhere nothing is watched). A thread looks every `poll` seconds. Returns the
    resident size at which the process ends (None: not watched)."""
    start = resident_bytes()
    if not extra_bytes or start is None:
        return None
    limit = start + extra_bytes

    def watch() -> None:
        while True:
            time.sleep(poll)
            _end_if_over(limit)

    threading.Thread(target=watch, name="newsgraph-memory-cap", daemon=True).start()
    return limit


def _end_if_over(limit: int) -> None:
    """End this process when its resident size is past `limit` bytes."""
    if (resident_bytes() or 0) <= limit:
        return
    print(
        f"newsgraph: this Ray actor grew past its memory cap ({limit // 2**20} MB resident):"
        " it ends, and its batch is run again",
        file=sys.stderr,
        flush=True,
    )
    os._exit(OVER_MEMORY_EXIT)


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
        if not rows:
            return
        outcomes: dict[int, Outcome] = {}
        for row in self._extracted(ray.data.from_items(rows)):
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
        groups = read_groups(len(shards), self.options.actors, self.options.read_groups_per_actor)
        dataset = ray.data.from_items([{"shard": s} for s in shards], override_num_blocks=groups)
        # Reads take no CPU of their own: the actors hold the cores, and a read waiting for
        # one would stall them all (the pool would wait for documents that never come).
        dataset = dataset.flat_map(
            _ReadRows(read),
            num_cpus=0,
            compute=ray.data.TaskPoolStrategy(size=readers(self.options.actors)),
        )
        seen: set[tuple[str, int]] = set()
        for row in self._extracted(dataset):
            key = (str(row["shard"]), int(row["index"]))
            if key in seen:
                continue
            seen.add(key)
            item = _load(row["item"])
            yield ShardRow(key[0], key[1], int(row["total"]), row["article_id"], item)

    def _extracted(self, dataset: Any) -> Iterator[dict[str, Any]]:
        """The dataset's rows through the actor pool. Retries are Ray Data's defaults (actors
        restarted, their tasks retried, with no limit); the run's Ledger, ended with the rows
        (or when the caller stops taking them), bounds them."""
        ray = import_ray()
        options = self.options
        memory = options.actor_memory_mb * 2**20 if options.actor_memory_mb else None
        with _ledger() as ledger:
            yield from dataset.map_batches(
                options.actor or ExtractActor,
                fn_constructor_args=(self.settings, ledger),
                batch_size=options.batch_size,
                batch_format="pyarrow",
                compute=ray.data.ActorPoolStrategy(size=options.actors),
                num_cpus=1,
                memory=memory,
            ).iter_rows()


@contextmanager
def _ledger() -> Iterator[Any]:
    """A Ledger actor for one run, ended with it: else its process stays for as long as the
    Ray does, one more for every run."""
    ray = import_ray()
    ledger = ray.remote(num_cpus=0)(Ledger).remote()
    try:
        yield ledger
    finally:
        ray.kill(ledger)


def readers(actors: int) -> int:
    """How many read tasks run at once: one for every `ACTORS_PER_READER` actors. Reading
    the bench's shards cost 0.1 to 0.2 ms of CPU an article, extracting it 30 to 45
    (2026-12-01): one reader keeps dozens of actors fed, and the margin is for remote
    stores' latency. Each reader is a Ray worker process of its own, started for the run
    (1.4 to 2.4 s of CPU on two cores, beside the actors loading their model), and a
    second one for two actors cost that again."""
    return max(1, -(-actors // ACTORS_PER_READER))


def read_groups(shards: int, actors: int, per_actor: int = READ_GROUPS_PER_ACTOR) -> int:
    """How many read tasks the shards are split into (each reads its shards one after the
    other). A Ray task per shard costs a task's scheduling and a block through the object
    store for every shard: on shards of a few short articles, two read tasks at a time
    delivered under ten shards a second, and two actors waited for documents a third of
    the time or more. A few groups per actor pay that per group, and still leave the last
    groups to spread over the actors."""
    return max(1, min(shards, per_actor * actors))


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
