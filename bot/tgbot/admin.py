"""Admin commands in Telegram: add an article (/tambah), list (/artikel), remove (/hapus),
usage statistics (/statistik), and the 👍 / 👎 buttons under answers.

Admin powers are checked on every command and every button press. Admin actions run one at
a time; a failed import or build changes nothing and says why.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.tgbot import replies
from bot.tgbot.handlers import Services, services
from bot.tgbot.incoming import command_argument, user_tag
from index.corpus import article_files, parse_article
from index.errors import BuildCancelled, IndexError_, KnowledgeFileError
from index.gazetteer import load_gazetteer
from index.importer.html import MAX_PAGE_BYTES, fetch
from index.importer.page import Imported, duplicate_of, inspect_page, write_article
from index.records import Article
from index.text import split_sentences

log = logging.getLogger(__name__)

ADD_CALLBACK = re.compile(r"^(add|drop):([0-9a-f]{12})$")
DELETE_CALLBACK = re.compile(r"^(del|keep):([a-z0-9][a-z0-9-]{0,79})$")
LIST_CALLBACK = re.compile(r"^list:(\d{1,4})$")
VOTE_CALLBACK = re.compile(r"^vote:(\d{1,9}):([ud])$")
PAGE_SIZE = 10
FORWARD_WINDOW = 120.0  # seconds: forwarded parts of one article sent within this are joined
MAX_FORWARDED = 40  # parts remembered per admin


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
        with _quietly():
            await update.callback_query.answer(replies.ADMIN_ONLY, show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_html(replies.ADMIN_ONLY)
    return True


class _quietly:  # noqa: N801 (a tiny context manager: optional API calls never fail a handler)
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: object, tb: object) -> bool:
        if isinstance(exc, TelegramError):
            log.warning("optional Telegram call failed: %s", type(exc).__name__)
            return True
        return False


# -- adding an article -------------------------------------------------------------------------


async def remember_forwarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's forwarded text (part of an article to add): kept for /tambah, not answered."""
    message, svc = update.effective_message, services(context)
    if message is None or message.text is None or update.effective_user is None:
        return
    parts = svc.forwarded.setdefault(update.effective_user.id, [])
    parts.append((time.monotonic(), message.message_id, message.text))
    del parts[:-MAX_FORWARDED]
    await message.reply_html(replies.forwarded_kept(len(_recent(parts))))


def _recent(parts: list[tuple[float, int, str]]) -> list[tuple[float, int, str]]:
    now = time.monotonic()
    return [p for p in parts if now - p[0] <= FORWARD_WINDOW * 5]


def _forwarded_text(svc: Services, admin: int, reply_to: Message) -> str:
    """The replied-to forwarded part and the parts forwarded right after it, joined."""
    parts = _recent(svc.forwarded.get(admin, []))
    start = next((p for p in parts if p[1] == reply_to.message_id), None)
    if start is None:
        return reply_to.text or reply_to.caption or ""
    chosen = [
        p for p in parts if start[0] <= p[0] <= start[0] + FORWARD_WINDOW and p[1] >= start[1]
    ]
    return "\n\n".join(p[2] for p in sorted(chosen, key=lambda p: p[1]))


async def _page_content(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[str, str]:
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
        svc = services(context)
        text = _forwarded_text(svc, update.effective_user.id, message.reply_to_message)
        if text.strip():
            return text, f"telegram-{message.reply_to_message.message_id}.txt"
    raise KnowledgeFileError("/tambah", None, "tidak ada URL, dokumen, atau teks yang dibalas")


async def tambah(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Import an article into the stage and show a preview with Save / Cancel buttons."""
    svc, message = services(context), update.effective_message
    if message is None or await refuse(update, svc, "tambah"):
        return
    knowledge = svc.settings.knowledge_dir
    try:
        content, source = await _page_content(update, context)
        imported = await asyncio.to_thread(_import, content, source, knowledge)
        article = imported.article
        existing = await asyncio.to_thread(duplicate_of, article, knowledge)
    except (IndexError_, OSError) as exc:
        await message.reply_html(replies.import_failed(str(exc)))
        return
    if existing:
        await message.reply_html(replies.duplicate(existing))
        return
    token = secrets.token_hex(6)
    assert update.effective_user is not None
    fields = {**asdict(article), "published": _iso(article.published), "dated": _iso(article.dated)}
    await asyncio.to_thread(svc.usage.stage, token, update.effective_user.id, fields, source)
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


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _first_sentences(article: Article, n: int = 2) -> list[str]:
    return [article.body[s:e] for s, e in list(split_sentences(article.body))[:n]]


def _article(fields: dict[str, object]) -> Article:
    def day(value: object) -> date | None:
        return date.fromisoformat(str(value)) if value else None

    values = {**fields, "published": day(fields["published"]), "dated": day(fields["dated"])}
    return Article(**values)  # type: ignore[arg-type]


async def add_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Save a staged article and rebuild the index, or drop it."""
    svc, query = services(context), update.callback_query
    if query is None or await refuse(update, svc, "add button"):
        return
    match = ADD_CALLBACK.match(query.data or "")
    assert match is not None
    with _quietly():
        await query.answer()
    staged = await asyncio.to_thread(svc.usage.take_staged, match.group(2))
    message = query.message if isinstance(query.message, Message) else None
    if staged is None:
        await _reply(update, replies.STAGE_GONE)
        return
    if match.group(1) == "drop":
        await _edit(message, replies.ADD_CANCELLED)
        return
    _, fields, source = staged
    async with svc.admin_lock:
        await _save_and_reindex(update, svc, _article(fields), source, message)


async def _save_and_reindex(
    update: Update, svc: Services, article: Article, source: str, preview: Message | None
) -> None:
    knowledge = svc.settings.knowledge_dir
    try:
        path = await asyncio.to_thread(write_article, article, knowledge, source)
    except IndexError_ as exc:
        await _reply(update, replies.import_failed(str(exc)))
        return
    await _edit(preview, replies.saving(article.id))
    report = await _reindex(update, svc)
    if report is None:
        path.unlink(missing_ok=True)  # a failed build changes nothing
        return
    await _reply(update, replies.added(article.id, report))


async def _reindex(update: Update, svc: Services):  # type: ignore[no-untyped-def]
    """The rebuild's report, or None after telling why it failed."""
    assert svc.engine is not None
    try:
        return await asyncio.to_thread(svc.engine.reindex, None, svc.stopping)
    except BuildCancelled:
        return None
    except IndexError_ as exc:
        await _reply(update, replies.reindex_failed(str(exc)))
        return None


async def _reply(update: Update, html: str) -> None:
    chat = update.effective_chat
    if chat is not None:
        await chat.send_message(html, parse_mode=ParseMode.HTML)


async def _edit(message: Message | None, html: str) -> None:
    if message is not None:
        with _quietly():
            await message.edit_text(html, parse_mode=ParseMode.HTML)


# -- listing and removing ----------------------------------------------------------------------


def _articles(knowledge: Path) -> list[Article]:
    out = []
    for path in article_files(knowledge):
        try:
            out.append(parse_article(path.read_text(encoding="utf-8"), str(path)))
        except (OSError, UnicodeDecodeError, KnowledgeFileError):
            continue
    return sorted(out, key=lambda a: (a.dated or date.min, a.id), reverse=True)


async def artikel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the articles (id, outlet, date, title), newest first, a page at a time."""
    svc, message = services(context), update.effective_message
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


async def list_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, query = services(context), update.callback_query
    if query is None or await refuse(update, svc, "list button"):
        return
    match = LIST_CALLBACK.match(query.data or "")
    assert match is not None
    with _quietly():
        await query.answer()
    text, markup = await asyncio.to_thread(
        _listing, svc.settings.knowledge_dir, int(match.group(1))
    )
    if isinstance(query.message, Message):
        with _quietly():
            await query.message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def hapus(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask to confirm removing article ID."""
    svc, message = services(context), update.effective_message
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


async def delete_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Remove the confirmed article and rebuild; put it back when the build fails."""
    svc, query = services(context), update.callback_query
    if query is None or await refuse(update, svc, "delete button"):
        return
    match = DELETE_CALLBACK.match(query.data or "")
    assert match is not None
    with _quietly():
        await query.answer()
    message = query.message if isinstance(query.message, Message) else None
    if match.group(1) == "keep":
        await _edit(message, replies.DELETE_CANCELLED)
        return
    async with svc.admin_lock:
        path = next(
            (p for p in article_files(svc.settings.knowledge_dir) if p.stem == match.group(2)), None
        )
        if path is None:
            await _reply(update, replies.no_such_article(match.group(2)))
            return
        aside = path.with_name(f".{path.name}.removed")
        path.replace(aside)
        await _edit(message, replies.deleting(match.group(2)))
        report = await _reindex(update, svc)
        if report is None:
            aside.replace(path)
            return
        aside.unlink(missing_ok=True)
        await _reply(update, replies.deleted(match.group(2), report))


# -- usage -------------------------------------------------------------------------------------


async def statistik(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Questions asked, the answered share, votes, and what was not answered (7 and 30 days)."""
    svc, message = services(context), update.effective_message
    if message is None or await refuse(update, svc, "statistik"):
        return
    week = await asyncio.to_thread(svc.usage.usage, 7)
    month = await asyncio.to_thread(svc.usage.usage, 30)
    await message.reply_html(replies.usage_report(week, month))


async def vote_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A 👍 or 👎 under an answer: one vote per user per answer, which the user can change."""
    svc, query, chat, user = (
        services(context),
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
    with _quietly():
        await query.answer(replies.THANKS_UP if up else replies.THANKS_DOWN)
