"""All settings in one place, from environment variables and an optional `.env` file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.answer.config import MAX_QUESTION_CHARS, EngineConfig
from index.chunking import CHUNK_MAX_TOKENS
from index.embed import BUNDLED_MODEL
from index.fusion import DENSE_WEIGHT, FUSION

PROJECT_DIR = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Runtime configuration. Built once in `main()` and passed down; tests construct it."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    bot_admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()

    knowledge_dir: Path = PROJECT_DIR / "knowledge"
    data_dir: Path = PROJECT_DIR / "var"
    embedding_model: str = BUNDLED_MODEL

    # Retrieval, chosen by measurement on the dev set (README, "Evaluation").
    fusion: str = FUSION
    dense_weight: float = Field(default=DENSE_WEIGHT, ge=0.0, le=1.0)
    chunk_max_tokens: int = Field(default=CHUNK_MAX_TOKENS, ge=32, le=512)

    rate_limit_per_minute: int = Field(default=20, ge=1)
    max_question_chars: int = Field(default=MAX_QUESTION_CHARS, ge=10)
    # CPU threads torch uses per query while serving. One is the robust choice on a small
    # machine: concurrent questions (and any other busy process) make multi-threaded
    # inference spin; measured here on a loaded 2-core machine, one query embedding took
    # 18 ms with 1 thread and 540 ms with 2. 0 keeps torch's default. `bpjstk-bot index`
    # always uses every core.
    torch_threads: int = Field(default=1, ge=0)
    log_level: str = "INFO"

    # Telegram front end (bot/tgbot/app.py). The webhook is used with `run --webhook-url`.
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret_token: SecretStr | None = None  # generated at each start when unset
    question_text_days: int = Field(default=30, ge=0)  # keep unanswered / 👎 questions' text
    bot_persistence: bool = True  # keep recent answers' sources in `state_path` across restarts

    @field_validator("telegram_api_base_url")
    @classmethod
    def _bot_api_url(cls, value: str) -> str:
        """The token is appended to it: it must be an http(s) URL ending in "/bot"."""
        if not re.fullmatch(r"https?://[^\s/]+(/\S*)?/bot", value):
            raise ValueError(
                "must be an http(s) URL ending in /bot, e.g. https://api.telegram.org/bot"
            )
        return value

    @field_validator("bot_admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """ "111,222", "111 222" or "111;222"; a username ("@name") is not an id."""
        if isinstance(value, str):
            parts = [p for p in re.split(r"[\s,;]+", value) if p]
            bad = [p for p in parts if not re.fullmatch(r"-?\d+", p)]
            if bad:
                raise ValueError(
                    f"numeric Telegram user ids separated by commas, not {bad[0][:20]!r} "
                    "(ask @userinfobot for yours)"
                )
            return frozenset(int(p) for p in parts)
        if isinstance(value, int):
            return frozenset({value})
        return value

    def engine_config(self) -> EngineConfig:
        """The answer engine's part of the settings."""
        return EngineConfig(
            knowledge_dir=self.knowledge_dir,
            data_dir=self.data_dir,
            embedding_model=self.embedding_model,
            fusion=self.fusion,
            dense_weight=self.dense_weight,
            chunk_max_tokens=self.chunk_max_tokens,
            max_question_chars=self.max_question_chars,
        )

    @property
    def state_path(self) -> Path:
        return self.data_dir / "state.sqlite"
