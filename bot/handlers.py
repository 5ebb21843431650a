"""Telegram handlers: each parses the update, calls the engine, renders and replies.

The engine, settings and rate limiter are built once at start-up and reached through
`context.bot_data` (see `Services`). Logs carry no message text and no names; user ids are
hashed (`user_tag`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
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

from bot import replies
from bot.chat_state import recall_answer, remember_answer
from bot.messages import (
    addressed_question,
    command_argument,
    strip_mention,
    update_kind,
    user_tag,
)
from bot.ratelimit import SlidingWindowLimiter, Verdict
from bot.records import Answer
from bot.render import render_answer_html, render_sources_html
from bot.settings import Settings
from index.errors import IndexError_

if TYPE_CHECKING:
    from index.build import BuildReport

log = logging.getLogger(__name__)

SERVICES_KEY = "services"
SOURCES_CALLBACK = re.compile(r"^src:(\d+)$")
TYPING_REFRESH_SECONDS = 4.5  # Telegram shows a chat action for about 5 seconds
TYPING_GRACE_SECONDS = 2.0  # how long an answer waits for its in-flight "typing…" action


class AnswerEngine(Protocol):
    """What the bot needs from `bot.engine.Engine` (fakes in tests implement the same)."""

    def ask(self, question: str) -> Answer: ...

    def reindex(self) -> BuildReport: ...


@dataclass
class Services:
    """Everything the handlers share, built once in `telegram_app.build_application`."""

    settings: Settings
    engine: AnswerEngine
    limiter: SlidingWindowLimiter
    reindexing: bool = False


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
    """Reply with each chunk (quoting the question only once); `markup` under the last."""
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        await message.reply_html(
            chunk, do_quote=None if i == 0 else False, reply_markup=markup if last else None
        )


def sources_markup(key: int) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(replies.SOURCES_BUTTON, callback_data=f"src:{key}")
    return InlineKeyboardMarkup([[button]])


async def answer_question(
    update: Update, context: ContextTypes.DEFAULT_TYPE, question: str
) -> None:
    """Rate-limit, ask the engine in a worker thread, reply with the rendered answer."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    svc = services(context)
    verdict = svc.limiter.hit(user.id)
    if verdict is Verdict.REFUSE_QUIETLY:
        log.debug("rate limited user=%s (already told)", user_tag(user.id))
        return
    if verdict is Verdict.REFUSE_AND_TELL:
        log.info("rate limited user=%s", user_tag(user.id))
        wait = svc.limiter.retry_after(user.id)
        await message.reply_html(replies.rate_limited(svc.limiter.limit, wait))
        return
    async with typing(chat):
        answer = await asyncio.to_thread(svc.engine.ask, question)
    markup = None
    if answer.answered and answer.citations and context.chat_data is not None:
        markup = sources_markup(remember_answer(context.chat_data, answer))
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
    message, chat = update.effective_message, update.effective_chat
    if message and chat:
        await message.reply_html(replies.welcome(private=chat.type == Chat.PRIVATE))


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
    message = update.effective_message
    if message is None or context.chat_data is None:
        return
    remembered, _ = recall_answer(context.chat_data)
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
    if query is None or chat is None or context.chat_data is None:
        return
    try:
        await query.answer()
    except TelegramError as exc:  # optional: only stops the button's spinner
        log.warning("answerCallbackQuery failed: %s", type(exc).__name__)
    match = SOURCES_CALLBACK.match(query.data or "")
    key = int(match.group(1)) if match else None
    remembered, exact = recall_answer(context.chat_data, key)
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
    """Rebuild the index in a worker thread (admins only) while questions keep being answered."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return
    svc = services(context)
    if user is None or user.id not in svc.settings.bot_admin_ids:
        log.warning("reindex refused user=%s", user_tag(user.id if user else None))
        await message.reply_html(replies.ADMIN_ONLY)
        return
    if svc.reindexing:
        await message.reply_html(replies.REINDEX_BUSY)
        return
    svc.reindexing = True
    try:
        log.info("reindex started by user=%s", user_tag(user.id))
        await message.reply_html(replies.REINDEX_STARTED)
        try:
            report = await asyncio.to_thread(svc.engine.reindex)
        except IndexError_ as exc:
            log.warning("reindex failed, the previous index stays: %s", exc)
            await message.reply_html(replies.reindex_failed(str(exc)))
            return
        log.info("reindex done: %s", report.summary())
        await message.reply_html(replies.reindex_done(report))
    finally:
        svc.reindexing = False


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
