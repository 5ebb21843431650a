"""What users asked and how they voted, for admins; and articles an admin is about to add.

Stored in the bot's state database (bot/tgbot/state.py). Question text is kept only for questions
the articles did not answer or that got a 👎, normalised and without ids or names, and only
for `keep_text_days` days.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from pydantic import TypeAdapter

from bot.tgbot.state import StateStore
from index.records import Article

# A staged article is kept as JSON, written and read by pydantic from the record itself.
ARTICLE = TypeAdapter(Article)


@dataclass(frozen=True)
class Staged:
    """An article an admin is about to add: who, what, and the page it came from."""

    admin_id: int
    article: Article
    source: str


@dataclass(frozen=True)
class Usage:
    """What users asked over a period, for admins (no ids, no names)."""

    days: int
    asked: int
    answered: int
    up: int
    down: int
    unanswered: tuple[tuple[str, int], ...]  # most frequent unanswered questions, with counts
    disliked: tuple[tuple[str, int], ...]  # most frequent 👎 questions, with counts


class Statistics:
    """Questions, votes and staged articles, in the state database (`StateStore`)."""

    def __init__(self, store: StateStore, keep_text_days: int = 30) -> None:
        self.store = store
        self.keep_text_days = keep_text_days

    def record(self, chat_id: int, key: int | None, answered: bool, text: str) -> int:
        """Note one question; its (normalised) text is kept only when it was not answered."""
        with self.store.transaction() as db:
            cur = db.execute(
                "INSERT INTO questions (ts, chat_id, key, answered, text) VALUES (?, ?, ?, ?, ?)",
                (time.time(), chat_id, key, int(answered), None if answered else text),
            )
            return int(cur.lastrowid or 0)

    def vote(self, chat_id: int, key: int, voter: str, up: bool, text: str | None) -> None:
        """One vote per user per answer (a new vote replaces the old); the question's text is
        kept with a 👎 when it is known."""
        with self.store.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO feedback VALUES (?, ?, ?, ?, ?)",
                (chat_id, key, voter, 1 if up else -1, time.time()),
            )
            if not up and text:
                db.execute(
                    "UPDATE questions SET text = ? WHERE chat_id = ? AND key = ?",
                    (text, chat_id, key),
                )
            elif up:
                db.execute(
                    "UPDATE questions SET text = NULL "
                    "WHERE chat_id = ? AND key = ? AND answered = 1",
                    (chat_id, key),
                )

    def forget_old_texts(self) -> None:
        cutoff = time.time() - self.keep_text_days * 86400
        with self.store.transaction() as db:
            db.execute("UPDATE questions SET text = NULL WHERE ts < ?", (cutoff,))

    def usage(self, days: int, top: int = 5) -> Usage:
        self.forget_old_texts()
        since = time.time() - days * 86400
        with self.store.transaction() as db:
            asked, answered = db.execute(
                "SELECT COUNT(*), COALESCE(SUM(answered), 0) FROM questions WHERE ts >= ?",
                (since,),
            ).fetchone()
            up, down = db.execute(
                "SELECT COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) FROM feedback "
                "WHERE ts >= ?",
                (since,),
            ).fetchone()
            unanswered = db.execute(
                "SELECT text, COUNT(*) AS n FROM questions WHERE ts >= ? AND answered = 0 "
                "AND text IS NOT NULL GROUP BY text ORDER BY n DESC, text LIMIT ?",
                (since, top),
            ).fetchall()
            disliked = db.execute(
                "SELECT q.text, COUNT(*) AS n FROM feedback f JOIN questions q "
                "ON q.chat_id = f.chat_id AND q.key = f.key WHERE f.ts >= ? AND f.vote < 0 "
                "AND q.text IS NOT NULL GROUP BY q.text ORDER BY n DESC, q.text LIMIT ?",
                (since, top),
            ).fetchall()
        return Usage(
            days,
            int(asked),
            int(answered),
            int(up),
            int(down),
            tuple((str(t), int(n)) for t, n in unanswered),
            tuple((str(t), int(n)) for t, n in disliked),
        )

    # -- articles an admin is adding ---------------------------------------------------------

    def stage(self, token: str, admin_id: int, article: Article, source: str) -> None:
        """Keep an article an admin is about to add (a day at most) until Save or Cancel."""
        fields = ARTICLE.dump_json(article).decode("utf-8")
        with self.store.transaction() as db:
            db.execute("DELETE FROM staged WHERE created < ?", (time.time() - 86400,))
            db.execute(
                "INSERT OR REPLACE INTO staged VALUES (?, ?, ?, ?, ?)",
                (token, admin_id, fields, source, time.time()),
            )

    def take_staged(self, token: str) -> Staged | None:
        """The staged article, removed from the stage."""
        with self.store.transaction() as db:
            row = db.execute(
                "SELECT admin_id, article, source FROM staged WHERE token = ?", (token,)
            ).fetchone()
            db.execute("DELETE FROM staged WHERE token = ?", (token,))
        return Staged(int(row[0]), ARTICLE.validate_json(row[1]), str(row[2])) if row else None


def normalise(text: str) -> str:
    """A question as admins see it: lower case, no @usernames, no long numbers (ids, phone
    numbers), whitespace collapsed, at most 200 characters."""
    text = re.sub(r"@\w+", " ", text.lower())
    text = re.sub(r"\d{7,}", " ", text)
    return " ".join(text.split())[:200]
