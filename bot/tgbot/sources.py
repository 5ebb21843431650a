"""After an answer: its sources (/sumber and the "Sumber" button) and the 👍 / 👎 votes."""

from __future__ import annotations

import asyncio
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ParseMode

from bot.tgbot import replies
from bot.tgbot.incoming import user_tag
from bot.tgbot.render import render_sources_html
from bot.tgbot.sending import quietly, send_html
from bot.tgbot.services import BotContext

SOURCES_CALLBACK = re.compile(r"^src:(\d+)$")
VOTE_CALLBACK = re.compile(r"^vote:(\d{1,9}):([ud])$")


def sources_markup(key: int) -> InlineKeyboardMarkup:
    """The buttons under answer `key`: its sources, and 👍 / 👎."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(replies.SOURCES_BUTTON, callback_data=f"src:{key}"),
                InlineKeyboardButton("👍", callback_data=f"vote:{key}:u"),
                InlineKeyboardButton("👎", callback_data=f"vote:{key}:d"),
            ]
        ]
    )


async def sumber(update: Update, context: BotContext) -> None:
    """Show the sources (title, outlet, date, link, quoted passage) of the last answer."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    remembered = await asyncio.to_thread(context.bot_data.store.recall, chat.id)
    if remembered is None:
        await message.reply_html(replies.NO_SOURCES_YET)
        return
    chunks = render_sources_html(remembered.citations, replies.SOURCES_HEADING)
    await send_html(message, chunks)


async def sources_button(update: Update, context: BotContext) -> None:
    """Show the sources of the answer whose "Sumber" button was pressed.

    An answer too old to be remembered falls back to the last answer's sources, and says so.
    """
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    with quietly():  # only stops the button's spinner
        await query.answer()
    match = SOURCES_CALLBACK.match(query.data or "")
    key = int(match.group(1)) if match else None
    remembered = await asyncio.to_thread(context.bot_data.store.recall, chat.id, key)
    if remembered is None:
        await chat.send_message(replies.NO_SOURCES_YET, parse_mode=ParseMode.HTML)
        return
    exact = remembered.key == key
    heading = replies.SOURCES_OF_THAT_ANSWER if exact else replies.SOURCES_FALLBACK
    reply_to = None
    if isinstance(query.message, Message):  # not too old to reply to
        reply_to = ReplyParameters(query.message.message_id, allow_sending_without_reply=True)
    for i, chunk in enumerate(render_sources_html(remembered.citations, heading)):
        await chat.send_message(
            chunk, parse_mode=ParseMode.HTML, reply_parameters=reply_to if i == 0 else None
        )


async def vote_button(update: Update, context: BotContext) -> None:
    """A 👍 or 👎 under an answer: one vote per user per answer, which the user can change."""
    svc, query, chat, user = (
        context.bot_data,
        update.callback_query,
        update.effective_chat,
        update.effective_user,
    )
    if query is None or chat is None or user is None:
        return
    match = VOTE_CALLBACK.match(query.data or "")
    assert match is not None
    key, up = int(match.group(1)), match.group(2) == "u"
    text = svc.asked.get((chat.id, key))
    await asyncio.to_thread(svc.usage.vote, chat.id, key, user_tag(user.id), up, text)
    with quietly():  # the vote is counted either way
        await query.answer(replies.THANKS_UP if up else replies.THANKS_DOWN)
