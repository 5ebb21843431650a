"""The glossary: acronyms, synonyms, informal and English spellings mapped to the corpus' words.

File format (`knowledge/glossary.txt`), one entry per line::

    # comment
    jht = jaminan hari tua
    bpjs tk | bpjamsostek | jamsostek = bpjs ketenagakerjaan

Left of `=`: one or more terms separated by `|` (case-insensitive, may be several words).
Right of `=`: the words that replace the term. Replacement is whole-word, longest term first,
and applied in one pass to questions and to article text alike (for lexical matching only;
answers always quote the original text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from index.errors import KnowledgeFileError
from index.text import words


@dataclass(frozen=True)
class Glossary:
    """Term -> replacement words; `expand` rewrites a token list."""

    entries: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def max_len(self) -> int:
        """Words in the longest term (computed once: `expand` runs for every sentence)."""
        return max((len(k) for k in self.entries), default=1)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """Words some term starts with: any other word is copied without a lookup."""
        return frozenset(k[0] for k in self.entries)

    def expand(self, tokens: list[str]) -> list[str]:
        """Replace glossary terms in `tokens` (lowercase words), longest match first."""
        if not self.entries:
            return list(tokens)
        out: list[str] = []
        i, n, longest, firsts = 0, len(tokens), self.max_len, self.first_words
        while i < n:
            if tokens[i] not in firsts:
                out.append(tokens[i])
                i += 1
                continue
            for size in range(min(longest, n - i), 0, -1):
                repl = self.entries.get(tuple(tokens[i : i + size]))
                if repl is not None:
                    out.extend(repl)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def expand_text(self, text: str) -> list[str]:
        """Tokenize `text` and expand it."""
        return self.expand(words(text))


def parse_glossary(text: str, path: str = "glossary.txt") -> Glossary:
    """Parse glossary text; raise `KnowledgeFileError` naming the line of a malformed entry."""
    entries: dict[tuple[str, ...], tuple[str, ...]] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.count("=") != 1:
            raise KnowledgeFileError(path, lineno, "expected 'term = replacement'")
        left, right = (part.strip() for part in line.split("="))
        replacement = tuple(words(right))
        terms = [tuple(words(t)) for t in re.split(r"\|", left)]
        if not replacement or not all(terms):
            raise KnowledgeFileError(path, lineno, "empty term or replacement")
        for term in terms:
            entries[term] = replacement
    return Glossary(entries)


def load_glossary(path: Path) -> Glossary:
    """Load the glossary file; a missing file is an empty glossary."""
    if not path.exists():
        return Glossary()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeFileError(str(path), None, f"not UTF-8 text ({exc.reason})") from exc
    return parse_glossary(text, str(path))
