"""Telegram handlers: each parses the update, calls the engine, renders and replies.

The engine, settings and rate limiter are built once at start-up and reached through
`context.bot_data` (see `Services`). Logs carry no message text and no names; user ids are
hashed (`user_tag`).
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, cast

from telegram import (
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.answer.records import Answer
from bot.settings import Settings
from bot.tgbot import replies
from bot.tgbot.frontdoor import FrontDoor
from bot.tgbot.incoming import (
    addressed_question,
    command_argument,
    strip_mention,
    update_kind,
    user_tag,
)
from bot.tgbot.render import render_answer_html, render_sources_html
from bot.tgbot.state import StateStore
from bot.tgbot.usage import Statistics, normalise
from index.errors import BuildCancelled, IndexError_

if TYPE_CHECKING:
    from index.build import BuildReport

log = logging.getLogger(__name__)

SERVICES_KEY = "services"
SOURCES_CALLBACK = re.compile(r"^src:(\d+)$")
TYPING_REFRESH_SECONDS = 4.5  # Telegram shows a chat action for about 5 seconds
TYPING_GRACE_SECONDS = 2.0  # how long an answer waits for its in-flight "typing…" action
GROUP_SEND_SECONDS = 10.0  # a group reply that cannot be sent in this time is dropped
PRIVATE_WORKERS = 3  # questions answered at once for private chats ...
GROUP_WORKERS = 1  # ... and for groups: a group's backlog never holds a private question


class AnswerEngine(Protocol):
    """What the bot needs from `bot.answer.engine.Engine` (fakes in tests implement the same)."""

    def ask(self, question: str) -> Answer: ...

    def reindex(
        self, progress: None = None, cancel: threading.Event | None = None
    ) -> BuildReport: ...


@dataclass
class Services:
    """Everything the handlers share, built once in `telegram_app.build_application`."""

    settings: Settings
    engine: AnswerEngine | None  # None until `telegram_app.serve` has loaded it
    door: FrontDoor
    store: StateStore
    usage: Statistics
    stopping: threading.Event = field(default_factory=threading.Event)  # set at shutdown
    admin_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one admin action at a time
    forwarded: dict[int, list[tuple[float, int, str]]] = field(default_factory=dict)
    asked: dict[tuple[int, int], str] = field(default_factory=dict)  # (chat, key) -> question
    reindexing: bool = False
    reindex_again: bool = False  # requests during a build merge into one follow-up build
    _slots: dict[bool, asyncio.Semaphore] = field(default_factory=dict)

    def slots(self, private: bool) -> asyncio.Semaphore:
        """The worker slots for private or group questions (made in the running loop)."""
        if private not in self._slots:
            self._slots[private] = asyncio.Semaphore(PRIVATE_WORKERS if private else GROUP_WORKERS)
        return self._slots[private]


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return cast(Services, context.bot_data[SERVICES_KEY])


# -- replying --------------------------------------------------------------------------------


@asynccontextmanager
async def typing(chat: Chat) -> AsyncIterator[None]:
    """Show "typing…" in `chat` while the body runs; failures are logged, never raised.

    An action already on its way is allowed to land (briefly) before the body's reply is sent,
    so a client never shows "typing…" after the answer has arrived.
    """
    done = asyncio.Event()

    async def keep_typing() -> None:
        while not done.is_set():
            try:
                await chat.send_action(ChatAction.TYPING)
            except Exception as exc:  # optional API call: never stop the answer
                log.warning("chat action failed: %s", type(exc).__name__)
                return
            with suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), TYPING_REFRESH_SECONDS)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        done.set()
        with suppress(TimeoutError):
            await asyncio.wait_for(task, TYPING_GRACE_SECONDS)  # cancels it when too slow


async def send_html(
    message: Message, chunks: list[str], markup: InlineKeyboardMarkup | None = None
) -> None:
    """Reply with each chunk (quoting the question only once); `markup` under the last.
    In a group, what cannot be sent within `GROUP_SEND_SECONDS` (Telegram's per-group send
    limit) is dropped rather than queued, so no chat holds the workers others need."""

    async def send_all() -> None:
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            await message.reply_html(
                chunk, do_quote=None if i == 0 else False, reply_markup=markup if last else None
            )

    if message.chat.type == Chat.PRIVATE:
        await send_all()
        return
    try:
        await asyncio.wait_for(send_all(), GROUP_SEND_SECONDS)
    except TimeoutError:
        log.warning("group reply dropped: not sent within %.0f s", GROUP_SEND_SECONDS)


def sources_markup(key: int) -> InlineKeyboardMarkup:
    """The buttons under an answer: its sources, and 👍 / 👎."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(replies.SOURCES_BUTTON, callback_data=f"src:{key}"),
                InlineKeyboardButton("👍", callback_data=f"vote:{key}:u"),
                InlineKeyboardButton("👎", callback_data=f"vote:{key}:d"),
            ]
        ]
    )


async def answer_question(
    update: Update, context: ContextTypes.DEFAULT_TYPE, question: str
) -> None:
    """Ask the engine in a worker thread (private and group questions in separate slots),
    reply with the rendered answer. Rate limits are applied at the front door."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    svc = services(context)
    engine = svc.engine
    assert engine is not None, "updates are handled only once the engine is loaded"
    async with svc.slots(chat.type == Chat.PRIVATE), typing(chat):
        answer = await asyncio.to_thread(engine.ask, question)
    markup, key = None, None
    if answer.answered and answer.citations:
        key = await asyncio.to_thread(svc.store.remember, chat.id, answer)
        markup = sources_markup(key)
        svc.asked[(chat.id, key)] = normalise(question)
        while len(svc.asked) > 2000:  # kept in memory only, for a 👎 that may follow
            svc.asked.pop(next(iter(svc.asked)))
    text = "" if answer.answered else normalise(question)
    await asyncio.to_thread(svc.usage.record, chat.id, key, answer.answered, text)
    await send_html(message, render_answer_html(answer), markup)
    log.info(
        "question user=%s chat=%s answered=%s reason=%s sources=%d took_ms=%.0f",
        user_tag(user.id),
        chat.type,
        answer.answered,
        answer.reason.value if answer.reason else "-",
        len(answer.citations),
        answer.took_ms,
    )


# -- handlers --------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the welcome: what the bot knows, example questions and the commands."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message and chat:
        text = replies.welcome(private=chat.type == Chat.PRIVATE)
        if user is not None and user.id in services(context).settings.bot_admin_ids:
            text += "\n\n" + replies.ADMIN_HELP
        await message.reply_html(text)


async def ask_private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer any text message in a private chat."""
    message = update.effective_message
    if message and message.text is not None:
        question = strip_mention(message.text, context.bot.username)
        await answer_question(update, context, question)


async def ask_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message that mentions the bot or replies to it; ignore other chatter."""
    message = update.effective_message
    if message is None:
        return
    question = addressed_question(message, context.bot.id, context.bot.username)
    if question is None:
        return
    if not question:
        usage = replies.MENTION_USAGE.format(mention=f"@{context.bot.username}")
        await message.reply_html(usage)
        return
    await answer_question(update, context, question)


async def tanya(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer `/tanya QUESTION`; explain the usage when the question is missing."""
    message = update.effective_message
    if message is None:
        return
    question = strip_mention(command_argument(message), context.bot.username)
    if not question:
        await message.reply_html(replies.TANYA_USAGE)
        return
    await answer_question(update, context, question)


async def sumber(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the sources (title, outlet, date, link, quoted passage) of the last answer."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    remembered, _ = await asyncio.to_thread(services(context).store.recall, chat.id)
    if remembered is None:
        await message.reply_html(replies.NO_SOURCES_YET)
        return
    chunks = render_sources_html(remembered.citations, replies.SOURCES_HEADING)
    await send_html(message, chunks)


async def sources_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the sources of the answer whose "Sumber" button was pressed.

    An answer too old to be remembered falls back to the last answer's sources, and says so.
    """
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    try:
        await query.answer()
    except TelegramError as exc:  # optional: only stops the button's spinner
        log.warning("answerCallbackQuery failed: %s", type(exc).__name__)
    match = SOURCES_CALLBACK.match(query.data or "")
    key = int(match.group(1)) if match else None
    remembered, exact = await asyncio.to_thread(services(context).store.recall, chat.id, key)
    if remembered is None:
        await chat.send_message(replies.NO_SOURCES_YET, parse_mode=ParseMode.HTML)
        return
    heading = replies.SOURCES_OF_THAT_ANSWER if exact else replies.SOURCES_FALLBACK
    reply_to = None
    if isinstance(query.message, Message):  # not too old to reply to
        reply_to = ReplyParameters(query.message.message_id, allow_sending_without_reply=True)
    for i, chunk in enumerate(render_sources_html(remembered.citations, heading)):
        await chat.send_message(
            chunk, parse_mode=ParseMode.HTML, reply_parameters=reply_to if i == 0 else None
        )


async def reindex(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Rebuild the index in a worker thread (admins only) while questions keep being answered.

    Nothing is built when the index is already current; requests during a build are merged
    into one follow-up build. A shutdown cancels a running build (nothing is swapped in)."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return
    svc = services(context)
    if user is None or user.id not in svc.settings.bot_admin_ids:
        log.warning("reindex refused user=%s", user_tag(user.id if user else None))
        await message.reply_html(replies.ADMIN_ONLY)
        return
    if svc.reindexing:
        svc.reindex_again = True
        await message.reply_html(replies.REINDEX_QUEUED)
        return
    svc.reindexing = True
    try:
        log.info("reindex started by user=%s", user_tag(user.id))
        await message.reply_html(replies.REINDEX_STARTED)
        while True:
            svc.reindex_again = False
            await _rebuild_once(message, svc)
            if not svc.reindex_again or svc.stopping.is_set():
                break
    finally:
        svc.reindexing = False


async def _rebuild_once(message: Message, svc: Services) -> None:
    assert svc.engine is not None
    try:
        report = await asyncio.to_thread(svc.engine.reindex, None, svc.stopping)
    except BuildCancelled:
        log.warning("reindex cancelled: shutting down, the current index stays")
        return
    except IndexError_ as exc:
        log.warning("reindex failed, the previous index stays: %s", exc)
        await message.reply_html(replies.reindex_failed(str(exc)))
        return
    if report.unchanged:
        await message.reply_html(replies.REINDEX_UNCHANGED)
        return
    log.info("reindex done: %s", report.summary())
    await message.reply_html(replies.reindex_done(report))


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for a typed question when a private message has no text (sticker, photo, voice)."""
    if update.effective_message:
        await update.effective_message.reply_html(replies.NOT_TEXT)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point to /help for a command the bot does not know (private chats)."""
    if update.effective_message:
        await update.effective_message.reply_html(replies.UNKNOWN_COMMAND)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the exception and the update type (no content), and tell the user."""
    log.error("error while handling %s", update_kind(update), exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat:
        try:
            await context.bot.send_message(update.effective_chat.id, replies.ERROR)
        except TelegramError as exc:
            log.warning("could not report the error to the chat: %s", type(exc).__name__)
