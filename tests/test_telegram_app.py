"""`run_bot` wiring: polling by default, a webhook with a secret token, fast config errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.engine import Engine
from bot.errors import ConfigError
from bot.settings import Settings
from bot.telegram_app import run_bot
from tests.fake_bot_api import TOKEN
from tests.test_handlers import FakeEngine


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the model load and the blocking run_* calls; record how the bot would run."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(Engine, "load", classmethod(lambda cls, settings: FakeEngine()))

    def fake_run(mode: str):  # type: ignore[no-untyped-def]
        def run(self: Application, **kwargs: Any) -> None:  # type: ignore[type-arg]
            calls.append({"mode": mode, "app": self, **kwargs})

        return run

    monkeypatch.setattr(Application, "run_polling", fake_run("polling"))
    monkeypatch.setattr(Application, "run_webhook", fake_run("webhook"))
    return calls


def settings(tmp_path: Path, **kw: Any) -> Settings:
    base: dict[str, Any] = dict(
        telegram_bot_token=TOKEN,
        telegram_api_base_url="http://127.0.0.1:8081/bot",
        data_dir=tmp_path / "var",
    )
    base.update(kw)
    return Settings(_env_file=None, **base)  # type: ignore[call-arg]


def test_long_polling_by_default_through_the_configured_api(tmp_path, runs) -> None:  # type: ignore[no-untyped-def]
    run_bot(settings(tmp_path))
    [run] = runs
    assert run["mode"] == "polling"
    assert run["allowed_updates"] == ["message", "callback_query"]
    bot = run["app"].bot
    assert bot.base_url == f"http://127.0.0.1:8081/bot{TOKEN}"
    assert bot.base_file_url == f"http://127.0.0.1:8081/file/bot{TOKEN}"
    assert run["app"].persistence is not None


def test_webhook_with_a_generated_secret(tmp_path, runs) -> None:  # type: ignore[no-untyped-def]
    run_bot(settings(tmp_path, webhook_port=9443), webhook_url="https://bot.example.org/tg/hook")
    [run] = runs
    assert run["mode"] == "webhook"
    assert run["webhook_url"] == "https://bot.example.org/tg/hook"
    assert run["url_path"] == "tg/hook"
    assert (run["listen"], run["port"]) == ("0.0.0.0", 9443)
    assert re.fullmatch(r"[A-Za-z0-9_-]{40,}", run["secret_token"])


def test_webhook_with_a_configured_secret(tmp_path, runs) -> None:  # type: ignore[no-untyped-def]
    s = settings(tmp_path, webhook_secret_token="s3cret_Token-1", bot_persistence=False)
    run_bot(s, webhook_url="https://bot.example.org/")
    [run] = runs
    assert run["secret_token"] == "s3cret_Token-1"
    assert run["url_path"] == ""
    assert run["app"].persistence is None


@pytest.mark.parametrize(
    ("kw", "url", "problem"),
    [
        ({"telegram_bot_token": None}, None, "TELEGRAM_BOT_TOKEN"),
        ({"webhook_secret_token": "bad secret!"}, "https://x.example/h", "WEBHOOK_SECRET_TOKEN"),
    ],
)
def test_bad_config_fails_before_loading_the_model(tmp_path, monkeypatch, kw, url, problem) -> None:  # type: ignore[no-untyped-def]
    def no_load(cls, settings):  # type: ignore[no-untyped-def]
        raise AssertionError("the model must not be loaded")

    monkeypatch.setattr(Engine, "load", classmethod(no_load))
    with pytest.raises(ConfigError, match=problem):
        run_bot(settings(tmp_path, **kw), webhook_url=url)
