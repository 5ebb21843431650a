"""List windows as pure functions over hand-made sentences."""

from __future__ import annotations

from bot.answer.lists import list_windows
from bot.answer.question import parse_question
from index.glossary import parse_glossary
from index.lexical import lexical_terms
from index.records import Sentence

GLOSSARY = parse_glossary("")


def _sents(*texts: str) -> list[Sentence]:
    out, pos = [], 0
    for t in texts:
        out.append(Sentence("a", pos, pos + len(t), t))
        pos += len(t) + 1
    return out


def _terms(text: str) -> frozenset[str]:
    return frozenset(lexical_terms(text, GLOSSARY))


def test_announcement_then_enumeration_is_one_window() -> None:
    sents = _sents(
        "Kepala kantor membuka acara.",
        "Terdapat 5 program perlindungan bagi pekerja.",
        "Programnya yakni Jaminan Hari Tua, Jaminan Kecelakaan Kerja, Jaminan Kematian, "
        "Jaminan Pensiun, dan Jaminan Kehilangan Pekerjaan.",
        "Acara ditutup siang hari.",
    )
    q = parse_question("program perlindungan ada apa saja?", GLOSSARY)
    assert list_windows(q, (1,), sents, _terms) == [[1, 2]]
    assert list_windows(q, (2,), sents, _terms) == [[1, 2]]


def test_ordinal_run_with_its_announcement_one_window_each() -> None:
    sents = _sents(
        "Kanwil fokus pada 3 hal untuk menambah kepesertaan.",
        "Pertama, ekosistem desa.",
        "Ini penting bagi petani.",
        "Kedua, ekosistem pasar.",
        "Ketiga, pekerja miskin.",
        "Lain kali dibahas lagi.",
    )
    q = parse_question("kanwil fokus pada hal apa saja?", GLOSSARY)
    assert list_windows(q, (3,), sents, _terms) == [[0], [1], [3], [4]]


def test_unrelated_run_is_not_taken_for_the_list() -> None:
    sents = _sents(
        "Gubernur meresmikan jembatan.",
        "Pertama, jalan diperbaiki.",
        "Kedua, lampu dipasang.",
        "Program perlindungan dibahas kemudian.",
    )
    q = parse_question("program perlindungan ada apa saja?", GLOSSARY)
    assert list_windows(q, (3,), sents, _terms) == [[3]]
