"""Admins add an article from Telegram (/tambah): from a URL, an attached document, or text
forwarded in parts. The importer's preview comes with Save / Cancel buttons; saving writes
the article and rebuilds the index, and a failed build removes it again."""

from __future__ import annotations

import asyncio
import re
import secrets
import time
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.tgbot import replies
from bot.tgbot.admin import edit, pressed, pressed_message, rebuild, refuse, send
from bot.tgbot.incoming import command_argument
from bot.tgbot.services import BotContext, Forwarded, Services
from index.corpus import article_files
from index.errors import KnowledgeFileError, SearchIndexError
from index.gazetteer import load_gazetteer
from index.importer.html import MAX_PAGE_BYTES, fetch
from index.importer.page import Imported, duplicate_of, inspect_page, write_article
from index.records import Article
from index.text import split_sentences

ADD_CALLBACK = re.compile(r"^(add|drop):([0-9a-f]{12})$")
FORWARD_WINDOW = 120.0  # seconds: forwarded parts of one article sent within this are joined
MAX_FORWARDED = 40  # parts remembered per admin


async def remember_forwarded(update: Update, context: BotContext) -> None:
    """An admin's forwarded text (part of an article to add): kept for /tambah, not answered."""
    message, svc = update.effective_message, context.bot_data
    if message is None or message.text is None or update.effective_user is None:
        return
    parts = svc.forwarded.setdefault(update.effective_user.id, [])
    parts.append(Forwarded(time.monotonic(), message.message_id, message.text))
    del parts[:-MAX_FORWARDED]
    await message.reply_html(replies.forwarded_kept(len(_recent(parts))))


def _recent(parts: list[Forwarded]) -> list[Forwarded]:
    now = time.monotonic()
    return [p for p in parts if now - p.at <= FORWARD_WINDOW * 5]


def _forwarded_text(svc: Services, admin: int, reply_to: Message) -> str:
    """The replied-to forwarded part and the parts forwarded right after it, joined."""
    parts = _recent(svc.forwarded.get(admin, []))
    start = next((p for p in parts if p.message_id == reply_to.message_id), None)
    if start is None:
        return reply_to.text or reply_to.caption or ""
    chosen = [
        p
        for p in parts
        if start.at <= p.at <= start.at + FORWARD_WINDOW and p.message_id >= start.message_id
    ]
    return "\n\n".join(p.text for p in sorted(chosen, key=lambda p: p.message_id))


async def _page_content(update: Update, context: BotContext) -> tuple[str, str]:
    """(page content, source name) from a URL argument, an attached document, or a replied
    (forwarded) text; `KnowledgeFileError` when none is given or it cannot be had."""
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    argument = command_argument(message) if message.text else ""
    if argument:
        url = argument.split()[0]
        return await asyncio.to_thread(fetch, url), url
    document = message.document
    if document is not None:
        if (document.file_size or 0) > MAX_PAGE_BYTES:
            raise KnowledgeFileError(document.file_name or "dokumen", None, "file terlalu besar")
        file = await document.get_file()
        data = await file.download_as_bytearray()
        return bytes(data).decode("utf-8", errors="replace"), document.file_name or "dokumen.txt"
    if message.reply_to_message is not None:
        svc = context.bot_data
        text = _forwarded_text(svc, update.effective_user.id, message.reply_to_message)
        if text.strip():
            return text, f"telegram-{message.reply_to_message.message_id}.txt"
    raise KnowledgeFileError("/tambah", None, "tidak ada URL, dokumen, atau teks yang dibalas")


async def tambah(update: Update, context: BotContext) -> None:
    """Import an article into the stage and show a preview with Save / Cancel buttons."""
    svc, message = context.bot_data, update.effective_message
    if message is None or await refuse(update, svc, "tambah"):
        return
    knowledge = svc.settings.knowledge_dir
    try:
        content, source = await _page_content(update, context)
        imported = await asyncio.to_thread(_import, content, source, knowledge)
        article = imported.article
        existing = await asyncio.to_thread(duplicate_of, article, knowledge)
    except (SearchIndexError, OSError) as exc:
        await message.reply_html(replies.import_failed(str(exc)))
        return
    if existing:
        await message.reply_html(replies.duplicate(existing))
        return
    token = secrets.token_hex(6)
    assert update.effective_user is not None
    await asyncio.to_thread(svc.usage.stage, token, update.effective_user.id, article, source)
    buttons = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(replies.SAVE_BUTTON, callback_data=f"add:{token}"),
                InlineKeyboardButton(replies.CANCEL_BUTTON, callback_data=f"drop:{token}"),
            ]
        ]
    )
    shown = replies.preview(article, _first_sentences(article), imported.dropped)
    await message.reply_html(shown, reply_markup=buttons)


def _import(content: str, source: str, knowledge: Path) -> Imported:
    existing = {p.stem for p in article_files(knowledge)}
    gazetteer = load_gazetteer(knowledge / "gazetteer.txt")
    return inspect_page(content, source_name=source, existing_ids=existing, gazetteer=gazetteer)


def _first_sentences(article: Article, n: int = 2) -> list[str]:
    return [article.body[s:e] for s, e in list(split_sentences(article.body))[:n]]


async def add_button(update: Update, context: BotContext) -> None:
    """Save a staged article and rebuild the index, or drop it."""
    match = await pressed(update, context, ADD_CALLBACK, "add button")
    if match is None:
        return
    svc = context.bot_data
    staged = await asyncio.to_thread(svc.usage.take_staged, match.group(2))
    message = pressed_message(update)
    if staged is None:
        await send(update, replies.STAGE_GONE)
        return
    if match.group(1) == "drop":
        await edit(message, replies.ADD_CANCELLED)
        return
    async with svc.admin_lock:
        await _save_and_reindex(update, svc, staged.article, staged.source, message)


async def _save_and_reindex(
    update: Update, svc: Services, article: Article, source: str, preview: Message | None
) -> None:
    knowledge = svc.settings.knowledge_dir
    try:
        path = await asyncio.to_thread(write_article, article, knowledge, source)
    except SearchIndexError as exc:
        await send(update, replies.import_failed(str(exc)))
        return
    await edit(preview, replies.changing(replies.SAVING, article.id))
    report = await rebuild(svc, lambda html: send(update, html))
    if report is None:
        path.unlink(missing_ok=True)  # a failed build changes nothing
        return
    await send(update, replies.changed(replies.SAVING, article.id, report))
