"""The issue's targets, evaluated on a run's results, and what bounds the ones not met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """One goal of issue 4, evaluated on the measured numbers."""

    name: str
    measured: float | None
    limit: float
    unit: str
    higher_is_better: bool = False
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.measured is None:
            return None
        ok = self.measured >= self.limit if self.higher_is_better else self.measured <= self.limit
        return bool(ok)

    def row(self) -> list[str]:
        sign = ">=" if self.higher_is_better else "<="
        value = "-" if self.measured is None else fmt(self.measured) + self.unit
        verdict = {True: "met", False: "NOT met", None: "not measured"}[self.met]
        return [self.name, value, f"{sign} {fmt(self.limit)}{self.unit}", verdict, self.note]

    def record(self) -> dict[str, Any]:
        """The target as results.json stores it."""
        return {
            "name": self.name,
            "measured": self.measured,
            "goal": self.limit,
            "unit": self.unit,
            "higher_is_better": self.higher_is_better,
            "met": self.met,
            "detail": self.note,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Target:
        """The target back from its results.json record."""
        return cls(
            name=record["name"],
            measured=record["measured"],
            limit=record["goal"],
            unit=record["unit"],
            higher_is_better=record["higher_is_better"],
            note=record["detail"],
        )


def fmt(x: float) -> str:
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def get(d: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def _latency_targets(results: dict[str, Any]) -> list[Target]:
    """Warm answer p95 against the floor, on the real corpus and on the large tier."""
    floor = get(results, "floor", "query_ms")
    tiers = results.get("tiers", {})
    roles = results.get("roles", {})
    out = []
    for name, limit in ((roles.get("seed"), 2.0), (roles.get("large"), 3.0)):
        p95 = get(tiers, name, "latency", "total", "p95") if name else None
        out.append(
            Target(
                f"warm answer p95 / floor ({name or 'large tier'})",
                p95 / floor if p95 and floor else None,
                limit,
                "x",
                note=f"p95 {p95:.1f} ms, floor {floor:.1f} ms" if p95 and floor else "",
            )
        )
    return out


def _build_targets(results: dict[str, Any]) -> list[Target]:
    """Full build against raw encode, incremental rebuild against full build."""
    tiers = results.get("tiers", {})
    build_tier = results.get("roles", {}).get("build")
    build = get(tiers, build_tier, "full_build") if build_tier else None
    raw = get(tiers, build_tier, "raw_encode") if build_tier else None
    inc = get(tiers, build_tier, "incremental", "seconds") if build_tier else None
    full = build["seconds"] if build else None
    return [
        Target(
            f"full build / raw encode throughput ({build_tier})",
            100 * build["chunks_per_s"] / raw["chunks_per_s"] if build and raw else None,
            90.0,
            "%",
            higher_is_better=True,
            note=(
                f"{build['chunks_per_s']:.1f} vs {raw['chunks_per_s']:.1f} chunks/s"
                if build and raw
                else ""
            ),
        ),
        Target(
            f"incremental rebuild / full build ({build_tier})",
            100 * inc / full if inc and full else None,
            5.0,
            "%",
            note=f"{inc:.2f} s vs {full:.0f} s" if inc and full else "",
        ),
    ]


def _cold_start_targets(results: dict[str, Any]) -> list[Target]:
    """Cold start to first answer against a bare model load, for every tier served."""
    tiers = results.get("tiers", {})
    bare = get(results, "bare_model", "load_s")
    out = []
    for name in tiers:
        cold = get(tiers, name, "serve", "first_answer_s")
        if cold is None:
            continue
        out.append(
            Target(
                f"cold start to first answer / bare model load ({name})",
                cold / bare if bare else None,
                1.5,
                "x",
                note=f"{cold:.2f} s vs {bare:.2f} s" if bare else "",
            )
        )
    return out


def _large_tier_targets(results: dict[str, Any]) -> list[Target]:
    """Peak memory serving the large tier and, if its search is approximate, its recall."""
    tiers = results.get("tiers", {})
    large = results.get("roles", {}).get("large")
    rss = get(tiers, large, "serve", "peak_rss_mb") if large else None
    out = [Target(f"peak RSS serving ({large or 'large tier'})", rss, 2048.0, " MB")]
    recall = get(tiers, large, "dense_recall") if large else None
    if recall and recall.get("index_type") != "IndexFlatIP":
        out.append(
            Target(
                f"approximate search recall@10 ({recall['index_type']}, {large})",
                recall["recall_at_10"],
                0.98,
                "",
                higher_is_better=True,
            )
        )
    return out


def targets(results: dict[str, Any]) -> list[Target]:
    """The issue's targets, as ratios measured in this run."""
    return [
        *_latency_targets(results),
        *_build_targets(results),
        *_cold_start_targets(results),
        *_large_tier_targets(results),
    ]


def notes(results: dict[str, Any]) -> list[str]:
    """What bounds each target that is not met, from the numbers of the run."""
    out = []
    tiers = results.get("tiers", {})
    for t in results.get("targets", []):
        if t["met"] is not False:
            continue
        name = t["name"]
        tier = name[name.rfind("(") + 1 : -1].split(", ")[-1]
        data = tiers.get(tier, {})
        if "warm answer" in name:
            stages = get(data, "latency", "stages") or {}
            ranked = sorted(
                ((k, v["p95"]) for k, v in stages.items() if k != "embed"), key=lambda kv: -kv[1]
            )
            top = ", ".join(f"{k} {v:.1f} ms" for k, v in ranked[:3])
            embed = get(stages, "embed", "p95")
            out.append(
                f"- **{name}**: besides the query embedding (p95 {embed:.1f} ms), the largest "
                f"stages at p95 are {top}."
            )
        elif "cold start" in name:
            phases = data.get("cold_phases", {})
            out.append(
                f"- **{name}**: one fresh process loading step by step spends "
                + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items())
                + " (`Engine.load` reads the index in a thread while the model loads)."
            )
        elif "incremental" in name or "full build" in name:
            kind = "incremental" if "incremental" in name else "full_build"
            stages = get(data, kind, "stages") or {}
            out.append(
                f"- **{name}**: build steps "
                + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items())
                + "."
            )
        elif "recall" in name:
            r = data.get("dense_recall", {})
            out.append(
                f"- **{name}**: {r.get('index_type')} answers in {r.get('search_ms', 0):.2f} ms "
                f"against {r.get('exact_search_ms', 0):.2f} ms for exact search; its recall is "
                "set by the share of lists probed (`PROBE_SHARE` in `index/dense.py`)."
            )
        else:
            out.append(f"- **{name}**: {t['detail']}")
    return out
