"""The machine a run is measured on: CPU, cores, RAM, OS, library versions and load."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from typing import Any

VERSIONED = ("torch", "faiss-cpu", "sentence-transformers", "transformers", "bm25s", "numpy")


def _cpu_name() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):  # noqa: SIM115
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        return platform.processor()
    return ""


def _ram_gib() -> float:
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):  # noqa: SIM115
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return 0.0


def describe() -> dict[str, Any]:
    """CPU, cores, RAM, OS and the versions of what the numbers depend on."""
    import torch

    versions = {}
    for dist in VERSIONED:
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "-"
    return {
        "cpu": _cpu_name() or "unknown",
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "torch_threads": torch.get_num_threads(),
        "ram_gib": round(_ram_gib(), 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        **versions,
    }


def load_average() -> list[float]:
    """The 1, 5 and 15-minute load averages, or nothing where the OS has none."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []
