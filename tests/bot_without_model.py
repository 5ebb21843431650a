"""`bpjstk-bot run` with the fake embedder in place of the embedding model, for the end-to-end
tests of the bot's wiring (`python -m tests.bot_without_model`): the same settings, process
switches, engine loading and Telegram application, and no model to load."""

from __future__ import annotations

from bot.cli import configure_process, load_engine, run_telegram
from bot.settings import Settings
from tests.conftest import FakeEmbedder


def main() -> None:
    settings = Settings()
    configure_process(settings)
    run_telegram(settings, lambda: load_engine(settings, serving=True, embedder=FakeEmbedder()))


if __name__ == "__main__":
    main()
