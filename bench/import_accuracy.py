"""How well the importer reads pages it was not written for, against their ground truth.

    python -m bench.import_accuracy tests/fixtures/pages            # the dev pages
    python -m bench.import_accuracy tests/fixtures/import_heldout   # held out: measure once

A directory holds raw pages (scraped text, some also as HTML) and `truth.jsonl`: per page its
title, outlet (and accepted spellings), date, URL (when the page shows one), the boilerplate
lines that must go and the body sentences that must stay. No overrides are given. Prints
totals only (add `-v` to see each miss; do not, on a held-out directory).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from index.errors import PageImportError
from index.importer.boilerplate import DATELINE_RE
from index.importer.page import import_page
from index.records import Article
from index.text import split_sentences


def _item(text: str) -> str:
    """A body item without its list mark ("- 5.460 pecalang", "2. Kabupaten Kudus: 15.750
    pekerja") or the journalist's sign-off code after its last sentence ("... persen. (lj)",
    "(fat/nor)", "(*)"), which the importer drops as layout and byline."""
    text = re.sub(r"(?<=[.!?\"”])\s*\((?:[a-z]{2,6}(?:/[a-z]{2,6})*|\*)\)$", "", text)
    return re.sub(r"^(?:[-–—•*]|\d{1,2}[.)])\s+", "", text)


def normalized(text: str) -> str:
    """Lowercased, spaces collapsed, a tab between cells read as the importer writes it."""
    return re.sub(r"\s+", " ", re.sub(r"(?<=\S)\t+(?=\S)", " | ", text)).strip().lower()


def _sentences(a: Article) -> list[str]:
    return [a.body[s:e] for s, e in split_sentences(a.body)]


def left_and_lost(truth: dict[str, Any], a: Article) -> tuple[list[str], list[str]]:
    """The ground truth's boilerplate lines that stay in the article as a sentence or a
    paragraph, and its body sentences that the article lost (the dateline, a list item's
    bullet and a sign-off code aside)."""
    units = {normalized(s) for s in _sentences(a)} | {normalized(p) for p in a.body.split("\n\n")}
    left = [b for b in truth["boilerplate"] if normalized(b) in units]
    body = normalized(a.body)
    lost = [s for s in truth["body"] if normalized(_item(DATELINE_RE.sub("", s))) not in body]
    return left, lost


def grade(page: Path, truth: dict[str, Any], tally: Counter[str], verbose: bool) -> None:
    """Add one page's results to `tally`."""
    text = page.read_text("utf-8")
    tally["pages"] += 1
    try:
        a = import_page(text, source_name=page.name)
    except PageImportError as exc:
        tally["refused"] += 1
        print(f"{page.name}: refused: {exc}") if verbose else None
        return
    accepted = {normalized(o) for o in [truth["outlet"], *truth.get("outlet_accept", [])]}
    checks = {
        "title": normalized(a.title) == normalized(truth["title"]),
        "outlet": normalized(a.outlet) in accepted,
        "date": str(a.published or a.dated) == truth["date"],
    }
    if truth.get("url") and truth["url"] in text:
        checks["url"] = a.url == truth["url"]
    left, lost = left_and_lost(truth, a)
    for name, ok in checks.items():
        tally[f"{name} checked"] += 1
        tally[f"{name} right"] += ok
    tally["metadata right"] += all(checks[k] for k in ("title", "outlet", "date"))
    tally["boilerplate lines"] += len(truth["boilerplate"])
    tally["boilerplate left"] += len(left)
    tally["body sentences"] += len(truth["body"])
    tally["body lost"] += len(lost)
    if truth.get("html"):
        html = import_page((page.parent / truth["html"]).read_text("utf-8"), source_name="h")
        same = (a.title, a.outlet, a.published, _sentences(a)) == (
            html.title, html.outlet, html.published, _sentences(html)
        )  # fmt: skip
        tally["html pairs"] += 1
        tally["html same as text"] += same
    if verbose:
        wrong = [k for k, ok in checks.items() if not ok]
        print(f"{page.name}: wrong {wrong} [{a.title!r} | {a.outlet!r} | {a.published} | {a.url}]")
        for line in left:
            print(f"   left: {line[:100]}")
        for line in lost:
            print(f"   lost: {line[:100]}")


def main(argv: list[str]) -> int:
    pages = Path(argv[0]) if argv else Path("tests/fixtures/pages")
    verbose = "-v" in argv
    tally: Counter[str] = Counter()
    for line in (pages / "truth.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            truth = json.loads(line)
            grade(pages / truth["source"], truth, tally, verbose)
    for key in sorted(tally):
        print(f"{key}: {tally[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
