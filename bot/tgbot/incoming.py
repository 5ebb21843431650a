"""Reading Telegram messages: whether one is addressed to the bot, its question, and the
pseudonymous tags logs use instead of user ids and message content. Pure functions."""

from __future__ import annotations

import hashlib
import re

from telegram import Message, MessageEntity, Update


def user_tag(user_id: int | None) -> str:
    """A stable pseudonym of a user id for logs."""
    return hashlib.sha256(f"bpjstk-bot:{user_id}".encode()).hexdigest()[:12]


def update_kind(update: object) -> str:
    """The update's type (`message`, `callback_query`, ...) for logs; never its content."""
    if isinstance(update, Update):
        for kind in Update.ALL_TYPES:
            if getattr(update, kind, None) is not None:
                return kind
        return "update"
    return type(update).__name__


def strip_mention(text: str, username: str) -> str:
    """`text` without `@username` (any case), whitespace tidied."""
    text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())


def command_argument(message: Message) -> str:
    """The text after the leading `/command` (or `/command@bot`), newlines kept."""
    text = message.text or ""
    commands = message.parse_entities([MessageEntity.BOT_COMMAND])
    first = next((value for entity, value in commands.items() if entity.offset == 0), "")
    return text[len(first) :].strip()


def addressed_question(message: Message, bot_id: int, bot_username: str) -> str | None:
    """In a group: the question if the message mentions the bot or replies to it, else None."""
    mention = f"@{bot_username}".lower()
    mentioned = any(
        value.lower() == mention
        for value in message.parse_entities([MessageEntity.MENTION]).values()
    )
    reply = message.reply_to_message
    replied = (
        reply is not None
        and reply.from_user is not None
        and reply.from_user.id == bot_id
        and reply.forum_topic_created is None  # in a forum every message "replies" to the topic
    )
    if not (mentioned or replied):
        return None
    return strip_mention(message.text or "", bot_username)
