"""Grading on an evaluation set: retrieval, answer, citation and abstention accuracy, latency,
boilerplate shown; and what adding articles costs a set written before them."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from bot.answer.records import Answer
from bot.evaluation.sets import BOILERPLATE_MARKERS, GROUPS, DevQuestion
from index.records import Hit
from index.store import StoredIndex


class Asker(Protocol):
    def ask(self, question: str) -> Answer: ...
    def retrieve(self, question: str, k: int) -> list[Hit]: ...
    @property
    def index(self) -> StoredIndex: ...


@dataclass
class Outcome:
    q: DevQuestion
    answer: Answer
    retrieved: list[str]  # article ids of the top retrieved chunks, best first
    facts_ok: bool
    cites_ok: bool
    boilerplate: bool

    @property
    def correct(self) -> bool:
        if not self.q.answerable:
            return not self.answer.answered
        return self.answer.answered and self.facts_ok and self.cites_ok


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.q.answerable]

    def metrics(self) -> dict[str, float]:
        ans = self._answerable()
        neg = [o for o in self.outcomes if not o.q.answerable]
        ranks = [_rank(o.retrieved, o.q.articles) for o in ans]
        lat = sorted(o.answer.took_ms for o in self.outcomes)

        def frac(xs: list[bool]) -> float:
            return sum(xs) / len(xs) if xs else 0.0

        return {
            "questions": len(self.outcomes),
            "answerable": len(ans),
            "unanswerable": len(neg),
            "recall@1": frac([r == 1 for r in ranks]),
            "recall@5": frac([0 < r <= 5 for r in ranks]),
            "mrr": sum(1 / r for r in ranks if r) / len(ranks) if ranks else 0.0,
            "answer_accuracy": frac([o.answer.answered and o.facts_ok for o in ans]),
            "citation_accuracy": frac([o.answer.answered and o.cites_ok for o in ans]),
            "answer_and_citation": frac([o.correct for o in ans]),
            "abstention_accuracy": frac([not o.answer.answered for o in neg]),
            "false_abstentions": sum(not o.answer.answered for o in ans),
            "boilerplate_answers": sum(o.boilerplate for o in self.outcomes),
            "p50_ms": _percentile(lat, 50),
            "p95_ms": _percentile(lat, 95),
        }

    def table(self) -> str:
        m = self.metrics()
        rows = [
            (
                "questions (answerable / unanswerable)",
                f"{m['questions']} ({m['answerable']} / {m['unanswerable']})",
            ),
            ("retrieval recall@1 (cited article)", f"{m['recall@1']:.3f}"),
            ("retrieval recall@5 (cited article)", f"{m['recall@5']:.3f}"),
            ("retrieval MRR (cited article)", f"{m['mrr']:.3f}"),
            ("answer accuracy (all facts present)", f"{m['answer_accuracy']:.3f}"),
            ("citation accuracy (cites a right article)", f"{m['citation_accuracy']:.3f}"),
            ("answer + citation both correct", f"{m['answer_and_citation']:.3f}"),
            ("abstention accuracy", f"{m['abstention_accuracy']:.3f}"),
            ("false abstentions", f"{m['false_abstentions']}"),
            ("answers containing boilerplate", f"{m['boilerplate_answers']}"),
            ("answer latency p50 / p95 (warm)", f"{m['p50_ms']:.1f} ms / {m['p95_ms']:.1f} ms"),
        ]
        width = max(len(r[0]) for r in rows)
        lines = [f"| {'metric'.ljust(width)} | value |", f"|{'-' * (width + 2)}|-------|"]
        lines += [f"| {name.ljust(width)} | {value} |" for name, value in rows]
        return "\n".join(lines)

    def by_tag(self, tags: tuple[str, ...] = GROUPS) -> dict[str, dict[str, float]]:
        """Per group tag: how many questions, and the share answered right (for answerable
        questions: facts and citation; for unanswerable ones: refused)."""
        out: dict[str, dict[str, float]] = {}
        for tag in tags:
            rows = [o for o in self.outcomes if tag in o.q.tags]
            if rows:
                out[tag] = {
                    "questions": len(rows),
                    "correct": sum(o.correct for o in rows) / len(rows),
                }
        return out

    def tag_table(self) -> str:
        rows = self.by_tag()
        if not rows:
            return ""
        lines = ["| group | questions | correct |", "|---|---|---|"]
        lines += [f"| {t} | {int(r['questions'])} | {r['correct']:.3f} |" for t, r in rows.items()]
        return "\n".join(lines)

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct or o.boilerplate]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def fact_present(fact: str, text: str) -> bool:
    """A fact (alternatives separated by `|`) occurs in the text, case- and space-insensitive."""
    hay = _norm(text)
    return any(_norm(alt) in hay for alt in fact.split("|") if alt.strip())


def _rank(retrieved: list[str], wanted: tuple[str, ...]) -> int:
    for i, aid in enumerate(retrieved, start=1):
        if aid in wanted:
            return i
    return 0


def _percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return 0.0
    if len(sorted_values) == 1:
        return sorted_values[0]
    return statistics.quantiles(sorted_values, n=100, method="inclusive")[int(pct) - 1]


def boilerplate_markers(path: Path = BOILERPLATE_MARKERS) -> tuple[str, ...]:
    """The phrases of a marker file ('#' starts a comment line), normalized as answers are."""
    lines = path.read_text("utf-8").splitlines()
    return tuple(_norm(line) for line in lines if line.strip() and not line.startswith("#"))


def evaluate(engine: Asker, questions: list[DevQuestion], warmup: bool = True) -> Report:
    """Run every dev question through the engine and grade it."""
    markers = boilerplate_markers()
    if warmup and questions:
        engine.ask(questions[0].question)
    chunks = engine.index.chunks
    # Sets written blind name articles by their raw file (`source:`), not by id.
    by_source = {a.source: a.id for a in engine.index.articles.values() if a.source}
    report = Report()
    for q in questions:
        q = replace(q, articles=tuple(by_source.get(a, a) for a in q.articles))
        answer = engine.ask(q.question)
        hits = engine.retrieve(q.question, 10)
        retrieved = list(dict.fromkeys(chunks[h.chunk_id].article_id for h in hits))
        cited = {c.article_id for c in answer.citations}
        shown = _norm(answer.text + " " + " ".join(c.quote for c in answer.citations))
        report.outcomes.append(
            Outcome(
                q=q,
                answer=answer,
                retrieved=retrieved,
                facts_ok=all(fact_present(f, answer.text) for f in q.facts),
                cites_ok=bool(cited & set(q.articles)),
                boilerplate=answer.answered and any(b in shown for b in markers),
            )
        )
    return report


@dataclass(frozen=True)
class Cost:
    """What adding articles did to a question set written for the corpus before them.

    `harmed`: questions right before and wrong after, not counting `moved` ones. `moved`:
    questions now answered only from added articles that the set's labels cannot speak for:
    the answer holds the expected facts (the added article states them too), or every cited
    article is dated after every article the question expects (a newer figure or office
    holder: "newest first" is what users are promised), or the old corpus could not answer
    the question at all.
    """

    questions: int
    harmed: tuple[str, ...]
    moved: tuple[str, ...]

    @property
    def share(self) -> float:
        return len(self.harmed) / self.questions if self.questions else 0.0


def added_cost(before: Report, after: Report, added: set[str], index: StoredIndex) -> Cost:
    """Compare one set's outcomes on the corpus before and after adding the `added` articles."""
    old = {o.q.id: o for o in before.outcomes}
    harmed, moved = [], []
    for o in after.outcomes:
        was = old.get(o.q.id)
        if was is None or not was.correct or o.correct:
            continue
        if _from_added(o, added, index):
            moved.append(o.q.id)
        else:
            harmed.append(o.q.id)
    return Cost(len(after.outcomes), tuple(harmed), tuple(moved))


def _from_added(o: Outcome, added: set[str], index: StoredIndex) -> bool:
    cited = {c.article_id for c in o.answer.citations}
    if not o.answer.answered or not cited or not cited <= added:
        return False
    if not o.q.answerable or o.facts_ok:
        return True
    expected = [index.articles[a].dated for a in o.q.articles if a in index.articles]
    newest = max((d for d in expected if d), default=None)
    dates = [index.articles[a].dated for a in cited]
    return newest is not None and all(d is not None and d > newest for d in dates)
