"""Issue #15, the executors: limits that hold per document with any number of workers, worker
deaths charged to their document, no orphan workers, a full disk mid-run. Real worker
processes, with the model-less workers of tests/fake_workers.py; waits are bounded (a hang
fails the test) and nothing is timed. See docs/reliability.md."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newsgraph.records import Article, Document, Failure
from newsgraph.scale import executor as executor_module
from newsgraph.scale import limits, processes
from newsgraph.scale.executor import Extracted, Outcome
from newsgraph.scale.local import ProcessExecutor
from newsgraph.settings import Settings
from tests import fake_workers
from tests.fake_workers import FakeWorker

ROOT = Path(__file__).resolve().parent.parent
WAIT = 120  # seconds: the most any wait below may take before it counts as a hang


def _documents(texts: list[str]) -> list[Document]:
    return [Document(text=text, source=f"doc{i}") for i, text in enumerate(texts)]


def _run(settings: Settings, texts: list[str], chunk_size: int = 4) -> list[Outcome]:
    executor = ProcessExecutor(settings, chunk_size=chunk_size, worker_factory=FakeWorker)
    return list(executor.run(_documents(texts)))


def _kinds(outcomes: list[Outcome]) -> list[str]:
    return ["ok" if isinstance(outcome, Extracted) else "failed" for outcome in outcomes]


def _env(**extra: str) -> dict[str, str]:
    path = os.pathsep.join([str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path, **extra}


def test_every_document_comes_back_once_in_order() -> None:
    # Fast workers finish every chunk held before the next is read: the run once ended there,
    # dropping the rest of the input with exit status 0.
    texts = [f"story {i}" for i in range(300)]
    outcomes = _run(Settings(workers=2, time_limit=0, memory_limit=0), texts, chunk_size=1)
    assert [o.article.body for o in outcomes if isinstance(o, Extracted)] == texts


# 6. The time limit is per document --------------------------------------------------------


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the fake workers of this process act on, in the order they do."""
    acted: list[str] = []
    real = fake_workers.act

    def counted(document: Document) -> Article:
        acted.append(document.text)
        return real(document)

    monkeypatch.setattr(fake_workers, "act", counted)
    return acted


@pytest.fixture
def limits_given(monkeypatch: pytest.MonkeyPatch) -> list[float | None]:
    """The time limits the worker of this process sets, in order."""
    given: list[float | None] = []
    real = limits.time_limit

    @contextmanager
    def recorded(seconds: float | None, left: limits.TimeLeft | None = None) -> Iterator[None]:
        given.append(seconds)
        with real(seconds, left):
            yield

    monkeypatch.setattr(executor_module, "time_limit", recorded)
    return given


def test_each_document_of_a_chunk_has_its_own_time_limit(
    runs: list[str], limits_given: list[float | None]
) -> None:
    # Together they take longer than one limit, each alone well within it: none fails, and
    # the chunk is not done again (it once was, one document at a time).
    worker = FakeWorker(Settings(time_limit=0.5))
    texts = ["a", "slow 0.2", "slow 0.2", "slow 0.2"]
    outcomes = worker.process_chunk(_documents(texts), None)
    assert _kinds(outcomes) == ["ok"] * 4
    assert runs == texts
    assert limits_given == [0.5]  # one limit of one document's time, never 0.5 x 4


def test_the_document_out_of_time_fails_at_once_and_runs_once(
    runs: list[str], limits_given: list[float | None]
) -> None:
    worker = FakeWorker(Settings(time_limit=0.5))
    texts = ["a", "slow 0.2", "slow 60", "d", "e"]
    outcomes = worker.process_chunk(_documents(texts), None)
    assert _kinds(outcomes) == ["ok", "ok", "failed", "ok", "ok"]
    slow = outcomes[2]
    assert isinstance(slow, Failure) and slow.input == "doc2" and "time limit" in slow.reason
    # Every document once: the slow one is never tried again alone (it once ran twice its
    # limit), what was finished is kept, and the rest is done together, without it.
    assert runs == texts
    assert limits_given == [0.5, 0.5]
    (alone,) = worker.process_chunk(_documents(["slow 2"]), None)
    assert isinstance(alone, Failure) and "time limit" in alone.reason


def test_a_slow_document_among_small_ones_fails_alone_in_workers() -> None:
    texts = [f"story {i}" for i in range(9)]
    texts[4] = "slow 60"
    outcomes = _run(Settings(workers=2, time_limit=1, memory_limit=0), texts)
    assert _kinds(outcomes) == ["ok"] * 4 + ["failed"] + ["ok"] * 4
    slow = outcomes[4]
    assert isinstance(slow, Failure) and slow.input == "doc4" and "time limit" in slow.reason


def test_a_document_the_time_limit_cannot_reach_has_its_worker_ended(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(processes, "STUCK_GRACE", 0.5)  # read in this process, by the pool
    texts = ["one", "two", "hang", "four", "five"]
    outcomes = _run(Settings(workers=2, time_limit=0.5, memory_limit=0), texts)
    assert _kinds(outcomes) == ["ok", "ok", "failed", "ok", "ok"]
    hung = outcomes[2]
    assert isinstance(hung, Failure) and "did not stop" in hung.reason


# 8. The memory limit holds with one worker ------------------------------------------------

MEMORY_SCRIPT = """
import resource
from newsgraph.records import Document
from newsgraph.scale.local import local_executor
from newsgraph.settings import Settings
from tests.fake_workers import FakeWorker
settings = Settings(workers=1, memory_limit=300, time_limit=0)
executor = local_executor(settings)
executor._worker = FakeWorker(settings)
before = resource.getrlimit(resource.RLIMIT_AS)
texts = ["fine", "greedy", "fine again"]
documents = [Document(text=t, source=t) for t in texts]
for outcome in executor.run(documents):
    print(type(outcome).__name__, getattr(outcome, "reason", ""))
print("limit restored", resource.getrlimit(resource.RLIMIT_AS) == before)
"""


def test_the_memory_limit_holds_with_one_worker() -> None:
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=WAIT,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Extracted") and lines[2].startswith("Extracted")
    assert lines[1].startswith("Failure") and "memory" in lines[1]
    assert lines[3] == "limit restored True"  # the caller's process is not left capped


LAZY_SCRIPT = """
import sys
from newsgraph.records import Document
from newsgraph.scale.local import InProcessExecutor, ProcessExecutor
from newsgraph.settings import Settings
from tests.fake_workers import ColdWorker, FakeWorker
where, warm = sys.argv[1], sys.argv[2] == "warm"
factory = FakeWorker if warm else ColdWorker
settings = Settings(workers=2, memory_limit=64, time_limit=0)
if where == "one process":
    executor = InProcessExecutor(settings)
    executor._worker = factory(settings)
else:
    executor = ProcessExecutor(settings, chunk_size=2, worker_factory=factory)
documents = [Document(text=f"story {i}", source=str(i)) for i in range(4)]
print(" ".join(type(outcome).__name__ for outcome in executor.run(documents)))
"""


@pytest.mark.parametrize("where", ["one process", "two workers"])
def test_the_warm_up_keeps_a_lazily_loaded_library_out_of_the_memory_cap(where: str) -> None:
    # The first extraction loads 256 MB (a library imported on first use), more than the cap
    # of 64 MB: loaded by the warm-up, before the cap's baseline, it costs no document. The
    # cold worker, warmed up by loading the model alone, shows what the warm-up prevents:
    # every document runs out of memory.
    outcomes = {}
    for warmth in ("warm", "cold"):
        result = subprocess.run(
            [sys.executable, "-c", LAZY_SCRIPT, where, warmth],
            capture_output=True,
            text=True,
            env=_env(NEWSGRAPH_TEST_LAZY_MB="256"),
            timeout=WAIT,
        )
        assert result.returncode == 0, result.stderr
        outcomes[warmth] = result.stdout.split()
    assert outcomes == {"warm": ["Extracted"] * 4, "cold": ["Failure"] * 4}


# 9. A worker's death is its document's failure, and no one else's ------------------------


def test_a_worker_death_is_charged_to_the_document_that_caused_it() -> None:
    texts = [f"story {i}" for i in range(12)]
    texts[0] = "crash"  # in the very first chunk, before any result
    texts[9] = "crash"
    outcomes = _run(Settings(workers=2, time_limit=0, memory_limit=0), texts)
    assert [i for i, kind in enumerate(_kinds(outcomes)) if kind == "failed"] == [0, 9]
    assert [o.article.body for o in outcomes if isinstance(o, Extracted)] == [
        t for t in texts if t != "crash"
    ]
    for index in (0, 9):
        failure = outcomes[index]
        assert isinstance(failure, Failure) and failure.input == f"doc{index}"
        assert failure.stage == "extract" and "killed by SIGKILL" in failure.reason


def test_workers_that_cannot_start_stop_the_batch_with_the_reason() -> None:
    settings = Settings(workers=1, spacy_model="no_such_model_installed", cue_model="none")
    executor = ProcessExecutor(settings)
    with pytest.raises(Exception, match="died before extracting anything") as caught:
        list(executor.run(_documents(["a story"])))
    assert "no_such_model_installed" in str(caught.value)


# 10. No orphans ---------------------------------------------------------------------------

ORPHAN_SCRIPT = """
from newsgraph.records import Document
from newsgraph.scale.local import ProcessExecutor
from newsgraph.settings import Settings
from tests.fake_workers import FakeWorker
settings = Settings(workers=2, time_limit=0, memory_limit=0)
documents = (Document(text=f"slow 0.2 story {i}", source=str(i)) for i in range(100_000))
executor = ProcessExecutor(settings, chunk_size=1, worker_factory=FakeWorker)
for outcome in executor.run(documents):
    print(type(outcome).__name__, flush=True)
"""


def _children(parent: int) -> set[int]:
    """Processes whose parent is `parent` (the workers and multiprocessing's tracker)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended: it only waits to be reaped


def _wait_until(condition: Any, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_no_worker_outlives_its_parent(tmp_path: Path, signum: int) -> None:
    command = [sys.executable, "-c", ORPHAN_SCRIPT]
    env = _env(NEWSGRAPH_TEST_PIDS=str(tmp_path))
    parent = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, start_new_session=True
    )
    try:
        assert parent.stdout is not None
        assert parent.stdout.readline().strip() == b"Extracted"  # the workers are at work
        _wait_until(lambda: len(list(tmp_path.iterdir())) == 2, "two workers started")
        workers = {int(path.name) for path in tmp_path.iterdir()}
        children = _children(parent.pid)
        assert workers <= children  # and the resource tracker, where there is one
        # Ctrl-C reaches the terminal's whole process group; the other signals the parent.
        if signum == signal.SIGINT:
            os.killpg(parent.pid, signum)
        else:
            parent.send_signal(signum)
        parent.wait(WAIT)
        _wait_until(lambda: not any(_alive(pid) for pid in children), "the workers ended")
    finally:
        if parent.poll() is None:
            os.killpg(parent.pid, signal.SIGKILL)
            parent.wait()


# A full disk mid-run, with workers -----------------------------------------------------

DISK_SCRIPT = """
import resource, signal, sys
import newsgraph.cli.extract as extract
from newsgraph.scale.local import ProcessExecutor
from tests.fake_workers import FakeWorker

def executor(settings, chunk_size=None):
    settings = settings.with_values(workers=2, memory_limit=0)
    return ProcessExecutor(settings, chunk_size=2, worker_factory=FakeWorker)

extract.local_executor = executor
# Files past LIMIT bytes cannot be written (EFBIG), as on a disk that is full: the writes
# fail, the first one in part.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from newsgraph.cli import main
sys.argv = ["newsgraph", *sys.argv[2:]]
main()
"""


def test_a_disk_that_fills_mid_run_keeps_whole_records(tmp_path: Path) -> None:
    rows = [json.dumps({"text": f"Story {i}: the council met on Monday."}) for i in range(60)]
    source = tmp_path / "rows.jsonl"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out, pids = tmp_path / "out.jsonl", tmp_path / "pids"
    pids.mkdir()
    limit = 4000
    args = [str(limit), "extract", "--quiet", "--out", str(out), str(source)]
    result = subprocess.run(
        [sys.executable, "-c", DISK_SCRIPT, *args],
        capture_output=True,
        text=True,
        env=_env(NEWSGRAPH_TEST_PIDS=str(pids)),
        timeout=WAIT,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {out}: cannot be written (File too large)"
    ]
    data = out.read_bytes()
    assert 0 < len(data) <= limit and data.endswith(b"\n")
    records = [json.loads(line) for line in data.splitlines()]  # every line whole
    assert [r["body"] for r in records] == [json.loads(row)["text"] for row in rows][: len(records)]
    workers = [int(path.name) for path in pids.iterdir()]
    assert len(workers) == 2
    _wait_until(lambda: not any(_alive(pid) for pid in workers), "the workers ended")


STOPPED_SCRIPT = """
import resource, signal, sys
from pathlib import Path
from newsgraph.batch import JsonlSink, run_batch
from newsgraph.errors import OutputError
from newsgraph.records import Document
from newsgraph.scale.local import ProcessExecutor
from newsgraph.settings import Settings
from tests.fake_workers import FakeWorker
settings = Settings(workers=2, time_limit=0, memory_limit=0)
executor = ProcessExecutor(settings, chunk_size=2, worker_factory=FakeWorker)
documents = (Document(text=f"slow 0.01 story {i}", source=str(i)) for i in range(10_000))
# A file past 2,000 bytes cannot be written (EFBIG), as on a disk that is full.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
try:
    run_batch(documents, JsonlSink(Path(sys.argv[1])), executor)
except OutputError as error:
    # As the error reaches the caller, the workers have been ended (and waited for).
    workers = [int(path.name) for path in Path(sys.argv[2]).iterdir()]
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    print(f"Error: {error}; {len(workers)} workers, alive: {alive}", flush=True)
sys.stdin.read()  # alive until the test has looked: its workers cannot end with it
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_batch_stops_on_an_output_error(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    pids.mkdir()
    out = tmp_path / "out.jsonl"
    script = subprocess.Popen(
        [sys.executable, "-c", STOPPED_SCRIPT, str(out), str(pids)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(NEWSGRAPH_TEST_PIDS=str(pids)),
    )
    hang = threading.Timer(WAIT, script.kill)  # a batch that never stops fails the test
    hang.start()
    try:
        assert script.stdout is not None
        line = script.stdout.readline()  # the batch stopped (or the script ended: no line)
        assert line == f"Error: {out}: cannot be written (File too large); 2 workers, alive: []\n"
        # The parent is alive: the workers were ended by the batch, not by their parent's end.
        assert script.poll() is None
        workers = [int(path.name) for path in pids.iterdir()]
        assert not any(_alive(pid) for pid in workers)
    finally:
        hang.cancel()
        script.kill()
        script.communicate(timeout=WAIT)
