"""Shared fixtures: a fixed fake embedder and a tiny Indonesian knowledge base."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.answer.records import Citation
from bot.settings import Settings
from index.corpus import DATA_FILES
from index.text import words

# What `bpjstk-bot` sets in main() for the whole process, the tests set here: the bundled
# model is loaded without asking the hub, quietly.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

PROJECT = Path(__file__).resolve().parent.parent
PAGES_DIR = PROJECT / "tests" / "fixtures" / "pages"


class FakeEmbedder:
    """Deterministic bag-of-words hashing embedder: no model, same text -> same vector."""

    name = "fake-hash-64"
    dim = 64

    def __init__(self) -> None:
        self.encoded: list[str] = []
        self.calls: list[list[str]] = []  # the texts of each call

    def encode(self, texts, batch_size: int = 32) -> np.ndarray:  # type: ignore[no-untyped-def]
        self.encoded.extend(texts)
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in words(text):
                h = int.from_bytes(hashlib.md5(w.encode()).digest()[:4], "little")
                out[i, h % self.dim] += 1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out

    def count_tokens(self, text: str) -> int:
        return len(words(text)) * 2


def make_citation(n: int, **kw: Any) -> Citation:
    """Source [n]: an article of "Koran Palpres" dated n August 2024, with a link and a quote
    that needs escaping; `kw` overrides any field."""
    fields: dict[str, Any] = dict(
        n=n,
        article_id=f"koranpalpres-2024-08-0{n}",
        title=f"Baru 34 Persen Pekerja Sumsel Terlindungi ({n})",
        outlet="Koran Palpres",
        published=date(2024, 8, n),
        date_label=f"{n} Agustus 2024",
        url=f"https://koranpalpres.example/berita/{n}",
        quote=f"Kutipan & <asli> nomor {n}.",
        start=0,
        end=10,
    )
    fields.update(kw)
    return Citation(**fields)


ARTICLE_A = """---
id: alpha-2024-08-02
title: Baru 34 Persen Pekerja Sumsel Terlindungi
outlet: Koran Alpha
published: 2024-08-02
dated: 2024-08-02
date_label: 2 Agustus 2024
url: https://alpha.example/berita/1
region: Sumatera Selatan
---
Saat ini, dari kurang lebih 3 juta pekerja di Sumsel, baru 34 persen terlindungi BPJS Ketenagakerjaan.

Artinya baru sekitar 1,3 juta pekerja di Sumsel yang terlindungi.

Kepala Kanwil BPJS Ketenagakerjaan Sumbagsel, Muhyidin, bertemu Pj Gubernur Elen Setiadi di Palembang.

Terdapat 5 program perlindungan BPJS Ketenagakerjaan bagi para pekerja. Lima program perlindungan itu yakni Jaminan Hari Tua, Jaminan Kecelakaan Kerja, Jaminan Kematian, Jaminan Pensiun, dan Jaminan Kehilangan Pekerjaan.
"""

ARTICLE_B = """---
id: beta-2024-03
title: Gerakan Serentak Perlindungan Pekerja Rentan
outlet: Beta News
published:
dated: 2024-03-31
date_label: data hingga Maret 2024
region: Sumatera Selatan
---
Mulai 2024 ini dicanangkan Gerakan Serentak Perlindungan Pekerja Rentan Sumsel.

Hingga Maret 2024 telah terlindungi sekitar 1,1 juta pekerja di Sumsel.

Pedagang pasar dan nelayan diimbau mendaftar secara mandiri.
"""

GLOSSARY = """# test glossary
yg = yang
brp = berapa
udah = sudah
aja = saja
bpjs tk | jamsostek = bpjs ketenagakerjaan
sumsel = sumatera selatan
who = siapa
governor = gubernur
"""


def write_knowledge(root: Path, articles: dict[str, str] | None = None) -> Path:
    kdir = root / "knowledge"
    (kdir / "articles").mkdir(parents=True, exist_ok=True)
    for name, text in (articles or {"alpha.md": ARTICLE_A, "beta.md": ARTICLE_B}).items():
        (kdir / "articles" / name).write_text(text, encoding="utf-8")
    (kdir / "glossary.txt").write_text(GLOSSARY, encoding="utf-8")
    # The real lexicons and fitted scorer: the tiny corpus is read as users' questions are.
    for name in DATA_FILES:
        if name != "glossary.txt" and (PROJECT / "knowledge" / name).exists():
            shutil.copy2(PROJECT / "knowledge" / name, kdir / name)
    return kdir


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def tiny_settings(tmp_path: Path) -> Settings:
    """Settings over a tiny knowledge base in a temp dir, fake-embedder friendly."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        knowledge_dir=write_knowledge(tmp_path),
        data_dir=tmp_path / "var",
        embedding_model="fake-hash-64",
        telegram_bot_token=None,
    )


@pytest.fixture
def real_knowledge(tmp_path: Path) -> Path:
    """A private copy of the bundled knowledge directory."""
    dest = tmp_path / "knowledge"
    shutil.copytree(PROJECT / "knowledge", dest)
    return dest


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = PAGES_DIR / self.path.lstrip("/")
        if self.path.endswith(".html") and path.is_file():
            body = path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    """A local news site serving the fixture pages' HTML forms (for URL imports)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
