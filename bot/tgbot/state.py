"""What the bot remembers across restarts, in one SQLite database (`DATA_DIR/state.sqlite`).

- the sources of each chat's recent answers (`/sumber` and the "Sumber" button);
- later migrations add what admins need (see `MIGRATIONS`).

SQLite writes are transactions, so a kill -9 during a save leaves the previous state; nothing
is ever unpickled, so a crafted file can run no code. A file that is not a readable state
database is moved aside with a warning and the bot starts with empty state.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter

from bot.answer.records import Answer, Citation

log = logging.getLogger(__name__)

MAX_REMEMBERED = 30  # answers per chat whose "Sumber" button still shows their own sources

# Each migration brings the schema from version i to i + 1; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE answers (
        chat_id INTEGER NOT NULL,
        key INTEGER NOT NULL,
        question TEXT NOT NULL,
        citations TEXT NOT NULL,
        created REAL NOT NULL,
        PRIMARY KEY (chat_id, key)
    );
    """,
    # 2: what users asked (text only for unanswered or disliked questions), their votes, and
    # articles an admin is about to add.
    """
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        ts REAL NOT NULL,
        chat_id INTEGER NOT NULL,
        key INTEGER,
        answered INTEGER NOT NULL,
        text TEXT
    );
    CREATE INDEX questions_ts ON questions (ts);
    CREATE TABLE feedback (
        chat_id INTEGER NOT NULL,
        key INTEGER NOT NULL,
        voter TEXT NOT NULL,
        vote INTEGER NOT NULL,
        ts REAL NOT NULL,
        PRIMARY KEY (chat_id, key, voter)
    );
    CREATE TABLE staged (
        token TEXT PRIMARY KEY,
        admin_id INTEGER NOT NULL,
        article TEXT NOT NULL,
        source TEXT NOT NULL,
        created REAL NOT NULL
    );
    """,
)


@dataclass(frozen=True)
class Remembered:
    """The sources of one past answer."""

    key: int
    question: str
    citations: tuple[Citation, ...]


# Citations are stored as JSON, written and read by pydantic from the record itself.
CITATIONS = TypeAdapter(list[Citation])


class StateStore:
    """The bot's SQLite database. Thread-safe; call it from worker threads, not the loop."""

    def __init__(self, path: Path | None) -> None:
        """`path` None keeps the state in memory only (BOT_PERSISTENCE=false)."""
        self.path = path
        self._lock = threading.Lock()
        self._db = self._open_or_reset(path)

    def _open_or_reset(self, path: Path | None) -> sqlite3.Connection:
        if path is None:
            return self._migrated(sqlite3.connect(":memory:", check_same_thread=False))
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._migrated(sqlite3.connect(path, check_same_thread=False, timeout=10))
        except (sqlite3.DatabaseError, OSError, ValueError) as exc:
            aside = path.with_name(f"{path.name}.unreadable-{int(time.time())}")
            log.warning(
                "bot state %s is unreadable (%s): moved to %s, starting empty", path, exc, aside
            )
            with suppress(OSError):
                os.replace(path, aside)
            for extra in ("-wal", "-shm"):
                with suppress(OSError):
                    os.remove(f"{path}{extra}")
            return self._migrated(sqlite3.connect(path, check_same_thread=False, timeout=10))

    @staticmethod
    def _migrated(db: sqlite3.Connection) -> sqlite3.Connection:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            version = int(row[0]) if row else 0
            if version > len(MIGRATIONS):
                raise sqlite3.DatabaseError(f"schema version {version} is newer than this bot")
            for i, sql in enumerate(MIGRATIONS[version:], start=version + 1):
                db.executescript(
                    f"BEGIN; {sql}; DELETE FROM schema_version; "
                    f"INSERT INTO schema_version VALUES ({i}); COMMIT;"
                )
        except Exception:
            db.close()
            raise
        return db

    @property
    def version(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT version FROM schema_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The database, locked, in a transaction (committed on success)."""
        with self._lock, self._db:
            yield self._db

    # -- answers' sources ----------------------------------------------------------------

    def remember(self, chat_id: int, answer: Answer) -> int:
        """Store an answer's sources (not its question); return its key (for the buttons).
        Keeps the newest few per chat."""
        citations = CITATIONS.dump_json(list(answer.citations)).decode("utf-8")
        with self._lock, self._db:
            row = self._db.execute(
                "SELECT MAX(key) FROM answers WHERE chat_id = ?", (chat_id,)
            ).fetchone()
            key = int(row[0] or 0) + 1
            self._db.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
                (chat_id, key, "", citations, time.time()),
            )
            self._db.execute(
                "DELETE FROM answers WHERE chat_id = ? AND key <= ?",
                (chat_id, key - MAX_REMEMBERED),
            )
        return key

    def recall(self, chat_id: int, key: int | None = None) -> Remembered | None:
        """The remembered answer `key`, else the chat's last one (its `key` then differs);
        None when nothing is remembered in this chat."""
        with self._lock:
            row = None
            if key is not None:
                row = self._db.execute(
                    "SELECT key, question, citations FROM answers WHERE chat_id = ? AND key = ?",
                    (chat_id, key),
                ).fetchone()
            if row is None:
                row = self._db.execute(
                    "SELECT key, question, citations FROM answers WHERE chat_id = ? "
                    "ORDER BY key DESC LIMIT 1",
                    (chat_id,),
                ).fetchone()
        if row is None:
            return None
        cites = tuple(CITATIONS.validate_json(row[2]))
        return Remembered(int(row[0]), str(row[1]), cites)
