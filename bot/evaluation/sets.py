"""The evaluation data: the sets (`tests/eval/*.jsonl`: questions, expected facts and articles,
group tags), the boilerplate markers, and the fixture corpus (the knowledge base with the
fixture pages imported beside it)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.settings import PROJECT_DIR

EVAL_DIR = PROJECT_DIR / "tests" / "eval"
DEV_SET = EVAL_DIR / "dev.jsonl"
FIXTURE_PAGES = PROJECT_DIR / "tests" / "fixtures" / "pages"
# The evaluation corpora beside the knowledge base: the page folders imported into each. Each
# later set of fixture pages was written after the ones before, consistent with them; the
# questions about it (fixtureN_*.jsonl) expect every folder up to its own.
_NUMBERED = {
    int(m.group(1)): folder
    for folder in FIXTURE_PAGES.parent.iterdir()
    if folder.is_dir() and (m := re.fullmatch(r"pages(\d+)", folder.name))
}
PAGE_FOLDERS = (FIXTURE_PAGES, *(_NUMBERED[n] for n in sorted(_NUMBERED)))
CORPORA = {  # "fixturesN": the first folder and every numbered one up to N
    "fixtures": PAGE_FOLDERS[:1],
    **{
        f"fixtures{n}": (FIXTURE_PAGES, *(_NUMBERED[k] for k in sorted(_NUMBERED) if k <= n))
        for n in sorted(_NUMBERED)
    },
}
# Blind audits of the questions labelled unanswerable (tests/eval/writing/README.md): one
# verdict per line, with the sentence that answers it when the corpus the set is asked against
# does. Such a question is left out when its set is loaded.
LABEL_AUDITS = EVAL_DIR / "writing" / "audits"
# Phrases only site boilerplate contains; no answer may show one (the file says where from).
BOILERPLATE_MARKERS = PROJECT_DIR / "tests" / "fixtures" / "boilerplate.txt"

# Group tags of the evaluation sets, reported separately by `Report.by_tag`.
GROUPS = (
    "dialect",
    "greeting",
    "informal",
    "english",
    "refuse",
    "fixture",
    "comparison",
    "multi-question",
    "boilerplate-headline",
    "abstain",
)


@dataclass(frozen=True)
class DevQuestion:
    id: str
    question: str
    answerable: bool
    facts: tuple[str, ...]
    articles: tuple[str, ...]
    tags: tuple[str, ...] = ()


def answered_elsewhere(audits: Path = LABEL_AUDITS) -> set[tuple[str, str]]:
    """(set, id) of every question an audit found answered by its corpus, though labelled
    unanswerable; "set" names both halves ("fixture42" for fixture42_dev and _heldout). Only
    sets audited whole are in `audits` (a partial audit, of the questions an engine answered,
    would only ever remove its errors: kept in its `partial/` folder, not applied)."""
    found = set()
    for path in sorted(audits.glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                if d["verdict"] not in _VERDICTS:
                    raise ValueError(f"verdict {d['verdict']!r}")
            except (ValueError, KeyError) as exc:
                raise ValueError(f"{path}:{lineno}: bad audit verdict ({exc})") from exc
            if d["verdict"] == "answered_elsewhere":
                found.add((d["set"], d["id"]))
    return found


_VERDICTS = frozenset({"unanswerable", "answered_elsewhere"})


def load_dev_set(path: Path, audits: Path = LABEL_AUDITS) -> list[DevQuestion]:
    """The questions of a set file, less those its label audit found answered elsewhere."""
    family = re.sub(r"_(dev|heldout)$", "", path.stem)
    dropped = {qid for name, qid in answered_elsewhere(audits) if name == family}
    out = []
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            if d["id"] in dropped and not d["answerable"]:
                continue
            out.append(
                DevQuestion(
                    d["id"],
                    d["question"],
                    bool(d["answerable"]),
                    tuple(d.get("facts", ())),
                    tuple(d.get("articles", ())),
                    tuple(d.get("tags", ())),
                )
            )
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}:{lineno}: bad dev question ({exc})") from exc
    return out


def fixture_knowledge(
    knowledge_dir: Path, dest: Path, folders: Sequence[Path] = (FIXTURE_PAGES,)
) -> Path:
    """A knowledge directory at `dest`: `knowledge_dir`'s articles and data files plus the
    fixture pages of `folders`, imported with the metadata of their ground truth
    (`truth.jsonl`), as an admin would import a new outlet's page. Returns `dest`, rewritten
    on every call (the index build then reuses what it can)."""
    import shutil

    from index.corpus import DATA_FILES, article_files
    from index.importer.page import ImportOverrides, import_file

    shutil.rmtree(dest, ignore_errors=True)
    (dest / "articles").mkdir(parents=True)
    for name in DATA_FILES:
        if (knowledge_dir / name).exists():
            shutil.copy2(knowledge_dir / name, dest / name)
    for path in article_files(knowledge_dir):
        shutil.copy2(path, dest / "articles" / path.name)
    truths = [
        (pages, json.loads(line))
        for pages in folders
        for line in (pages / "truth.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    for pages, t in truths:
        overrides = ImportOverrides(
            title=t["title"],
            outlet=t["outlet"],
            date=t["date"],
            url=t.get("url"),
            region=t.get("region") or None,
        )
        import_file(pages / t["source"], dest, overrides)
    return dest
