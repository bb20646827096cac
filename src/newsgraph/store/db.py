"""`Corpus`: the one class that owns the corpus database's connection.

SQLite in WAL mode (readers never wait for the writer, a kill never leaves half a
transaction), foreign keys on, and explicit transactions: the connection is in autocommit
mode and every write is one `BEGIN IMMEDIATE ... COMMIT`, so an article is saved whole or
not at all. Opening a file checks that it is a newsgraph corpus and migrates it to this
code's schema; a corpus written by a newer newsgraph is refused, never rewritten.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsgraph._version import __version__
from newsgraph.errors import StoreError
from newsgraph.records import Article, Failure
from newsgraph.store import schema
from newsgraph.store.write import is_newer, save_article

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000  # a reader or a second writer waits this long for the lock


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Corpus:
    """A corpus database: `Corpus("newsgraph.db")` opens (or creates) and migrates it.

    The queries are in `newsgraph.store.queries` and take a `Corpus`; writing is `add`,
    `add_failure` and the people corrections; `held` answers resume. It is also a batch
    `Sink` (held, add_article, add_failure, close).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        version: str = __version__,
        migrate: bool = True,
        target: int = schema.LATEST,
        create: bool = True,
    ) -> None:
        self.path = Path(path)
        self.version = version  # the newsgraph version the added articles were extracted by
        if not create and not self.path.exists():
            # A query in the wrong folder should say so, not leave an empty corpus behind.
            raise StoreError(f"{self.path}: no corpus here (`newsgraph ingest` makes one)")
        _refuse_non_sqlite(self.path)
        try:
            self.connection = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False
            )
            self._configure()
            self._check_identity()
            if migrate:
                self._migrate(target)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a usable database ({error})") from None

    # -- opening --------------------------------------------------------------------------

    def _configure(self) -> None:
        self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA journal_mode = WAL")
        # WAL with NORMAL: a committed article survives a crash of the process (a power cut
        # may lose the last commits, never corrupt the file), and commits stay cheap.
        self.connection.execute("PRAGMA synchronous = NORMAL")

    def _check_identity(self) -> None:
        application = self._pragma("application_id")
        tables = self.connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application not in (0, schema.APPLICATION_ID) or (application == 0 and tables):
            raise StoreError(f"{self.path}: a SQLite database, but not a newsgraph corpus")
        self._refuse_newer()

    def _refuse_newer(self) -> None:
        version = self._pragma("user_version")
        if version > schema.LATEST:
            raise StoreError(
                f"{self.path}: the corpus has schema version {version}, newer than this "
                f"newsgraph ({__version__}) knows (up to {schema.LATEST}): upgrade newsgraph"
            )

    def _pragma(self, name: str) -> int:
        return int(self.connection.execute(f"PRAGMA {name}").fetchone()[0])

    def schema_version(self) -> int:
        return self._pragma("user_version")

    def applied_migrations(self) -> list[tuple[int, str]]:
        rows = self.connection.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        )
        return [(int(version), str(name)) for version, name in rows]

    def _migrate(self, target: int) -> None:
        if self.schema_version() >= target:
            return
        with self.transaction():
            self._refuse_newer()  # another process may have migrated meanwhile
            self.connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations"
                " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
            )
            for number in range(self.schema_version() + 1, target + 1):
                migration = schema.MIGRATIONS[number - 1]
                migration(self.connection)
                self.connection.execute(
                    "INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)",
                    (number, migration.__name__, now()),
                )
                self.connection.execute(f"PRAGMA user_version = {number}")
            self.connection.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole when the block ends, rolled back on error."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def rows(self, sql: str, parameters: tuple[Any, ...] | list[Any] = ()) -> list[sqlite3.Row]:
        """A read query's rows; SQLite's errors become a StoreError naming the file."""
        try:
            cursor = self.connection.execute(sql, parameters)
            cursor.row_factory = sqlite3.Row
            return list(cursor.fetchall())
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {error}") from None

    def check(self) -> list[str]:
        """SQLite's integrity check and the foreign keys: the problems found (none: [])."""
        problems = [row[0] for row in self.rows("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [str(tuple(row)) for row in self.rows("PRAGMA foreign_key_check")]
        return problems

    # -- writing --------------------------------------------------------------------------

    def add(self, article: Article, version: str | None = None) -> str:
        """Save one article in one transaction: "added", "replaced" (an older extraction of it
        was there) or "unchanged" (the same or a newer one is there)."""
        if not article.id:
            raise StoreError("an article needs its id to be stored (records.text_id)")
        try:
            with self.transaction() as connection:
                return save_article(connection, article, version or self.version, now())
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {article.id}: {error}") from None

    def add_failure(self, failure: Failure) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO failures (input, stage, reason, at) VALUES (?, ?, ?, ?)",
                (failure.input, failure.stage, failure.reason, now()),
            )

    def held(self) -> Iterator[tuple[str, str]]:
        """(id, body) of each article extracted by this version or a newer one: resume skips
        them; an older extraction is not held, so it is extracted again and replaced."""
        rows = self.rows("SELECT id, version, body FROM articles")
        return iter(
            [(row["id"], row["body"]) for row in rows if not is_newer(self.version, row["version"])]
        )

    # The batch Sink's names for the same things.
    def add_article(self, article: Article) -> None:
        self.add(article)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _refuse_non_sqlite(path: Path) -> None:
    """A file that is there but is not SQLite (a JSON file, a truncated copy) is refused
    before SQLite sees it: SQLite would only say so at the first query."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise StoreError(f"{path}: a folder, not a corpus database")
    with path.open("rb") as stream:
        header = stream.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError(f"{path}: not a SQLite database (not a newsgraph corpus)")
