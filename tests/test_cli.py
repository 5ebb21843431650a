"""The `bpjstk-bot` console script as users and other tools run it (real bundled model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_knowledge

pytestmark = pytest.mark.model

BIN = Path(sys.executable).parent / "bpjstk-bot"


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **env, "HF_HUB_OFFLINE": "1"},
        timeout=300,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "KNOWLEDGE_DIR": str(write_knowledge(tmp_path)),
        "DATA_DIR": str(tmp_path / "var"),
        "TELEGRAM_BOT_TOKEN": "",
    }


def test_ask_json_contract_and_bad_input_from_stdin(env: dict[str, str]) -> None:
    questions = [
        "Berapa persen pekerja Sumsel yang terlindungi?",
        "",
        "   ",
        "😀😀😀",
        "\x01\x02\x03",
        "x" * 10_000,
        "Apa itu Whip Pink?",
    ]
    proc = run(["ask", "--json"], env, "\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == len(questions)
    first = rows[0]
    assert set(first) >= {"question", "answered", "answer", "sources", "took_ms"}
    assert first["answered"] is True and "34 persen" in first["answer"]
    src = first["sources"][0]
    assert set(src) == {"n", "article_id", "title", "outlet", "published", "url", "quote"}
    assert src["n"] == 1 and src["article_id"] == "alpha-2024-08-02"
    assert src["published"] == "2024-08-02" and src["quote"] in first["answer"]
    assert [r["reason"] for r in rows[1:]] == [
        "empty",
        "empty",
        "no_words",
        "empty",
        "too_long",
        "not_in_sources",
    ]
    assert all(r["answered"] is False and r["answer"] for r in rows[1:])


def test_ask_plain_prints_answer_and_sources(env: dict[str, str]) -> None:
    proc = run(["ask", "program", "BPJS", "TK", "ada", "apa", "aja?"], env)
    assert proc.returncode == 0, proc.stderr
    assert "Jaminan Kehilangan Pekerjaan" in proc.stdout
    assert "Sumber:" in proc.stdout and "[1] Koran Alpha, 2 Agustus 2024" in proc.stdout


def test_index_failure_names_file_and_ask_keeps_answering(env: dict[str, str]) -> None:
    built = run(["index"], env)
    assert built.returncode == 0, built.stderr
    assert "embedded" in built.stdout and "reused" in built.stdout
    broken = Path(env["KNOWLEDGE_DIR"]) / "articles" / "rusak.md"
    broken.write_text("---\nid: rusak\ntitle: Rusak\n---\nIsi artikel tanpa outlet sama sekali.\n")
    failed = run(["index"], env)
    assert failed.returncode == 1
    assert "rusak.md" in failed.stderr and "outlet" in failed.stderr
    assert "Traceback" not in failed.stderr
    asked = run(["ask", "--json", "Berapa persen pekerja Sumsel yang terlindungi?"], env)
    assert asked.returncode == 0 and json.loads(asked.stdout)["answered"] is True
