"""Sending replies: "typing…" while an answer is worked out, rendered chunks in order, and
optional calls that never fail a handler."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress

from telegram import Chat, InlineKeyboardMarkup, Message
from telegram.constants import ChatAction
from telegram.error import TelegramError

log = logging.getLogger(__name__)

TYPING_REFRESH_SECONDS = 4.5  # Telegram shows a chat action for about 5 seconds
TYPING_GRACE_SECONDS = 2.0  # how long an answer waits for its in-flight "typing…" action
GROUP_SEND_SECONDS = 10.0  # a group reply that cannot be sent in this time is dropped


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


@contextmanager
def quietly() -> Iterator[None]:
    """Make an optional Telegram call (a button's spinner, an edit): a failure is logged."""
    try:
        yield
    except TelegramError as exc:
        log.warning("optional Telegram call failed: %s", type(exc).__name__)
