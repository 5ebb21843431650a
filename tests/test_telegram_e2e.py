"""End to end: the bot's real process against a fake Bot API.

A stdlib HTTP server on 127.0.0.1 plays Telegram (`tests/fake_bot_api.py`); the bot reaches it
through TELEGRAM_API_BASE_URL and long-polls it like the real API. The tests play users and
assert on what they receive. Two processes, each started once for the module:

- `bot` runs `tests/bot_without_model.py`: the bot's settings, wiring and engine with the fake
  embedder in place of the model (EMBEDDING_MODEL names no model: loading one would fail).
  Conversation, bad input, groups, admins, limits, kills and restarts are tested on it.
- `model_bot` runs `bpjstk-bot run` itself with the bundled model, for the answers users get;
  its tests are marked `model`.

Tests run in file order and share their process; each uses its own users and chats. Nothing
waits a set time: a test waits for the calls the bot makes to the fake Telegram, and shows
that a message got no reply by a later message that did.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
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
Done = Callable[[list[Call]], bool]


def one_message(sent: list[Call]) -> bool:
    return bool(sent)


def buttons_under_last(sent: list[Call]) -> bool:
    """An answer with sources is complete once its buttons arrive: they are under its last
    chunk."""
    return bool(sent) and bool(sent[-1].params.get("reply_markup"))


def sources_listed(answer: list[Call]) -> Done:
    """The sources of `answer` are complete once the title of its last source arrived."""
    last = len(re.findall(r"^\[\d+\] ", "\n".join(c.text for c in answer), re.M))
    assert last, "the answer names no sources"
    return lambda sent: any(f"<b>[{last}] " in c.text for c in sent)


@dataclass
class Bot:
    """A running bot process and the fake Telegram it talks to."""

    api: FakeBotAPI
    root: Path
    env: dict[str, str]
    command: list[str]
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
                [sys.executable, *self.command],
                cwd=self.root,  # no developer .env is read
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        proc = self.proc
        try:  # ready once it long-polls getUpdates
            self.api.wait_for(
                lambda: self.api.polls > polls or proc.poll() is not None, START_TIMEOUT
            )
        except AssertionError:
            raise AssertionError(f"bot did not start:\n{self.log()[-3000:]}") from None
        assert proc.poll() is None, f"bot exited at start-up:\n{self.log()[-3000:]}"

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

    def say(
        self,
        user: int,
        text: str | None,
        done: Done = one_message,
        timeout: float = 30.0,
        **kw: Any,
    ) -> list[Call]:
        """`user` sends a message; wait until the bot's reply is `done` and return it."""
        chat = kw.get("chat_id", user)
        before = len(self.api.delivered(chat))
        self.api.user_message(user, text, **kw)
        return self.replies(chat, before, done, timeout)

    def replies(
        self, chat: int, before: int, done: Done = one_message, timeout: float = 30.0
    ) -> list[Call]:
        """The messages delivered to `chat` after the first `before`, once they are `done`."""
        try:
            self.api.wait_for(lambda: done(self.api.delivered(chat)[before:]), timeout)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\nbot log:\n{self.log()[-2000:]}") from None
        return self.api.delivered(chat)[before:]

    def answer(self, user: int, question: str, **kw: Any) -> list[Call]:
        """Ask a question that must be answered; return the answer's chunks."""
        sent = self.say(user, question, buttons_under_last, **kw)
        assert all(c.params.get("parse_mode") == "HTML" for c in sent)
        return sent

    def ask(self, user: int, question: str, **kw: Any) -> str:
        """Ask a question that must be answered; return the answer's HTML."""
        return "\n".join(c.text for c in self.answer(user, question, **kw))

    def press(self, user: int, message: Call, data: str, done: Done = one_message) -> list[Call]:
        """`user` presses the button `data` under `message`; the messages sent back to them."""
        before = len(self.api.delivered(user))
        self.api.press_button(user, self.api.message_of(message), data)
        return self.replies(user, before, done, timeout=120)

    def still_answers(self, user: int) -> None:
        answer = self.ask(user, PROGRAMS_Q)
        assert all(p in answer for p in FIVE_PROGRAMS)


def current_build(bot: Bot) -> str:
    return os.readlink(bot.root / "var" / "index" / "current")


def _running(
    factory: pytest.TempPathFactory, command: list[str], **env_extra: str
) -> Iterator[Bot]:
    """A bot process over a copy of the bundled knowledge, talking to a fresh fake Telegram."""
    root = factory.mktemp("e2e")
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
            **env_extra,
        )
        harness = Bot(api, root, env, command)
        harness.start()
        try:
            yield harness
        finally:
            if harness.alive():
                harness.stop()


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    """The bot with the fake embedder: no model is loaded (nor torch imported)."""
    yield from _running(
        tmp_path_factory,
        ["-m", "tests.bot_without_model"],
        EMBEDDING_MODEL=str(PROJECT / "no-such-model"),
        TORCH_THREADS="0",
    )


@pytest.fixture(scope="module")
def model_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    """`bpjstk-bot run` with the bundled embedding model."""
    yield from _running(tmp_path_factory, ["-m", "bot.cli", "run"])


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


def test_sources_button_and_sumber_command(bot: Bot) -> None:
    user = 8_101_004
    first = bot.answer(user, PROGRAMS_Q)
    second = bot.answer(user, PEOPLE_Q)
    # The button under the first (older) answer shows the first answer's own sources.
    data = first[-1].params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    before = len(bot.api.delivered(user))
    query = bot.api.press_button(user, bot.api.message_of(first[-1]), data)
    sources = "\n".join(c.text for c in bot.replies(user, before, sources_listed(first)))
    assert sources.startswith(f"<b>{replies.SOURCES_OF_THAT_ANSWER}</b>")
    assert "<blockquote>" in sources and "Jaminan Kehilangan Pekerjaan" in sources
    # outlet and date under the title (the bundled articles have no URL, so no link line)
    assert re.search(r"</b>\n[^<\n]+, [^<\n]*20\d\d\n<blockquote>", sources), sources
    answered = [c.params["callback_query_id"] for c in bot.api.sent(method="answerCallbackQuery")]
    assert query in answered
    # /sumber shows the last answer's sources: the figures' articles.
    last = "\n".join(c.text for c in bot.say(user, "/sumber", sources_listed(second)))
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
    [reply] = bot.say(user, text, sticker=text is None)
    assert reply.error is None  # valid HTML, within 4096
    assert expect in reply.text
    assert "<script>" not in reply.text
    answer = bot.answer(user, PROGRAMS_Q)
    assert all(p in answer[0].text for p in FIVE_PROGRAMS)
    assert bot.api.delivered(user) == [reply, *answer]  # nothing more came for the bad input


# -- groups --------------------------------------------------------------------------------------


def test_group_chatter_is_ignored_but_tanya_mention_and_reply_are_answered(bot: Bot) -> None:
    g: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
    chatter = [
        bot.api.user_message(8_103_001, "program BPJS apa saja ya? besok kita bahas", **g),
        bot.api.user_message(8_103_002, "@teman_lain brp pekerja yg terlindungi?", **g),
    ]
    # /tanya without a question explains the usage.
    [usage] = bot.say(8_103_001, "/tanya", **g)
    assert usage.text == replies.TANYA_USAGE
    answer = bot.answer(8_103_001, f"/tanya {PROGRAMS_Q}", **g)
    assert all(p in answer[0].text for p in FIVE_PROGRAMS)
    mention = bot.answer(8_103_002, f"@{BOT_NAME} {PEOPLE_Q}", **g)
    assert PEOPLE_FIGURE.search(mention[0].text)
    reply = bot.answer(
        8_103_003, "program bpjs tk ada apa aja?", reply_to=bot.api.message_of(mention[-1]), **g
    )
    assert "Jaminan Pensiun" in reply[0].text
    # Both who chatted were answered later, after their chatter was handled: exactly the four
    # addressed messages got a reply, each quoting its question.
    sent = bot.api.delivered(GROUP)
    assert sent == [usage, *answer, *mention, *reply]
    quoted = {c.params["reply_parameters"]["message_id"] for c in sent}
    assert len(quoted) == 4 and not quoted & {m["message_id"] for m in chatter}
    # "typing…" for each question, before its answer; none for the chatter or the usage.
    typing = bot.api.sent(GROUP, "sendChatAction")
    assert all(t.params["action"] == "typing" for t in typing)
    assert not [t for t in typing if t.at < usage.at]
    for asked_after, answered in ((usage, answer), (answer[-1], mention), (mention[-1], reply)):
        assert [t for t in typing if asked_after.at < t.at < answered[0].at]


# -- admin ---------------------------------------------------------------------------------------


def test_reindex_is_refused_to_non_admins_and_nothing_is_rebuilt(bot: Bot) -> None:
    build = current_build(bot)
    [refused] = bot.say(8_104_001, "/reindex")
    assert refused.text == replies.ADMIN_ONLY
    [refused] = bot.say(8_104_001, "/reindex", chat_id=GROUP, chat_type="supergroup")
    assert refused.text == replies.ADMIN_ONLY
    # The refusal is the handler's last step: had it rebuilt, it would have started before.
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
REQUEST_REPLIES = (replies.REINDEX_STARTED, replies.REINDEX_QUEUED)


def test_admin_reindex_reports_counts_while_questions_are_answered(bot: Bot) -> None:
    build = current_build(bot)
    started, unchanged = bot.say(ADMIN, "/reindex", lambda sent: len(sent) >= 2)
    assert started.text == replies.REINDEX_STARTED
    assert unchanged.text == replies.REINDEX_UNCHANGED  # nothing to rebuild, nothing built
    assert current_build(bot) == build
    (bot.root / "knowledge" / "articles" / "contoh.md").write_text(NEW_ARTICLE, "utf-8")
    before = len(bot.api.delivered(ADMIN))
    for _ in range(10):  # ten requests in a burst: each is answered at once, one build runs
        bot.api.user_message(ADMIN, "/reindex")
    bot.still_answers(8_104_002)  # answered from the current index meanwhile

    def requests_and_report(sent: list[Call]) -> bool:
        told = [c for c in sent if c.text in REQUEST_REPLIES]
        return len(told) == 10 and any("selesai dibangun" in c.text for c in sent)

    sent = bot.replies(ADMIN, before, requests_and_report, timeout=60)
    # One request started the build (its reply may come after another's: handlers run
    # concurrently); the others were merged: none ran into it ("a rebuild is already running").
    assert [c.text for c in sent].count(replies.REINDEX_STARTED) == 1
    assert not [c.text for c in sent if "Gagal" in c.text]
    report = next(c.text for c in sent if "selesai dibangun" in c.text)
    n_articles = len(list((bot.root / "knowledge" / "articles").glob("*.md")))
    assert f"<b>{n_articles}</b> artikel" in report, report
    assert re.search(r"<b>\d+</b> potongan teks \(1 di-embed baru, \d+ dipakai ulang", report)
    assert re.search(r"dalam \d+,\d detik", report)
    assert current_build(bot) != build
    assert bot.log().count("reindex done") == 1  # a follow-up finds nothing to rebuild
    bot.still_answers(8_104_002)


# -- load ----------------------------------------------------------------------------------------


def test_flooding_user_is_told_once_and_the_bot_keeps_answering(bot: Bot) -> None:
    user = 8_105_001
    limit = Settings.model_fields["rate_limit_per_minute"].default
    for i in range(limit + 10):
        bot.api.user_message(user, f"{PROGRAMS_Q} {i}")
    bot.api.wait_for(lambda: len(bot.api.delivered(user)) >= limit + 1, timeout=60)
    # Another user's later question is answered: the flood before it was handled.
    bot.still_answers(8_105_002)
    sent = bot.api.delivered(user)
    told = [c for c in sent if "terlalu banyak" in c.text]
    assert len(told) == 1 and f"batas {limit} per menit" in told[0].text
    assert len(sent) == limit + 1
    assert bot.alive()


def test_one_user_flooding_commands_buttons_and_mentions_cannot_stall_others(bot: Bot) -> None:
    flooder, other, group = 8_108_001, 8_108_002, -1_009_900_108
    limit = Settings.model_fields["rate_limit_per_minute"].default
    [answer] = bot.answer(flooder, PROGRAMS_Q)  # a bot message with a Sumber button to press
    data = answer.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    before_private = len(bot.api.delivered(flooder))
    before_group = len(bot.api.delivered(group))
    before_alerts = len(bot.api.sent(method="answerCallbackQuery"))
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

    def flood_replies() -> tuple[list[Call], list[Call]]:
        got = bot.api.delivered(flooder)[before_private:] + bot.api.delivered(group)[before_group:]
        notices = [c for c in got if "terlalu banyak" in c.text]
        alerts = bot.api.sent(method="answerCallbackQuery")[before_alerts:]
        notices += [c for c in alerts if c.params.get("text")]
        return [c for c in got if "terlalu banyak" not in c.text], notices

    # Each let-through update gets one message; the question above counted too.
    bot.api.wait_for(lambda: [len(x) for x in flood_replies()] == [limit - 1, 1], timeout=60)
    bot.still_answers(other)  # a later question answered: the flood was all handled before
    assert [len(x) for x in flood_replies()] == [limit - 1, 1]
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


ADDED_Q = "Siapa kepala cabang BPJS Ketenagakerjaan Lubuklinggau yang baru?"


def _buttons(call: Call) -> list[str]:
    markup = call.params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


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
    [done] = bot.press(ADMIN, preview, _buttons(preview)[0])  # the preview is edited meanwhile
    assert "disimpan" in done.text and "di-embed baru" in done.text
    [added] = _articles(bot) - before
    answer = bot.ask(user, ADDED_Q)
    assert "Ratna Sukmawati Harahap" in answer
    [dup] = bot.say(ADMIN, f"/tambah {site}/fb03_inews.html", timeout=60)
    assert "sudah ada" in dup.text and added in dup.text
    data = (PROJECT / "tests" / "fixtures" / "pages" / "fb07_inews.txt").read_bytes()
    [preview] = bot.say(ADMIN, "/tambah", document=("ojek.txt", data), timeout=60)
    assert "Pratinjau artikel" in preview.text
    bot.press(ADMIN, preview, _buttons(preview)[0])
    assert len(_articles(bot) - before) == 2
    [confirm] = bot.say(ADMIN, f"/hapus {added}")
    [deleted] = bot.press(ADMIN, confirm, f"del:{added}")
    assert "dihapus" in deleted.text
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
    # Each refusal is its handler's last step: nothing was saved or removed before it.
    assert _articles(bot) == before


def test_votes_and_statistics_show_what_was_not_answered_without_ids(bot: Bot) -> None:
    user = 8_113_001
    answer = bot.answer(user, PEOPLE_Q)[-1]
    src, up, down = _buttons(answer)
    thanks = len(bot.api.sent(method="answerCallbackQuery"))
    bot.api.press_button(user, bot.api.message_of(answer), down)
    bot.api.press_button(user + 1, bot.api.message_of(answer), up)
    # A vote is stored before it is thanked for.
    bot.api.wait_for(lambda: len(bot.api.sent(method="answerCallbackQuery")) == thanks + 2)
    thanked = {c.params["text"] for c in bot.api.sent(method="answerCallbackQuery")[thanks:]}
    assert thanked == {replies.THANKS_UP, replies.THANKS_DOWN}
    bot.say(user, "Berapa iuran bulanan BPJS Kesehatan untuk keluarga?")
    [report] = bot.say(ADMIN, "/statistik")
    assert "berapa iuran bulanan bpjs kesehatan untuk keluarga" in report.text
    assert "👍 1, 👎 1" in report.text
    for private in (str(user), "Pekerja8113001"):
        assert private not in report.text


# -- privacy, shutdown, restart --------------------------------------------------------------------


def test_logs_carry_no_message_text_names_ids_or_token(bot: Bot) -> None:
    log = bot.log()
    assert "question user=" in log
    for secret in ("brp pekerja", "program bpjs tk", "Pekerja8101004", "8101004", TOKEN, "script"):
        assert secret not in log, secret


def test_sigterm_stops_cleanly_and_sources_survive_a_restart(bot: Bot) -> None:
    answer = bot.answer(8_101_004, PEOPLE_Q)
    assert PEOPLE_FIGURE.search(answer[0].text)
    assert bot.stop() == 0
    assert (bot.root / "var" / "state.sqlite").stat().st_size > 0
    bot.start()
    last = "\n".join(c.text for c in bot.say(8_101_004, "/sumber", sources_listed(answer)))
    assert last.startswith(f"<b>{replies.SOURCES_HEADING}</b>")
    assert PEOPLE_FIGURE.search(last)
    bot.still_answers(8_107_001)


# -- with the model ------------------------------------------------------------------------------


@pytest.mark.model
def test_formal_question_names_all_five_programs_with_sources(model_bot: Bot) -> None:
    [answer] = model_bot.answer(8_201_001, PROGRAMS_Q)
    for program in FIVE_PROGRAMS:
        assert program in answer.text
    assert "[1]" in answer.text and "<b>Sumber:</b>" in answer.text
    [[button, up, down]] = answer.params["reply_markup"]["inline_keyboard"]
    assert button["text"] == "Sumber" and button["callback_data"].startswith("src:")
    assert (up["text"], down["text"]) == ("👍", "👎")
    typing = model_bot.api.sent(8_201_001, "sendChatAction")
    assert typing and typing[0].params["action"] == "typing" and typing[0].at <= answer.at


@pytest.mark.model
def test_informal_question_gets_the_figures_in_bold(model_bot: Bot) -> None:
    answer = model_bot.ask(8_201_002, PEOPLE_Q)
    assert PEOPLE_FIGURE.search(answer), answer
    assert re.search(r"<b>[^<]*(34 persen|1\.033\.000|1,3 juta)[^<]*</b>", answer)
    assert re.search(r"\[\d\] [^<\n]+, [^<\n]*20\d\d", answer)  # "[n] outlet, date" lines


@pytest.mark.model
def test_who_question_names_the_person(model_bot: Bot) -> None:
    answer = model_bot.ask(8_201_003, "Siapa Kepala Kanwil BPJS Ketenagakerjaan Sumbagsel?")
    assert "Muhyidin" in answer


@pytest.mark.model
def test_twenty_five_users_at_once_all_get_correct_answers(model_bot: Bot) -> None:
    api, users = model_bot.api, list(range(8_206_001, 8_206_026))
    # Telegram's flood control hits the first reply: PTB's rate limiter retries it.
    flood = ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
    api.fail("sendMessage", flood, when=lambda c: c.chat_id == users[0])
    for i, user in enumerate(users):
        api.user_message(user, PROGRAMS_Q if i % 2 else PEOPLE_Q)
    api.wait_for(lambda: all(api.delivered(u) for u in users), timeout=60)
    for i, user in enumerate(users):
        [answer] = api.delivered(user)
        if i % 2:
            assert all(p in answer.text for p in FIVE_PROGRAMS), answer.text
        else:
            assert PEOPLE_FIGURE.search(answer.text), answer.text
    assert [c.error for c in api.sent(users[0])][0].startswith("Too Many Requests")


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


@pytest.mark.model
def test_sigterm_during_a_rebuild_exits_quickly_and_keeps_the_index(model_bot: Bot) -> None:
    bot = model_bot
    build, cancelled = current_build(bot), bot.log().count("reindex cancelled")
    added = _many_articles(bot.root / "knowledge", 120)
    try:
        # The rebuild starts right after this reply; embedding 120 articles takes the model
        # far longer than the signal takes to arrive.
        [started] = bot.say(ADMIN, "/reindex")
        assert started.text == replies.REINDEX_STARTED
        assert bot.proc is not None
        bot.proc.send_signal(signal.SIGTERM)
        assert bot.proc.wait(10) == 0
        assert current_build(bot) == build  # the cancelled build was never swapped in
        assert bot.log().count("reindex cancelled") == cancelled + 1
    finally:
        for path in added:
            path.unlink()
    bot.start()
    bot.still_answers(8_210_001)
