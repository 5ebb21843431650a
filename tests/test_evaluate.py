"""Grading: boilerplate shown in answers, and what adding articles costs a question set written
before them."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest

from bot.answer.records import Answer, Citation
from bot.evaluation.evaluate import Outcome, Report, added_cost, boilerplate_markers, evaluate
from bot.evaluation.sets import DevQuestion, load_dev_set
from index.records import Article, Chunk, Hit


def article(id_: str, day: date) -> Article:
    return Article(id_, "Judul", "Koran", day, day, "", None, "Sumatera Selatan", "Isi.")


ARTICLES = {
    "old": article("old", date(2024, 8, 1)),
    "older-added": article("older-added", date(2021, 1, 5)),
    "newer-added": article("newer-added", date(2025, 7, 22)),
}
INDEX = SimpleNamespace(articles=ARTICLES)
ADDED = {"older-added", "newer-added"}


def outcome(qid: str, cites: tuple[str, ...], facts_ok: bool, answerable: bool = True) -> Outcome:
    q = DevQuestion(qid, "berapa?", answerable, ("34 persen",), ("old",) if answerable else ())
    citations = tuple(
        Citation(n, a, "Judul", "Koran", None, "", None, "x", 0, 1) for n, a in enumerate(cites, 1)
    )
    answer = Answer("berapa?", answered=bool(cites), citations=citations)
    return Outcome(q, answer, [], facts_ok, bool(set(cites) & {"old"}), False)


def test_spoilt_answers_count_and_answers_from_newer_or_agreeing_articles_do_not() -> None:
    before = Report([outcome(f"q{i}", ("old",), True) for i in range(5)])
    before.outcomes.append(outcome("u", (), False, answerable=False))  # rightly refused
    after = Report(
        [
            outcome("q0", ("old",), True),  # still right
            outcome("q1", ("newer-added",), False),  # a newer figure: moved
            outcome("q2", ("older-added",), True),  # an added article states the fact: moved
            outcome("q3", ("older-added",), False),  # an older article, wrong: harmed
            outcome("q4", ("old", "newer-added"), False),  # still from the old one, wrong: harmed
            outcome("u", ("newer-added",), False, answerable=False),  # added articles answer it
        ]
    )
    cost = added_cost(before, after, ADDED, INDEX)  # type: ignore[arg-type]
    assert cost.harmed == ("q3", "q4")
    assert cost.moved == ("q1", "q2", "u")
    assert cost.share == 2 / 6


def test_a_question_wrong_before_is_not_counted() -> None:
    before = Report([outcome("q", ("old",), False)])
    after = Report([outcome("q", (), False)])
    assert added_cost(before, after, ADDED, INDEX).harmed == ()  # type: ignore[arg-type]


class Shows:
    """An engine that answers every question with one fixed quote from article "old"."""

    def __init__(self, quote: str) -> None:
        self.quote = quote
        self.index = SimpleNamespace(
            articles=ARTICLES, chunks={0: Chunk(0, "old", 0, 4, "Isi.", 2)}
        )

    def ask(self, question: str) -> Answer:
        cite = Citation(1, "old", "Judul", "Koran", None, "", None, self.quote, 0, 1)
        return Answer(question, answered=True, citations=(cite,))

    def retrieve(self, question: str, k: int) -> list[Hit]:
        return [Hit(0, 1.0, 1)]


def test_an_answer_quoting_site_boilerplate_is_counted() -> None:
    assert "baca juga" in boilerplate_markers()
    q = DevQuestion("q", "berapa?", True, (), ("old",))
    clean = evaluate(Shows("34 persen pekerja."), [q])  # type: ignore[arg-type]
    spoilt = evaluate(Shows("34 persen. BACA   JUGA: Lainnya"), [q])  # type: ignore[arg-type]
    assert clean.metrics()["boilerplate_answers"] == 0
    assert spoilt.metrics()["boilerplate_answers"] == 1 and spoilt.failures()


def test_the_threshold_refuses_the_set_share_of_unanswerable_questions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.evaluation import fit

    scores = {f"u{i}": i / 10 for i in range(10)} | {"a": 0.95}
    monkeypatch.setattr(fit, "_best", lambda g, scorer: (scores[g.question], True))
    groups = [fit.Group(q, q == "a", frozenset()) for q in scores]
    t = fit.threshold(groups, scorer=None, share=0.8)  # type: ignore[arg-type]
    refused = [q for q, s in scores.items() if q != "a" and s < t]
    assert len(refused) == 8 and scores["a"] >= t


def test_every_set_is_asked_against_its_corpus_and_written_out(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.evaluation.runs import corpus_of, evaluate_sets

    right = Answer("q", answered=True)
    refused = Answer("q", answered=False)

    class Fake:  # answers in the knowledge base, refuses with the fixture pages added
        def __init__(self, corpus: str) -> None:
            self.corpus = corpus
            self.index = SimpleNamespace(articles={}, chunks={})

        def ask(self, question: str) -> Answer:
            return right if self.corpus == "knowledge" else refused

        def retrieve(self, question: str, k: int) -> list[Hit]:
            return []

    row = {"id": "a1", "question": "brp?", "answerable": False, "tags": ["refuse"]}
    for name in ("chat_x", "fixture9_x"):
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    sets = [(tmp_path / f"{n}.jsonl", corpus_of(n)) for n in ("chat_x", "fixture9_x")]
    asked: list[str] = []

    def engine_for(corpus: str) -> Fake:
        asked.append(corpus)
        return Fake(corpus)

    out = tmp_path / "out"
    assert evaluate_sets(engine_for, sets, out) == (1, 2)
    assert asked == ["knowledge", "fixtures9"]
    records = json.loads((out / "fixture9_x.json").read_text("utf-8"))
    assert records[0]["id"] == "a1" and records[0]["correct"] is True
    assert json.loads((out / "chat_x.json").read_text("utf-8"))[0]["answered"] is True
    summary = (out / "summary.tsv").read_text("utf-8").splitlines()
    assert summary == ["chat_x\t0\t1", "fixture9_x\t1\t1", "TOTAL\t1\t2"]
    assert "all 2 sets: 1 of 2" in capsys.readouterr().out


def test_a_question_its_audit_found_answered_elsewhere_is_left_out_of_both_halves(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    audits = tmp_path / "audits"
    audits.mkdir()
    verdicts = [("fixture9", "q2", "answered_elsewhere"), ("fixture9", "q3", "unanswerable")]
    audits.joinpath("round.jsonl").write_text(
        "".join(json.dumps({"set": s, "id": i, "verdict": v}) + "\n" for s, i, v in verdicts)
    )
    rows = [{"id": q, "question": "berapa?", "answerable": False} for q in ("q1", "q2", "q3")]
    for name in ("fixture9_dev", "fixture9_heldout", "fixture10_dev"):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))

    def ids(name: str) -> list[str]:
        return [q.id for q in load_dev_set(tmp_path / f"{name}.jsonl", audits)]

    assert ids("fixture9_dev") == ids("fixture9_heldout") == ["q1", "q3"]
    assert ids("fixture10_dev") == ["q1", "q2", "q3"]
    # a verdict never drops a question labelled answerable
    (tmp_path / "fixture9_dev.jsonl").write_text(json.dumps({**rows[1], "answerable": True}))
    assert ids("fixture9_dev") == ["q2"]
    # nor is a verdict it cannot read passed over
    audits.joinpath("round.jsonl").write_text('{"set": "fixture9", "id": "q2", "verdict": "?"}')
    with pytest.raises(ValueError, match="round.jsonl:1"):
        ids("fixture9_heldout")


def test_every_audit_verdict_names_a_question_to_refuse_in_one_half_of_its_set() -> None:
    from bot.evaluation.sets import EVAL_DIR, answered_elsewhere

    found = answered_elsewhere()
    assert found  # fixture42's audit (round 38)
    for name, qid in found:
        halves = [EVAL_DIR / f"{name}_{half}.jsonl" for half in ("dev", "heldout")]
        rows = [
            json.loads(line)
            for path in halves
            for line in path.read_text("utf-8").splitlines()
            if line.strip() and json.loads(line)["id"] == qid
        ]
        assert len(rows) == 1 and not rows[0]["answerable"], (name, qid)
