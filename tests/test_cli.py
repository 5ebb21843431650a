"""The `bpjstk-bot` console script as users and other tools run it (real bundled model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.answer.records import Answer, AnswerPart, Citation, Reason
from bot.terminal import answer_json, chat
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
    assert "DEBUG" not in built.stderr  # no library's debug lines in the terminal
    broken = Path(env["KNOWLEDGE_DIR"]) / "articles" / "rusak.md"
    broken.write_text("---\nid: rusak\ntitle: Rusak\n---\nIsi artikel tanpa outlet sama sekali.\n")
    failed = run(["index"], env)
    assert failed.returncode == 1
    assert "rusak.md" in failed.stderr and "outlet" in failed.stderr
    assert "Traceback" not in failed.stderr
    asked = run(["ask", "--json", "Berapa persen pekerja Sumsel yang terlindungi?"], env)
    assert asked.returncode == 0 and json.loads(asked.stdout)["answered"] is True


def test_answer_json_keys_in_contract_order_without_the_model() -> None:
    cite = Citation(
        1, "a-1", "Judul", "Koran", date(2024, 8, 2), "2 Agustus 2024", None, "Isi.", 0, 4
    )
    answer = Answer(
        "apa? dan siapa?",
        answered=True,
        parts=(AnswerPart("Isi.", 1, asked=0),),
        citations=(cite,),
        reason=Reason.NOT_IN_SOURCES,
        took_ms=12.3456,
        asked=("apa?", "siapa?"),
        unanswered=(1,),
    )
    assert json.dumps(answer_json(answer), ensure_ascii=False) == (
        '{"question": "apa? dan siapa?", "answered": true, "answer": "1) apa?\\nIsi. [1]\\n\\n'
        '2) siapa?\\n", "sources": [{"n": 1, "article_id": "a-1", "title": "Judul", '
        '"outlet": "Koran", "published": "2024-08-02", "url": null, "quote": "Isi."}], '
        '"took_ms": 12.35, "parts": [{"question": "apa?", "answered": true, "answer": '
        '"Isi. [1]", "sources": [1]}, {"question": "siapa?", "answered": false, "answer": "", '
        '"sources": []}], "reason": "not_in_sources"}'
    )


def test_chat_answers_until_keluar(capsys: pytest.CaptureFixture[str]) -> None:
    typed = iter(["", "apa?", "Keluar"])

    def refuse(question: str) -> Answer:
        return Answer(question, answered=False, message=f"tidak tahu: {question}")

    assert chat(refuse, lambda _: next(typed)) == 0
    assert capsys.readouterr().out.endswith("\ntidak tahu: apa?\n")


def test_chat_shows_the_last_answers_sources_on_sumber(capsys: pytest.CaptureFixture[str]) -> None:
    typed = iter(["/sumber", "apa?", "/sumber", "/bantu", "keluar"])
    cite = Citation(
        1, "a-1", "Judul", "Koran", date(2024, 8, 2), "2 Agustus 2024", None, "Isi.", 0, 4
    )

    def answer(question: str) -> Answer:
        return Answer(question, answered=True, parts=(AnswerPart("Isi.", 1),), citations=(cite,))

    assert chat(answer, lambda _: next(typed)) == 0
    out = capsys.readouterr().out.split("\n\n")
    assert "Belum ada jawaban dengan sumber" in out[1]
    assert out[-2].strip() == "Sumber:\n[1] Koran, 2 Agustus 2024: Judul"
    assert "Perintah: /sumber" in out[-1]
