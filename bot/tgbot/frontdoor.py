"""The front door: every update that would get a reply passes one per-user and one per-chat
limit before any handler runs (a `TypeHandler` in group -1 that stops what is over).

Commands, questions, button presses, stickers and group mentions all count; group chatter
that is not addressed to the bot gets no reply and does not count. Admins (trusted ids) are
not limited per user: adding articles and paging through them is their work; a group they
write in still has its chat limit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Chat, Update
from telegram.ext import ApplicationHandlerStop

from bot.tgbot import replies
from bot.tgbot.incoming import addressed_question, user_tag
from bot.tgbot.ratelimit import SlidingWindowLimiter, Verdict
from bot.tgbot.services import BotContext

log = logging.getLogger(__name__)

CHAT_FACTOR = 3  # a group may get this many times one user's replies per window


class FrontDoor:
    """Per-user and per-chat sliding-window limits (pure; the clock is injectable)."""

    def __init__(
        self,
        per_minute: int,
        trusted: frozenset[int] = frozenset(),
        clock: Callable[[], float] | None = None,
    ) -> None:
        kw = {"clock": clock} if clock else {}
        self.trusted = trusted
        self.users = SlidingWindowLimiter(per_minute, 60.0, **kw)
        self.chats = SlidingWindowLimiter(per_minute * CHAT_FACTOR, 60.0, **kw)

    def check(self, user_id: int, chat_id: int, group: bool) -> tuple[Verdict, float]:
        """The verdict on one update and, when refused, the seconds until the next is let in."""
        if user_id not in self.trusted:
            verdict = self.users.hit(user_id)
            if verdict is not Verdict.ALLOW:
                return verdict, self.users.retry_after(user_id)
        if group:
            verdict = self.chats.hit(chat_id)
            if verdict is not Verdict.ALLOW:
                return verdict, self.chats.retry_after(chat_id)
        return Verdict.ALLOW, 0.0


def wants_reply(update: Update, bot_id: int, bot_username: str) -> bool:
    """Whether the bot would answer this update at all."""
    if update.callback_query is not None:
        return True
    message, chat = update.message, update.effective_chat
    if message is None or chat is None:
        return False  # edits, channel posts, member updates: never answered
    if chat.type == Chat.PRIVATE:
        return True
    if (message.text or "").startswith("/"):
        return True
    return addressed_question(message, bot_id, bot_username) is not None


def guard(
    door: FrontDoor,
) -> Callable[[Update, BotContext], Coroutine[Any, Any, None]]:
    """The group -1 callback: let an update through, or stop it (telling the user once)."""

    async def check(update: Update, context: BotContext) -> None:
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return
        if not wants_reply(update, context.bot.id, context.bot.username):
            return
        verdict, wait = door.check(user.id, chat.id, chat.type != Chat.PRIVATE)
        if verdict is Verdict.ALLOW:
            return
        if verdict is Verdict.REFUSE_AND_TELL:
            log.info("rate limited user=%s chat=%s", user_tag(user.id), chat.type)
            notice = replies.rate_limited(door.users.limit, wait)
            try:
                if update.callback_query is not None:
                    await update.callback_query.answer(notice, show_alert=True)
                elif update.effective_message is not None:
                    await update.effective_message.reply_html(notice)
            except Exception as exc:  # the notice is a courtesy: never let it fail the stop
                log.warning("rate-limit notice failed: %s", type(exc).__name__)
        raise ApplicationHandlerStop

    return check
