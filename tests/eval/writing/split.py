"""Split a question set into dev and held-out halves, stratified by first tag and answerability
(seeded), so that each half gets its share of every group's questions to refuse.

python3 split.py all.jsonl dev.jsonl heldout.jsonl
"""

import json
import random
import sys
from collections import defaultdict


def main(src: str, dev: str, held: str) -> None:
    with open(src, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    groups: dict[tuple[str, bool], list[dict]] = defaultdict(list)  # type: ignore[type-arg]
    for row in rows:
        groups[(row["tags"][0] if row["tags"] else "", bool(row["answerable"]))].append(row)
    rng = random.Random(20261202)
    halves: tuple[list[dict], list[dict]] = ([], [])  # type: ignore[type-arg]
    for group in sorted(groups):
        items = groups[group][:]
        rng.shuffle(items)
        half = (len(items) + 1) // 2
        halves[0].extend(items[:half])
        halves[1].extend(items[half:])
    order = {row["id"]: i for i, row in enumerate(rows)}
    for path, part in zip((dev, held), halves, strict=True):
        with open(path, "w", encoding="utf-8") as out:
            for row in sorted(part, key=lambda r: order[r["id"]]):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(halves[0]), len(halves[1]))


if __name__ == "__main__":
    main(*sys.argv[1:4])
