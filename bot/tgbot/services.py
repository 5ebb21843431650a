"""What every handler shares: the engine, the settings, the front door, the state database,
and a little in-memory state. PTB keeps one `Services` as `context.bot_data` (typed through
`CONTEXT_TYPES`), so a handler reads `context.bot_data.engine`."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.answer.records import Answer

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.tgbot.frontdoor import FrontDoor
    from bot.tgbot.state import StateStore
    from bot.tgbot.usage import Statistics
    from index.build import BuildReport

PRIVATE_WORKERS = 3  # questions answered at once for private chats ...
GROUP_WORKERS = 1  # ... and for groups: a group's backlog never holds a private question
MAX_ASKED = 2000  # questions kept in memory for a 👎 that may follow


@dataclass(frozen=True)
class Forwarded:
    """A part of an article an admin forwarded, kept for /tambah: when, which message, text."""

    at: float  # time.monotonic()
    message_id: int
    text: str


class AnswerEngine(Protocol):
    """What the bot needs from `bot.answer.engine.Engine` (fakes in tests implement the same)."""

    def ask(self, question: str) -> Answer: ...

    def reindex(
        self, progress: None = None, cancel: threading.Event | None = None
    ) -> BuildReport: ...


class Services:
    """The handlers' shared services and state. PTB makes it with no arguments;
    `bot.tgbot.app.build_application` plugs in the settings and the services."""

    settings: Settings
    door: FrontDoor
    store: StateStore
    usage: Statistics

    def __init__(self) -> None:
        self.engine: AnswerEngine | None = None  # None until `app.serve` has loaded it
        self.stopping = threading.Event()  # set at shutdown: a running rebuild stops
        self.admin_lock = asyncio.Lock()  # one admin change (add, remove) at a time
        self.forwarded: dict[int, list[Forwarded]] = {}  # admin -> parts
        self.asked: dict[tuple[int, int], str] = {}  # (chat, answer key) -> question
        # A /reindex during a rebuild is told it is queued, and all such requests merge into
        # one follow-up build. Not a second lock: the engine's (like the index directory's,
        # across processes) refuses a concurrent build with an error instead.
        self.reindexing = False
        self.reindex_again = False
        self._slots: dict[bool, asyncio.Semaphore] = {}

    def slots(self, private: bool) -> asyncio.Semaphore:
        """The worker slots for private or group questions (made in the running loop)."""
        if private not in self._slots:
            self._slots[private] = asyncio.Semaphore(PRIVATE_WORKERS if private else GROUP_WORKERS)
        return self._slots[private]

    def remember_asked(self, chat_id: int, key: int, question: str) -> None:
        """Keep an answered question's text in memory only, for a 👎 that may follow."""
        self.asked[(chat_id, key)] = question
        while len(self.asked) > MAX_ASKED:
            self.asked.pop(next(iter(self.asked)))


CONTEXT_TYPES = ContextTypes(bot_data=Services)
BotContext = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], Services]
BotApp = Application[ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], Services, Any]
