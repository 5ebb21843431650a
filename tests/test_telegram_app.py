"""`run_bot` and `serve`: polling, a webhook with a secret and a body limit, retries while
Telegram cannot be reached, a rejected token never shown, fast config errors."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bot.cli import redact_token
from bot.settings import Settings
from bot.tgbot.app import (
    MAX_WEBHOOK_BODY,
    build_application,
    connect,
    run_bot,
    serve,
)
from bot.tgbot.errors import ConfigError
from tests.fake_bot_api import TOKEN, ApiError, FakeBotAPI, FakeRequest, bot_settings
from tests.test_handlers import FakeEngine


def settings(tmp_path: Path, **kw: Any) -> Settings:
    return bot_settings(tmp_path, telegram_api_base_url="http://127.0.0.1:8081/bot", **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_polling_answers_until_stopped(tmp_path: Path) -> None:
    api = FakeBotAPI()
    app = build_application(settings(tmp_path), FakeEngine(), request=FakeRequest(api))
    stop = asyncio.Event()
    running = asyncio.create_task(serve(app, settings(tmp_path), stop=stop))
    api.user_message(1001, "program apa saja?")
    await asyncio.to_thread(api.wait_sent, 1001, 1, 10)
    assert "Jaminan Hari Tua" in api.sent(1001)[-1].text
    assert [c["command"] for c in api.commands] == ["tanya", "sumber", "help"]
    stop.set()
    await asyncio.wait_for(running, 10)
    assert not app.running


def _post(url: str, body: bytes, secret: str | None) -> int:
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    if secret is not None:
        request.add_header("X-Telegram-Bot-Api-Secret-Token", secret)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (ConnectionError, urllib.error.URLError):
        return 0  # the server closed the connection: refused before reading the body


async def test_webhook_is_registered_and_checks_the_secret_and_the_size(tmp_path: Path) -> None:
    api = FakeBotAPI()
    port = free_port()
    s = settings(tmp_path, webhook_listen="127.0.0.1", webhook_port=port)
    app = build_application(s, FakeEngine(), request=FakeRequest(api))
    stop = asyncio.Event()
    hook = "https://bot.example.org/tg/hook"
    running = asyncio.create_task(serve(app, s, hook, "s3cret", stop=stop))
    await asyncio.to_thread(api.wait_for, lambda: api.webhook is not None, 10)
    assert api.webhook == {"url": hook, "secret_token": "s3cret"}
    url = f"http://127.0.0.1:{port}/tg/hook"
    api.user_message(2002, "program apa saja?")  # the fake queues it; here it is delivered by POST
    update = api.handle("getUpdates", {}, block=False)["result"][-1]
    body = json.dumps(update).encode()
    assert await asyncio.to_thread(_post, url, body, None) == 403
    assert await asyncio.to_thread(_post, url, body, "wrong") == 403
    assert await asyncio.to_thread(_post, url, b"x" * (MAX_WEBHOOK_BODY + 1), None) in (0, 400, 413)
    assert await asyncio.to_thread(_post, url, body, "s3cret") == 200
    await asyncio.to_thread(api.wait_sent, 2002, 1, 10)
    assert "Jaminan Hari Tua" in api.sent(2002)[-1].text
    stop.set()
    await asyncio.wait_for(running, 10)


class Offline(FakeRequest):
    """Telegram that cannot be reached for the first `failures` requests."""

    def __init__(self, api: FakeBotAPI, failures: int) -> None:
        super().__init__(api)
        self.failures = failures

    async def do_request(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        if self.failures > 0:
            self.failures -= 1
            from telegram.error import NetworkError

            raise NetworkError("connection refused")
        return await super().do_request(*args, **kwargs)


async def test_start_without_network_retries_with_backoff(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    api = FakeBotAPI()
    app = build_application(settings(tmp_path), FakeEngine(), request=Offline(api, 2))
    stop = asyncio.Event()
    with caplog.at_level(logging.WARNING):
        assert await asyncio.wait_for(connect(app, stop, first_delay=0.01), 20)
    retries = [r.getMessage() for r in caplog.records if "cannot reach Telegram" in r.getMessage()]
    assert retries == ["cannot reach Telegram (NetworkError); retrying in 0.01 s",
                       "cannot reach Telegram (NetworkError); retrying in 0.02 s"]  # fmt: skip
    await app.shutdown()


async def test_a_rejected_token_is_one_line_without_the_token(tmp_path: Path) -> None:
    api = FakeBotAPI()
    api.fail("getMe", ApiError(401, "Unauthorized"))
    app = build_application(settings(tmp_path), FakeEngine(), request=FakeRequest(api))
    with pytest.raises(ConfigError) as info:
        await connect(app, asyncio.Event())
    assert TOKEN not in str(info.value) and "\n" not in str(info.value)
    assert "TELEGRAM_API_BASE_URL" in str(info.value)


def test_the_token_never_reaches_a_log_line(caplog) -> None:  # type: ignore[no-untyped-def]
    root = logging.getLogger()
    handler = logging.StreamHandler()
    root.addHandler(handler)
    try:
        redact_token(TOKEN)
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "url %s", (f"/bot{TOKEN}/getMe",), None
        )
        try:
            raise RuntimeError(f"The token `{TOKEN}` was rejected")
        except RuntimeError:
            import sys

            record.exc_info = sys.exc_info()
        for f in handler.filters:
            f.filter(record)
        assert TOKEN not in handler.format(record)
        assert "<token>" in handler.format(record)
    finally:
        root.removeHandler(handler)


@pytest.mark.parametrize(
    ("kw", "url", "problem"),
    [
        ({"telegram_bot_token": None}, None, "TELEGRAM_BOT_TOKEN"),
        ({"webhook_secret_token": "bad secret!"}, "https://x.example/h", "WEBHOOK_SECRET_TOKEN"),
    ],
)
def test_bad_config_fails_before_loading_the_model(tmp_path, monkeypatch, kw, url, problem) -> None:  # type: ignore[no-untyped-def]
    def no_load():  # type: ignore[no-untyped-def]
        raise AssertionError("the model must not be loaded")

    with pytest.raises(ConfigError, match=problem):
        run_bot(settings(tmp_path, **kw), no_load, url)
