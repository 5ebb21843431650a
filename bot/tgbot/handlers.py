"""Telegram handlers for questions: each parses the update, asks the engine, renders and
replies. The sources and votes that follow an answer are in `sources.py`, admin commands in
`admin*.py`.

The engine, settings and state are built once at start-up and reached through
`context.bot_data` (`Services`). Logs carry no message text and no names; user ids are
hashed (`user_tag`).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Chat, Update
from telegram.error import TelegramError

from bot.tgbot import replies
from bot.tgbot.incoming import (
    addressed_question,
    command_argument,
    strip_mention,
    update_kind,
    user_tag,
)
from bot.tgbot.render import render_answer_html
from bot.tgbot.sending import send_html, typing
from bot.tgbot.services import BotContext
from bot.tgbot.sources import sources_markup
from bot.tgbot.usage import normalise

log = logging.getLogger(__name__)


async def answer_question(update: Update, context: BotContext, question: str) -> None:
    """Ask the engine in a worker thread (private and group questions in separate slots),
    reply with the rendered answer. Rate limits are applied at the front door."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    svc = context.bot_data
    engine = svc.engine
    assert engine is not None, "updates are handled only once the engine is loaded"
    async with svc.slots(chat.type == Chat.PRIVATE), typing(chat):
        answer = await asyncio.to_thread(engine.ask, question)
    markup, key = None, None
    if answer.answered and answer.citations:
        key = await asyncio.to_thread(svc.store.remember, chat.id, answer)
        markup = sources_markup(key)
        svc.remember_asked(chat.id, key, normalise(question))
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


async def start(update: Update, context: BotContext) -> None:
    """Send the welcome: what the bot knows, example questions and the commands."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message and chat:
        text = replies.welcome(private=chat.type == Chat.PRIVATE)
        if user is not None and user.id in context.bot_data.settings.bot_admin_ids:
            text += "\n\n" + replies.ADMIN_HELP
        await message.reply_html(text)


async def ask_private(update: Update, context: BotContext) -> None:
    """Answer any text message in a private chat."""
    message = update.effective_message
    if message and message.text is not None:
        question = strip_mention(message.text, context.bot.username)
        await answer_question(update, context, question)


async def ask_group(update: Update, context: BotContext) -> None:
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


async def tanya(update: Update, context: BotContext) -> None:
    """Answer `/tanya QUESTION`; explain the usage when the question is missing."""
    message = update.effective_message
    if message is None:
        return
    question = strip_mention(command_argument(message), context.bot.username)
    if not question:
        await message.reply_html(replies.TANYA_USAGE)
        return
    await answer_question(update, context, question)


async def not_text(update: Update, context: BotContext) -> None:
    """Ask for a typed question when a private message has no text (sticker, photo, voice)."""
    if update.effective_message:
        await update.effective_message.reply_html(replies.NOT_TEXT)


async def unknown_command(update: Update, context: BotContext) -> None:
    """Point to /help for a command the bot does not know (private chats)."""
    if update.effective_message:
        await update.effective_message.reply_html(replies.UNKNOWN_COMMAND)


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception and the update type (no content), and tell the user."""
    log.error("error while handling %s", update_kind(update), exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat:
        try:
            await context.bot.send_message(update.effective_chat.id, replies.ERROR)
        except TelegramError as exc:
            log.warning("could not report the error to the chat: %s", type(exc).__name__)
