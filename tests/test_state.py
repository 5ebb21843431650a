"""The state database keeps each answer's sources across restarts, in the format it always had."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from bot.answer.records import Answer
from bot.tgbot.state import StateStore
from tests.conftest import make_citation


def test_sources_survive_a_reopen(tmp_path: Path) -> None:
    citations = (make_citation(1), make_citation(2, url=None, published=None))
    path = tmp_path / "state.sqlite"
    key = StateStore(path).remember(7, Answer("q", True, citations=citations))
    remembered = StateStore(path).recall(7, key)
    assert remembered is not None and remembered.key == key
    assert remembered.citations == citations


def test_rows_written_by_the_hand_written_codec_still_load(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.sqlite")
    old = asdict(make_citation(3))
    old["published"] = old["published"].isoformat()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
            (9, 1, "", json.dumps([old], ensure_ascii=False), 0.0),
        )
    remembered = store.recall(9)
    assert remembered is not None and remembered.citations == (make_citation(3),)


def test_a_staged_article_comes_back_whole_once(tmp_path: Path) -> None:
    from datetime import date

    from bot.tgbot.usage import Statistics
    from index.records import Article

    article = Article(
        "koran-2024-08-01", "Judul “kutip”", "Koran", date(2024, 8, 1), None, "1 Agustus 2024",
        "https://koran.example/1", "Sumatera Selatan", "Isi berita.", "", "page.html",
    )  # fmt: skip
    usage = Statistics(StateStore(tmp_path / "state.sqlite"), 30)
    usage.stage("t0k3n", 42, article, "page.html")
    staged = usage.take_staged("t0k3n")
    assert staged is not None and (staged.admin_id, staged.article, staged.source) == (
        42,
        article,
        "page.html",
    )
    assert usage.take_staged("t0k3n") is None
