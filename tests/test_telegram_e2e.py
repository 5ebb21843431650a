"""End to end: the real `bpjstk-bot run` process, real engine and model, against a fake Bot API.

A stdlib HTTP server on 127.0.0.1 plays Telegram (`tests/fake_bot_api.py`); the bot reaches it
through TELEGRAM_API_BASE_URL and long-polls it like the real API. The tests play users and
assert on what they receive. The process is started once for the module (the model loads once);
the last test stops it with SIGTERM and restarts it to prove the state survives.
Tests run in file order and share the process; each uses its own users and chats.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from bot.tgbot import replies
from tests.fake_bot_api import TOKEN, ApiError, Call, FakeBotAPI, FakeBotAPIServer

PROJECT = Path(__file__).resolve().parent.parent
ADMIN = 4_200_001
GROUP = -1_009_900_001
BOT_NAME = "bpjstk_test_bot"
START_TIMEOUT = 120.0
FIVE_PROGRAMS = (
    "Jaminan Hari Tua",
    "Jaminan Kecelakaan Kerja",
    "Jaminan Kematian",
    "Jaminan Pensiun",
    "Jaminan Kehilangan Pekerjaan",
)
PROGRAMS_Q = "Apa saja program BPJS Ketenagakerjaan?"
PEOPLE_Q = "brp pekerja sumsel yg udah terlindungi?"
PEOPLE_FIGURE = re.compile(r"34 persen|1\.033\.000|1,3 juta")


@dataclass
class Bot:
    """The running bot process and the fake Telegram it talks to."""

    api: FakeBotAPI
    server: FakeBotAPIServer
    root: Path
    env: dict[str, str]
    proc: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path:
        return self.root / "bot.log"

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")

    def start(self) -> None:
        polls = self.api.polls
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run"],
                cwd=self.root,  # no developer .env is read
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while self.api.polls <= polls:  # ready once it long-polls getUpdates
            assert self.proc.poll() is None, f"bot exited at start-up:\n{self.log()[-3000:]}"
            assert time.monotonic() < deadline, f"bot did not start:\n{self.log()[-3000:]}"
            time.sleep(0.1)

    def stop(self, timeout: float = 30.0) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
            raise AssertionError(f"bot ignored SIGTERM:\n{self.log()[-3000:]}") from None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    # -- playing users --------------------------------------------------------------------------

    def say(self, user: int, text: str | None, timeout: float = 30.0, **kw: Any) -> list[Call]:
        """`user` sends a message; wait for the bot's reply (all chunks) and return it."""
        chat = kw.get("chat_id", user)
        before = len(self.api.delivered(chat))
        self.api.user_message(user, text, **kw)
        return self.replies(chat, before, timeout)

    def replies(self, chat: int, before: int, timeout: float = 30.0) -> list[Call]:
        try:
            self.api.wait_sent(chat, before + 1, timeout)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\nbot log:\n{self.log()[-2000:]}") from None
        time.sleep(0.3)  # let the remaining chunks of a long answer arrive
        return self.api.delivered(chat)[before:]

    def ask(self, user: int, question: str, **kw: Any) -> str:
        """Ask a question that must be answered; return the answer's HTML."""
        sent = self.say(user, question, **kw)
        assert sent[-1].params.get("reply_markup"), f"not answered: {[c.text for c in sent]}"
        assert all(c.params.get("parse_mode") == "HTML" for c in sent)
        return "\n".join(c.text for c in sent)

    def still_answers(self, user: int) -> None:
        answer = self.ask(user, PROGRAMS_Q)
        assert all(p in answer for p in FIVE_PROGRAMS)


def current_build(bot: Bot) -> str:
    return os.readlink(bot.root / "var" / "index" / "current")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    root = tmp_path_factory.mktemp("e2e")
    shutil.copytree(PROJECT / "knowledge", root / "knowledge")
    api = FakeBotAPI()
    # Optional API calls fail like a flaky Telegram would: the bot must start anyway.
    api.fail("setMyCommands", ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH"))
    env = {k: v for k, v in os.environ.items() if k.lower() not in Settings.model_fields}
    with FakeBotAPIServer(api) as server:
        env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=server.base_url,
            BOT_ADMIN_IDS=str(ADMIN),
            DATA_DIR=str(root / "var"),
            KNOWLEDGE_DIR=str(root / "knowledge"),
            LOG_LEVEL="INFO",
            HF_HUB_OFFLINE="1",
            TRANSFORMERS_OFFLINE="1",
            TOKENIZERS_PARALLELISM="false",
            PYTHONPATH=str(PROJECT),
        )
        harness = Bot(api, server, root, env)
        harness.start()
        try:
            yield harness
        finally:
            if harness.alive():
                harness.stop()


# -- conversation ------------------------------------------------------------------------------


def test_start_up_survives_a_failing_command_menu_and_greets(bot: Bot) -> None:
    assert [c.error for c in bot.api.sent(method="setMyCommands")] == [
        "Bad Request: BOT_COMMANDS_TOO_MUCH"
    ]
    [welcome] = bot.say(8_101_001, "/start")
    assert welcome.params["parse_mode"] == "HTML"
    for example in replies.EXAMPLES:
        assert example in welcome.text
    assert "/sumber" in welcome.text and "/tanya" in welcome.text


def test_formal_question_names_all_five_programs_with_sources(bot: Bot) -> None:
    [answer] = bot.say(8_101_002, PROGRAMS_Q)
    for program in FIVE_PROGRAMS:
        assert program in answer.text
    assert "[1]" in answer.text and "<b>Sumber:</b>" in answer.text
    [[button, up, down]] = answer.params["reply_markup"]["inline_keyboard"]
    assert button["text"] == "Sumber" and button["callback_data"].startswith("src:")
    assert (up["text"], down["text"]) == ("👍", "👎")
    typing = bot.api.sent(8_101_002, "sendChatAction")
    assert typing and typing[0].params["action"] == "typing" and typing[0].at <= answer.at


def test_informal_question_gets_the_figures_in_bold(bot: Bot) -> None:
    answer = bot.ask(8_101_003, PEOPLE_Q)
    assert PEOPLE_FIGURE.search(answer), answer
    assert re.search(r"<b>[^<]*(34 persen|1\.033\.000|1,3 juta)[^<]*</b>", answer)
    assert re.search(r"\[\d\] [^<\n]+, [^<\n]*20\d\d", answer)  # "[n] outlet, date" lines


def test_who_question_names_the_person(bot: Bot) -> None:
    answer = bot.ask(8_101_006, "Siapa Kepala Kanwil BPJS Ketenagakerjaan Sumbagsel?")
    assert "Muhyidin" in answer


def test_sources_button_and_sumber_command(bot: Bot) -> None:
    user = 8_101_004
    first = bot.say(user, PROGRAMS_Q)[-1]
    bot.ask(user, PEOPLE_Q)
    # The button under the first (older) answer shows the first answer's own sources.
    before = len(bot.api.delivered(user))
    data = first.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    query = bot.api.press_button(user, bot.api.message_of(first), data)
    sources = "\n".join(c.text for c in bot.replies(user, before))
    assert sources.startswith(f"<b>{replies.SOURCES_OF_THAT_ANSWER}</b>")
    assert "<blockquote>" in sources and "Jaminan Kehilangan Pekerjaan" in sources
    # outlet and date under the title (the bundled articles have no URL, so no link line)
    assert re.search(r"</b>\n[^<\n]+, [^<\n]*20\d\d\n<blockquote>", sources), sources
    answered = [c.params["callback_query_id"] for c in bot.api.sent(method="answerCallbackQuery")]
    assert query in answered
    # /sumber shows the last answer's sources: the figures' articles.
    last = "\n".join(c.text for c in bot.say(user, "/sumber"))
    assert last.startswith(f"<b>{replies.SOURCES_HEADING}</b>")
    assert PEOPLE_FIGURE.search(last)
    [none_yet] = bot.say(8_101_005, "/sumber")
    assert none_yet.text == replies.NO_SOURCES_YET


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "text", "expect"),
    [
        (8_102_001, "<b>hi</b> & <script>", "Silakan tulis pertanyaan"),
        (8_102_002, "Berapa pekerja " + "sangat " * 570 + "terlindungi?", "terlalu panjang"),
        (8_102_003, "😀🙏🔥", "kata-kata"),
        (8_102_004, None, replies.NOT_TEXT),  # a sticker
        (8_102_005, "/perintahaneh", replies.UNKNOWN_COMMAND),
    ],
    ids=["html", "4000-chars", "emoji", "sticker", "unknown-command"],
)
def test_bad_input_gets_a_polite_reply_then_questions_still_work(
    bot: Bot, user: int, text: str | None, expect: str
) -> None:
    sent = bot.say(user, text, sticker=text is None)
    assert all(c.error is None for c in sent)  # valid HTML, within 4096
    assert expect in sent[0].text
    assert "<script>" not in sent[0].text
    bot.still_answers(user)


# -- groups --------------------------------------------------------------------------------------


def test_group_chatter_is_ignored_but_tanya_mention_and_reply_are_answered(bot: Bot) -> None:
    g = {"chat_id": GROUP, "chat_type": "supergroup"}
    bot.api.user_message(8_103_001, "program BPJS apa saja ya? besok kita bahas", **g)
    bot.api.user_message(8_103_002, "@teman_lain brp pekerja yg terlindungi?", **g)
    # /tanya without a question explains the usage.
    [usage] = bot.say(8_103_001, "/tanya", **g)
    assert usage.text == replies.TANYA_USAGE
    answer = bot.ask(8_103_001, f"/tanya {PROGRAMS_Q}", **g)
    assert all(p in answer for p in FIVE_PROGRAMS)
    mention = bot.say(8_103_002, f"@{BOT_NAME} {PEOPLE_Q}", **g)
    assert PEOPLE_FIGURE.search(mention[0].text)
    reply = bot.say(
        8_103_003, "program bpjs tk ada apa aja?", reply_to=bot.api.message_of(mention[-1]), **g
    )
    assert "Jaminan Pensiun" in reply[0].text
    for call in (usage, *mention, *reply):
        assert call.params["reply_parameters"]["message_id"]  # replies quote the asker
    time.sleep(1.0)
    # Exactly the four addressed messages were answered; the chatter got nothing.
    assert len(bot.api.delivered(GROUP)) == 4
    assert len(bot.api.sent(GROUP, "sendChatAction")) == 3


# -- admin ---------------------------------------------------------------------------------------


def test_reindex_is_refused_to_non_admins_and_nothing_is_rebuilt(bot: Bot) -> None:
    build = current_build(bot)
    [refused] = bot.say(8_104_001, "/reindex")
    assert refused.text == replies.ADMIN_ONLY
    [refused] = bot.say(8_104_001, "/reindex", chat_id=GROUP, chat_type="supergroup")
    assert refused.text == replies.ADMIN_ONLY
    time.sleep(0.5)
    assert current_build(bot) == build
    assert "reindex started" not in bot.log()


NEW_ARTICLE = """---
id: contoh-2025-01-01
title: Layanan Keliling di Desa
outlet: Koran Contoh
dated: 2025-01-01
---
Kantor cabang membuka layanan keliling untuk pekerja desa setiap Sabtu.
"""


def test_admin_reindex_reports_counts_while_questions_are_answered(bot: Bot) -> None:
    build = current_build(bot)
    [unchanged] = bot.say(ADMIN, "/reindex")[-1:]
    assert unchanged.text == replies.REINDEX_UNCHANGED  # nothing to rebuild, nothing built
    assert current_build(bot) == build
    (bot.root / "knowledge" / "articles" / "contoh.md").write_text(NEW_ARTICLE, "utf-8")
    before = len(bot.api.delivered(ADMIN))
    for _ in range(10):  # ten requests in a burst: one build and at most one follow-up
        bot.api.user_message(ADMIN, "/reindex")
    bot.still_answers(8_104_002)  # answered from the current index meanwhile
    bot.api.wait_for(
        lambda: any("selesai dibangun" in c.text for c in bot.api.delivered(ADMIN)[before:]),
        timeout=60,
    )
    time.sleep(2.0)  # a follow-up build, if any, reports within this
    sent = bot.api.delivered(ADMIN)[before:]
    assert sent[0].text == replies.REINDEX_STARTED
    report = next(c.text for c in sent if "selesai dibangun" in c.text)
    n_articles = len(list((bot.root / "knowledge" / "articles").glob("*.md")))
    assert f"<b>{n_articles}</b> artikel" in report, report
    assert re.search(r"<b>\d+</b> potongan teks \(1 di-embed baru, \d+ dipakai ulang", report)
    assert re.search(r"dalam \d+,\d detik", report)
    assert current_build(bot) != build
    assert bot.log().count("reindex done") <= 2
    bot.still_answers(8_104_002)


# -- load ----------------------------------------------------------------------------------------


def test_flooding_user_is_told_once_and_the_bot_keeps_answering(bot: Bot) -> None:
    user = 8_105_001
    limit = Settings.model_fields["rate_limit_per_minute"].default
    for i in range(limit + 10):
        bot.api.user_message(user, f"{PROGRAMS_Q} {i}")
    bot.api.wait_for(lambda: len(bot.api.delivered(user)) >= limit + 1, timeout=60)
    time.sleep(1.0)
    sent = bot.api.delivered(user)
    told = [c for c in sent if "terlalu banyak" in c.text]
    assert len(told) == 1 and f"batas {limit} per menit" in told[0].text
    assert len(sent) == limit + 1
    assert bot.alive()
    bot.still_answers(8_105_002)


def test_twenty_five_users_at_once_all_get_correct_answers(bot: Bot) -> None:
    users = list(range(8_106_001, 8_106_026))
    # Telegram's flood control hits the first reply: PTB's rate limiter retries it.
    flood = ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
    bot.api.fail("sendMessage", flood, when=lambda c: c.chat_id == users[0])
    for i, user in enumerate(users):
        bot.api.user_message(user, PROGRAMS_Q if i % 2 else PEOPLE_Q)
    bot.api.wait_for(lambda: all(bot.api.delivered(u) for u in users), timeout=60)
    for i, user in enumerate(users):
        [answer] = bot.api.delivered(user)
        if i % 2:
            assert all(p in answer.text for p in FIVE_PROGRAMS), answer.text
        else:
            assert PEOPLE_FIGURE.search(answer.text), answer.text
    assert [c.error for c in bot.api.sent(users[0])][0].startswith("Too Many Requests")


def test_one_user_flooding_commands_buttons_and_mentions_cannot_stall_others(bot: Bot) -> None:
    flooder, other, group = 8_108_001, 8_108_002, -1_009_900_108
    limit = Settings.model_fields["rate_limit_per_minute"].default
    [answer] = bot.say(flooder, PROGRAMS_Q)  # a bot message with a Sumber button to press
    data = answer.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    before_private = len(bot.api.delivered(flooder))
    before_group = len(bot.api.delivered(group))
    for i in range(200):
        if i % 3 == 0:
            bot.api.user_message(flooder, "/start")
        elif i % 3 == 1:
            bot.api.press_button(flooder, bot.api.message_of(answer), data)
        else:
            bot.api.user_message(flooder, f"@{BOT_NAME}", chat_id=group, chat_type="supergroup")
    asked = time.monotonic()
    answered = bot.ask(other, PROGRAMS_Q)  # another user's private question, meanwhile
    assert time.monotonic() - asked < 5.0
    assert all(p in answered for p in FIVE_PROGRAMS)
    bot.api.wait_for(lambda: bot.api.polls > 0, timeout=5)
    time.sleep(3.0)  # let whatever the flood was allowed reach the fake Telegram
    got = bot.api.delivered(flooder)[before_private:] + bot.api.delivered(group)[before_group:]
    notices = [c for c in got if "terlalu banyak" in c.text]
    alerts = [c for c in bot.api.sent(method="answerCallbackQuery") if c.params.get("text")]
    assert len(got) - len(notices) <= limit - 1  # the question above counted too
    assert len(notices) + len(alerts) == 1
    assert bot.alive()


def test_kill_during_state_saves_then_a_crafted_state_file(bot: Bot) -> None:
    users = range(8_109_001, 8_109_011)
    for user in users:
        bot.api.user_message(user, PEOPLE_Q)
    bot.api.wait_for(lambda: sum(bool(bot.api.delivered(u)) for u in users) >= 3, timeout=60)
    assert bot.proc is not None
    bot.proc.kill()  # kill -9 while answers (and their state saves) are in flight
    bot.proc.wait(10)
    bot.start()
    bot.still_answers(8_109_020)
    assert bot.stop() == 0
    marker = bot.root / "pwned"
    state = bot.root / "var" / "state.sqlite"
    for extra in ("-wal", "-shm"):
        (bot.root / "var" / f"state.sqlite{extra}").unlink(missing_ok=True)
    state.write_bytes(f"cos\nsystem\n(S'touch {marker}'\ntR.".encode())  # a pickle payload
    bot.start()
    bot.still_answers(8_109_021)
    assert not marker.exists()
    assert "is unreadable" in bot.log() and "starting empty" in bot.log()


def _many_articles(knowledge: Path, n: int) -> list[Path]:
    """`n` new articles whose chunks are not in the embedding cache (a long rebuild)."""
    seed = (knowledge / "articles" / "musinews-2024-08-01.md").read_text("utf-8")
    head, body = seed.split("\n---\n", 1)
    paths = []
    for i in range(n):
        text = "\n\n".join(f"{p} (catatan {i}-{j})" for j, p in enumerate(body.split("\n\n")))
        path = knowledge / "articles" / f"tambahan-{i:03d}.md"
        path.write_text(
            f"---\nid: tambahan-{i:03d}\ntitle: Tambahan {i}\noutlet: Contoh\n---\n{text}\n"
        )
        paths.append(path)
    return paths


def test_sigterm_during_a_rebuild_exits_quickly_and_keeps_the_index(bot: Bot) -> None:
    build = current_build(bot)
    added = _many_articles(bot.root / "knowledge", 120)
    try:
        bot.api.user_message(ADMIN, "/reindex")
        bot.api.wait_for(lambda: "reindex started" in bot.log(), timeout=30)
        time.sleep(1.0)  # embedding is under way
        assert bot.proc is not None
        bot.proc.send_signal(signal.SIGTERM)
        stopped = time.monotonic()
        assert bot.proc.wait(10) == 0
        assert time.monotonic() - stopped < 10.0
        assert current_build(bot) == build  # the cancelled build was never swapped in
        assert "reindex cancelled" in bot.log()
    finally:
        for path in added:
            path.unlink()
    bot.start()
    bot.still_answers(8_110_001)


ADDED_Q = "Siapa kepala cabang BPJS Ketenagakerjaan Lubuklinggau yang baru?"


def _buttons(call: Call) -> list[str]:
    markup = call.params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def _press(bot: Bot, user: int, message: Call, data: str, chat: int | None = None) -> list[Call]:
    chat = user if chat is None else chat
    before = len(bot.api.delivered(chat))
    bot.api.press_button(user, bot.api.message_of(message), data)
    bot.api.wait_for(lambda: len(bot.api.delivered(chat)) > before, timeout=120)
    time.sleep(0.5)
    return bot.api.delivered(chat)[before:]


def _articles(bot: Bot) -> set[str]:
    return {p.stem for p in (bot.root / "knowledge" / "articles").glob("*.md")}


def test_admin_adds_an_article_from_a_url_and_a_document_then_removes_one(
    bot: Bot, site: str
) -> None:
    user = 8_111_001
    refused = bot.say(user, ADDED_Q)[-1]
    assert not refused.params.get("reply_markup")  # not in the articles yet
    [preview] = bot.say(ADMIN, f"/tambah {site}/fb03_inews.html", timeout=60)
    assert "Pratinjau artikel" in preview.text and "Baris dibuang" in preview.text
    before = _articles(bot)
    done = _press(bot, ADMIN, preview, _buttons(preview)[0])
    assert "disimpan" in done[-1].text and "di-embed baru" in done[-1].text
    [added] = _articles(bot) - before
    answer = bot.ask(user, ADDED_Q)
    assert "Ratna Sukmawati Harahap" in answer
    [dup] = bot.say(ADMIN, f"/tambah {site}/fb03_inews.html", timeout=60)
    assert "sudah ada" in dup.text and added in dup.text
    data = (PROJECT / "tests" / "fixtures" / "pages" / "fb07_inews.txt").read_bytes()
    [preview] = bot.say(ADMIN, "/tambah", document=("ojek.txt", data), timeout=60)
    assert "Pratinjau artikel" in preview.text
    _press(bot, ADMIN, preview, _buttons(preview)[0])
    assert len(_articles(bot) - before) == 2
    [confirm] = bot.say(ADMIN, f"/hapus {added}")
    _press(bot, ADMIN, confirm, f"del:{added}")
    assert added not in _articles(bot)
    assert not bot.say(user, ADDED_Q)[-1].params.get("reply_markup")


def test_a_broken_page_changes_nothing_and_non_admins_are_refused(bot: Bot, site: str) -> None:
    before, user = _articles(bot), 8_112_001
    [failed] = bot.say(ADMIN, f"/tambah {site}/missing.html", timeout=60)
    assert "Gagal mengimpor" in failed.text
    [preview] = bot.say(ADMIN, f"/tambah {site}/fa02_tribun.html", timeout=60)
    [listing] = bot.say(ADMIN, "/artikel")
    [confirm] = bot.say(ADMIN, "/hapus liputan6-2020-11-16")
    for command in ("/tambah", f"/tambah {site}/fa02_tribun.html", "/artikel", "/statistik",
                    "/hapus liputan6-2020-11-16", "/reindex"):  # fmt: skip
        [no] = bot.say(user, command)
        assert no.text == replies.ADMIN_ONLY, command
    for message, data in [(preview, _buttons(preview)[0]), (confirm, _buttons(confirm)[0]),
                          (listing, "list:1")]:  # fmt: skip
        alerts = len(bot.api.sent(method="answerCallbackQuery"))
        bot.api.press_button(user, bot.api.message_of(message), data)
        bot.api.wait_for(
            lambda n=alerts: len(bot.api.sent(method="answerCallbackQuery")) > n  # type: ignore[misc]
        )
        assert bot.api.sent(method="answerCallbackQuery")[-1].params["text"] == replies.ADMIN_ONLY
    time.sleep(1.0)
    assert _articles(bot) == before


def test_votes_and_statistics_show_what_was_not_answered_without_ids(bot: Bot) -> None:
    user = 8_113_001
    answer = bot.say(user, PEOPLE_Q)[-1]
    src, up, down = _buttons(answer)
    bot.api.press_button(user, bot.api.message_of(answer), down)
    bot.api.press_button(user + 1, bot.api.message_of(answer), up)
    bot.say(user, "Berapa iuran bulanan BPJS Kesehatan untuk keluarga?")
    time.sleep(1.0)
    [report] = bot.say(ADMIN, "/statistik")
    assert "berapa iuran bulanan bpjs kesehatan untuk keluarga" in report.text
    assert "👍" in report.text and "👎" in report.text
    for private in (str(user), "Pekerja8113001"):
        assert private not in report.text


# -- privacy, shutdown, restart --------------------------------------------------------------------


def test_logs_carry_no_message_text_names_ids_or_token(bot: Bot) -> None:
    log = bot.log()
    assert "question user=" in log
    for secret in ("brp pekerja", "program bpjs tk", "Pekerja8101002", "8101002", TOKEN, "script"):
        assert secret not in log, secret


def test_sigterm_stops_cleanly_and_sources_survive_a_restart(bot: Bot) -> None:
    assert PEOPLE_FIGURE.search(bot.ask(8_101_004, PEOPLE_Q))
    assert bot.stop() == 0
    assert (bot.root / "var" / "state.sqlite").stat().st_size > 0
    bot.start()
    last = "\n".join(c.text for c in bot.say(8_101_004, "/sumber"))
    assert last.startswith(f"<b>{replies.SOURCES_HEADING}</b>")
    assert PEOPLE_FIGURE.search(last)
    bot.still_answers(8_107_001)
