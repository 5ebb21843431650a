"""Quality gate: the real engine (bundled model, bundled articles) on the evaluation sets.

Each gate equals the measured value (README, "Evaluation"), so any single regression fails;
raise it when a change measures better.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.evaluate import Report, evaluate, load_dev_set
from bot.settings import Settings

pytestmark = pytest.mark.model

EVAL = Path(__file__).parent / "eval"

# dev, holdout and chat_dev are among the sets the scorer is fitted on (bot/fit.py); test was
# written on 2026-11-21 and is never fitted on, its failures not read.
GATES = {
    "dev.jsonl": {"answer_and_citation": 0.890, "abstention_accuracy": 0.969, "mrr": 0.923},
    "holdout.jsonl": {"answer_and_citation": 0.818, "abstention_accuracy": 1.0, "mrr": 0.904},
    "test.jsonl": {"answer_and_citation": 0.820, "abstention_accuracy": 1.0, "mrr": 0.960},
    "chat_dev.jsonl": {"answer_and_citation": 0.666, "abstention_accuracy": 0.958, "mrr": 0.916},
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    knowledge = Path(__file__).resolve().parent.parent / "knowledge"
    data = tmp_path_factory.mktemp("quality-data")
    return Engine.load(Settings(_env_file=None, knowledge_dir=knowledge, data_dir=data))  # type: ignore[call-arg]


@pytest.fixture(scope="module")
def reports(engine: Engine) -> dict[str, Report]:
    return {name: evaluate(engine, load_dev_set(EVAL / name)) for name in GATES}


@pytest.mark.parametrize("name", sorted(GATES))
def test_quality_gate(reports: dict[str, Report], name: str) -> None:
    metrics = reports[name].metrics()
    failing = {
        key: (round(metrics[key], 3), floor)
        for key, floor in GATES[name].items()
        if metrics[key] < floor
    }
    wrong = [o.q.id for o in reports[name].failures()]
    assert not failing, f"{name}: below the gate {failing}; wrong: {wrong}"


@pytest.mark.parametrize("name", sorted(GATES))
def test_no_answer_shows_boilerplate(reports: dict[str, Report], name: str) -> None:
    shown = [o.q.id for o in reports[name].outcomes if o.boilerplate]
    assert shown == []


def test_dev_set_is_big_and_varied_enough() -> None:
    questions = load_dev_set(EVAL / "dev.jsonl")
    tags = [t for q in questions for t in q.tags]
    assert len(questions) >= 60
    assert sum(not q.answerable for q in questions) >= 12
    for tag in ("informal", "english", "typo", "abbreviation", "list", "figure", "person", "date"):
        assert tag in tags, tag
