"""Admin commands over the in-process fake Bot API, with the real engine on a tiny corpus (fake
embedder): add an article from a URL, a document or forwarded text; list; remove; votes and
statistics; non-admins refused for every command and button."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answer.engine import Engine
from bot.settings import Settings
from bot.tgbot import replies
from bot.tgbot.app import build_application
from bot.tgbot.services import BotApp
from tests.conftest import PAGES_DIR as PAGES
from tests.conftest import FakeEmbedder, write_knowledge
from tests.fake_bot_api import Call, FakeBotAPI, FakeRequest, bot_settings, feed, press, say

ADMIN, USER = 42, 1001
PAGE = "fb03_inews"  # a page with an HTML form, from an outlet the importer never saw
QUESTION = "Siapa kepala cabang BPJS Ketenagakerjaan Lubuklinggau yang baru?"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return bot_settings(
        tmp_path,
        bot_admin_ids=frozenset({ADMIN}),
        knowledge_dir=write_knowledge(tmp_path),
        embedding_model="fake-hash-64",
        rate_limit_per_minute=100,
    )


@pytest.fixture
def api() -> FakeBotAPI:
    return FakeBotAPI()


@pytest.fixture
async def app(settings: Settings, api: FakeBotAPI) -> AsyncIterator[BotApp]:
    shutil.copy2(
        Path(__file__).parent.parent / "knowledge" / "gazetteer.txt", settings.knowledge_dir
    )
    engine = Engine.load(settings.engine_config(), embedder=FakeEmbedder())
    async with build_application(settings, engine, request=FakeRequest(api)) as application:
        yield application


def buttons(call: Call) -> list[str]:
    markup = call.params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def articles(settings: Settings) -> set[str]:
    return {p.stem for p in (settings.knowledge_dir / "articles").glob("*.md")}


async def test_add_from_a_url_then_ask_then_remove(app, api, settings, site) -> None:  # type: ignore[no-untyped-def]
    assert not (await say(app, api, USER, QUESTION))[-1].params.get("reply_markup")
    [preview] = await say(app, api, ADMIN, f"/tambah {site}/{PAGE}.html")
    assert "Pratinjau artikel" in preview.text and "inewssumsel.id" in preview.text.lower()
    assert re.search(r"Baris dibuang:</b> \d+", preview.text)
    assert preview.text.count("<blockquote>") == 2
    save, cancel = buttons(preview)
    assert save.startswith("add:") and cancel.startswith("drop:")
    before = articles(settings)
    done = await press(app, api, ADMIN, preview, save)
    assert "disimpan" in done[-1].text and "di-embed baru" in done[-1].text
    [added] = articles(settings) - before
    answer = (await say(app, api, USER, QUESTION))[-1]
    assert "Ratna Sukmawati Harahap" in answer.text and buttons(answer)[0].startswith("src:")
    # The same page again is refused with the existing id.
    [dup] = await say(app, api, ADMIN, f"/tambah {site}/{PAGE}.html")
    assert added in dup.text and "sudah ada" in dup.text
    # Removing it asks first, then the question is refused again.
    [confirm] = await say(app, api, ADMIN, f"/hapus {added}")
    delete, keep = buttons(confirm)
    assert delete == f"del:{added}" and keep == f"keep:{added}"
    await press(app, api, ADMIN, confirm, delete)
    assert added not in articles(settings)
    assert not (await say(app, api, USER, QUESTION))[-1].params.get("reply_markup")


async def test_add_from_a_document_and_from_forwarded_parts(app, api, settings) -> None:  # type: ignore[no-untyped-def]
    data = (PAGES / f"{PAGE}.txt").read_bytes()
    [preview] = await say(app, api, ADMIN, "/tambah", document=("berita.txt", data))
    assert "Pratinjau artikel" in preview.text
    await press(app, api, ADMIN, preview, buttons(preview)[1])
    assert api.sent(method="editMessageText")[-1].params["text"] == replies.ADD_CANCELLED
    # The same article forwarded in two parts, then /tambah as a reply to the first.
    text = data.decode("utf-8")
    half = text.index("\n", len(text) // 2)
    first = api.user_message(ADMIN, text[:half], forwarded=True)
    await feed(app, api)
    kept = await say(app, api, ADMIN, text[half:], forwarded=True)
    assert "2 bagian" in kept[-1].text
    [preview] = await say(app, api, ADMIN, "/tambah", reply_to=first)
    assert "Pratinjau artikel" in preview.text and "Ratna" in preview.text
    await press(app, api, ADMIN, preview, buttons(preview)[0])
    assert any(p.startswith("inewssumsel") for p in articles(settings))


async def test_a_broken_page_changes_nothing(app, api, settings, site) -> None:  # type: ignore[no-untyped-def]
    before = articles(settings)
    [failed] = await say(app, api, ADMIN, f"/tambah {site}/missing.html")
    assert "Gagal mengimpor" in failed.text and "404" in failed.text
    [failed] = await say(app, api, ADMIN, "/tambah", document=("x.html", b"<html><p>x</p></html>"))
    assert "Gagal mengimpor" in failed.text
    [failed] = await say(app, api, ADMIN, "/tambah")
    assert "Gagal mengimpor" in failed.text
    assert articles(settings) == before


async def test_non_admins_are_refused_for_every_command_and_button(
    app, api, settings, site
) -> None:  # type: ignore[no-untyped-def]
    [preview] = await say(app, api, ADMIN, f"/tambah {site}/{PAGE}.html")
    [listing] = await say(app, api, ADMIN, "/artikel")
    [confirm] = await say(app, api, ADMIN, "/hapus alpha-2024-08-02")
    before = articles(settings)
    for command in ("/tambah", f"/tambah {site}/{PAGE}.html", "/artikel", "/hapus alpha-2024-08-02",
                    "/statistik", "/reindex"):  # fmt: skip
        [refused] = await say(app, api, USER, command)
        assert refused.text == replies.ADMIN_ONLY, command
    for message, data in [(preview, buttons(preview)[0]), (confirm, buttons(confirm)[0]),
                          (listing, "list:1")]:  # fmt: skip
        assert await press(app, api, USER, message, data) == []
        alert = api.sent(method="answerCallbackQuery")[-1]
        assert alert.params["text"] == replies.ADMIN_ONLY
    assert articles(settings) == before


async def test_votes_and_statistics_without_ids(app, api, settings) -> None:  # type: ignore[no-untyped-def]
    answer = (await say(app, api, USER, "Berapa persen pekerja Sumsel yang terlindungi?"))[-1]
    up, down = buttons(answer)[1:]
    await press(app, api, USER, answer, down)
    await press(app, api, USER, answer, up)  # a user may change their vote
    await press(app, api, USER + 1, answer, down)
    await say(app, api, USER, "Berapa iuran bulanan BPJS Kesehatan @someone 0812345678?")
    [report] = await say(app, api, ADMIN, "/statistik")
    assert "7 hari: 2 pertanyaan, 1 terjawab (50%); 👍 1, 👎 1" in report.text
    assert "berapa iuran bulanan bpjs kesehatan" in report.text
    assert "berapa persen pekerja sumsel yang terlindungi" in report.text  # its 👎
    for private in ("someone", "0812345678", str(USER), "Pekerja1001"):
        assert private not in report.text


async def test_the_list_is_paginated(app, api, settings) -> None:  # type: ignore[no-untyped-def]
    folder = settings.knowledge_dir / "articles"
    for i in range(14):
        (folder / f"x{i:02d}.md").write_text(
            f"---\nid: x-{i:02d}\ntitle: Judul {i}\noutlet: Contoh\ndated: 2024-01-{i + 1:02d}\n---\n"
            "Isi artikel yang cukup panjang untuk dimuat.\n",
            "utf-8",
        )
    [page1] = await say(app, api, ADMIN, "/artikel")
    assert "halaman 1/2" in page1.text and buttons(page1) == ["list:1"]
    await press(app, api, ADMIN, page1, "list:1")
    assert "halaman 2/2" in api.sent(method="editMessageText")[-1].params["text"]
