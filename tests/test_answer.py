"""The answer engine on a tiny corpus with the fake embedder: exact selections and abstentions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answer import spans
from bot.answer.compose import _points_back
from bot.answer.engine import Engine
from bot.answer.question import parse_question, question_kind
from bot.answer.records import Reason
from index.glossary import parse_glossary
from index.records import Hit
from tests.conftest import GLOSSARY, FakeEmbedder


@pytest.fixture
def engine(tiny_settings) -> Engine:  # type: ignore[no-untyped-def]
    return Engine.load(tiny_settings.engine_config(), embedder=FakeEmbedder())


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Berapa pekerja yang terlindungi?", "berapa"),
        ("brp persen pekerja sumsel yg udah terlindungi", "berapa"),
        ("program BPJS TK ada apa aja?", "apa_saja"),
        ("Siapa Kepala Kanwil?", "siapa"),
        ("kapan gerakan serentak dimulai?", "kapan"),
        ("tahun berapa gerakan serentak dimulai?", "kapan"),
        ("Who was the governor in 2020?", "siapa"),
        ("Apakah pedagang bisa mendaftar?", "ya_tidak"),
        ("Apa itu gerakan serentak?", "apa_itu"),
        # "di <kind of place> mana" asks where; "<kind of place> mana yang ..." asks which one
        ("gerakan serentak diumumkan di kota mana", "di_mana"),
        ("Kabupaten mana yang cakupannya paling rendah?", "umum"),
        # a message ending in "... or not" asks yes or no
        ("sudah ada kota yang menanggung pekerja miskin belum?", "ya_tidak"),
        ("kepala cabangnya sama ga?", "ya_tidak"),
        ("program apa yang belum?", "apa_saja"),
        ("apa yang memicu program itu?", "umum"),  # what caused it, not which programs
        ("apa yang menjadi fokus program ini?", "apa_saja"),
        ("kalau nelayan yang belum?", "umum"),
        # "<noun> mana saja" asks which ones, a list
        ("kecamatan mana saja yang ikut program itu?", "apa_saja"),
        ("kalau mau daftar bisa lewat mana saja?", "umum"),  # by what way, not which ones
        ("apakah JHT bisa dicairkan di kantor cabang mana saja?", "di_mana"),
    ],
)
def test_question_kinds(question: str, kind: str) -> None:
    q = parse_question(question, parse_glossary(GLOSSARY))
    assert q.kind == kind, question_kind(q.words)


def test_berapa_persen_picks_the_percentage_sentence(engine: Engine) -> None:
    a = engine.ask("Berapa persen pekerja Sumsel yang terlindungi?")
    assert a.answered
    assert "34 persen" in a.text
    assert a.citations[0].article_id == "alpha-2024-08-02"
    assert "34 persen" in a.parts[0].figures


def test_counts_from_several_dates_are_listed_newest_first(engine: Engine) -> None:
    a = engine.ask("brp pekerja sumsel yg udah terlindungi?")
    assert a.answered
    assert [c.article_id for c in a.citations] == ["alpha-2024-08-02", "beta-2024-03"]
    assert a.parts[0].label == "2 Agustus 2024, Koran Alpha"
    assert "1,3 juta pekerja" in a.parts[0].text and "1,1 juta pekerja" in a.parts[1].text


def test_latest_keeps_only_the_newest_source(engine: Engine) -> None:
    a = engine.ask("berapa pekerja sumsel yang terlindungi saat ini?")
    assert [c.article_id for c in a.citations] == ["alpha-2024-08-02"]


def test_list_question_returns_the_complete_enumeration(engine: Engine) -> None:
    a = engine.ask("program BPJS TK ada apa aja?")
    assert a.answered and a.kind == "apa_saja"
    for program in (
        "Jaminan Hari Tua",
        "Jaminan Kecelakaan Kerja",
        "Jaminan Kematian",
        "Jaminan Pensiun",
        "Jaminan Kehilangan Pekerjaan",
    ):
        assert program in a.text


def test_person_question(engine: Engine) -> None:
    a = engine.ask("Siapa Kepala Kanwil BPJS Ketenagakerjaan Sumbagsel?")
    assert a.answered and "Muhyidin" in a.text


def test_who_holds_an_office_is_asked_of_the_newest_source(engine: Engine) -> None:
    def latest(question: str) -> bool:
        return engine.answerer.read(question)[0].sides[0].wants_latest

    assert latest("siapa kepala kanwil bpjs ketenagakerjaan sumbagsel?")
    assert latest("siapa kepala kanwil bpjs ketenagakerjaan sumbagsel yang baru?")
    assert latest("siapo kepala cabang bpjs tk di palembang tu?")  # the office's place
    assert not latest("siapa kepala cabang bpjs tk di palembang yang menyerahkan santunan?")
    assert not latest("siapa mantan kepala cabang bpjs tk di palembang?")
    assert not latest("siapa kepala cabang bpjs tk di palembang dulu?")
    assert not latest("siapa kepala kanwil bpjs ketenagakerjaan sumbagsel tahun 2020?")
    assert not latest("Siapa yang bertemu Pj Gubernur?")
    assert not latest("siapa kepala kanwil yang menyerahkan santunan kepada ahli waris?")
    assert latest("berapa cakupan kepesertaan yang paling baru?")
    assert latest("what is the most recent coverage figure?")
    assert not latest("baru berapa persen yang terlindungi?")  # "baru" alone is "only"


def test_a_follow_up_naming_a_month_asks_the_question_before_of_that_years_month(
    engine: Engine,
) -> None:
    asked = engine.answerer.read("pekerja formal akhir mei 2049 brp? trus akhir juni jd brp?")
    june = asked[1].sides[0]
    assert (june.years, june.months) == ((2049,), (6,))
    assert "formal" in june.terms  # what the question before asked


def test_a_second_question_pointing_back_continues_the_first(engine: Engine) -> None:
    def follows(message: str) -> bool:
        return engine.answerer.read(message)[1].follows

    assert follows("Who was the deputy director in 2020, and who held that post in 2023?")
    assert follows("Siapa kepala kanwil 2020? Apa jabatan tersebut masih dipegang 2023?")
    # "that" beginning a clause points at nothing
    assert not _points_back("is it true that workers joined".split(), frozenset())
    assert not _points_back("who said that".split(), frozenset())
    assert not _points_back("how many claims this week".split(), frozenset({"week"}))


def test_two_questions_get_one_answer_with_a_part_each_from_one_batched_embedding(
    tiny_settings,  # type: ignore[no-untyped-def]
) -> None:
    embedder = FakeEmbedder()
    engine = Engine.load(tiny_settings.engine_config(), embedder=embedder)
    before = len(embedder.calls)
    a = engine.ask(
        "Assalamualaikum min, sy nelayan di Banyuasin. Siapa Kepala Kanwil BPJS "
        "Ketenagakerjaan Sumbagsel? terus program BPJS TK ada apa aja? makasih min"
    )
    assert a.answered and len(a.asked) == 2 and a.unanswered == ()
    assert "Muhyidin" in " ".join(p.text for p in a.parts_of(0))
    assert "Jaminan Pensiun" in " ".join(p.text for p in a.parts_of(1))
    assert len(embedder.calls) == before + 1 and len(embedder.calls[-1]) == 2


def test_context_never_makes_the_engine_refuse(engine: Engine) -> None:
    plain = engine.ask("Berapa persen pekerja Sumsel yang terlindungi?")
    chatty = engine.ask(
        "Selamat pagi kak 🙏 saya tukang cukur di Lampung, kerja sendiri sejak 2019. "
        "Berapa persen pekerja Sumsel yang terlindungi? terima kasih banyak"
    )
    assert plain.answered and chatty.answered
    assert chatty.citations[0].article_id == plain.citations[0].article_id


def test_a_place_the_articles_do_not_cover_is_refused(engine: Engine) -> None:
    assert not engine.ask("Berapa persen pekerja Lampung yang terlindungi?").answered
    assert not engine.ask("Berapa persen pekerja Sumsel yang terlindungi tahun 2019?").answered


def test_a_greeting_alone_gets_a_welcome(engine: Engine) -> None:
    a = engine.ask("halo min 🙏")
    assert not a.answered and a.reason == Reason.NO_QUESTION


def test_citation_quotes_the_article_verbatim(engine: Engine) -> None:
    a = engine.ask("kapan gerakan serentak perlindungan pekerja rentan dicanangkan?")
    assert a.answered and "2024" in a.text
    c = a.citations[0]
    body = engine.index.articles[c.article_id].body
    assert body[c.start : c.end] == c.quote
    assert c.quote in a.text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("", Reason.EMPTY),
        ("   \t  ", Reason.EMPTY),
        ("\x00\x07\x1b", Reason.EMPTY),
        ("😀🙏🔥", Reason.NO_WORDS),
        ("?!...", Reason.NO_WORDS),
        ("x" * 10_000, Reason.TOO_LONG),
        ("Apa itu Whip Pink?", Reason.NOT_IN_SOURCES),
        ("kode redeem FF terbaru", Reason.NOT_IN_SOURCES),
        ("harga sembako termurah di Palembang", Reason.NOT_IN_SOURCES),
    ],
)
def test_abstains_politely(engine: Engine, question: str, reason: Reason) -> None:
    a = engine.ask(question)
    assert not a.answered
    assert a.reason == reason
    assert a.parts == () and a.citations == ()
    assert a.message and a.text == a.message


def test_html_in_question_is_just_text(engine: Engine) -> None:
    a = engine.ask("<b>Berapa persen</b> pekerja &amp; Sumsel <i>terlindungi</i>?")
    assert a.answered and "34 persen" in a.text
    assert not engine.ask("<script>alert(1)</script>").answered


def test_stale_index_with_broken_file_still_answers(tiny_settings) -> None:  # type: ignore[no-untyped-def]
    Engine.load(tiny_settings.engine_config(), embedder=FakeEmbedder())
    broken = tiny_settings.knowledge_dir / "articles" / "zz.md"
    broken.write_text("no front matter here\n", encoding="utf-8")
    engine = Engine.load(tiny_settings.engine_config(), embedder=FakeEmbedder())
    assert engine.ask("Berapa persen pekerja Sumsel yang terlindungi?").answered


def test_reindex_swaps_in_new_articles(tiny_settings) -> None:  # type: ignore[no-untyped-def]
    engine = Engine.load(tiny_settings.engine_config(), embedder=FakeEmbedder())
    q = "Siapa Kepala Kantor Cabang Lubuklinggau?"
    assert not engine.ask(q).answered
    (tiny_settings.knowledge_dir / "articles" / "gamma.md").write_text(
        "---\nid: gamma-2025-01-01\ntitle: Kabar Lubuklinggau\noutlet: Gamma\n"
        "dated: 2025-01-01\n---\n"
        "Kepala Kantor Cabang Lubuklinggau, Budi Santoso, membuka layanan keliling.\n",
        encoding="utf-8",
    )
    report = engine.reindex()
    assert report.n_articles == 3 and report.reused > 0 and report.embedded >= 1
    a = engine.ask(q)
    assert a.answered and "Budi Santoso" in a.text


ORDINAL_ARTICLE = """---
id: gamma-2024-08-01
title: Fokus Pada 3 Hal
outlet: Gamma
dated: 2024-08-01
---
Kepala kantor wilayah menyampaikan, guna mewujudkan target tersebut, pihaknya fokus pada 3 hal. Pertama, pihaknya kepada ekosistem desa. Karena sebagian pekerja ada di desa.

Fokus kami yang kedua adalah ekosistem pasar. Kami ingin pedagang terlindungi.

Kemudian yang ketiga, kami fokus kepada pekerja miskin dan tidak mampu. Kalau di daerah, orang miskin dan tidak mampu, belum ada regulasi untuk dilindungi.
"""


def _engine_on(tmp_path, articles: dict[str, str]) -> Engine:  # type: ignore[no-untyped-def]
    """An engine (fake embedder) over only the given knowledge files."""
    from bot.settings import Settings
    from tests.conftest import write_knowledge

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        knowledge_dir=write_knowledge(tmp_path, articles),
        data_dir=tmp_path / "var",
        embedding_model="fake-hash-64",
    )
    return Engine.load(settings.engine_config(), embedder=FakeEmbedder())


def test_list_question_collects_the_ordinal_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = _engine_on(tmp_path, {"gamma.md": ORDINAL_ARTICLE}).ask("fokus kantor wilayah apa aja?")
    assert a.answered
    assert [p.text.split(",")[0] for p in a.parts] == [
        "Kepala kantor wilayah menyampaikan",
        "Pertama",
        "Fokus kami yang kedua adalah ekosistem pasar.",
        "Kemudian yang ketiga",
    ]


def test_memoized_scoring_gives_the_same_answers_after_clearing(engine: Engine) -> None:
    questions = [
        "Berapa persen pekerja Sumsel yang terlindungi?",
        "program BPJS TK ada apa aja?",
        "Siapa Kepala Kanwil?",
        "Whip Pink itu apa?",
    ]
    first = [engine.ask(q) for q in questions]
    again = [engine.ask(q) for q in questions]  # scored from the memoized views
    engine.clear_caches()
    spans.clear_caches()
    fresh = [engine.ask(q) for q in questions]
    for a, b, c in zip(first, again, fresh, strict=True):
        assert (a.answered, a.parts, a.citations) == (b.answered, b.parts, b.citations)
        assert (a.answered, a.parts, a.citations) == (c.answered, c.parts, c.citations)
    assert any(a.answered for a in first) and not first[-1].answered


def test_reindex_frees_the_previous_index(tiny_settings) -> None:  # type: ignore[no-untyped-def]
    import gc
    import weakref

    swaps: list[str] = []
    engine = Engine.load(
        tiny_settings.engine_config(), FakeEmbedder(), after_swap=lambda: swaps.append("swap")
    )
    engine.ask("Berapa pekerja yang terlindungi?")  # fills the answerer's caches
    old = weakref.ref(engine.index)
    unchanged = engine.reindex()
    assert unchanged.unchanged and unchanged.embedded == 0  # nothing to rebuild
    assert old() is not None and swaps == []
    (tiny_settings.knowledge_dir / "articles" / "delta.md").write_text(TARGET_ARTICLE, "utf-8")
    assert not engine.reindex().unchanged
    assert swaps == ["swap"]  # the process's hook (the CLI's garbage-collector policy)
    gc.collect()  # what a long-running process would get to, eventually
    assert old() is None, "the replaced index is still in memory"
    assert engine.ask("Berapa pekerja yang terlindungi?").answered


TARGET_ARTICLE = """---
id: delta-2024-08-01
title: Kepesertaan Pekerja Sumsel
outlet: Delta
dated: 2024-08-01
---
Kanwil bertekad mewujudkan target 60 persen pekerja di Sumsel terlindungi pada 2025.

Saat ini baru 34 persen pekerja di Sumsel yang terlindungi.
"""


def test_a_target_does_not_answer_how_many_are_protected(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"delta.md": TARGET_ARTICLE})
    achieved = engine.ask("brp persen pekerja sumsel yg udah terlindungi?")
    assert achieved.answered and "34 persen" in achieved.text and "60" not in achieved.text
    target = engine.ask("berapa persen target pekerja sumsel terlindungi?")
    assert target.answered and "60 persen" in target.text


def test_a_swapped_scorer_ranks_and_thresholds(engine: Engine) -> None:
    question = "Berapa pekerja yang terlindungi?"
    answerer = engine.answerer
    saved = answerer.scorer
    assert engine.ask(question).answered
    answerer.use_scorer(replace(saved, threshold=2.0))  # no probability reaches it
    try:
        assert not engine.ask(question).answered
        assert answerer.finder.scorer is answerer.scorer  # candidates ranked by the same one
    finally:
        answerer.use_scorer(saved)
    assert engine.ask(question).answered


def test_an_acronym_is_spelt_out_by_a_sentence_writing_its_long_form(tiny_settings) -> None:  # type: ignore[no-untyped-def]
    glossary = tiny_settings.knowledge_dir / "glossary.txt"
    glossary.write_text(
        glossary.read_text("utf-8") + "jkp = jaminan kehilangan pekerjaan\n", "utf-8"
    )
    engine = Engine.load(tiny_settings.engine_config(), embedder=FakeEmbedder())
    a = engine.ask("jkp itu kepanjangannya apa?")
    assert a.answered and "Jaminan Kehilangan Pekerjaan" in a.text


def test_an_alias_in_the_glossary_does_not_spell_out_an_acronym(engine: Engine) -> None:
    a = engine.ask("jamsostek singkatan dari apa?")
    assert not a.answered  # "bpjs ketenagakerjaan" is another name, not what the letters stand for


def test_an_abbreviation_is_one_word_of_a_follow_up(tiny_settings) -> None:  # type: ignore[no-untyped-def]
    glossary = tiny_settings.knowledge_dir / "glossary.txt"
    glossary.write_text(glossary.read_text("utf-8") + "jht = jaminan hari tua\n", "utf-8")
    engine = Engine.load(tiny_settings.engine_config(), embedder=FakeEmbedder())
    # "..., JHT-nya aja berapa?" names one thing, so it leans on the question before it.
    assert engine.answerer._substance(["jht", "nya", "saja", "berapa"]) == 1


TITLED_LIST_ARTICLE = """---
id: epsilon-2024-08-01
title: Wujudkan Target 2025, Kantor Wilayah Fokus Pada 3 Hal
outlet: Epsilon
dated: 2024-08-01
---
Kantor Wilayah Sumbagsel bertekad mewujudkan target kepesertaan.

Kepala kantor wilayah menyampaikan, guna mewujudkan target tersebut, pihaknya fokus pada 3 hal. Pertama, pihaknya kepada ekosistem desa.

Fokus kami yang kedua adalah ekosistem pasar. Kami ingin pedagang terlindungi.

Kemudian yang ketiga, kami fokus kepada pekerja miskin dan tidak mampu.
"""


def test_a_list_for_the_year_and_office_of_the_title_is_read_from_the_body(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The title names the year, the article the office's region: a list question (no figure
    asked) is answered by the body's list, not by the headline that announces it."""
    engine = _engine_on(tmp_path, {"epsilon.md": TITLED_LIST_ARTICLE})
    a = engine.ask("apa saja fokus kantor wilayah sumbagsel untuk target 2025?")
    assert a.answered
    assert "ekosistem desa" in a.text and "pekerja miskin" in a.text
    assert "Fokus Pada 3 Hal" not in a.text


ITEMS_ARTICLE = """---
id: zeta-2026-12-23
title: Pemkot Tanggung Iuran Pekerja Rentan
outlet: Zeta
dated: 2026-12-23
---
Pemerintah kota menanggung iuran 5.480 pekerja rentan pada 2027.

Pekerja rentan yang dilindungi pada 2027 terdiri atas:

2.600 pengemudi ojek pangkalan

1.480 ketua RT dan ketua RW

900 penyadap karet

500 pedagang kecil.

Wali kota berharap jumlahnya terus bertambah tahun depan.
"""


def test_an_answer_announcing_a_list_brings_its_items(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"zeta.md": ITEMS_ARTICLE})
    a = engine.ask("pekerja rentan yang dilindungi pada 2027 terdiri atas apa saja?")
    assert a.answered and "terdiri atas:" in a.text
    assert "pengemudi ojek pangkalan" in a.text and "pedagang kecil" in a.text
    assert "bertambah" not in a.text


def _newest_read(tmp_path, articles: dict[str, str]) -> tuple[int, bool, bool]:  # type: ignore[no-untyped-def]
    """For a "saat ini" question over `articles`: how many chunks retrieval found, and whether
    the newest article ("new-2026-12-10") is among them, and among the chunks then read."""
    from bot.answer.retrieval import K_CHUNKS, query_of, within_dates

    answerer = _engine_on(tmp_path, articles).answerer
    q = answerer.read("berapa persen cakupan kepesertaan sumsel saat ini?")[0].sides[0]
    query = query_of(q)
    hits = answerer.searcher.search_many([query], K_CHUNKS)[0]
    read = within_dates(answerer.index, answerer.searcher.lexical, q, query, hits)

    def newest(found: list[Hit]) -> bool:
        return any(answerer.index.chunks[h.chunk_id].article_id == "new-2026-12-10" for h in found)

    return len(hits), newest(hits), newest(read)


def _thirty_old_and_one_new() -> dict[str, str]:
    articles = {}
    for day in range(1, 31):
        articles[f"old{day}.md"] = (
            f"---\nid: old-2025-01-{day:02d}\ntitle: Cakupan Kepesertaan Sumsel\noutlet: Lama\n"
            f"dated: 2025-01-{day:02d}\n---\nCakupan kepesertaan pekerja Sumsel mencapai "
            f"{30 + day % 9},{day % 10} persen. Cakupan kepesertaan pekerja Sumsel terus naik, "
            "kata kepala kantor wilayah tentang cakupan kepesertaan pekerja Sumsel.\n"
        )
    articles["new.md"] = (
        "---\nid: new-2026-12-10\ntitle: Pasar Terlindungi Meluas\noutlet: Baru\n"
        "dated: 2026-12-10\n---\nProgram pasar terlindungi terus meluas di kota.\n\n"
        "Di tingkat provinsi, cakupan kepesertaan pekerja Sumsel mencapai 49,6 persen.\n"
    )
    return articles


def test_what_holds_now_reads_the_newest_articles_however_many_match_better(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """More older articles match the words better than the retrieval reads; the newest is
    read too."""
    from bot.answer.retrieval import K_CHUNKS

    found, _, read = _newest_read(tmp_path, _thirty_old_and_one_new())
    assert found == K_CHUNKS and read


def test_the_best_chunk_of_the_time_asked_scores_between_the_worst_and_best_hit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A chunk read for being of the time asked matched the words less well than the best
    hits, yet as well as any of its time: its score lies between the worst and the best."""
    from bot.answer.retrieval import K_CHUNKS, query_of, within_dates

    answerer = _engine_on(tmp_path, _thirty_old_and_one_new()).answerer
    q = answerer.read("berapa persen cakupan kepesertaan sumsel desember 2026?")[0].sides[0]
    query = query_of(q)
    hits = answerer.searcher.search_many([query], K_CHUNKS)[0]
    added = within_dates(answerer.index, answerer.searcher.lexical, q, query, hits)[len(hits) :]
    scores = [h.score for h in hits]
    assert added and min(scores) < max(h.score for h in added) < max(scores)


def test_what_holds_now_reads_each_of_the_newest_articles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The newest articles' chunks that match best may all be from the others: each of them
    is read, the newest too."""
    para = " ".join(["Cakupan kepesertaan pekerja Sumsel naik 40 persen, kata kepala."] * 12)
    articles = {
        f"mid{day}.md": (
            f"---\nid: mid-2026-06-{day:02d}\ntitle: Cakupan Kepesertaan Sumsel\noutlet: Lama\n"
            f"dated: 2026-06-{day:02d}\n---\n{para}\n\n{para}\n\n{para}\n"
        )
        for day in range(1, 30)
    }
    articles["new.md"] = (
        "---\nid: new-2026-12-10\ntitle: Pasar Terlindungi Meluas\noutlet: Baru\n"
        "dated: 2026-12-10\n---\nProgram pasar terlindungi terus meluas di kota.\n\n"
        "Di tingkat provinsi, cakupan pekerja mencapai 49,6 persen.\n"
    )
    _, retrieved, read = _newest_read(tmp_path, articles)
    assert not retrieved and read


TOLL_ARTICLE = """---
id: eta-2027-02-01
title: Pekerja Proyek Tol Meninggal, Ahli Waris Terima Santunan
outlet: Eta
dated: 2027-02-01
---
Seorang pekerja proyek jalan tol di Banyuasin, Sutrisno, meninggal dunia tertimpa beton.

Ahli waris almarhum menerima santunan jaminan kecelakaan kerja sebesar Rp214,6 juta.

Di proyek lain, ahli waris pekerja menerima santunan Rp42 juta.
"""


def test_a_second_question_pointing_back_with_nya_leans_on_the_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.answer.compose import FOLLOW_UP_TERMS

    answerer = _engine_on(tmp_path, {"eta.md": TOLL_ARTICLE}).answerer
    second = "berapa santunan yang diterima ahli warisnya?"
    assert answerer._substance(answerer.reader.standard(second)) >= FOLLOW_UP_TERMS
    asked = answerer.read(f"Siapa pekerja proyek tol Banyuasin yang meninggal, dan {second}")
    assert len(asked) == 2
    assert "banyuasin" in asked[1].sides[0].context_terms  # "-nya": that worker's heirs


ACCIDENT_ARTICLE = """---
id: zeta-2027-02-01
title: Pekerja Proyek Tol Meninggal, Ahli Waris Terima Santunan
outlet: Zeta
dated: 2027-02-01
---
Seorang pekerja proyek jalan tol di Banyuasin, Sutrisno, meninggal dunia tertimpa beton saat bekerja.

Kantor cabang menyerahkan santunan kepada istri almarhum sebesar Rp214,6 juta, terdiri atas santunan kematian dan beasiswa.
"""
RULES_ARTICLE = """---
id: eta-2025-01-22
title: Aturan Santunan Jaminan Kematian
outlet: Eta
dated: 2025-01-22
---
Ahli waris peserta yang meninggal dunia bukan karena kecelakaan kerja menerima santunan yang diterima ahli waris sebesar Rp42 juta.

Santunan itu dibayarkan kepada ahli waris yang sah.
"""


def test_a_follow_up_is_answered_first_from_the_article_that_answered_the_question_before(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from bot.answer import compose

    engine = _engine_on(tmp_path, {"zeta.md": ACCIDENT_ARTICLE, "eta.md": RULES_ARTICLE})
    # The fake embedder makes every probability small: lean on any window of that article.
    monkeypatch.setattr(compose, "LEAN_SHARE", 0.0)
    message = (
        "siapa pekerja yang meninggal di proyek tol Banyuasin, "
        "dan berapa santunan yang diterima ahli warisnya?"
    )
    a = engine.ask(message)
    assert a.answered and len(a.asked) == 2
    second = [p.text for p in a.parts if p.asked == 1]
    assert second and "Rp214,6 juta" in " ".join(second) and "Rp42 juta" not in a.text
    monkeypatch.setattr(compose, "LEAN_SHARE", 99.0)  # without leaning: not that article's
    assert not [p for p in engine.ask(message).parts if p.asked == 1 and "214,6" in p.text]


def test_a_later_question_no_window_answers_surely_leans_on_the_first_ones_article(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from bot.answer import compose

    engine = _engine_on(tmp_path, {"zeta.md": ACCIDENT_ARTICLE, "eta.md": RULES_ARTICLE})
    monkeypatch.setattr(compose, "LEAN_SHARE", 0.0)  # the fake embedder's probabilities
    # A question of its own (no "-nya", no "dan" joining it to the first), in the same message
    message = (
        "Siapa pekerja proyek tol Banyuasin yang meninggal dunia? "
        "Berapa santunan yang diterima ahli waris?"
    )
    asked = engine.answerer.read(message)
    assert len(asked) == 2 and not (asked[1].follows or asked[1].linked)
    # A window of another article answers it surely: it stands on its own.
    assert "Rp42 juta" in " ".join(p.text for p in engine.ask(message).parts_of(1))
    # None does: it is about what the first was about, and that one's article answers it.
    monkeypatch.setattr(compose.Answerer, "_sure", lambda self, ranked: False)
    assert "Rp214,6 juta" in " ".join(p.text for p in engine.ask(message).parts_of(1))


CLAIMS_ARTICLE = """---
id: theta-2027-10-15
title: Peserta Aktif Kantor Cabang Tembus 503 Ribu
outlet: Theta
dated: 2027-10-15
---
Jumlah peserta aktif kantor cabang per 30 September 2027 mencapai 503.270 pekerja.

Ratna Sukmawati Harahap pamit. Ratna memimpin kantor cabang sejak 15 Oktober 2024.

Sepanjang Januari hingga September 2027, kantor cabang membayarkan klaim sebesar Rp398,6 miliar. Jumlah itu naik dibandingkan periode yang sama tahun 2026 yang sebesar Rp371,4 miliar. Berikut rinciannya:

JHT: 25.940 kasus, Rp326,8 miliar

JKK: 1.532 kasus, Rp24,3 miliar
"""


def test_an_item_of_a_list_is_placed_in_time_by_the_paragraph_announcing_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"theta.md": CLAIMS_ARTICLE})
    a = engine.ask("klaim JHT januari-september 2027 berapa kasus?")
    assert a.answered and "25.940 kasus" in a.text
    assert not engine.ask("klaim JHT januari-september 2025 berapa kasus?").answered


def test_an_item_of_a_list_holds_the_words_of_the_paragraph_announcing_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.answer.features import Window, window_features
    from bot.answer.scoring import Weights

    engine = _engine_on(tmp_path, {"theta.md": CLAIMS_ARTICLE})
    finder = engine.answerer.finder
    q = engine.answerer.read("berapa nilai klaim JKK yang dibayarkan kantor cabang?")[0].sides[0]
    article = next(a for a in engine.index.articles.values() if a.title.startswith("Peserta"))
    weights = Weights(dict.fromkeys(q.terms, 1.0))
    item = "JKK: 1.532 kasus, Rp24,3 miliar"
    lead = "Sepanjang Januari hingga September 2027, kantor cabang membayarkan klaim sebesar"

    def coverage(window: Window) -> float:
        x = window_features(q, window, weights, frozenset(), finder.terms_of, finder.sequence_of)
        return x["coverage"]

    bare = coverage(Window(item, article, 1.0, False, False))
    assert coverage(Window(item, article, 1.0, False, False, lead)) > bare


def test_a_window_need_not_repeat_the_scene_the_question_sets(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.answer.features import Window, window_features
    from bot.answer.scoring import Weights

    engine = _engine_on(tmp_path, {"theta.md": CLAIMS_ARTICLE})
    finder = engine.answerer.finder
    article = next(iter(engine.index.articles.values()))
    text = "Kantor cabang membayarkan klaim JKK sebesar Rp24,3 miliar."

    def coverage(message: str) -> float:
        q = engine.answerer.read(message)[0].sides[0]
        weights = Weights(dict.fromkeys(q.terms, 1.0))
        window = Window(text, article, 1.0, False, False)
        x = window_features(q, window, weights, frozenset(), finder.terms_of, finder.sequence_of)
        return x["coverage"]

    scene = coverage("Waktu rapat dengan gubernur, berapa klaim JKK kantor cabang?")
    plain = coverage("Rapat dengan gubernur dan berapa klaim JKK kantor cabang?")
    assert scene == 1.0 and plain < 1.0


def test_a_person_named_in_full_by_the_question_and_by_part_of_the_name_in_the_answer(
    tmp_path,
) -> None:  # type: ignore[no-untyped-def]
    from bot.answer.features import named_in_full

    engine = _engine_on(tmp_path, {"theta.md": CLAIMS_ARTICLE})
    q = engine.answerer.read("Sejak kapan Ratna Sukmawati Harahap memimpin kantor cabang?")
    asked = q[0].sides[0]
    assert asked.people == ("Ratna Sukmawati Harahap",)
    full = frozenset({"ratna", "sukmawati", "harahap", "pimpin"})
    assert {"sukmawati", "harahap"} <= named_in_full(asked, frozenset({"ratna", "pimpin"}), full)
    assert "harahap" not in named_in_full(asked, frozenset({"pimpin"}), full)
    assert "harahap" not in named_in_full(asked, frozenset({"ratna"}), frozenset({"ratna"}))


def test_a_follow_up_keeps_the_period_of_the_question_before(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"theta.md": CLAIMS_ARTICLE})
    asked = engine.answerer.read("klaim JHT januari-september 2027 berapa kasus, berapa rupiah?")
    assert len(asked) == 2 and [len(a.sides) for a in asked] == [1, 1]
    assert asked[1].sides[0].months == (1, 9)


def test_a_follow_up_in_the_same_period_still_compares_places(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"theta.md": CLAIMS_ARTICLE})
    asked = engine.answerer.read(
        "klaim JHT januari-september 2027 berapa kasus? brp kasus klaim di palembang dibanding lubuklinggau?"
    )
    assert len(asked) == 2 and len(asked[1].sides) == 2
    assert all(side.months == (1, 9) for side in asked[1].sides)


COVERAGE_2020 = """---
id: iota-2020-11-16
title: Kepesertaan Pekerja Sumsel Belum Optimal
outlet: Iota
dated: 2020-11-16
---
Persentase coverage share kepesertaan BPJS Ketenagakerjaan di Sumsel masih 36 persen.

Gubernur meminta kabupaten dan kota ikut mendaftarkan pekerja.
"""
COVERAGE_2024 = """---
id: kappa-2024-08-02
title: Kanwil Beraudiensi dengan Gubernur
outlet: Kappa
dated: 2024-08-02
---
Kepala kanwil beraudiensi dengan gubernur di kantor gubernur.

Dari kurang lebih 3 juta pekerja di Sumsel, baru 34 persen terlindungi BPJS Ketenagakerjaan.

Sebanyak 120 ribu pekerja baru didaftarkan tahun ini.
"""


def _hits_for(answerer, q):  # type: ignore[no-untyped-def]
    """The hits `Answerer.answer` reads for one side: retrieval, then the time asked."""
    from bot.answer.retrieval import K_CHUNKS, query_of, within_dates

    query = query_of(q)
    hits = answerer.searcher.search_many([query], K_CHUNKS)[0]
    return within_dates(answerer.index, answerer.searcher.lexical, q, query, hits)


def test_each_side_of_a_comparison_states_the_same_kind_of_figure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.answer.compose import LEAN_SHARE

    answerer = _engine_on(tmp_path, {"iota.md": COVERAGE_2020, "kappa.md": COVERAGE_2024}).answerer
    (asked,) = answerer.read("coverage bpjs tk sumsel 2020 sm 2024 naik ga sih")
    found = {id(q): _hits_for(answerer, q) for q in asked.sides}
    later = asked.sides[1]
    percent = next(c.scored for c in answerer.candidates(later, found[id(later)]))
    assert "34 persen" in percent.text
    saved = answerer.scorer
    # A threshold the 2024 side's best window misses, but not by more than LEAN_SHARE allows
    answerer.use_scorer(replace(saved, threshold=percent.score / LEAN_SHARE * 0.99))
    try:
        ranked = [answerer._ranked(q, found[id(q)]) for q in asked.sides]
        by_side = [
            (q, answerer._select(q, found[id(q)], r))
            for q, r in zip(asked.sides, ranked, strict=True)
        ]
        assert by_side[0][1] and not by_side[1][1]
        filled = answerer._like_for_like(by_side, ranked)
    finally:
        answerer.use_scorer(saved)
    assert [p.scored.text for p in filled[1][1]] == [percent.text]


def test_a_list_question_is_answered_by_the_list_its_best_sentences_article_announces(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    engine = _engine_on(tmp_path, {"zeta.md": ITEMS_ARTICLE})
    a = engine.ask("siapa saja pekerja rentan yang iurannya ditanggung pemerintah kota?")
    assert a.answered and "terdiri atas:" in a.text
    assert "pengemudi ojek pangkalan" in a.text and "pedagang kecil" in a.text


def test_a_sure_window_just_below_an_unsure_first_one_answers(engine: Engine) -> None:
    from bot.answer.compose import SURE_RANKS
    from bot.answer.retrieval import K_CHUNKS, query_of

    answerer = engine.answerer
    (asked,) = answerer.read("Apa itu gerakan serentak?")
    (q,) = asked.sides
    hits = answerer.searcher.search_many([query_of(q)], K_CHUNKS)[0]
    ranked = answerer._ranked(q, hits)
    needed = answerer.scorer.threshold
    # two body windows (a headline has its own rule), the first just under the threshold
    first, second = [replace(c, score=needed * 0.9) for c in ranked if not c.title][:2]
    sure = replace(second, score=needed)
    picks = answerer._select(q, hits, [first, sure])
    assert [p.scored.text for p in picks] == [sure.text] != [first.text]
    # none sure enough among the first ones: refused
    far = [*(replace(first) for _ in range(SURE_RANKS)), sure]
    assert answerer._select(q, hits, far) == []


def test_a_question_naming_little_asks_about_what_the_message_told_before_it(
    engine: Engine,
) -> None:
    told = "Pagi min. Kami dengar Kepala Kanwil Muhyidin bertemu Pj Gubernur Elen Setiadi."
    (asked,) = engine.answerer.read(f"{told} Itu di mana ya?")
    assert {"muhyidin", "gubernur"} <= set(asked.sides[0].terms)
    a = engine.ask(f"{told} Itu di mana ya?")
    assert a.answered and "di Palembang" in a.text
    # what was told places the article; what the question names of its own, the answer
    assert not asked.sides[0].setting  # "Itu di mana?" names nothing of its own
    (own,) = engine.answerer.read(f"{told} Bertemu di mana?")  # a thing told, asked about
    assert "muhyidin" in own.sides[0].setting and "temu" not in own.sides[0].setting
    (new,) = engine.answerer.read(f"{told} Itu masuk program apa?")  # something new named
    assert not new.sides[0].setting


def test_a_question_naming_an_outlet_is_answered_from_its_articles(engine: Engine) -> None:
    from bot.answer.candidates import outlet_core

    assert outlet_core("Swaraoganfm.com") == "swaraoganfm" == outlet_core("Swara Ogan FM")
    assert outlet_core("www.Beta-News.co.id") == "betanews"
    both = engine.ask("brp pekerja sumsel yg udah terlindungi?")
    assert len(both.citations) == 2
    alpha = engine.ask("brp pekerja sumsel yg udah terlindungi menurut koran alpha?")
    assert [c.article_id for c in alpha.citations] == ["alpha-2024-08-02"]
    # a place's name after the outlet's still names it; another name does not ("Koran
    # Alpha Institute" is someone else)
    alpha = engine.ask("brp pekerja yg udah terlindungi menurut Koran Alpha Sumsel?")
    assert [c.article_id for c in alpha.citations] == ["alpha-2024-08-02"]
    finder = engine.answerer.finder
    (named,) = engine.answerer.read("apa kata Koran Alpha Institute soal pekerja?")
    assert finder._named(named.sides[0], "Koran Alpha") == ()
    (named,) = engine.answerer.read("apa kata Koran Alpha soal pekerja?")
    assert finder._named(named.sides[0], "Koran Alpha") == ("koran", "alpha")
    for asked in ("menurut Koran Alpha, Berapa pekerja?", "kata koran alpha BPJS punya berapa?"):
        (named,) = engine.answerer.read(asked)  # a comma between, or an acronym after
        assert finder._named(named.sides[0], "Koran Alpha") == ("koran", "alpha")


def test_an_outlet_named_with_its_figure_gives_it_and_the_other_outlet_is_asked(
    engine: Engine,
) -> None:
    # "A bilang 1,3 jt, B bilang brp?": B's figure, though A's matches the words better
    a = engine.ask("Koran Alpha bilang 1,3 jt pekerja sumsel terlindungi, Beta News bilang brp?")
    assert a.answered and [c.article_id for c in a.citations] == ["beta-2024-03"]
    assert "1,1 juta" in a.text
    a = engine.ask("betanews bilang 1,1 jt pekerja sumsel terlindungi, kalo Koran Alpha brp?")
    assert a.answered and [c.article_id for c in a.citations] == ["alpha-2024-08-02"]


def test_a_rare_capitalized_word_inside_the_question_must_be_named_by_the_answer(
    engine: Engine,
) -> None:
    reader = engine.answerer.reader
    asked = "brp pekerja terlindungi hingga maret 2024 kata Muhyidin?"
    assert reader.parse(asked).short_names == ("muhyidin",)
    # only article A names him, and it is not of March 2024: not in the sources
    assert not engine.ask(asked).answered
    assert engine.ask("brp pekerja terlindungi hingga maret 2024?").answered
    # a sentence's first word, a common word and a question in title case name no one
    assert reader.parse("Muhyidin bilang brp pekerja terlindungi?").short_names == ()
    assert reader.parse("brp Pekerja terlindungi?").short_names == ()
    assert reader.parse("Brp Pekerja Terlindungi Kata Muhyidin?").short_names == ()
    assert (
        reader.parse("brp pekerja yg iuran BPJS Ketenagakerjaannya ditanggung?").short_names == ()
    )


def test_a_colloquial_form_of_a_common_word_is_not_corrected_to_a_corpus_word(
    engine: Engine,
) -> None:
    q = engine.answerer.reader.parse("yg ngadu ke gubernur itu siapa?")
    assert "adu" in q.words


def test_a_second_question_keeps_the_time_and_a_follow_up_the_place_it_asks_about(
    engine: Engine,
) -> None:
    asked = engine.answerer.read(
        "berapa pekerja sumsel terlindungi 2024? trus siapa kepala kanwilnya?"
    )
    who = asked[1].sides[0]
    assert who.years == (2024,) and who.places == ()  # who heads it, wherever
    when = engine.answerer.read("berapa pekerja sumsel terlindungi tahun 2024? trus kapan itu?")
    assert [p.name for p in when[1].sides[0].places] == ["Sumatera Selatan"]


def test_a_question_of_its_own_sentence_keeps_no_time_of_the_one_before(engine: Engine) -> None:
    asked = engine.answerer.read(
        "Berapa persen pekerja Sumsel yang terlindungi pada tahun 2020? "
        "Siapa Kepala Kanwil BPJS Ketenagakerjaan Sumbagsel?"
    )
    assert asked[1].sides[0].years == () and asked[1].sides[0].wants_latest
    # cut from the same sentence, it asks of the same time
    linked = engine.answerer.read(
        "Berapa pekerja Sumsel yang terlindungi pada Maret 2024, dan apa saja program BPJS?"
    )
    assert (linked[1].sides[0].years, linked[1].sides[0].months) == ((2024,), (3,))


BRANCH_ARTICLE = """---
id: epsilon-2040-07-10
title: Kepesertaan Pekerja Sumsel
outlet: Epsilon
dated: 2040-07-10
---
Kepala Kantor Cabang Anu Barat Budi Santoso meninjau layanan di kantor cabang.

Kanwil tetap menargetkan cakupan kepesertaan di Sumsel mencapai 97 persen pada akhir 2040.
"""


OTHER_NAME_ARTICLE = """---
id: zeta-2024-03-01
title: Pelantikan Pejabat
outlet: Zeta
dated: 2024-03-01
---
Sekretaris daerah Sutomo Wiryawan membuka pameran batik di gedung kesenian.
"""


def test_a_name_to_check_is_not_answered_by_a_window_without_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    articles = {"epsilon.md": BRANCH_ARTICLE, "zeta.md": OTHER_NAME_ARTICLE}
    engine = _engine_on(tmp_path, articles)
    answer = engine.ask("kepala kantor cabang anu barat siapa? masih sutomo wiryawan gak?")
    assert "Budi Santoso" in answer.parts[0].text
    assert "Budi Santoso" not in answer.parts[1].text


AUDIENCE_ARTICLE = """---
id: eta-2041-11-16
title: Kepesertaan Anu Dilaporkan
outlet: Eta
dated: 2041-11-16
---
Kantor wilayah Anu memaparkan data kepesertaan di depan Gubernur Budi Santoso di ruang rapat.

Menurut Deputi Direktur Joko Wiryawan, data kepesertaan yang dipaparkan di depan gubernur \
mencatat 7.952 peserta.
"""


def test_who_is_answered_by_a_sentence_naming_someone_new(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"eta.md": AUDIENCE_ARTICLE})
    a = engine.ask("siapa yang memaparkan data kepesertaan di depan Gubernur Budi Santoso?")
    assert "Joko Wiryawan" in a.text


WHO_ARTICLE = """---
id: eta-2041-11-17
title: Santunan Diserahkan di Anu
outlet: Eta
dated: 2041-11-17
---
Joko Wiryawan menyerahkan santunan kepada ahli waris pekerja di Anu.

Joko Wiryawan juga bertemu Gubernur Budi Santoso di ruang rapat.

Sementara itu, Joko Wiryawan, Wakil Kepala Kantor Wilayah Anu, menyebut 7.952 peserta terdaftar.
"""


def test_who_someone_named_is_is_answered_by_a_sentence_naming_their_office(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"eta.md": WHO_ARTICLE})
    for asked in ("joko wiryawan itu siapa ya?", "Who is Joko Wiryawan?"):
        a = engine.ask(asked)
        assert "Wakil Kepala Kantor Wilayah" in a.text and "Budi Santoso" not in a.text


MILL_ARTICLE = """---
id: theta-2047-06-15
title: Pekerja Musiman Pabrik Anu Dilindungi
outlet: Theta
dated: 2047-06-15
---
Sepanjang musim giling 2046 tercatat 37 kasus kecelakaan kerja di pabrik Anu.

Total manfaat yang dibayarkan BPJS Ketenagakerjaan untuk kasus kecelakaan kerja tersebut \
mencapai Rp486,2 juta.
"""

HANDOVER_ARTICLE = """---
id: iota-2047-01-22
title: Santunan Diserahkan
outlet: Iota
dated: 2047-01-22
---
Sepanjang 2046, manfaat yang dibayarkan BPJS Ketenagakerjaan kepada ahli waris mencapai \
Rp112,6 juta.
"""


def test_a_question_cut_from_the_sentence_before_is_answered_from_its_article(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from bot.answer import compose

    engine = _engine_on(tmp_path, {"theta.md": MILL_ARTICLE, "iota.md": HANDOVER_ARTICLE})
    # The fake embedder makes every probability small: lean on any window of that article.
    monkeypatch.setattr(compose, "LEAN_SHARE", 0.0)
    a = engine.ask(
        "Berapa kasus kecelakaan kerja di pabrik Anu selama musim giling 2046, dan berapa "
        "manfaat yang dibayarkan BPJS Ketenagakerjaan?"
    )
    assert "37 kasus" in a.parts_of(0)[0].text
    assert "Rp486,2 juta" in a.parts_of(1)[0].text  # first, before any other article's


PROGRAM_ARTICLE = """---
id: kappa-2047-02-08
title: Program Perlindungan Anu Diluncurkan
outlet: Kappa
dated: 2047-02-08
---
Kabupaten Baru dan Kabupaten Lama menyumbang peserta program perlindungan Anu yang diluncurkan.

Peserta terbanyak berasal dari Kabupaten Baru sebanyak 2.960 orang, disusul Kabupaten Lama.
"""


def test_a_superlative_asked_is_answered_by_the_window_stating_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"kappa.md": PROGRAM_ARTICLE})
    a = engine.ask(
        "Kabupaten mana yang menyumbang peserta terbanyak dalam program perlindungan Anu?"
    )
    assert a.answered and "Kabupaten Baru sebanyak 2.960 orang" in a.text


COVERAGE_NOW = """---
id: lambda-2024-08-02
title: Kanwil Beraudiensi dengan Gubernur
outlet: Lambda
dated: 2024-08-02
---
Kepala kanwil beraudiensi dengan gubernur di kantor gubernur.

Coverage kepesertaan BPJS Ketenagakerjaan di Sumsel kini baru 34 persen dari 3 juta pekerja.
"""


def test_a_year_against_now_is_answered_by_the_year_and_by_a_newer_article(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"iota.md": COVERAGE_2020, "lambda.md": COVERAGE_NOW})
    a = engine.ask("coverage bpjs tk sumsel taun 2020 samo kini, tinggian mano?")
    assert a.answered and "36 persen" in a.text and "34 persen" in a.text
    assert {c.article_id for c in a.citations} == {"iota-2020-11-16", "lambda-2024-08-02"}


def test_a_side_filled_like_for_like_takes_the_best_ranked_window_likely_enough(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.answer.compose import LEAN_SHARE
    from bot.answer.multisource import Pick

    answerer = _engine_on(tmp_path, {"iota.md": COVERAGE_2020, "kappa.md": COVERAGE_2024}).answerer
    (asked,) = answerer.read("coverage bpjs tk sumsel 2020 sm 2024 naik ga sih")
    first, later = asked.sides
    then, percent = (
        next(c.scored for c in answerer.candidates(q, _hits_for(answerer, q))) for q in asked.sides
    )
    likely = answerer.scorer.threshold * LEAN_SHARE
    unlikely = replace(percent, score=likely / 2)  # ranked first, not likely enough
    enough = replace(percent, score=likely * 1.01)
    filled = answerer._like_for_like(
        [(first, [Pick(then)]), (later, [])], [[then], [unlikely, enough]]
    )
    assert [p.scored for p in filled[1][1]] == [enough]


def test_a_question_naming_a_year_looks_further_for_its_windows(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bot.answer import candidates

    answerer = _engine_on(tmp_path, {"iota.md": COVERAGE_2020, "lambda.md": COVERAGE_NOW}).answerer
    (asked,) = answerer.read("berapa persen coverage bpjs tk sumsel 2024?")
    q = asked.sides[0]
    found = _hits_for(answerer, q)
    # the 2020 window is looked at first and misses the year; the 2024 one comes next
    monkeypatch.setattr(candidates, "MAX_LOOKED", 1)
    monkeypatch.setattr(candidates, "TIMED_LOOK", 1)
    assert answerer.candidates(q, found) == []
    monkeypatch.setattr(candidates, "TIMED_LOOK", 2)
    (found_2024,) = answerer.candidates(q, found)
    assert "34 persen" in found_2024.scored.text


COVERAGE_THEN_AND_NOW = """---
id: mu-2024-08-02
title: Kanwil Beraudiensi dengan Gubernur
outlet: Mu
dated: 2024-08-02
---
Pada 2020 coverage kepesertaan BPJS Ketenagakerjaan di Sumsel baru 20 persen.

Per Juli 2024, coverage kepesertaan BPJS Ketenagakerjaan di Sumsel mencapai 34 persen.
"""


def test_now_is_answered_from_the_article_that_also_tells_the_year_but_not_by_the_year(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    engine = _engine_on(tmp_path, {"mu.md": COVERAGE_THEN_AND_NOW})
    a = engine.ask("berapa persen coverage bpjs tk sumsel tahun 2020 dan sekarang?")
    assert a.answered and "20 persen" in a.text and "34 persen" in a.text


WELLS_ARTICLE = """---
id: kabarsatu-2041-03-02
title: Pekerja Sumur di Anu
outlet: Kabarsatu.com
dated: 2041-03-02
---
Pekerja sumur di Anu ditargetkan terdaftar, kata pengurus pekerja sumur di Anu pada rapat \
pekerja sumur di Anu.
"""

WELLS_DEADLINE_ARTICLE = """---
id: sekayuupdate-2041-05-06
title: Pendaftaran Berlanjut
outlet: SekayuUpdate.com
dated: 2041-05-06
---
Seluruhnya ditargetkan terdaftar paling lambat Desember 2041.
"""


def test_an_outlet_named_is_read_however_well_other_articles_match(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bot.answer import compose

    engine = _engine_on(tmp_path, {"a.md": WELLS_ARTICLE, "b.md": WELLS_DEADLINE_ARTICLE})
    monkeypatch.setattr(compose, "K_CHUNKS", 1)  # only the best match is retrieved
    # The fake embedder makes every probability small: answer from any window.
    engine._answerer.use_scorer(replace(engine._answerer.scorer, threshold=0.0))
    a = engine.ask("di berita SekayuUpdate, pekerja sumur ditargetkan terdaftar sampai kapan?")
    assert "Desember 2041" in a.text and "Kabarsatu" not in a.text


def test_an_outlet_named_by_a_common_word_is_named_only_as_a_name() -> None:
    from bot.answer.candidates import _written_as_name

    assert _written_as_name("di berita sekayuupdate", ("sekayuupdate",))  # a rare word
    assert not _written_as_name("apa kabar terbaru di sana?", ("kabar",))
    assert _written_as_name("kata Kabar, berapa?", ("kabar",))
    assert _written_as_name("kata kabar.com berapa?", ("kabar",))


ENROLMENT_ARTICLE = """---
id: epsilon-2056-09-08
title: Petambak Didaftarkan
outlet: Epsilon
dated: 2056-09-08
---
Sebanyak 2.760 petambak udang di Kecamatan Alpha, Kabupaten Musi Banyuasin, terdaftar sebagai peserta BPJS Ketenagakerjaan.

Dari jumlah itu, iuran 1.200 petambak ditanggung APBD Musi Banyuasin 2056, sedangkan 1.560 petambak lainnya membayar iuran secara mandiri melalui koperasi.

Iuran yang ditanggung APBD sebesar Rp16.800 per orang per bulan.
"""


def test_berapa_yang_after_a_count_counts_the_same_people(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"epsilon.md": ENROLMENT_ARTICLE})
    a = engine.ask(
        "Berapa petambak udang di Alpha yang didaftarkan BPJS Ketenagakerjaan, dan berapa yang "
        "iurannya ditanggung APBD Musi Banyuasin?"
    )
    assert a.answered and not a.unanswered
    second = " ".join(p.text for p in a.parts_of(1))
    assert "1.200 petambak" in second  # how many, not the amount paid for each


QUOTED_HEADS_ARTICLE = """---
id: zeta-2027-06-09
title: Cakupan Naik
outlet: Zeta
dated: 2027-06-09
---
Kepala Kantor Cabang Alpha Taufik Hidayat mengatakan capaian itu naik dari tahun sebelumnya.

"Kenaikannya lumayan, tapi kami masih di urutan keempat di wilayah Sumbagsel," kata Taufik.

Sementara itu Kepala Kantor Wilayah Sumbagsel Moch Zulkarnaen menjelaskan bahwa pihaknya hadir di setiap kabupaten.

"Kami berupaya menyasar kalangan pedagang dan pekerja sektor informal," kata Zulkarnaen.
"""


def test_a_quote_answers_who_holds_an_office_by_the_office_its_speaker_was_introduced_with(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    engine = _engine_on(tmp_path, {"zeta.md": QUOTED_HEADS_ARTICLE})
    said = engine.ask("kepala kantor wilayah yg bilang menyasar kalangan pedagang siapa?")
    assert said.answered and "kata Zulkarnaen" in said.text
    # the branch head's quote naming the region does not make him the regional head
    head = engine.ask("siapa kepala kantor wilayah sumbagsel sekarang?")
    assert head.answered and "Taufik" not in head.text and "Zulkarnaen" in head.text


def test_a_list_item_asked_by_its_place_after_the_count(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = _engine_on(tmp_path, {"gamma.md": ORDINAL_ARTICLE}).ask(
        "kantor wilayah kan fokus 3 hal, yg ke-2 apa ya?"
    )
    assert a.answered
    assert "ekosistem pasar" in a.text and "ekosistem desa" not in a.text


ARREARS_ARTICLE = """---
id: eta-2057-03-16
title: Perusahaan Menunggak Iuran
outlet: Eta
dated: 2057-03-16
---
Sebanyak 37 perusahaan di Kota Lubuklinggau, Kabupaten Musi Rawas, dan Kabupaten Musi Rawas Utara tercatat menunggak iuran BPJS Ketenagakerjaan dengan total tunggakan Rp2,46 miliar.

Perusahaan itu diberi waktu 30 hari untuk melunasi tunggakannya.
"""


def test_one_figure_of_several_places_asked_together(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"eta.md": ARREARS_ARTICLE})
    a = engine.ask(
        "Berapa perusahaan di Lubuklinggau, Musi Rawas dan Musi Rawas Utara yang menunggak "
        "iuran BPJS Ketenagakerjaan?"
    )
    assert a.answered and "37 perusahaan" in a.text
    # one of them alone is not told by the figure of the three
    assert not engine.ask("Berapa perusahaan di Musi Rawas yang menunggak iuran?").answered


COVERAGE_REACTION_ARTICLE = """---
id: theta-2020-11-16
title: Cakupan Kepesertaan
outlet: Theta
dated: 2020-11-16
---
Hingga Oktober 2020, coverage kepesertaan di Sumsel baru 36 persen.

Menanggapi laporan tersebut, Gubernur Sumsel masih optimistis jika coverage Sumsel itu masih dapat ditingkatkan hingga 63 persen. Karena hal tersebut sejalan dengan visi misinya.
"""


def test_a_follow_up_is_answered_from_the_article_of_the_months_it_carries(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"theta.md": COVERAGE_REACTION_ARTICLE})
    a = engine.ask(
        "Coverage Sumsel Oktober 2020 berapa persen, dan gubernur waktu itu optimis bisa naik "
        "sampai berapa?"
    )
    assert a.answered and not a.unanswered
    assert "63 persen" in " ".join(p.text for p in a.parts_of(1))


def test_a_why_question_naming_a_figure_gets_the_reason(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = _engine_on(tmp_path, {"theta.md": COVERAGE_REACTION_ARTICLE}).ask(
        "Kenapa gubernur optimis coverage bisa ditingkatkan sampai 63 persen?"
    )
    assert a.answered and "visi misinya" in a.text
    assert a.kind == "kenapa"  # read as why, not as how much (the reason is the answer)


REGION_TARGET_ARTICLE = """---
id: iota-2024-08-01
title: Target 50 Persen Pekerja di Sumsel Tahun 2025 Terlindungi
outlet: Iota
dated: 2024-08-01
---
BPJS Ketenagakerjaan Kanwil Sumbagsel bertekad mewujudkan target itu bersama pemerintah daerah.

Saat ini ada 1.033.000 pekerja yang terlindungi di Sumsel.
"""


def test_a_region_named_after_the_agency_names_its_office(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = _engine_on(tmp_path, {"iota.md": REGION_TARGET_ARTICLE}).ask(
        "target bpjs tk sumbagsel buat 2025 brp persen min"
    )
    assert a.answered and "50 Persen" in a.text


HEAD_BEFORE_ARTICLE = """---
id: lambda-2020-11-16
title: Kanwil Audiensi dengan Gubernur
outlet: Lambda
dated: 2020-11-16
---
Audiensi itu dihadiri Kepala Kantor Cabang BPJS Ketenagakerjaan Lahat Budi Santoso, Senin (16/11/2020).
"""

HEAD_AFTER_ARTICLE = """---
id: mu-2023-01-12
title: Layanan Baru Diresmikan
outlet: Mu
dated: 2023-01-12
---
Kepala Kantor Cabang BPJS Ketenagakerjaan Lahat, Rina Marlina menyampaikan, hingga awal tahun 2023 cakupan di Lahat sudah 65 persen.
"""


def test_a_follow_up_asking_the_newest_is_answered_by_the_newest_source_not_the_first_ones(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from bot.answer import compose

    engine = _engine_on(tmp_path, {"lambda.md": HEAD_BEFORE_ARTICLE, "mu.md": HEAD_AFTER_ARTICLE})
    monkeypatch.setattr(compose, "LEAN_SHARE", 0.0)  # lean on any window of the first's article
    a = engine.ask(
        "Kepala Kantor Cabang BPJS TK Lahat yg di 2020 itu siapa, terus yg terbaru siapa?"
    )
    assert "Budi Santoso" in " ".join(p.text for p in a.parts_of(0))
    assert "Rina Marlina" in " ".join(p.text for p in a.parts_of(1))


def test_a_follow_up_asking_whether_a_figure_not_found_changed_is_not_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"iota.md": COVERAGE_2020, "kappa.md": COVERAGE_2024})
    # no 2021 figure: whether it rose from 2020 cannot be told either
    assert not engine.ask("data 2021 coverage sumsel brp persen? naik gk dr 2020?").answered
    # a follow-up asking the same of another time is a question of its own
    again = engine.answerer.read("coverage sumsel 2021 brp persen? trus 2024?")
    assert not again[1].changed
    assert engine.ask("coverage sumsel 2021 brp persen? trus 2020?").answered


LONG_QUOTE = """---
id: nu-2023-01-12
title: Pelayanan Baru Diresmikan
outlet: Nu
dated: 2023-01-12
---
Kepala Kantor Cabang BPJS Ketenagakerjaan Palembang, Hasan Basri, hadir dalam peresmian.

“Sektor formal itu sudah 80 persen, tinggal dikit lagi. Sedangkan sektor informal sudah 65 persen. Tahun lalu tenaga kerja informal hampir 95 ribu. Kalau di sektor formal itu 174 ribu,” ujar Hasan.
"""


def test_who_said_a_quotation_is_named_where_it_closes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"nu.md": LONG_QUOTE})
    a = engine.ask("yg bilang sektor formal udh 80 persen tinggal dikit lg siapa sih")
    assert a.answered and "ujar Hasan" in a.text
    # a question asking someone other than a speaker is not answered by whoever spoke
    other = engine.ask("siapa yg sektor formal udh 80 persen tinggal dikit lg?")
    assert "ujar Hasan" not in other.text


def test_now_asked_after_a_figure_told_of_a_year_is_answered_by_a_later_source(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    engine = _engine_on(tmp_path, {"iota.md": COVERAGE_2020, "kappa.md": COVERAGE_2024})
    a = engine.ask("dulu 2020 coverage sumsel 36 persen, kalo kini berapo?")
    assert len(a.parts) == 2
    assert "36 persen" in a.parts[0].text and "34 persen" in a.parts[1].text


TOLD_AFTER = """---
id: lambda-2024-08-02
title: Kanwil Beraudiensi dengan Gubernur
outlet: Lambda
dated: 2024-08-02
---
Dari kurang lebih 3 juta pekerja di Sumsel, baru 1,3 juta pekerja yang terlindungi.

Kondisi terkini pekerja di Sumsel ini disampaikan Kepala Kanwil BPJS Ketenagakerjaan, Budi Santoso kepada gubernur.

Budi Santoso juga mengajak jajarannya beraudiensi di kantor gubernur.
"""


def test_who_said_a_figure_is_named_by_the_sentence_after_it_telling_who_said_it(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    engine = _engine_on(tmp_path, {"lambda.md": TOLD_AFTER})
    a = engine.ask("yang bilang baru 1,3 juta pekerja sumsel yang terlindungi itu siapa?")
    assert a.answered and "1,3 juta" in a.text and "disampaikan" in a.text


def test_a_share_of_workers_protected_answers_what_coverage_is(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"iota.md": COVERAGE_2020, "kappa.md": COVERAGE_2024})
    a = engine.ask("coverage sumsel 2024 berapa?")
    assert a.answered and "34 persen terlindungi" in a.text
    both = engine.ask("coverage sumsel 2020 berapa? kalo 2024 berapa?")
    assert "36 persen" in both.parts[0].text and "34 persen" in both.parts[1].text


def test_how_the_figures_compare_is_no_word_to_find_the_answer_by(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"iota.md": COVERAGE_2020})
    q = engine.answerer.read("coverage sumsel 2020 berapa? naik atau turun dia")[0].sides[0]
    assert not {"naik", "turun"} & set(q.context_terms)


CLAIMS_BOX = """---
id: mu-2063-01-23
title: Klaim BPJS Ketenagakerjaan Sumsel Naik
outlet: Mu
dated: 2063-01-23
---
Sepanjang 2062, BPJS Ketenagakerjaan membayarkan manfaat untuk 231.507 kasus di Sumsel. Klaim terbesar berasal dari program Jaminan Hari Tua (JHT).

Berikut rincian manfaat yang dibayarkan per program:

Jaminan Hari Tua (JHT): Rp2,17 triliun

Jaminan Pensiun (JP): Rp291,3 miliar

Jaminan Kematian (JKM): Rp254,9 miliar

Jaminan Kecelakaan Kerja (JKK): Rp186,4 miliar

Jaminan Kehilangan Pekerjaan (JKP): Rp38,7 miliar

Total klaim itu naik dari tahun sebelumnya.
"""


def test_an_item_of_a_list_is_of_the_year_told_before_the_list_not_before_the_item(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    answerer = _engine_on(tmp_path, {"mu.md": CLAIMS_BOX}).answerer
    (asked,) = answerer.read("berapa rupiah manfaat JKP yang dibayarkan tahun 2062?")
    q = asked.sides[0]
    found = [c.scored.text for c in answerer.candidates(q, _hits_for(answerer, q))]
    assert "Jaminan Kehilangan Pekerjaan (JKP): Rp38,7 miliar" in found


def test_a_counter_before_a_word_the_articles_do_not_use_weighs_no_more_than_the_lightest(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    people = COVERAGE_2024.replace("Sebanyak 120 ribu pekerja", "Sebanyak 120 ribu orang")
    answerer = _engine_on(tmp_path, {"kappa.md": people, "iota.md": COVERAGE_2020}).answerer
    (asked,) = answerer.read("pekerja di sumsel berapa orang kira2?")
    q = asked.sides[0]
    assert ("orang", "kira") in q.counters
    idf = answerer.finder.weights(q).idf
    assert idf["orang"] <= min(v for t, v in idf.items() if t != "orang")


def _coverage_on(year: int, share: str) -> str:
    return f"""---
id: a{year}-{year}-06-01
title: Laporan Cakupan Tahun {year}
outlet: A{year}
dated: {year}-06-01
---
Cakupan kepesertaan BPJS Ketenagakerjaan di Kabupaten Lahat tercatat {share} persen.
"""


def test_of_many_sources_stating_a_figure_the_newest_are_shown(tmp_path) -> None:  # type: ignore[no-untyped-def]
    shares = {2020: "41,1", 2021: "42,2", 2022: "43,3", 2023: "44,4"}
    engine = _engine_on(tmp_path, {f"a{y}.md": _coverage_on(y, s) for y, s in shares.items()})
    a = engine.ask("cakupan kepesertaan bpjs tk di lahat berapa persen?")
    assert a.answered and "44,4 persen" in a.text and a.text.index("44,4") < a.text.index("43,3")


def test_the_best_matchs_article_adds_only_its_best_few_chunks_not_among_the_hits(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Beside the hits, the best match's article gives its best `BEST_ARTICLE_CHUNKS` chunks
    that are not hits already (a long article's answer may stand in a chunk matching fewer
    words), not all of its best ones: each chunk read costs time at scale."""
    from bot.answer.retrieval import BEST_ARTICLE_CHUNKS, K_CHUNKS, around_best, query_of

    paragraphs = "\n\n".join(
        f"Pada bulan ke-{i} kantor cabang mencatat {100 + i} peserta baru dari sektor informal "
        f"di kecamatan nomor {i}, ujar kepala kantor cabang dalam rapat evaluasi bulanan."
        for i in range(1, 120)
    )
    long = (
        "---\nid: long-2025-01-01\ntitle: Peserta Baru Kantor Cabang\noutlet: Satu\n"
        f"dated: 2025-01-01\n---\n{paragraphs}\n"
    )
    answerer = _engine_on(tmp_path, {"long.md": long}).answerer
    assert len(answerer.index.chunk_ids["long-2025-01-01"]) > K_CHUNKS + BEST_ARTICLE_CHUNKS
    q = answerer.read("berapa peserta baru sektor informal kantor cabang?")[0].sides[0]
    query = query_of(q)
    hits = answerer.searcher.search_many([query], K_CHUNKS)[0]
    lexical = answerer.searcher.lexical
    added = around_best(answerer.index, lexical, query, hits, set())[len(hits) :]
    assert len(added) == BEST_ARTICLE_CHUNKS
    assert not {h.chunk_id for h in added} & {h.chunk_id for h in hits}


PLANT_ARTICLE = """---
id: iota-2065-04-15
title: Ribuan Pekerja Proyek Pembangkit Alpha Terlindungi
outlet: Iota
dated: 2065-04-15
---
Sejak konstruksi dimulai, kantor cabang mencatat 37 kecelakaan kerja di lokasi proyek pembangkit Alpha. Dua di antaranya mengakibatkan pekerja meninggal dunia.
"""
ROADS_ARTICLE = """---
id: kappa-2057-08-11
title: Kecelakaan Angkutan Tambang
outlet: Kappa
dated: 2057-08-11
---
Dari 412 kasus itu, 9 pekerja meninggal dunia.

Setahun sebelumnya, 7 pekerja meninggal dunia di jalan angkutan.

Pada 2055, 5 pekerja meninggal dunia di jalan yang sama.
"""


def test_a_follow_up_is_answered_from_the_article_before_however_many_others_say_as_much(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from bot.answer import candidates, compose

    engine = _engine_on(tmp_path, {"iota.md": PLANT_ARTICLE, "kappa.md": ROADS_ARTICLE})
    answerer = engine.answerer
    answerer.use_scorer(replace(answerer.scorer, threshold=0.0))  # the fake embedder's scores
    monkeypatch.setattr(candidates, "MAX_SCORED", 1)  # the others' windows fill the first look
    message = (
        "Berapa kecelakaan kerja di proyek pembangkit Alpha sejak konstruksi dimulai, "
        "dan berapa pekerja yang meninggal dunia?"
    )
    second = " ".join(p.text for p in engine.ask(message).parts_of(1))
    assert second.startswith("Dua di antaranya")
    monkeypatch.setattr(compose.Answerer, "_with_leaned", lambda self, q, h, ranked, lean: ranked)
    assert "Dua di antaranya" not in " ".join(p.text for p in engine.ask(message).parts_of(1))


def test_a_school_year_is_one_year_asked() -> None:
    glossary = parse_glossary(GLOSSARY)
    school = parse_question("Berapa penerima beasiswa tahun ajaran 2067/2068?", glossary)
    assert school.years == (2067,)
    two = parse_question("beasiswa tahun ajaran 2066/2067 dan tahun ajaran 2067/2068", glossary)
    assert two.years == (2066, 2067)
    assert parse_question("peserta 2066/2068 brp?", glossary).years == (2066, 2068)
    assert parse_question("peserta 2020 sm 2023 brp?", glossary).years == (2020, 2023)


AWARD_ARTICLE = """---
id: delta-2067-10-14
title: Kota Anu Juara Lomba Kepatuhan 2067
outlet: Delta
dated: 2067-10-14
---
PT Anu Raya memenangi Lomba Kepatuhan Jaminan Sosial 2067 kategori perusahaan skala menengah. Trofi diserahkan gubernur di Griya Agung, Kamis (13/10/2067).

Penghargaan lomba juga diberikan kepada perusahaan lain dengan rincian sebagai berikut:
Perusahaan Skala Besar: PT Sawit Makmur Jaya (perkebunan, Kabupaten Anu)
Perusahaan Skala Kecil: CV Tenun Indah (Kota Anu)

Gubernur mengapresiasi capaian kepesertaan jaminan sosial di provinsi itu.
"""


def test_an_item_of_a_list_whose_label_the_question_names_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"delta.md": AWARD_ARTICLE})
    a = engine.ask(
        "Perusahaan apa yang memenangi Lomba Kepatuhan 2067 kategori perusahaan skala besar?"
    )
    assert a.answered and "PT Sawit Makmur Jaya" in a.text
    assert "CV Tenun Indah" not in a.text


BLAST_ARTICLE = """---
id: epsilon-2067-04-14
title: Ahli Waris Korban Ledakan Tungku Terima Santunan
outlet: Epsilon
dated: 2067-04-14
---
BPJS Ketenagakerjaan menyerahkan santunan kepada ahli waris tiga pekerja yang tewas akibat ledakan tungku di Kawasan Industri Anu. Penyerahan berlangsung di Kantor Bupati Anu, Rabu (13/4/2067).

Ledakan terjadi pada Kamis (31/3/2067) dini hari, saat cairan logam panas menyembur ke area kerja.

Ahli waris juga berhak atas beasiswa pendidikan bagi anak-anak korban.
"""


def test_when_an_event_happened_is_the_date_told_with_the_event(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"epsilon.md": BLAST_ARTICLE})
    a = engine.ask("Kapan ledakan tungku di Kawasan Industri Anu terjadi?")
    assert a.answered and "31/3/2067" in a.text
    # the handing over is dated where it is told
    b = engine.ask("Kapan santunan untuk ahli waris korban ledakan tungku diserahkan?")
    assert b.answered and "13/4/2067" in b.text


BUS_ARTICLE = """---
id: eta-2068-04-20
title: Ahli Waris Korban Bus Terguling Terima Santunan
outlet: Eta
dated: 2068-04-20
---
BPJS Ketenagakerjaan menyerahkan santunan kepada ahli waris tiga karyawan PT Anu yang tewas dalam kecelakaan bus antar-jemput yang terguling di Kecamatan Anu. Penyerahan dilakukan di Kantor Bupati Anu, Kamis (19/4/2068).

Kecelakaan terjadi pada Sabtu (7/4/2068) sekitar pukul 05.40 WIB. Bus yang membawa 34 karyawan terguling ke parit setelah menghindari truk yang mogok.

Ahli waris juga berhak atas beasiswa pendidikan bagi anak-anak korban.
"""


def test_an_event_may_be_told_beside_the_sentence_that_dates_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"eta.md": BUS_ARTICLE})
    engine._answerer.use_scorer(replace(engine._answerer.scorer, threshold=0.0))
    a = engine.ask("Kapan bus karyawan PT Anu terguling di Kecamatan Anu?")
    assert a.answered and "7/4/2068" in a.text and "19/4/2068" not in a.text


HALF_YEAR_ARTICLE = """---
id: zeta-2067-07-15
title: Klaim Semester I 2067
outlet: Zeta
dated: 2067-07-15
---
Sepanjang Januari hingga Juni 2067, BPJS Ketenagakerjaan membayarkan klaim Jaminan Hari Tua (JHT) sebesar Rp1,34 triliun di Provinsi Anu.

Klaim itu naik dibanding semester I 2066.
"""


def test_a_whole_year_asked_is_not_answered_by_part_of_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"zeta.md": HALF_YEAR_ARTICLE})
    whole = engine.ask("Berapa total klaim JHT di Provinsi Anu sepanjang tahun 2067 penuh?")
    assert not whole.answered
    assert not engine.ask(
        "How much was the JHT claim in Provinsi Anu for the whole of 2067?"
    ).answered
    half = engine.ask("Berapa klaim JHT di Provinsi Anu pada semester I 2067?")
    assert half.answered and "Rp1,34 triliun" in half.text


ZAKAT_SITE_ARTICLE = """---
id: zakatku-2045-02-07
title: Zakatku Tanggung Iuran Mustahik di Kota Satu
outlet: Zakatku
dated: 2045-02-07
---
Zakatku Kota Satu menanggung iuran BPJS Ketenagakerjaan bagi 400 mustahik pekerja rentan.
"""

ZAKAT_NEWS_ARTICLE = """---
id: kabarsatu-2068-02-10
title: Zakatku OKU Timur Bayarkan Iuran Pekerja Keagamaan
outlet: KabarSatu.com
dated: 2068-02-10
---
Zakatku OKU Timur membayarkan iuran BPJS Ketenagakerjaan bagi 2.760 pekerja keagamaan. Dana \
yang disiapkan mencapai Rp556,4 juta.
"""


def test_an_organisation_that_runs_a_site_is_named_as_the_source_only_as_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"a.md": ZAKAT_SITE_ARTICLE, "b.md": ZAKAT_NEWS_ARTICLE})
    engine._answerer.use_scorer(replace(engine._answerer.scorer, threshold=0.0))
    a = engine.ask("Berapa dana yang disiapkan Zakatku OKU Timur untuk iuran pekerja keagamaan?")
    assert "Rp556,4 juta" in a.text  # the organisation, not its website
    a = engine.ask("di situs Zakatku, iuran BPJS Ketenagakerjaan ditanggung bagi berapa mustahik?")
    assert "400 mustahik" in a.text and "2.760" not in a.text


LISTED_CLAIMS_ARTICLE = """---
id: kabarlahat-2068-01-17
title: Klaim Cabang Sukamulya Naik
outlet: KabarLahat.com
dated: 2068-01-17
---
Kepala cabang merinci, klaim yang dibayarkan sepanjang 2067 adalah sebagai berikut:

Jaminan Hari Tua (JHT): Rp151,6 miliar untuk 11.904 kasus

Jaminan Kecelakaan Kerja (JKK): Rp14,2 miliar untuk 1.288 kasus

Sebagian besar klaim diajukan pekerja tambang. Kontrak mereka selesai tahun lalu. Semua klaim \
dibayar tepat waktu. Kantor cabang membuka layanan tambahan. Antrean pun berkurang. Peserta \
merasa terbantu.

Dari 1.288 kasus kecelakaan kerja, 17 di antaranya mengakibatkan pekerja meninggal dunia.
"""


def test_a_part_of_a_listed_figure_is_of_the_period_its_list_announces(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"a.md": LISTED_CLAIMS_ARTICLE})
    engine._answerer.use_scorer(replace(engine._answerer.scorer, threshold=0.0))
    a = engine.ask(
        "berapa kasus kecelakaan kerja yang bikin pekerja meninggal dunia sepanjang 2067?"
    )
    assert a.answered and "17 di antaranya" in a.text


def _article(aid: str, title: str, dated: str, body: str) -> str:
    return f"---\nid: {aid}\ntitle: {title}\noutlet: Gamma\ndated: {dated}\n---\n{body}\n"


HEADS = {
    "a.md": _article(
        "gamma-2069-07-17",
        "Gedung Baru Kantor Sukamulya Diresmikan",
        "2069-07-17",
        "Peresmian dilakukan Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagsel Ratna "
        "Dewi Sembiring bersama Bupati Sukamulya Budi Santoso, Selasa (16/7/2069).",
    ),
    "b.md": _article(
        "gamma-2069-01-22",
        "Rapat Kerja Kantor Wilayah Sumbagsel",
        "2069-01-22",
        "Capaian itu dipaparkan Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagsel Ratna "
        "Dewi Sembiring dalam rapat kerja, Senin (21/1/2069).\n\nRatna memimpin Kantor "
        "Wilayah Sumbagsel sejak 2 September 2068.",
    ),
    "c.md": _article(
        "gamma-2025-03-04",
        "Kepala Kantor Cabang Sukamulya Berganti",
        "2025-03-04",
        "Andi Wijaya resmi menjabat sebagai Kepala Kantor Cabang BPJS Ketenagakerjaan "
        "Sumbagsel terhitung sejak 3 Maret 2025.",
    ),
}


def test_a_follow_up_pointing_back_at_the_person_answered_is_about_that_person(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    engine = _engine_on(tmp_path, HEADS)
    a = engine.ask(
        "Siapa Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagsel dan sejak kapan dia menjabat?"
    )
    assert a.answered and len(a.asked) == 2
    who, since = ([p.text for p in a.parts if p.asked == i] for i in (0, 1))
    assert any("Ratna Dewi Sembiring" in t for t in who)
    # not from the article of another head who took office "sejak 3 Maret 2025"
    assert not any("3 Maret 2025" in t for t in since)
    assert all("2 September 2068" in t for t in since)


ACRONYM_ARTICLE = """---
id: cukur-2071-03-12
title: Iuran dari Kotak Paguyuban, 438 Tukang Cukur di Sukamulya Jadi Peserta
outlet: Epsilon
dated: 2071-03-12
---
Kartu peserta diserahkan Kepala BPJS Ketenagakerjaan Cabang Sukamulya, Budi Santoso, kepada pengurus Paguyuban Tukang Cukur Sukamulya (PTCS) di Kantor Dinas Tenaga Kerja, Rabu (11/3/2071).

"Iurannya Rp16.800 sebulan. Kalau dihitung, cukup dari 28 kepala saja," kata Ketua PTCS, Anu Wijaya (46).

Anu yang merantau dari Garut itu mengatakan mayoritas anggota paguyuban merupakan perantau.
"""


def test_an_office_named_by_an_acronym_its_article_spells_out_is_that_office(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = _engine_on(tmp_path, {"cukur.md": ACRONYM_ARTICLE})
    a = engine.ask("Siapa Ketua Paguyuban Tukang Cukur Sukamulya?")
    assert a.answered and "Anu Wijaya" in a.text
