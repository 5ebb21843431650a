"""No word of the seed articles or the fixtures appears in code as a special case.

The proper nouns of every article the engine is tested on (people, places, venues, awards,
outlets), listed by the writers of the evaluation data, must not appear in the code of `bot/`
and `index/`, except in text shown to users (help and example questions)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import PROJECT

LISTS = sorted((PROJECT / "tests" / "fixtures").rglob("proper_nouns.txt"))
# Strings shown to users may name what the bot knows about (help text, example questions).
USER_TEXT = re.compile(r"(HELP|REFUSALS|EXAMPLES|WELCOME|_TEXT)\b")
# Names that are also ordinary words of the language or of the domain's own vocabulary.
ORDINARY = {
    "bpjs",
    "bpjs ketenagakerjaan",
    "bpjamsostek",
    "jamsostek",
    "bi",
    "dpr",
    "tag",
    "foto",
    "antara",  # also the ordinary word "between"
    "its",  # a campus (ITS) that is also an English word
    "telegram",  # the apps the bot lives in and pages link to
    "whatsapp",
    "google play",  # app stores and news apps pages point readers to
    "app store",
    "google news",
    "instagram",  # platforms whose posts and players pages embed
    "spotify",
    "youtube",
    "tiktok",
    "twitter",
    "apbd",  # a regional budget, an ordinary word of the domain
    "x",  # share buttons (X, LINE), also a variable and an ordinary word
    "line",
    "indonesia",
    # the agency's programs: the domain's own vocabulary, which the glossary and the reading
    # of questions need (a writer listed them as proper nouns)
    "jaminan hari tua",
    "jht",
    "jaminan kecelakaan kerja",
    "jkk",
    "jaminan kematian",
    "jkm",
    "jaminan pensiun",
    "jp",
    "jaminan kehilangan pekerjaan",
    "jkp",
    # kinds of local government ("Pemerintah Provinsi/Kabupaten/Kota"), common nouns a writer
    # listed beside the names of the governments themselves
    "pemprov",
    "pemkab",
    "pemkot",
}


def _nouns() -> list[str]:
    out = []
    for path in LISTS:
        for line in path.read_text("utf-8").splitlines():
            name = line.strip()
            if name and not name.startswith("#") and name.lower() not in ORDINARY:
                out.append(name)
    return out


def _code_lines() -> list[tuple[Path, int, str]]:
    out = []
    for folder in ("bot", "index"):
        for path in sorted((PROJECT / folder).rglob("*.py")):
            in_user_text = False
            for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                if USER_TEXT.search(line) and "=" in line:
                    in_user_text = True
                elif in_user_text and (not line.startswith((" ", ")")) or line.strip() == ")"):
                    in_user_text = False
                if not in_user_text:
                    out.append((path, n, line))
    return out


def test_no_proper_noun_of_the_articles_in_code() -> None:
    nouns = _nouns()
    assert len(nouns) > 100
    longest_first = sorted(nouns, key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, longest_first))})(?!\w)", re.I)
    found = [
        f"{path.relative_to(PROJECT)}:{n}: {match.group()}"
        for path, n, line in _code_lines()
        for match in pattern.finditer(line)
    ]
    assert found == []
