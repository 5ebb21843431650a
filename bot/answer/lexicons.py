"""The data files that shape how questions are read: dialect and English lexicons, chat
markers, the gazetteer and the fitted scorer. They live in `knowledge/`, are copied into each
index build (so they are part of its fingerprint) and are loaded from there.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.corpus import DATA_FILES, GLOSSARY
from index.errors import KnowledgeFileError
from index.gazetteer import Gazetteer, Phrase, Phrases, Place, parse_gazetteer
from index.glossary import Glossary, load_glossary
from index.text import words

log = logging.getLogger(__name__)

__all__ = ["Gazetteer", "Lexicons", "Phrases", "Place", "load_lexicons", "parse_gazetteer"]


def parse_sections(text: str, path: str = "chat.txt") -> dict[str, Phrases]:
    """`[section]` lines followed by `|`-separated phrases (continued over lines)."""
    sections: dict[str, set[Phrase]] = {}
    current: set[Phrase] | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), set())
            continue
        if current is None:
            raise KnowledgeFileError(path, lineno, "phrases before the first [section] line")
        current.update(tuple(words(p)) for p in line.split("|") if words(p))
    return {name: Phrases(frozenset(items)) for name, items in sections.items()}


@dataclass(frozen=True)
class Lexicons:
    """Everything besides the glossary that reading a question draws on."""

    dialect: Glossary = field(default_factory=Glossary)
    english: Glossary = field(default_factory=Glossary)
    chat: dict[str, Phrases] = field(default_factory=dict)
    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    scorer: dict[str, Any] = field(default_factory=dict)

    def markers(self, section: str) -> Phrases:
        return self.chat.get(section, Phrases())

    def expand(self, tokens: Iterable[str]) -> list[str]:
        """Dialect and English words replaced by standard Indonesian ones."""
        return self.english.expand(self.dialect.expand(list(tokens)))


LEXICON_FILES = tuple(name for name in DATA_FILES if name != GLOSSARY)


def _read(path: Path) -> str | None:
    if not path.exists():
        log.warning("%s is missing: questions are read without it", path)
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeFileError(str(path), None, f"not UTF-8 text ({exc.reason})") from exc


def load_lexicons(directory: Path) -> Lexicons:
    """Load the lexicon files of a knowledge directory (or of an index build's copy of it)."""
    texts = {name: _read(directory / name) for name in LEXICON_FILES}
    scorer: dict[str, Any] = {}
    if texts["scorer.json"]:
        try:
            scorer = dict(json.loads(texts["scorer.json"]))
        except (ValueError, TypeError) as exc:
            raise KnowledgeFileError(str(directory / "scorer.json"), None, str(exc)) from exc
    return Lexicons(
        dialect=load_glossary(directory / "dialect.txt"),
        english=load_glossary(directory / "english.txt"),
        chat=parse_sections(texts["chat.txt"] or "", str(directory / "chat.txt")),
        gazetteer=parse_gazetteer(texts["gazetteer.txt"] or "", str(directory / "gazetteer.txt")),
        scorer=scorer,
    )
