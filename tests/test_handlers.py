"""Handlers, offline: a real PTB Application over an in-process fake Bot API and a fake engine.

Updates are built by factories (`private`, `group`, ...) and fed to `app.process_update`;
every Bot API call goes to `FakeBotAPI`, so nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Message, Update

from bot.answer.records import Answer, AnswerPart, Reason
from bot.settings import Settings
from bot.tgbot import replies
from bot.tgbot.app import build_application, file_base_url, post_init
from bot.tgbot.incoming import addressed_question, strip_mention, user_tag
from bot.tgbot.services import BotApp
from index.build import BuildReport
from index.errors import KnowledgeFileError
from tests.conftest import make_citation
from tests.fake_bot_api import (
    BOT_USER,
    TOKEN,
    ApiError,
    Call,
    FakeBotAPI,
    FakeRequest,
    bot_settings,
    feed,
    say,
)

ADMIN = 42
USER = 1001
GROUP = -100200300
BOT_NAME = BOT_USER["username"]

PROGRAMS = (
    "Lima program perlindungan itu yakni Jaminan Hari Tua, Jaminan Kecelakaan Kerja, "
    "Jaminan Kematian, Jaminan Pensiun, dan Jaminan Kehilangan Pekerjaan."
)


class FakeEngine:
    """Answers by keyword; records questions; `reindex` can be held open by a gate."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.reindex_calls = 0
        self.reindex_gate = threading.Event()
        self.reindex_gate.set()
        self.reindex_started = threading.Event()
        self.reindex_error: Exception | None = None
        self.unchanged = False

    def ask(self, question: str) -> Answer:
        self.questions.append(question)
        q = question.lower()
        if "boom" in q:
            raise RuntimeError("engine exploded")
        if "program" in q:
            part = AnswerPart(PROGRAMS, 1, ("Lima",))
            return Answer(question, True, (part,), (make_citation(1),))
        if "panjang" in q:
            parts = tuple(AnswerPart(f"Kalimat {i} " + "kata " * 150 + ".", 1) for i in range(12))
            return Answer(question, True, parts, (make_citation(1),))
        if "terlindungi" in q:
            part = AnswerPart("Baru 34 persen <terlindungi> & aman.", 2, ("34 persen",))
            return Answer(question, True, (part,), (make_citation(2),))
        return Answer(question, False, reason=Reason.NOT_IN_SOURCES, message="Maaf, tidak ada.")

    def reindex(self, progress: None = None, cancel: threading.Event | None = None) -> BuildReport:
        self.reindex_calls += 1
        self.reindex_started.set()
        assert self.reindex_gate.wait(10)
        if self.reindex_error:
            raise self.reindex_error
        if self.unchanged:
            return BuildReport(12, 80, 0, 80, 0.0, "b-1", unchanged=True)
        return BuildReport(12, 80, 5, 75, 3.25, "b-1")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return bot_settings(
        tmp_path,
        bot_admin_ids=frozenset({ADMIN}),
        knowledge_dir=tmp_path / "knowledge",
        rate_limit_per_minute=5,
    )


@pytest.fixture
def api() -> FakeBotAPI:
    return FakeBotAPI()


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
async def app(settings: Settings, engine: FakeEngine, api: FakeBotAPI) -> AsyncIterator[BotApp]:
    async with build_application(settings, engine, request=FakeRequest(api)) as application:
        yield application


async def private(app, api, text: str | None, user: int = USER, **kw: Any) -> list[Call]:  # type: ignore[no-untyped-def]
    """User `user` writes `text` in their private chat; return the messages sent back."""
    return await say(app, api, user, text, **kw)


async def group(app, api, text: str, user: int = USER, **kw: Any) -> list[Call]:  # type: ignore[no-untyped-def]
    return await say(app, api, user, text, chat_id=GROUP, chat_type="supergroup", **kw)


def button_data(call: Call) -> str:
    """The Sumber button's data; the answer's buttons are Sumber, 👍 and 👎, in that order."""
    [[button, up, down]] = call.params["reply_markup"]["inline_keyboard"]
    assert (button["text"], up["text"], down["text"]) == ("Sumber", "👍", "👎")
    return str(button["callback_data"])


# -- conversation ------------------------------------------------------------------------------


async def test_start_and_help_welcome_with_examples_and_commands(app, api) -> None:  # type: ignore[no-untyped-def]
    for command in ("/start", "/help"):
        [reply] = await private(app, api, command)
        assert reply.params["parse_mode"] == "HTML"
        assert "BPJS Ketenagakerjaan" in reply.text and "Sumatera Selatan" in reply.text
        for example in replies.EXAMPLES:
            assert example in reply.text
        for cmd in ("/tanya", "/sumber", "/help"):
            assert cmd in reply.text
        assert "Ketik saja pertanyaan Anda" in reply.text


async def test_private_question_is_answered_with_typing_and_sources_button(
    app, api, engine
) -> None:  # type: ignore[no-untyped-def]
    [reply] = await private(app, api, "Apa saja program BPJS Ketenagakerjaan?")
    assert engine.questions == ["Apa saja program BPJS Ketenagakerjaan?"]
    assert reply.params["parse_mode"] == "HTML"
    assert "Jaminan Kehilangan Pekerjaan. [1]" in reply.text
    assert "<b>Lima</b> program" in reply.text
    assert "[1] Koran Palpres, 1 Agustus 2024" in reply.text
    assert button_data(reply) == "src:1"
    actions = api.sent(USER, "sendChatAction")
    assert actions and actions[0].params["action"] == "typing"
    assert actions[0].at <= reply.at


async def test_a_failing_chat_action_does_not_stop_the_answer(app, api) -> None:  # type: ignore[no-untyped-def]
    api.fail("sendChatAction", ApiError(400, "Bad Request: not enough rights"), times=None)
    [reply] = await private(app, api, "program apa saja?")
    assert "Jaminan Hari Tua" in reply.text


async def test_answer_still_arrives_when_the_question_was_deleted(app, api) -> None:  # type: ignore[no-untyped-def]
    api.user_message(USER, "/tanya program apa saja?", chat_id=GROUP, chat_type="group")
    update = await api_update(app, api)
    data = update.to_dict()
    data["message"]["message_id"] = 99_999  # deleted: unknown to the API
    await app.process_update(Update.de_json(data, app.bot))
    [reply] = api.sent(GROUP)
    assert reply.error is None and "Jaminan Hari Tua" in reply.text
    assert reply.params["reply_parameters"]["message_id"] == 99_999
    assert reply.params["reply_parameters"]["allow_sending_without_reply"] is True


async def test_abstention_shows_the_engine_message(app, api) -> None:  # type: ignore[no-untyped-def]
    [reply] = await private(app, api, "Siapa presiden Amerika?")
    assert reply.text == "Maaf, tidak ada."
    assert "reply_markup" not in reply.params


async def test_article_text_is_escaped_in_answers_and_sources(app, api) -> None:  # type: ignore[no-untyped-def]
    [reply] = await private(app, api, "<b>hi</b> & <script> terlindungi?")
    assert "Baru <b>34 persen</b> &lt;terlindungi&gt; &amp; aman. [2]" in reply.text
    assert reply.error is None
    [sources] = await private(app, api, "/sumber")
    assert "<blockquote>Kutipan &amp; &lt;asli&gt; nomor 2.</blockquote>" in sources.text


async def test_long_answers_are_split_and_the_button_is_under_the_last(app, api) -> None:  # type: ignore[no-untyped-def]
    chunks = await private(app, api, "jawaban panjang")
    assert len(chunks) >= 2
    assert all(c.error is None for c in chunks)  # the fake API enforces 4096 and valid HTML
    assert all("reply_markup" not in c.params for c in chunks[:-1])
    assert button_data(chunks[-1]).startswith("src:")


async def test_sticker_and_unknown_command_get_guidance(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    [reply] = await private(app, api, None, sticker=True)
    assert reply.text == replies.NOT_TEXT
    [reply] = await private(app, api, "/entahlah")
    assert reply.text == replies.UNKNOWN_COMMAND
    assert engine.questions == []


# -- groups ------------------------------------------------------------------------------------


async def test_group_chatter_is_ignored(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    assert await group(app, api, "program BPJS apa saja ya? nanti kita bahas") == []
    other = api.user_message(555, "halo", chat_id=GROUP, chat_type="supergroup")
    assert await group(app, api, "program apa?", reply_to=other) == []
    assert await group(app, api, "@orang_lain program apa?") == []
    assert await group(app, api, "/tanya@bot_lain program apa?") == []
    assert engine.questions == []


async def test_group_tanya_mention_and_reply_are_answered(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    [usage] = await group(app, api, "/tanya")
    assert usage.text == replies.TANYA_USAGE
    [a1] = await group(app, api, "/tanya Apa saja program BPJS Ketenagakerjaan?")
    [a2] = await group(app, api, f"/tanya@{BOT_NAME} program apa saja?")
    [a3] = await group(app, api, f"@{BOT_NAME} program BPJS TK apa aja?")
    [a4] = await group(app, api, "kalau program?", reply_to=api.message_of(a1))
    [a5] = await group(app, api, f"@{BOT_NAME.upper()}", user=USER + 1)  # within USER's limit
    assert engine.questions == [
        "Apa saja program BPJS Ketenagakerjaan?",
        "program apa saja?",
        "program BPJS TK apa aja?",
        "kalau program?",
    ]
    for reply in (a1, a2, a3, a4):
        assert "Jaminan Pensiun" in reply.text
        assert reply.params["reply_parameters"]["message_id"]  # quotes the question in groups
    assert f"@{BOT_NAME}" in a5.text  # a bare mention explains how to ask


def test_addressed_question_parsing() -> None:
    from telegram import Bot

    bot = Bot(TOKEN)
    api = FakeBotAPI()

    def msg(text: str, **kw: Any) -> Message:
        data = api.user_message(USER, text, chat_id=GROUP, chat_type="group", **kw)
        return Message.de_json(data, bot)

    bot_id = BOT_USER["id"]
    assert addressed_question(msg("halo semua"), bot_id, BOT_NAME) is None
    assert (
        addressed_question(msg(f"hai @{BOT_NAME}, brp  pekerja?"), bot_id, BOT_NAME)
        == "hai , brp pekerja?"
    )
    bot_msg = {"message_id": 9, "date": 0, "chat": {"id": GROUP, "type": "group"}, "from": BOT_USER}
    assert addressed_question(msg("lalu?", reply_to=bot_msg), bot_id, BOT_NAME) == "lalu?"
    topic = {**bot_msg, "forum_topic_created": {"name": "Tanya", "icon_color": 7322096}}
    assert addressed_question(msg("lalu?", reply_to=topic), bot_id, BOT_NAME) is None
    assert strip_mention("@Bpjstk_Test_Bot  program?", BOT_NAME) == "program?"


# -- sources -------------------------------------------------------------------------------------


async def test_sumber_before_any_question_says_so(app, api) -> None:  # type: ignore[no-untyped-def]
    [reply] = await private(app, api, "/sumber")
    assert reply.text == replies.NO_SOURCES_YET


async def test_sumber_and_button_show_title_outlet_date_link_and_quote(app, api) -> None:  # type: ignore[no-untyped-def]
    [first] = await private(app, api, "program apa saja?")
    [second] = await private(app, api, "berapa yang terlindungi?")
    [last] = await private(app, api, "/sumber")
    assert last.text.startswith("<b>Sumber jawaban terakhir:</b>")
    assert "<b>[2] Baru 34 Persen Pekerja Sumsel Terlindungi (2)</b>" in last.text
    assert "Koran Palpres, 2 Agustus 2024" in last.text
    assert 'href="https://koranpalpres.example/berita/2"' in last.text
    # The button under the OLDER answer shows that answer's sources, not the last ones.
    query_id = api.press_button(USER, api.message_of(first), button_data(first))
    await feed(app, api)
    [shown] = api.sent(USER)[-1:]
    assert shown.text.startswith("<b>Sumber jawaban ini:</b>")
    assert "(1)</b>" in shown.text and "(2)</b>" not in shown.text
    assert shown.params["reply_parameters"]["message_id"] == api.message_of(first)["message_id"]
    answered = api.sent(method="answerCallbackQuery")
    assert [c.params["callback_query_id"] for c in answered] == [query_id]
    # An answer no longer remembered falls back to the last one, and says so.
    api.press_button(USER, api.message_of(second), "src:999")
    await feed(app, api)
    assert api.sent(USER)[-1].text.startswith(f"<b>{replies.SOURCES_FALLBACK}</b>")


async def test_sources_survive_a_restart(settings, engine, api) -> None:  # type: ignore[no-untyped-def]
    async with build_application(settings, engine, request=FakeRequest(api)) as first:
        [answer] = await private(first, api, "program apa saja?")
    assert settings.state_path.exists()

    async with build_application(settings, engine, request=FakeRequest(api)) as second:
        [sources] = await private(second, api, "/sumber")
        assert "(1)</b>" in sources.text
        api.press_button(USER, api.message_of(answer), button_data(answer))
        await feed(second, api)
        assert api.sent(USER)[-1].text.startswith("<b>Sumber jawaban ini:</b>")


# -- limits and errors ---------------------------------------------------------------------------


async def test_flooding_user_is_told_once_and_others_are_unaffected(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    sent: list[Call] = []
    for i in range(12):
        sent += await private(app, api, f"program apa saja? {i}")
    assert len(engine.questions) == 5
    limited = [c for c in sent if "terlalu banyak" in c.text]
    assert len(limited) == 1 and "batas 5 per menit" in limited[0].text
    assert len(sent) == 6
    [other] = await private(app, api, "program apa saja?", user=USER + 1)
    assert "Jaminan Hari Tua" in other.text


async def test_admins_are_not_limited_per_user(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    sent: list[Call] = []
    for i in range(8):
        sent += await private(app, api, f"program apa saja? {i}", user=ADMIN)
    assert len(engine.questions) == 8
    assert not [c for c in sent if "terlalu banyak" in c.text]


async def test_engine_error_is_logged_without_text_and_the_user_told(app, api, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG, logger="bot")
    caplog.set_level(logging.INFO, logger="telegram")  # as run_bot sets it: PTB debug logs text
    [reply] = await private(app, api, "boom rahasia-pribadi")
    assert reply.text == replies.ERROR
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and errors[0].exc_info and "message" in errors[0].getMessage()
    [after] = await private(app, api, "program apa saja?")
    assert "Jaminan Hari Tua" in after.text
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "rahasia" not in logged and "program apa" not in logged
    assert f"Pekerja{USER}" not in logged and str(USER) not in logged
    assert user_tag(USER) in logged


async def test_post_init_publishes_the_command_menu(app, api) -> None:  # type: ignore[no-untyped-def]
    await post_init(app)
    assert [c["command"] for c in api.commands] == ["tanya", "sumber", "help"]


async def test_set_my_commands_failure_is_logged_and_start_up_goes_on(app, api, caplog) -> None:  # type: ignore[no-untyped-def]
    api.fail("setMyCommands", ApiError(500, "Internal Server Error"))
    with caplog.at_level(logging.INFO, logger="bot"):
        await post_init(app)  # returns: a missing menu does not stop the bot
    [menu] = api.sent(method="setMyCommands")
    assert menu.error == "Internal Server Error" and api.commands == []
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warned == [
        "setMyCommands failed, continuing without a command menu: Internal Server Error"
    ]
    assert f"bot @{BOT_NAME} ready" in caplog.messages
    [reply] = await private(app, api, "program apa saja?")
    assert "Jaminan Hari Tua" in reply.text


def test_file_url_follows_the_api_url() -> None:
    assert file_base_url("http://127.0.0.1:8081/bot") == "http://127.0.0.1:8081/file/bot"
    assert file_base_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_base_url("https://x.example/bot{token}/v") == "https://x.example/file/bot{token}/v"


# -- admin -------------------------------------------------------------------------------------


async def test_reindex_is_refused_to_non_admins_everywhere(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    [reply] = await private(app, api, "/reindex")
    assert reply.text == replies.ADMIN_ONLY
    [reply] = await group(app, api, "/reindex")
    assert reply.text == replies.ADMIN_ONLY
    assert engine.reindex_calls == 0


async def test_reindex_runs_in_background_and_reports_counts(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    engine.reindex_gate.clear()
    api.user_message(ADMIN, "/reindex")
    first = await api_update(app, api)
    running = asyncio.create_task(app.process_update(first))
    assert await asyncio.to_thread(engine.reindex_started.wait, 5)
    # While it runs, questions are answered and a second /reindex is told to wait.
    [answer] = await private(app, api, "program apa saja?")
    assert "Jaminan Hari Tua" in answer.text
    # More requests while it runs merge into one follow-up build.
    for _ in range(3):
        [queued] = await private(app, api, "/reindex", user=ADMIN)
        assert queued.text == replies.REINDEX_QUEUED
    engine.reindex_gate.set()
    await asyncio.wait_for(running, 5)
    started, done = api.sent(ADMIN)[0], api.sent(ADMIN)[-1]
    assert started.text == replies.REINDEX_STARTED
    assert "<b>12</b> artikel, <b>80</b> potongan teks (5 di-embed baru, 75 dipakai" in done.text
    assert "3,2 detik" in done.text
    assert engine.reindex_calls == 2  # the first build and one follow-up


async def test_reindex_of_an_unchanged_corpus_says_so(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    engine.unchanged = True
    replies_sent = await private(app, api, "/reindex", user=ADMIN)
    assert replies_sent[-1].text == replies.REINDEX_UNCHANGED


async def test_failed_reindex_reports_the_reason_and_can_be_retried(app, api, engine) -> None:  # type: ignore[no-untyped-def]
    engine.reindex_error = KnowledgeFileError("knowledge/articles/x.md", 3, "published: <bad>")
    replies_sent = await private(app, api, "/reindex", user=ADMIN)
    assert "Gagal membangun ulang indeks" in replies_sent[-1].text
    assert "x.md:3: published: &lt;bad&gt;" in replies_sent[-1].text
    assert "Indeks lama tetap dipakai" in replies_sent[-1].text
    engine.reindex_error = None
    replies_sent = await private(app, api, "/reindex", user=ADMIN)
    assert "selesai dibangun ulang" in replies_sent[-1].text


async def api_update(app: BotApp, api: FakeBotAPI) -> Update:
    [data] = api.handle("getUpdates", {}, block=False)["result"]
    api.handle("getUpdates", {"offset": data["update_id"] + 1}, block=False)
    return Update.de_json(data, app.bot)
