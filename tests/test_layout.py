"""The layout's promises: the engine package stands alone, and only the CLI touches
process-wide state."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROCESS_WIDE = re.compile(
    r"gc\.(un)?freeze|gc\.collect|set_num_threads|os\.environ|putenv|setLevel|set_verbosity"
    r"|basicConfig|addFilter|addHandler|omp_set_num_threads"
)


def test_the_engine_package_imports_neither_telegram_nor_settings() -> None:
    code = (
        "import importlib, pkgutil, sys, bot.answer\n"
        "for m in pkgutil.iter_modules(bot.answer.__path__):\n"
        "    importlib.import_module('bot.answer.' + m.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('telegram', 'pydantic_settings')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_only_the_cli_changes_process_wide_state() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("bot", "index")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != ROOT / "bot" / "cli.py"
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if PROCESS_WIDE.search(line)
    ]
    assert offenders == []
