"""What `bpjstk-bot eval` and `bpjstk-bot fit` do once their engines are loaded: the corpus
each set is asked against, the metrics printed, the scorer fitted on the sets and validated by
leaving articles out. `bot/cli.py` loads the engines (`corpus_settings`) and passes them in."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.evaluation.evaluate import Asker, Outcome, evaluate
from bot.evaluation.sets import CORPORA, EVAL_DIR, DevQuestion, fixture_knowledge, load_dev_set

if TYPE_CHECKING:
    from bot.answer.engine import Engine
    from bot.evaluation.fit import Group
    from bot.settings import Settings

# The sets the scorer is fitted on, and the corpus each is asked against: every set whose
# failures have been read. Never fitted on: test.jsonl, the validation sets (chat8_heldout,
# fixture7_heldout, chat9_dev: only their aggregate figures are read, to choose between
# changes), the unspent held-out sets (chat56_heldout, fixture55_heldout) and this round's dev
# sets (chat56_dev, fixture55_dev: they tell how a refit does on questions it was not fitted on).
_CHAT_SETS = (
    "chat_dev", "chat_heldout", "chat2_dev", "chat2_heldout", "chat3_dev", "chat3_heldout",
    "chat4_dev", "chat4_heldout", "chat5_dev", "chat5_heldout", "chat6_dev", "chat6_heldout",
    "chat7_dev", "chat7_heldout", "chat8_dev", "chat9_heldout", "chat10_dev", "chat10_heldout",
    "chat11_dev", "chat11_heldout", "chat12_dev", "chat12_heldout", "chat13_dev", "chat13_heldout",
    "chat14_dev", "chat14_heldout", "chat15_dev", "chat15_heldout", "chat16_dev", "chat16_heldout",
    "chat17_dev", "chat17_heldout", "chat18_dev", "chat18_heldout", "chat19_dev", "chat19_heldout",
    "chat20_dev", "chat20_heldout", "chat21_dev", "chat21_heldout", "chat22_dev", "chat22_heldout",
    "chat23_dev", "chat23_heldout", "chat24_dev", "chat24_heldout",
    "chat25_dev", "chat25_heldout", "chat26_dev", "chat26_heldout", "chat27_dev", "chat27_heldout",
    "chat28_dev", "chat28_heldout", "chat29_dev", "chat29_heldout", "chat30_dev", "chat30_heldout",
    "chat31_dev", "chat31_heldout", "chat32_dev", "chat32_heldout", "chat33_dev", "chat33_heldout",
    "chat34_dev", "chat34_heldout", "chat35_dev", "chat35_heldout", "chat36_dev", "chat36_heldout",
    "chat37_dev", "chat37_heldout", "chat38_dev", "chat38_heldout",
    "chat39_dev", "chat39_heldout",
    "chat40_dev", "chat40_heldout",
    "chat41_dev", "chat41_heldout",
    "chat42_dev", "chat42_heldout",
    "chat43_dev", "chat43_heldout",
    "chat44_dev", "chat44_heldout",
    "chat45_dev", "chat45_heldout",
    "chat46_dev", "chat46_heldout",
    "chat47_dev", "chat47_heldout",
    "chat48_dev", "chat48_heldout",
    "chat49_dev", "chat49_heldout",
    "chat50_dev", "chat50_heldout",
    "chat51_dev", "chat51_heldout",
    "chat52_dev", "chat52_heldout",
    "chat53_dev", "chat53_heldout",
    "chat54_dev", "chat54_heldout",
    "chat55_dev", "chat55_heldout",
)  # fmt: skip
_FIXTURE_SETS = (
    ("fixture_dev", "fixtures"), ("fixture_heldout", "fixtures"), ("train_fixtures", "fixtures"),
    *((f"fixture{n}_{half}", f"fixtures{n}") for n in range(2, 7) for half in ("dev", "heldout")),
    ("fixture7_dev", "fixtures7"), ("fixture8_dev", "fixtures8"),
    ("fixture8_heldout", "fixtures8"), ("fixture9_dev", "fixtures9"),
    ("fixture9_heldout", "fixtures9"), ("fixture10_dev", "fixtures10"),
    ("fixture10_heldout", "fixtures10"), ("fixture11_dev", "fixtures11"),
    ("fixture11_heldout", "fixtures11"), ("fixture12_dev", "fixtures12"),
    ("fixture12_heldout", "fixtures12"), ("fixture13_dev", "fixtures13"),
    ("fixture13_heldout", "fixtures13"), ("fixture14_dev", "fixtures14"),
    ("fixture14_heldout", "fixtures14"), ("fixture15_dev", "fixtures15"),
    ("fixture15_heldout", "fixtures15"), ("fixture16_dev", "fixtures16"),
    ("fixture16_heldout", "fixtures16"), ("fixture17_dev", "fixtures17"),
    ("fixture17_heldout", "fixtures17"), ("fixture18_dev", "fixtures18"),
    ("fixture18_heldout", "fixtures18"), ("fixture19_dev", "fixtures19"),
    ("fixture19_heldout", "fixtures19"), ("fixture20_dev", "fixtures20"),
    ("fixture20_heldout", "fixtures20"), ("fixture21_dev", "fixtures21"),
    ("fixture21_heldout", "fixtures21"), ("fixture22_dev", "fixtures22"),
    ("fixture22_heldout", "fixtures22"), ("fixture23_dev", "fixtures23"),
    ("fixture23_heldout", "fixtures23"), ("fixture24_dev", "fixtures24"),
    ("fixture24_heldout", "fixtures24"), ("fixture25_dev", "fixtures25"),
    ("fixture25_heldout", "fixtures25"), ("fixture26_dev", "fixtures26"),
    ("fixture26_heldout", "fixtures26"), ("fixture27_dev", "fixtures27"),
    ("fixture27_heldout", "fixtures27"), ("fixture28_dev", "fixtures28"),
    ("fixture28_heldout", "fixtures28"), ("fixture29_dev", "fixtures29"),
    ("fixture29_heldout", "fixtures29"), ("fixture30_dev", "fixtures30"),
    ("fixture30_heldout", "fixtures30"), ("fixture31_dev", "fixtures31"),
    ("fixture31_heldout", "fixtures31"), ("fixture32_dev", "fixtures32"),
    ("fixture32_heldout", "fixtures32"), ("fixture33_dev", "fixtures33"),
    ("fixture33_heldout", "fixtures33"), ("fixture34_dev", "fixtures34"),
    ("fixture34_heldout", "fixtures34"), ("fixture35_dev", "fixtures35"),
    ("fixture35_heldout", "fixtures35"), ("fixture36_dev", "fixtures36"),
    ("fixture36_heldout", "fixtures36"), ("fixture37_dev", "fixtures37"),
    ("fixture37_heldout", "fixtures37"), ("fixture38_dev", "fixtures38"),
    ("fixture38_heldout", "fixtures38"), ("fixture39_dev", "fixtures39"),
    ("fixture39_heldout", "fixtures39"), ("fixture40_dev", "fixtures40"),
    ("fixture40_heldout", "fixtures40"), ("fixture41_dev", "fixtures41"),
    ("fixture41_heldout", "fixtures41"), ("fixture42_dev", "fixtures42"),
    ("fixture42_heldout", "fixtures42"), ("fixture43_dev", "fixtures43"),
    ("fixture43_heldout", "fixtures43"), ("fixture44_dev", "fixtures44"),
    ("fixture44_heldout", "fixtures44"), ("fixture45_dev", "fixtures45"),
    ("fixture45_heldout", "fixtures45"), ("fixture46_dev", "fixtures46"),
    ("fixture46_heldout", "fixtures46"), ("fixture47_dev", "fixtures47"),
    ("fixture47_heldout", "fixtures47"), ("fixture48_dev", "fixtures48"),
    ("fixture48_heldout", "fixtures48"), ("fixture49_dev", "fixtures49"),
    ("fixture49_heldout", "fixtures49"), ("fixture50_dev", "fixtures50"),
    ("fixture50_heldout", "fixtures50"), ("fixture51_dev", "fixtures51"),
    ("fixture51_heldout", "fixtures51"), ("fixture52_dev", "fixtures52"),
    ("fixture52_heldout", "fixtures52"), ("fixture53_dev", "fixtures53"),
    ("fixture53_heldout", "fixtures53"), ("fixture54_dev", "fixtures54"),
    ("fixture54_heldout", "fixtures54"),
)  # fmt: skip
FIT_SETS = (
    *((f"{name}.jsonl", "knowledge") for name in ("dev", "holdout", "train_seeds", *_CHAT_SETS)),
    *((f"{name}.jsonl", corpus) for name, corpus in _FIXTURE_SETS),
)
FIT_CORPORA = tuple(dict.fromkeys(corpus for _, corpus in FIT_SETS))


def corpus_of(name: str) -> str:
    """The corpus a set is asked against, by its name: its `FIT_SETS` corpus, else
    "fixturesN" for "fixtureN_*", "fixtures" for "fixture_*", the knowledge base otherwise."""
    fitted = {set_name.removesuffix(".jsonl"): corpus for set_name, corpus in FIT_SETS}
    if name in fitted:
        return fitted[name]
    if m := re.fullmatch(r"fixture(\d+)_\w+", name):
        return f"fixtures{m.group(1)}"
    return "fixtures" if name.startswith("fixture_") else "knowledge"


def corpus_settings(settings: Settings, corpus: str) -> Settings:
    """The settings for an evaluation corpus: the knowledge base as it is ("knowledge"), or
    with fixture pages imported beside it (`CORPORA`: "fixtures" under DATA_DIR/eval-fixtures,
    "fixtures2" under DATA_DIR/eval-fixtures2)."""
    if corpus == "knowledge":
        return settings
    root = settings.data_dir / f"eval-{corpus}"
    knowledge = fixture_knowledge(settings.knowledge_dir, root / "knowledge", CORPORA[corpus])
    return settings.model_copy(update={"knowledge_dir": knowledge, "data_dir": root / "var"})


def evaluate_sets(
    engine_for: Callable[[str], Asker], sets: Sequence[tuple[Path, str]], out_dir: Path
) -> tuple[int, int]:
    """Evaluate each set (its file, the corpus it is asked against), the sets of one corpus
    together on `engine_for(corpus)`: one line per set on stdout; into `out_dir`, each set's
    outcomes (`<set>.json`, one record per question) and `summary.tsv` (set, right, asked).
    Returns (right, asked) over all of them. What `bpjstk-bot eval --every` runs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    by_corpus: dict[str, list[Path]] = {}
    for path, corpus in sets:
        by_corpus.setdefault(corpus, []).append(path)
    totals: dict[str, tuple[int, int]] = {}
    for corpus, paths in by_corpus.items():
        engine = engine_for(corpus)
        for path in paths:
            outcomes = evaluate(engine, load_dev_set(path)).outcomes
            records = [_record(o) for o in outcomes]
            (out_dir / f"{path.stem}.json").write_text(
                json.dumps(records, ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
            totals[path.stem] = (sum(o.correct for o in outcomes), len(outcomes))
            print(f"{path.stem} ({corpus}): {totals[path.stem][0]} of {totals[path.stem][1]}")
    right = sum(r for r, _ in totals.values())
    asked = sum(n for _, n in totals.values())
    lines = [f"{name}\t{r}\t{n}" for name, (r, n) in totals.items()]
    (out_dir / "summary.tsv").write_text("\n".join([*lines, f"TOTAL\t{right}\t{asked}"]) + "\n")
    print(f"all {len(totals)} sets: {right} of {asked}")
    return right, asked


def _record(o: Outcome) -> dict[str, Any]:
    """One question's outcome as `evaluate_sets` writes it."""
    return {
        "id": o.q.id,
        "question": o.q.question,
        "tags": list(o.q.tags),
        "answerable": o.q.answerable,
        "correct": o.correct,
        "answered": o.answer.answered,
        "facts_ok": o.facts_ok,
        "cites_ok": o.cites_ok,
        "cited": [c.article_id for c in o.answer.citations],
        "text": o.answer.text,
    }


def print_evaluation(
    engine: Asker, dev: Path, failures: bool = False, json_path: str | None = None
) -> None:
    """Evaluate on the set at `dev` and print the metrics table, the groups' table and, with
    `failures`, the questions answered wrong; `json_path` also gets the metrics as JSON."""
    report = evaluate(engine, load_dev_set(dev))
    print(report.table())
    if report.by_tag():
        print("\n" + report.tag_table())
    if failures:
        for o in report.failures():
            print(failure_text(o))
    if json_path:
        metrics = {**report.metrics(), "groups": report.by_tag()}
        Path(json_path).write_text(json.dumps(metrics, indent=2) + "\n", "utf-8")


def failure_text(o: Outcome) -> str:
    """A question answered wrong: what it wanted and what the engine said."""
    return "\n".join(
        (
            f"\n--- {o.q.id} {o.q.question!r} (answerable={o.q.answerable})",
            f"want facts={list(o.q.facts)} articles={list(o.q.articles)}",
            f"got answered={o.answer.answered} cites={[c.article_id for c in o.answer.citations]}",
            "    " + o.answer.text.replace("\n", "\n    ")[:600],
        )
    )


def fit_scorer(
    engines: dict[str, Engine], c: float, validate: bool = False, write_to: Path | None = None
) -> None:
    """Fit the scorer on `FIT_SETS`, each asked against its corpus's engine (`FIT_CORPORA`),
    and print it; with `validate`, the leave-articles-out figures; write it to `write_to`."""
    from bot.evaluation.fit import fit, groups_of, write_scorer

    sets = [(name, corpus, load_dev_set(EVAL_DIR / name)) for name, corpus in FIT_SETS]
    groups = {name: groups_of(engines[corpus].answerer, qs) for name, corpus, qs in sets}
    everything = [g for gs in groups.values() for g in gs]
    scorer = fit(everything, c)
    print(json.dumps(scorer, indent=2))
    if validate:
        print_validation(c, scorer, engines, sets, groups)
    if write_to is not None:
        write_scorer(scorer, write_to, ", ".join(name for name, _ in FIT_SETS))
        print(f"\nwrote {write_to}; run `bpjstk-bot index` to use it")


def print_validation(
    c: float,
    scorer: dict[str, Any],
    engines: dict[str, Engine],
    sets: list[tuple[str, str, list[DevQuestion]]],
    groups: dict[str, list[Group]],
) -> None:
    """Print, per set, the share right with the scorer fitted on everything (in-sample) and
    with scorers fitted without the articles of the question's fold (leave-articles-out)."""
    from bot.answer.features import LinearScorer
    from bot.evaluation.fit import fit, folds, held_out

    everything = [g for gs in groups.values() for g in gs]
    parts = folds(everything)
    fitted: dict[str, list[bool]] = {}
    unseen: dict[str, list[bool]] = {}
    for i, fold in enumerate(parts):
        train = [g for g in everything if not held_out(g, fold, i, len(parts))]
        fold_scorer = fit(train, c)
        for name, corpus, qs in sets:
            ids = {g.question for g in groups[name] if held_out(g, fold, i, len(parts))}
            asked = [q for q in qs if q.id in ids]
            for json_scorer, out in ((scorer, fitted), (fold_scorer, unseen)):
                answerer = engines[corpus].answerer
                saved = answerer.scorer
                answerer.use_scorer(LinearScorer.from_json(json_scorer))
                try:
                    report = evaluate(engines[corpus], asked, False)
                finally:
                    answerer.use_scorer(saved)
                out.setdefault(name, []).extend(o.correct for o in report.outcomes)
    print("\nShare right (answerable: facts and citation; unanswerable: refused), fitted on")
    print("every set / leave-articles-out (fitted without the articles of the question's fold):")
    for name, right in unseen.items():
        seen = fitted[name]
        print(
            f"  {name}: {sum(seen) / len(seen):.3f} / {sum(right) / len(right):.3f} of {len(right)}"
        )
