"""Synthetic knowledge bases of a given size, recombined from real articles, deterministically.

The benchmark needs corpora of 10,000 and 100,000 chunks whose lexical statistics look like the
real ones: the same Indonesian sentences and vocabulary, but with figures, person names,
places, company names and dates varied so that term frequencies spread and the vocabulary keeps
growing with size (rare names and numbers), as it does in a real news archive.

A synthetic article is a run of consecutive sentences from one source article, followed by runs
from others, each sentence lightly rewritten. Everything is drawn from one `random.Random(seed)`
so the same sources, size and seed give byte-identical files.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from index.chunking import chunk_article, estimate_tokens
from index.corpus import format_article, load_corpus
from index.records import Article
from index.text import MONTHS_ID, format_date_id, split_sentences

GENERATOR_VERSION = 1
DEFAULT_SEED = 20240802

OUTLETS = (
    "Koran Palpres",
    "Sumsel Update",
    "Musi News",
    "Palembang Pos",
    "Tribun Sumsel",
    "Sriwijaya Post",
    "Berita Pagi",
    "PALTV",
    "Liputan Sumsel",
    "Detik Sumbagsel",
)
PLACES = (
    "Palembang",
    "Lubuklinggau",
    "Prabumulih",
    "Pagar Alam",
    "Ogan Ilir",
    "Ogan Komering Ilir",
    "Ogan Komering Ulu",
    "Muara Enim",
    "Lahat",
    "Musi Rawas",
    "Musi Banyuasin",
    "Banyuasin",
    "Empat Lawang",
    "Penukal Abab Lematang Ilir",
    "Musi Rawas Utara",
    "OKU Timur",
    "OKU Selatan",
)
FIRST_NAMES = (
    "Ahmad Budi Citra Dewi Eko Fitri Gita Hendra Indah Joko Kartika Lestari Made Nurul Oktavia "
    "Putra Rahmat Sari Taufik Utami Wahyu Yusuf Zainal Ratna Agus Bambang Siti Rizky Fauzan Nadia"
).split()
_SYLLABLES = (
    "ba be bi bo bu da de di do du ga gi gu ha hi ja ji ka ke ki ko ku la li lu ma me mi mo mu "
    "na ni nu pa pe pi ra re ri ro ru sa se si so su ta te ti to tu wa wi ya yu"
).split()
_MONTHS = MONTHS_ID

_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_PLACE_RE = re.compile(r"\b(" + "|".join(sorted(PLACES, key=len, reverse=True)) + r")\b")
# A capitalized one- to three-word sequence after a comma or a role word: most likely a name.
_NAME_RE = re.compile(
    r"(?P<pre>, |\b(?:Kepala|Direktur|Gubernur|Ketua|Bupati|Deputi|Kakacab|Kabid) )"
    r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[,. ])"
)
_NOISE_RE = re.compile(r"^(BACA JUGA|Reporter|Editor|Penulis|Sumber|Foto|Baca juga)\b", re.I)

TokenCounter = Callable[[str], int]


def seed_articles(seeds_dir: Path) -> list[Article]:
    """Raw scraped articles (title on the first line, then the text) as `Article`s.

    Lines that are page furniture ("BACA JUGA: ...", "Reporter : ...") are dropped.
    """
    out = []
    for i, path in enumerate(sorted(seeds_dir.glob("*.txt"))):
        lines = [ln.strip() for ln in path.read_text("utf-8").splitlines()]
        lines = [ln for ln in lines if ln and not _NOISE_RE.match(ln)]
        if len(lines) < 2:
            continue
        body = "\n\n".join(ln for ln in lines[1:] if len(ln.split()) > 5)
        out.append(_article(f"seed-{i:03d}", lines[0], "Seed", date(2024, 1, 1), body))
    return out


def source_articles(project_dir: Path, seeds_dir: Path | None = None) -> list[Article]:
    """The real articles of `knowledge/`, or the raw seed articles when there are none yet."""
    kdir = project_dir / "knowledge"
    if any((kdir / "articles").glob("*.md")):
        return list(load_corpus(kdir).articles)
    seeds = seeds_dir or project_dir.resolve().parent / "shared" / "seeds"
    articles = seed_articles(seeds) if seeds.is_dir() else []
    if not articles:
        raise FileNotFoundError(f"no source articles in {kdir / 'articles'} or {seeds}")
    return articles


def _article(aid: str, title: str, outlet: str, dated: date, body: str) -> Article:
    return Article(
        id=aid,
        title=title,
        outlet=outlet,
        published=dated,
        dated=dated,
        date_label=format_date_id(dated),
        url=None,
        region="Sumatera Selatan",
        body=body,
    )


class _Rewriter:
    """Varies figures, names, places and months of source sentences."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def name(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            first = rng.choice(FIRST_NAMES)
        else:
            first = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()
        last = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).title()
        return f"{first} {last}"

    def number(self, m: re.Match[str]) -> str:
        s = m.group()
        if _YEAR_RE.fullmatch(s):
            return str(self.rng.randint(2015, 2025))
        if len(s) == 1:
            return s  # "5 program", "2 kali": small counts keep their meaning
        digits = [
            c if not c.isdigit() else str(self.rng.randint(1 if i == 0 else 0, 9))
            for i, c in enumerate(s)
        ]
        return "".join(digits)

    def sentence(self, text: str, names: dict[str, str]) -> str:
        rng = self.rng
        text = _NUMBER_RE.sub(self.number, text)
        text = _MONTH_RE.sub(lambda m: rng.choice(_MONTHS), text)
        if rng.random() < 0.5:
            text = _PLACE_RE.sub(lambda m: rng.choice(PLACES), text)
        return _NAME_RE.sub(lambda m: m["pre"] + names.setdefault(m["name"], self.name()), text)


def _runs(sources: Sequence[list[str]], rng: random.Random) -> Iterator[list[str]]:
    """Endless runs of 1-6 consecutive sentences from random source articles."""
    while True:
        sents = rng.choice(sources)
        size = min(len(sents), rng.randint(1, 6))
        start = rng.randrange(len(sents) - size + 1)
        yield sents[start : start + size]


def generate_articles(
    sources: Sequence[Article],
    n_chunks: int,
    seed: int = DEFAULT_SEED,
    count_tokens: TokenCounter = estimate_tokens,
    max_tokens: int = 200,
    overlap: int = 1,
    id_prefix: str = "synth",
) -> list[Article]:
    """Synthetic articles that chunk (with these settings) into exactly `n_chunks` chunks."""
    if n_chunks < 1:
        raise ValueError("n_chunks must be at least 1")
    rng = random.Random(seed)
    rewriter = _Rewriter(rng)
    pool = [[a.body[s:e] for s, e in split_sentences(a.body)] for a in sources]
    pool = [sents for sents in pool if sents]
    if not pool:
        raise ValueError("the source articles have no sentences")
    titles = [a.title for a in sources]
    runs = _runs(pool, rng)
    out: list[Article] = []
    total = 0
    while total < n_chunks:
        names: dict[str, str] = {}
        paragraphs: list[str] = []
        for _ in range(rng.randint(3, 12)):
            paragraphs.extend(rewriter.sentence(s, names) for s in next(runs))
        dated = date(2018, 1, 1) + timedelta(days=rng.randrange(8 * 365))
        article = _article(
            f"{id_prefix}-{len(out):06d}",
            rewriter.sentence(rng.choice(titles), names),
            rng.choice(OUTLETS),
            dated,
            _paragraphs(paragraphs, rng),
        )
        chunks = chunk_article(article, count_tokens, max_tokens, overlap)
        if total + len(chunks) > n_chunks:
            # Cut the body after the chunk that reaches the target, and count again: when that
            # chunk is only the overlap sentence of the one before, the cut body has one chunk
            # less (the loop then goes on); a single chunk always survives its cut.
            keep = n_chunks - total
            article = replace(article, body=article.body[: chunks[keep - 1].end])
            chunks = chunk_article(article, count_tokens, max_tokens, overlap)
        out.append(article)
        total += len(chunks)
    return out


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    """Join sentences into paragraphs of one to three sentences, as news sites write them."""
    paras, i = [], 0
    while i < len(sentences):
        n = rng.randint(1, 3)
        paras.append(" ".join(sentences[i : i + n]))
        i += n
    return "\n\n".join(paras)


def write_knowledge(articles: Sequence[Article], knowledge_dir: Path, glossary: str = "") -> None:
    """Write articles as knowledge files (front matter + body) and the glossary."""
    adir = knowledge_dir / "articles"
    adir.mkdir(parents=True, exist_ok=True)
    for a in articles:
        (adir / f"{a.id}.md").write_text(format_article(a, "synthetic"), encoding="utf-8")
    (knowledge_dir / "glossary.txt").write_text(glossary, encoding="utf-8")
