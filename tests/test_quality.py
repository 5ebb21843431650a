"""Quality gate: the real engine (bundled model, bundled articles) on the evaluation sets.

Thresholds are set from measurements (README, "Evaluation") and only ever go up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.evaluate import Report, evaluate, load_dev_set
from bot.settings import Settings

pytestmark = pytest.mark.model

EVAL = Path(__file__).parent / "eval"

# dev: the set the engine was tuned on; holdout: written separately, its failures then read
# and fixed in general ways; test: written separately on 2026-11-21 and measured once
# (0.880 / 1.000 / 0.970), its failures not read when the gate was set.
GATES = {
    "dev.jsonl": {"answer_and_citation": 0.90, "abstention_accuracy": 0.95, "mrr": 0.90},
    "holdout.jsonl": {"answer_and_citation": 0.80, "abstention_accuracy": 0.95, "mrr": 0.88},
    "test.jsonl": {"answer_and_citation": 0.85, "abstention_accuracy": 0.95, "mrr": 0.93},
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
