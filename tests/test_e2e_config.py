"""The real `bpjstk-bot run` process with bad settings: one clear line, never the token."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.settings import Settings
from tests.conftest import PROJECT
from tests.fake_bot_api import TOKEN, ApiError, FakeBotAPI, FakeBotAPIServer


def _run(env_extra: dict[str, str], tmp_path) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k.lower() not in Settings.model_fields}
    env.update(DATA_DIR=str(tmp_path / "var"), PYTHONPATH=str(PROJECT), **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("how", ["rejected-token", "base-url-without-bot"])
def test_a_bad_token_or_api_url_is_one_line_without_the_token(how: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    api = FakeBotAPI()
    if how == "rejected-token":
        api.fail("getMe", ApiError(401, "Unauthorized"))
    with FakeBotAPIServer(api) as server:
        base = server.base_url if how == "rejected-token" else server.base_url[: -len("/bot")]
        out = _run({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": base}, tmp_path)
    assert out.returncode == (1 if how == "rejected-token" else 2)
    assert TOKEN not in out.stdout + out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "TELEGRAM_API_BASE_URL" in errors[0]
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("ids", ["111 222 @name", "@admin"])
def test_bad_admin_ids_are_one_line_naming_the_setting(ids: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = _run({"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_ADMIN_IDS": ids}, tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        line for line in out.stderr.strip().splitlines() if "BOT_ADMIN_IDS" in line
    ]
    assert "Traceback" not in out.stderr
