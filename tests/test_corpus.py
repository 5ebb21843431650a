"""Knowledge files: the parser's errors, the format round-trip, and the bundled articles."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bot.answer.lexicons import load_lexicons
from bot.answer.question import QuestionReader, question_kind
from index.corpus import format_article, load_corpus, parse_article
from index.errors import KnowledgeFileError
from index.gazetteer import load_gazetteer
from index.glossary import parse_glossary
from index.importer.page import import_page
from index.records import Article
from index.text import MONTHS_ID, STOPWORDS, stem, words
from tests.conftest import ARTICLE_A

PROJECT = Path(__file__).resolve().parent.parent
KNOWLEDGE = PROJECT / "knowledge"
# The raw scraped files the bundled articles came from: ../shared/seeds beside the repository.
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# The conftest article, with every key of the format (so that it formats back to itself).
GOOD = ARTICLE_A.replace(
    "region: Sumatera Selatan\n", "region: Sumatera Selatan\nsource: raw.txt\n"
)


def test_format_and_parse_round_trip() -> None:
    article = parse_article(GOOD, "a.md")
    assert article == Article(
        id="alpha-2024-08-02",
        title="Baru 34 Persen Pekerja Sumsel Terlindungi",
        outlet="Koran Alpha",
        published=date(2024, 8, 2),
        dated=date(2024, 8, 2),
        date_label="2 Agustus 2024",
        url="https://alpha.example/berita/1",
        region="Sumatera Selatan",
        body=GOOD.split("---\n", 2)[2].strip(),
        path="a.md",
        source="raw.txt",
    )
    assert article.body.startswith("Saat ini, dari kurang lebih 3 juta pekerja di Sumsel")
    assert format_article(article) == GOOD
    assert parse_article(format_article(article), "a.md") == article


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (GOOD.replace("---\n", "", 1), 1, "missing front matter"),
        (GOOD.replace("region:", "wilayah:"), 9, "expected 'key: value'"),
        (
            GOOD.replace("dated: 2024-08-02", "dated: 2 Agustus 2024"),
            6,
            "dated: expected YYYY-MM-DD",
        ),
        (GOOD.replace("published: 2024-08-02", "published: 2024-13-01"), 5, "published: expected"),
        (GOOD.split("---\nSaat")[0] + "---\n\n", 12, "the article body is empty"),
        (GOOD.replace("outlet: Koran Alpha", "outlet:"), 4, "missing required key 'outlet'"),
        (GOOD.replace("id: alpha-2024-08-02", "id: Alpha 2024"), 2, "id: lowercase letters"),
        (GOOD.replace("url: https", "title: dua\nurl: https"), 8, "duplicate key 'title'"),
    ],
)
def test_parse_errors_name_the_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(KnowledgeFileError, match=re.escape(problem)) as info:
        parse_article(text, "knowledge/articles/x.md")
    assert info.value.line == line
    assert str(info.value).startswith(f"knowledge/articles/x.md:{line}: ")


def test_load_corpus_rejects_a_duplicate_id(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(GOOD, encoding="utf-8")
    (articles / "b.md").write_text(GOOD, encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=r"b\.md:2: id 'alpha-2024-08-02' is also used"):
        load_corpus(tmp_path)


# --- the bundled knowledge base -----------------------------------------------------------

EXPECTED = {
    # id: (outlet, published, dated, date_label)
    "koranpalpres-2024-08-02": (
        "Koranpalpres.com",
        date(2024, 8, 2),
        date(2024, 8, 2),
        "2 Agustus 2024",
    ),
    "suarasumsel-2024-03": ("Suarasumsel.id", None, date(2024, 3, 31), "data hingga Maret 2024"),
    "musinews-2024-08-01": ("Musinews.id", None, date(2024, 8, 1), "peristiwa 1 Agustus 2024"),
    "liputan6-2020-11-16": ("Liputan6.com", None, date(2020, 11, 16), "peristiwa 16 November 2020"),
    "paltv-2023-01-12": ("Paltv.co.id", None, date(2023, 1, 12), "peristiwa 12 Januari 2023"),
}

KEY_SENTENCES = {
    "koranpalpres-2024-08-02": "Saat ini, dari kurang lebih 3 juta pekerja di Sumsel (Sumatera Selatan), baru 34 persen terlindungi BPJS Ketenagakerjaan.",
    "suarasumsel-2024-03": "Berdasarkan data, hingga Maret 2024 ini telah terlindungi jaminan sosial BPJS Ketenagakerjaan sekitar 1,1 juta pekerja di Sumsel.",
    "musinews-2024-08-01": "Lima program perlindungan itu yakni Jaminan Hari Tua, Jaminan Kecelakaan Kerja, Jaminan Kematian, Jaminan Pensiun, dan Jaminan Kehilangan Pekerjaan.",
    "liputan6-2020-11-16": "Persentase coverage share kepesertaan BPJS Ketenagakerjaan di Sumsel masih 36 persen.",
    "paltv-2023-01-12": "Untuk memaksimalkan pelayanan pada tahun 2023 ini, pihak BPJS Ketenagakerjaan akan memfokuskan diri dalam perlindungan pekerja informal, khususnya pekerja rentan.",
}

BOILERPLATE = [
    "BACA JUGA",
    "Baca Juga",
    "Berita Terkait",
    "Terpopuler",
    "Kategori",
    "Saksikan Video",
    "dari 2 halaman",
    "Tinggalkan Balasan",
    "Alamat email",
    "Ruas yang wajib",
    "Google News",
    "Sumber:",
    "Reporter",
    "Editor",
    "(ohs)",
    "[ANTARA",
    "Pemutihan Pajak",
    "Sukses",
    "Hairudin",
    "Sandy Pratama",
    "paltv.co.id",
    "PALTV.CO.ID",
    "KORANPALPRES",
    "Liputan6.com",
    "MusiNews.id",
    "SuaraSumsel.id",
    "WIB",
    "2026",
    "Bocah",
    "Pemdes Tanjung Baru",
    "Cek Saldo",
    "PSSI",
    "ujar Faisal.*",
]
LIST_HEADERS = {"Pilihan", "Terkini", "Terpopuler", "Berita Terkait", "-"}


def test_bundled_articles_load_with_their_metadata() -> None:
    corpus = load_corpus(KNOWLEDGE)
    found = {a.id: (a.outlet, a.published, a.dated, a.date_label) for a in corpus.articles}
    assert found == EXPECTED
    for article in corpus.articles:
        assert Path(article.path).name == f"{article.id}.md"
        assert article.region == "Sumatera Selatan"
        assert article.url is None
        assert 0 < len(article.title) <= 120
    assert corpus.by_id()["liputan6-2020-11-16"].title == (
        "Kepesertaan BPJS Ketenagakerjaan di Sumsel Belum Optimal"
    )


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_bundled_article_is_clean(article_id: str) -> None:
    article = load_corpus(KNOWLEDGE).by_id()[article_id]
    assert KEY_SENTENCES[article_id] in article.body
    for marker in BOILERPLATE:
        assert marker not in article.body, marker
    paragraphs = article.body.split("\n\n")
    assert all(p.strip() == p and p for p in paragraphs)
    assert not LIST_HEADERS & set(paragraphs)
    assert len(paragraphs) == len(set(paragraphs)), "a caption or paragraph is repeated"
    assert article.title not in paragraphs
    assert "\u00a0" not in article.body


def test_bundled_articles_are_what_the_importer_makes_of_the_seeds() -> None:
    assert SEEDS.is_dir(), f"the raw seed articles are missing: {SEEDS}"
    for path in sorted((KNOWLEDGE / "articles").glob("*.md")):
        article = parse_article(path.read_text(encoding="utf-8"), str(path))
        source = re.search(r"^source: (.+)$", path.read_text(encoding="utf-8"), re.M)
        assert source
        raw = (SEEDS / source.group(1)).read_text(encoding="utf-8")
        gazetteer = load_gazetteer(KNOWLEDGE / "gazetteer.txt")
        again = import_page(raw, source_name=source.group(1), gazetteer=gazetteer)
        assert format_article(again, source.group(1)) == path.read_text(encoding="utf-8")
        assert again.id == article.id


# --- the bundled glossary ------------------------------------------------------------------


def _glossary_terms(text: str) -> list[tuple[str, ...]]:
    terms = []
    for line in text.splitlines():
        left = line.split("#", 1)[0].partition("=")[0]
        terms += [tuple(words(t)) for t in left.split("|") if words(t)]
    return terms


def test_glossary_lists_each_term_once() -> None:
    terms = _glossary_terms((KNOWLEDGE / "glossary.txt").read_text(encoding="utf-8"))
    assert len(terms) > 300
    assert sorted(t for t in set(terms) if terms.count(t) > 1) == []


def test_glossary_maps_onto_words_the_articles_use() -> None:
    corpus = load_corpus(KNOWLEDGE)
    used = {stem(w) for a in corpus.articles for w in corpus.glossary.expand_text(a.body)}
    # a guard, plain Indonesian spellings, question-frame words, month names
    not_in_articles = {"pusat", "tapi", "tentang", "waktu", "berlangsung"}
    not_in_articles |= {"bupati", "wali", "sekretaris"}  # offices the seed articles do not name
    not_in_articles |= {"kejaksaan", "tinggi", "perhubungan"}  # nor these offices
    not_in_articles |= {"semester", "triwulan", "kedua", "ketiga", "keempat"}  # periods
    not_in_articles |= {"phk"}  # the end of a job, as news pages write it short
    not_in_articles |= {m.lower() for m in MONTHS_ID}
    written = parse_glossary((KNOWLEDGE / "glossary.txt").read_text("utf-8"))  # not place names
    stray = {
        word
        for replacement in written.entries.values()
        for word in replacement
        if word not in STOPWORDS and stem(word) not in used and word not in not_in_articles
    }
    assert stray == set()


def _read(question: str) -> tuple[str, ...]:
    """The question's words as the bundled glossary and lexicons expand them."""
    reader = QuestionReader(load_corpus(KNOWLEDGE).glossary, load_lexicons(KNOWLEDGE))
    return reader.normalized(reader.standard(question))


@pytest.mark.parametrize(
    ("question", "expanded"),
    [
        (
            "brp persen pekerja sumsel yg udah terlindungi bpjs tk?",
            "berapa persen pekerja sumatera selatan yang sudah terlindungi bpjs ketenagakerjaan",
        ),
        (
            "siapa kakanwil bpjamsostek sumbagsel",
            "siapa kepala kantor wilayah bpjs ketenagakerjaan sumatera bagian selatan",
        ),
        ("apa aja program jamsostek", "apa saja program bpjs ketenagakerjaan"),
        (
            "jht jkk jkm jp jkp",
            "jaminan hari tua jaminan kecelakaan kerja jaminan kematian "
            "jaminan pensiun jaminan kehilangan pekerjaan",
        ),
        (
            "Who is the acting governor of South Sumatra?",
            "siapa is the penjabat gubernur of sumatera selatan",
        ),
        ("How many workers are covered", "berapa pekerja are terlindungi"),
        ("What are the five programs?", "apa saja the 5 program"),
        ("What percentage of employees are insured", "berapa persen of pekerja are terlindungi"),
        ("Which year was the meeting?", "tahun berapa was the audiensi"),
        ("bpjs ketenagakerjan kacab plg", "bpjs ketenagakerjaan kepala kantor cabang palembang"),
        ("who replaced the governor", "siapa menggantikan the gubernur"),
        ("fokus apa buat ngejar target", "fokus apa untuk mewujudkan target"),
        # Added 2026-12-07 (forty-fifth round): offices' short forms, chat spellings
        ("siapa kajari prabumulih", "siapa kepala kejaksaan negeri prabumulih"),
        ("kadishub palembang", "kepala dinas perhubungan palembang"),
        ("target kecapai kpn", "target tercapai kapan"),
        ("tmptnya dmn", "tempat di mana"),
        ("sebanyak berapa orang", "berapa orang"),
        ("bisa mendaftar sendiri", "bisa mendaftar mandiri"),
        ("which days is the office open", "hari apa is the kantor membuka"),
        # the end of a job, short or in full, is one word
        ("brp korban PHK", "berapa korban phk"),
        ("korban pemutusan hubungan kerja", "korban phk"),
        ("medium-scale company category", "skala menengah perusahaan kategori"),
    ],
)
def test_lexicons_and_glossary_expand_typical_questions(question: str, expanded: str) -> None:
    assert " ".join(_read(question)) == expanded


def test_a_word_corrected_into_a_glossary_term_is_expanded_as_that_term() -> None:
    corrected = {"kanwilnya": "kanwil"}
    reader = QuestionReader(
        load_corpus(KNOWLEDGE).glossary, load_lexicons(KNOWLEDGE), correct=corrected.get
    )
    words = reader.normalized(reader.standard("kepala kanwilnyo siapo"))
    assert words == ("kepala", "kantor", "wilayah", "siapa")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("siapakah kakanwil sumbagsel", "siapa"),
        ("Who heads the Palembang branch?", "siapa"),
        ("brp pekerja yg udah terdaftar", "berapa"),
        ("How many residents does Palembang have?", "berapa"),
        ("kpn pj gubernur ketemu kanwil", "kapan"),
        ("When did the meeting take place?", "kapan"),
        ("What are the four focuses?", "apa_saja"),
        ("Where was the press conference held?", "di_mana"),
        # "when" inside a question asking something else says when, it does not ask it
        ("What % of workers were covered when the head met the governor?", "berapa"),
        ("Berapa pekerja dan kapan didaftarkan?", "kapan"),
        ("How many workers were registered and when?", "kapan"),
        ("siapa kepala kanwil yg baru, dilantik kapan?", "kapan"),
        ("Berapa iuran JKK dan mulai kapan berlaku?", "kapan"),
    ],
)
def test_question_kind_is_recognised_after_expansion(question: str, kind: str) -> None:
    assert question_kind(_read(question)) == kind


def test_a_place_short_form_reads_as_its_name_but_a_kabupaten_seat_does_not() -> None:
    from index.gazetteer import parse_gazetteer, with_place_names
    from index.glossary import parse_glossary

    gazetteer = parse_gazetteer(
        "province | Jawa Timur | jatim | east java\n"
        "country | Jepang | japan\n"
        "kabupaten@Sumatera Selatan | Ogan Komering Ilir | oki | kayuagung\n"
    )
    glossary = with_place_names(parse_glossary("jatim = jatim raya\n"), gazetteer)
    assert glossary.expand_text("klaim di east java dan japan") == [
        "klaim", "di", "jawa", "timur", "dan", "jepang"
    ]  # fmt: skip
    assert glossary.expand_text("jatim") == ["jatim", "raya"]  # the glossary's own entry wins
    assert glossary.expand_text("kayuagung oki") == ["kayuagung", "oki"]
    # a kabupaten's name of several words reads as its one-word short form
    assert glossary.expand_text("di Ogan Komering Ilir") == ["di", "oki"]
    # a word of a place's own name is no short form of it, and a whole name stays itself
    gazetteer = parse_gazetteer(
        "country | Korea Selatan | korea | south korea\nprovince | DKI Jakarta | jakarta\n"
    )
    glossary = with_place_names(parse_glossary(""), gazetteer)
    assert glossary.expand_text("Korea Utara dan DKI Jakarta") == [
        "korea", "utara", "dan", "dki", "jakarta"
    ]  # fmt: skip
    assert glossary.expand_text("south korea") == ["korea", "selatan"]
