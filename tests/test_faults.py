"""Files the engine can rebuild by itself never stop it: broken entries in knowledge/articles,
a damaged build, a corrupt embedding cache. Each leaves it answering, with a warning that
names the file."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answer.engine import Engine
from index.embed import EmbeddingCache
from index.errors import KnowledgeFileError
from index.store import current_build
from tests.conftest import PROJECT, FakeEmbedder

QUESTION = "Berapa persen pekerja Sumsel yang terlindungi?"


def _answers(settings) -> Engine:  # type: ignore[no-untyped-def]
    engine = Engine.load(settings.engine_config(), embedder=FakeEmbedder())
    answer = engine.ask(QUESTION)
    assert answer.answered and "34 persen" in answer.text
    return engine


def _make(kind: str, articles: Path) -> Path:
    path = articles / f"broken-{kind}.md"
    if kind == "loop":
        os.symlink(path.name, path)
    elif kind == "dangling":
        path = articles / ".#lock.md"  # an editor's lock file: a link to nowhere
        os.symlink("user@host.1234:1700000000", path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    return path


@pytest.mark.parametrize("kind", ["loop", "dangling", "directory", "fifo"])
def test_a_broken_entry_in_articles_is_skipped_with_a_warning(
    tiny_settings,
    kind: str,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    _answers(tiny_settings)
    path = _make(kind, tiny_settings.knowledge_dir / "articles")
    with caplog.at_level(logging.WARNING):
        _answers(tiny_settings)
    assert any(path.name in r.getMessage() for r in caplog.records), caplog.text


def test_an_unreadable_article_fails_the_build_and_the_previous_index_answers(
    tiny_settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    _answers(tiny_settings)
    unreadable = tiny_settings.knowledge_dir / "articles" / "alpha.md"
    unreadable.write_text(unreadable.read_text("utf-8") + "\nSatu kalimat baru.\n", "utf-8")
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == unreadable:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    engine = Engine.load(
        tiny_settings.engine_config(), embedder=FakeEmbedder()
    )  # stale, rebuild fails
    assert engine.ask(QUESTION).answered
    assert any("alpha.md" in r.getMessage() for r in caplog.records), caplog.text
    with pytest.raises(KnowledgeFileError, match="alpha.md: cannot be read"):
        engine.reindex()


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("dense.faiss", lambda b: b[: len(b) // 2]),
        ("articles.json", lambda b: b[:-40]),
        ("chunks.npz", lambda b: b[:100] + bytes(reversed(b[100:200])) + b[200:]),
        ("dense.faiss", lambda b: b[:-20] + b"\x00" * 20),
        ("sentences.npz", None),
    ],
    ids=["dense-truncated", "articles-truncated", "chunks-garbled", "dense-garbled", "missing"],
)
def test_a_damaged_build_is_named_and_rebuilt(
    tiny_settings,
    name: str,
    damage,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    _answers(tiny_settings)
    build = current_build(tiny_settings.engine_config().index_dir)
    assert build is not None
    path = build / name
    if damage is None:
        path.unlink()
    else:
        path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING):
        _answers(tiny_settings)
    assert any(name in r.getMessage() and "damaged" in r.getMessage() for r in caplog.records)
    assert current_build(tiny_settings.engine_config().index_dir) != build  # rebuilt beside it


def test_a_damaged_build_whose_rebuild_fails_falls_back_to_the_previous_one(
    tiny_settings,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    _answers(tiny_settings)
    extra = tiny_settings.knowledge_dir / "articles" / "delta.md"
    extra.write_text(
        "---\nid: delta-2024-01-01\ntitle: Delta\noutlet: Delta\n---\nKalimat delta baru tentang pekerja di desa.\n",
        "utf-8",
    )
    _answers(tiny_settings)  # a second build, the first one kept
    newest = current_build(tiny_settings.engine_config().index_dir)
    assert newest is not None
    (newest / "dense.faiss").write_bytes(b"garbled")
    extra.write_text("no front matter\n", "utf-8")  # and the rebuild cannot succeed
    with caplog.at_level(logging.WARNING):
        _answers(tiny_settings)
    assert "previous build" in caplog.text


@pytest.mark.parametrize("kind", ["garbled", "truncated", "directory", "schema"])
def test_a_corrupt_embedding_cache_is_moved_aside(
    tiny_settings,
    kind: str,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    _answers(tiny_settings)
    cache = tiny_settings.engine_config().embed_cache_path
    if kind == "garbled":
        cache.write_bytes(os.urandom(4096))
    elif kind == "truncated":
        cache.write_bytes(cache.read_bytes()[:2048])
    elif kind == "directory":
        cache.unlink()
        cache.mkdir()
    else:
        import sqlite3

        cache.unlink()
        with sqlite3.connect(cache) as db:
            db.execute("CREATE TABLE vectors (a TEXT)")
    (tiny_settings.knowledge_dir / "articles" / "alpha.md").write_text(
        (tiny_settings.knowledge_dir / "articles" / "alpha.md").read_text("utf-8") + "\nBaru.\n",
        "utf-8",
    )
    with caplog.at_level(logging.WARNING):
        _answers(tiny_settings)  # stale: rebuilt with a fresh cache
    assert "embedding cache" in caplog.text and "moved to" in caplog.text
    EmbeddingCache(cache).close()  # the new one is a good cache


def test_a_fifo_knowledge_file_does_not_hang_ask(tmp_path: Path) -> None:
    """The CLI with a FIFO named *.md: it answers (fake model would not load in a
    subprocess, so only start-up up to the model is timed here: the FIFO is never opened)."""
    from tests.conftest import write_knowledge

    kdir = write_knowledge(tmp_path)
    os.mkfifo(kdir / "articles" / "pipe.md")
    code = (
        "import sys; from index.corpus import load_corpus; from pathlib import Path; "
        f"print(len(load_corpus(Path({str(kdir)!r})).articles))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=30
    )
    assert out.returncode == 0 and out.stdout.strip() == "2", out.stderr
    assert "pipe.md" in out.stderr


@pytest.mark.model
@pytest.mark.parametrize("how", ["stdin", "argv"])
def test_undecodable_bytes_give_valid_utf8_json(how: str, tmp_path: Path) -> None:
    env = {**os.environ, "DATA_DIR": str(tmp_path / "var")}
    cmd = [sys.executable, "-m", "bot.cli", "ask", "--json"]
    if how == "argv":
        out = subprocess.run(
            [*map(os.fsencode, cmd), b"\xff"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            timeout=300,
        )
    else:
        out = subprocess.run(
            cmd, input=b"\xff\n", cwd=PROJECT, env=env, capture_output=True, timeout=300
        )
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
    obj = json.loads(out.stdout.decode("utf-8"))
    assert obj["question"] == "\ufffd" and obj["answered"] is False
