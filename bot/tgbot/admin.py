"""Admin powers in Telegram: who is an admin, rebuilding the index (/reindex, and after an
article is added or removed), and the usage statistics (/statistik). Adding articles is in
`admin_add.py`, listing and removing them in `admin_list.py`.

Admin powers are checked on every command and every button press. A failed build changes
nothing and says why.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from telegram import Message, Update
from telegram.constants import ParseMode

from bot.tgbot import replies
from bot.tgbot.incoming import user_tag
from bot.tgbot.sending import quietly
from bot.tgbot.services import BotContext, Services
from index.errors import BuildCancelled, SearchIndexError

if TYPE_CHECKING:
    from index.build import BuildReport

log = logging.getLogger(__name__)


def is_admin(update: Update, svc: Services) -> bool:
    user = update.effective_user
    return user is not None and user.id in svc.settings.bot_admin_ids


async def refuse(update: Update, svc: Services, what: str) -> bool:
    """True (after a polite refusal) when the update's user is not an admin."""
    if is_admin(update, svc):
        return False
    user = update.effective_user
    log.warning("%s refused user=%s", what, user_tag(user.id if user else None))
    if update.callback_query is not None:
        with quietly():
            await update.callback_query.answer(replies.ADMIN_ONLY, show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_html(replies.ADMIN_ONLY)
    return True


async def pressed(
    update: Update, context: BotContext, pattern: re.Pattern[str], what: str
) -> re.Match[str] | None:
    """An admin's button press: its data matched by `pattern`, once the press is answered;
    None after refusing anyone else."""
    query = update.callback_query
    if query is None or await refuse(update, context.bot_data, what):
        return None
    match = pattern.match(query.data or "")
    assert match is not None  # the handler is registered for `pattern`
    with quietly():
        await query.answer()
    return match


def pressed_message(update: Update) -> Message | None:
    """The message under which a button was pressed, unless it is too old to edit."""
    query = update.callback_query
    message = query.message if query is not None else None
    return message if isinstance(message, Message) else None


async def send(update: Update, html: str) -> None:
    """Send `html` to the update's chat (no quote)."""
    chat = update.effective_chat
    if chat is not None:
        await chat.send_message(html, parse_mode=ParseMode.HTML)


async def edit(message: Message | None, html: str) -> None:
    """Replace the text of `message` (a preview or a confirmation), if it can still be edited."""
    if message is not None:
        with quietly():
            await message.edit_text(html, parse_mode=ParseMode.HTML)


# -- rebuilding --------------------------------------------------------------------------------


async def rebuild(svc: Services, tell: Callable[[str], Awaitable[object]]) -> BuildReport | None:
    """Rebuild the index in a worker thread while questions keep being answered: the report,
    or None when the build was cancelled (shutdown) or failed (`tell` says why)."""
    assert svc.engine is not None
    try:
        return await asyncio.to_thread(svc.engine.reindex, None, svc.stopping)
    except BuildCancelled:
        log.warning("reindex cancelled: shutting down, the current index stays")
        return None
    except SearchIndexError as exc:
        log.warning("reindex failed, the previous index stays: %s", exc)
        await tell(replies.reindex_failed(str(exc)))
        return None


async def reindex(update: Update, context: BotContext) -> None:
    """Rebuild the index from the articles (admins only); questions keep being answered.

    Nothing is built when the index is already current; requests during a build are merged
    into one follow-up build. A shutdown cancels a running build (nothing is swapped in)."""
    svc, message = context.bot_data, update.effective_message
    if message is None or await refuse(update, svc, "reindex"):
        return
    if svc.reindexing:
        svc.reindex_again = True
        await message.reply_html(replies.REINDEX_QUEUED)
        return
    user = update.effective_user
    assert user is not None  # `refuse` lets only an admin through
    svc.reindexing = held = True
    try:
        log.info("reindex started by user=%s", user_tag(user.id))
        await message.reply_html(replies.REINDEX_STARTED)
        while True:
            svc.reindex_again = False
            report = await rebuild(svc, message.reply_html)
            again = svc.reindex_again and not svc.stopping.is_set()
            if not again:
                svc.reindexing = held = False  # done before it says so: a request after it
            if report is not None:  # starts a build of its own
                await _report(message, report)
            if not again:
                break
    finally:
        if held:
            svc.reindexing = False


async def _report(message: Message, report: BuildReport) -> None:
    if report.unchanged:
        await message.reply_html(replies.REINDEX_UNCHANGED)
        return
    log.info("reindex done: %s", report.summary())
    await message.reply_html(replies.reindex_done(report))


# -- usage -------------------------------------------------------------------------------------


async def statistik(update: Update, context: BotContext) -> None:
    """Questions asked, the answered share, votes, and what was not answered (7 and 30 days)."""
    svc, message = context.bot_data, update.effective_message
    if message is None or await refuse(update, svc, "statistik"):
        return
    week = await asyncio.to_thread(svc.usage.usage, 7)
    month = await asyncio.to_thread(svc.usage.usage, 30)
    await message.reply_html(replies.usage_report(week, month))
