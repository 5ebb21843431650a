"""Admins list the articles (/artikel, a page at a time) and remove one (/hapus ID, after a
confirmation); removing rebuilds the index, and a failed build puts the article back."""

from __future__ import annotations

import asyncio
import re
from datetime import date
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot.tgbot import replies
from bot.tgbot.admin import edit, pressed, pressed_message, rebuild, refuse, send
from bot.tgbot.incoming import command_argument
from bot.tgbot.sending import quietly
from bot.tgbot.services import BotContext
from index.corpus import article_files, parse_article
from index.errors import KnowledgeFileError
from index.records import Article

DELETE_CALLBACK = re.compile(r"^(del|keep):([a-z0-9][a-z0-9-]{0,79})$")
LIST_CALLBACK = re.compile(r"^list:(\d{1,4})$")
PAGE_SIZE = 10


def _articles(knowledge: Path) -> list[Article]:
    out = []
    for path in article_files(knowledge):
        try:
            out.append(parse_article(path.read_text(encoding="utf-8"), str(path)))
        except (OSError, UnicodeDecodeError, KnowledgeFileError):
            continue
    return sorted(out, key=lambda a: (a.dated or date.min, a.id), reverse=True)


async def artikel(update: Update, context: BotContext) -> None:
    """List the articles (id, outlet, date, title), newest first, a page at a time."""
    svc, message = context.bot_data, update.effective_message
    if message is None or await refuse(update, svc, "artikel"):
        return
    argument = command_argument(message)
    page = int(argument) - 1 if argument.isdigit() and int(argument) > 0 else 0
    text, markup = await asyncio.to_thread(_listing, svc.settings.knowledge_dir, page)
    await message.reply_html(text, reply_markup=markup)


def _listing(knowledge: Path, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    articles = _articles(knowledge)
    pages = max(1, -(-len(articles) // PAGE_SIZE))
    page = min(page, pages - 1)
    shown = articles[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀", callback_data=f"list:{page - 1}"))
    if page + 1 < pages:
        nav.append(InlineKeyboardButton("▶", callback_data=f"list:{page + 1}"))
    return replies.article_list(shown, page + 1, pages, len(articles)), (
        InlineKeyboardMarkup([nav]) if nav else None
    )


async def list_button(update: Update, context: BotContext) -> None:
    """Show another page of the article list (◀ / ▶)."""
    match = await pressed(update, context, LIST_CALLBACK, "list button")
    if match is None:
        return
    knowledge = context.bot_data.settings.knowledge_dir
    text, markup = await asyncio.to_thread(_listing, knowledge, int(match.group(1)))
    message = pressed_message(update)
    if message is not None:
        with quietly():
            await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def hapus(update: Update, context: BotContext) -> None:
    """Ask to confirm removing article ID."""
    svc, message = context.bot_data, update.effective_message
    if message is None or await refuse(update, svc, "hapus"):
        return
    article_id = command_argument(message).strip().lower()
    found = next((a for a in _articles(svc.settings.knowledge_dir) if a.id == article_id), None)
    if found is None:
        await message.reply_html(replies.no_such_article(article_id))
        return
    buttons = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(replies.DELETE_BUTTON, callback_data=f"del:{found.id}"),
                InlineKeyboardButton(replies.CANCEL_BUTTON, callback_data=f"keep:{found.id}"),
            ]
        ]
    )
    await message.reply_html(replies.confirm_delete(found), reply_markup=buttons)


async def delete_button(update: Update, context: BotContext) -> None:
    """Remove the confirmed article and rebuild; put it back when the build fails."""
    match = await pressed(update, context, DELETE_CALLBACK, "delete button")
    if match is None:
        return
    svc, message, article_id = context.bot_data, pressed_message(update), match.group(2)
    if match.group(1) == "keep":
        await edit(message, replies.DELETE_CANCELLED)
        return
    async with svc.admin_lock:
        found = (p for p in article_files(svc.settings.knowledge_dir) if p.stem == article_id)
        path = next(found, None)
        if path is None:
            await send(update, replies.no_such_article(article_id))
            return
        aside = path.with_name(f".{path.name}.removed")
        path.replace(aside)
        await edit(message, replies.changing(replies.DELETING, article_id))
        report = await rebuild(svc, lambda html: send(update, html))
        if report is None:
            aside.replace(path)
            return
        aside.unlink(missing_ok=True)
        await send(update, replies.changed(replies.DELETING, article_id, report))
