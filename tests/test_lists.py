"""List windows, speakers and the order windows are looked at, as pure functions over
hand-made sentences."""

from __future__ import annotations

from dataclasses import replace

from bot.answer.candidates import _each_article_first
from bot.answer.lists import asked_ordinal, list_windows
from bot.answer.question import parse_question
from bot.answer.scoring import Scored, Weights
from bot.answer.windows import (
    antecedent,
    full_name_before,
    host_before,
    told_after,
    window_at,
    window_lead,
    with_continuation,
    with_items,
    with_speaker,
    with_teller,
)
from index.glossary import parse_glossary
from index.lexical import lexical_terms
from index.records import Article, Sentence

GLOSSARY = parse_glossary("")
NO_WEIGHTS = Weights({})  # no item of a run named by its words


def _sents(*texts: str) -> list[Sentence]:
    out, pos = [], 0
    for t in texts:
        out.append(Sentence("a", pos, pos + len(t), t))
        pos += len(t) + 1
    return out


def _terms(text: str) -> frozenset[str]:
    return frozenset(lexical_terms(text, GLOSSARY))


def test_announcement_then_enumeration_is_one_window() -> None:
    sents = _sents(
        "Kepala kantor membuka acara.",
        "Terdapat 5 program perlindungan bagi pekerja.",
        "Programnya yakni Jaminan Hari Tua, Jaminan Kecelakaan Kerja, Jaminan Kematian, "
        "Jaminan Pensiun, dan Jaminan Kehilangan Pekerjaan.",
        "Acara ditutup siang hari.",
    )
    q = parse_question("program perlindungan ada apa saja?", GLOSSARY)
    assert list_windows(q, NO_WEIGHTS, (1,), sents, "", _terms) == [[1, 2]]
    assert list_windows(q, NO_WEIGHTS, (2,), sents, "", _terms) == [[1, 2]]


def test_ordinal_run_with_its_announcement_one_window_each() -> None:
    sents = _sents(
        "Kanwil fokus pada 3 hal untuk menambah kepesertaan.",
        "Pertama, ekosistem desa.",
        "Ini penting bagi petani.",
        "Kedua, ekosistem pasar.",
        "Ketiga, pekerja miskin.",
        "Lain kali dibahas lagi.",
    )
    q = parse_question("kanwil fokus pada hal apa saja?", GLOSSARY)
    assert list_windows(q, NO_WEIGHTS, (3,), sents, "", _terms) == [[0], [1], [3], [4]]
    # One item named by its place in the run is answered by that item alone.
    for asked in ("fokus ketiga kanwil itu apa saja?", "fokus ke-3 apa aja?", "fokus yg ke 3 apa"):
        third = parse_question(asked, GLOSSARY)
        assert list_windows(third, NO_WEIGHTS, (4, 5), sents, "", _terms) == [[4, 5]]
    # The whole run still, when the best window is another item than the one named.
    assert list_windows(third, NO_WEIGHTS, (3,), sents, "", _terms) == [[0], [1], [3], [4]]
    # "Pertama kali" is the first time, "kedua program" both programs, "ke 3 kabupaten" to three.
    for whole in (
        "apa saja yang disiapkan saat pertama kali daftar?",
        "kedua program itu apa saja manfaatnya?",
        "dana disalurkan ke 3 kabupaten mana saja?",
    ):
        assert asked_ordinal(parse_question(whole, GLOSSARY).words) is None


def test_an_item_named_by_its_own_words_is_answered_with_what_its_paragraph_says() -> None:
    article, sents = _article_of(
        ("Kanwil fokus pada 3 hal.", "Pertama, ekosistem desa.", "Ini penting bagi petani."),
        ("Kedua, usaha kecil dan e-commerce.", "Kerja sama dengan bank daerah.", "Ketiga, pasar."),
        ("Acara ditutup siang hari.",),
    )
    q = parse_question("bank apa aja utk fokus usaha kecil & e-commerce?", GLOSSARY)
    weights = Weights({t: 1.0 for t in q.terms})
    named = list_windows(q, weights, (3,), sents, article.body, _terms)
    assert named == [[3, 4]]  # to its paragraph's end, not into the next item
    # the first item: up to the next item in its paragraph
    village = parse_question("fokus ekosistem desa itu buat siapa aja?", GLOSSARY)
    weights = Weights({t: 1.0 for t in village.terms})
    assert list_windows(village, weights, (1,), sents, article.body, _terms) == [[1, 2]]
    # words every item or the announcement has name no item, nor does an ordinal ("ketiga
    # hal itu" is all three): the whole run
    for asked in ("kanwil fokus pada hal apa saja?", "apa saja ketiga hal itu?"):
        whole = parse_question(asked, GLOSSARY)
        weights = Weights({t: 1.0 for t in whole.terms})
        assert list_windows(whole, weights, (3,), sents, article.body, _terms) == [
            [0],
            [1],
            [3],
            [5],
        ]


def test_unrelated_run_is_not_taken_for_the_list() -> None:
    sents = _sents(
        "Gubernur meresmikan jembatan.",
        "Pertama, jalan diperbaiki.",
        "Kedua, lampu dipasang.",
        "Program perlindungan dibahas kemudian.",
    )
    q = parse_question("program perlindungan ada apa saja?", GLOSSARY)
    assert list_windows(q, NO_WEIGHTS, (3,), sents, "", _terms) == [[3]]


def _window(sents: list[Sentence], *positions: int, article: str = "a") -> Scored:
    text = " ".join(s.text for s in sents)
    body = Article(article, "Kabar", "Outlet", None, None, "", None, "", text)
    return window_at(Scored(body, (), (), 0.5, 0.5, 0.5), sents, list(positions))


def test_a_quote_said_by_him_comes_with_the_sentence_naming_the_speaker() -> None:
    sents = _sents(
        "Menurut Deputi Direktur Arief Budiarto, ada 7.952 kepesertaan di wilayah itu.",
        "“Cakupan sebesar 36 persen peserta,” ucapnya, di depan gubernur.",
        "“Targetnya 50 persen,” ujarnya.",
    )
    assert with_speaker(_window(sents, 1), sents).positions == (0, 1)
    # the sentence before names no one: the quote alone
    assert with_speaker(_window(sents, 2), sents).positions == (2,)
    # a quote naming its speaker, or said by "him" only in a later sentence: as it is
    named = _sents("Kata Arief Budiarto di acara.", "“Targetnya 50 persen,” kata Yose Rizal.")
    assert with_speaker(_window(named, 1), named).positions == (1,)
    later = _sents(
        "Gubernur Herman Deru membuka acara.",
        "Menurut Arief Budiarto, cakupan naik.",
        "“Targetnya 50 persen,” ujarnya.",
    )
    assert with_speaker(_window(later, 1, 2), later).positions == (1, 2)
    # an organisation is no speaker
    office = _sents("Kantor Wilayah Sumbagsel mencatat kenaikan.", "“Naik,” ujarnya.")
    assert with_speaker(_window(office, 1), office, frozenset({"sumbagsel"})).positions == (1,)


def test_newest_first_looks_at_every_articles_best_window_before_any_second() -> None:
    sents = _sents("Satu.", "Dua.", "Tiga.")
    looked = [
        (_window(sents, 0, article="old"), 1.0),
        (_window(sents, 1, article="old"), 0.9),
        (_window(sents, 2, article="old"), 0.8),
        (_window(sents, 0, article="new"), 0.1),
        (_window(sents, 1, article="new"), 0.1),
    ]
    order = [(s.article.id, s.positions[0]) for s, _ in _each_article_first(looked, _far)]
    assert order == [("old", 0), ("new", 0), ("old", 1), ("new", 1), ("old", 2)]


def _far(scored: Scored) -> bool:
    return False


def test_the_newest_articles_best_window_is_looked_at_first_when_close_to_the_best() -> None:
    from datetime import date

    sents = _sents("Satu.", "Dua.")

    def dated(article: str, year: int, *positions: int) -> Scored:
        window = _window(sents, *positions, article=article)
        return replace(window, article=replace(window.article, dated=date(year, 1, 1)))

    headline = replace(dated("new", 2061, 0), sentences=(Sentence("new", -1, -1, "Judul."),))
    looked = [
        (dated("old", 2041, 0), 1.0),
        (dated("older", 2040, 0), 0.9),
        (headline, 0.5),
        (dated("new", 2061, 1), 0.5),
        (dated("far", 2062, 0), 0.1),
    ]
    close = lambda s: s.article.id != "far"  # noqa: E731
    order = [(s.article.id, s.title) for s, _ in _each_article_first(looked, close)]
    # among those close to the best, newest first; a headline beside its article's best
    # sentence, not in its place
    assert order == [
        ("new", True),
        ("new", False),
        ("old", False),
        ("older", False),
        ("far", False),
    ]


def test_the_windows_scored_are_the_best_that_meet_the_questions_constraints() -> None:
    from types import SimpleNamespace

    from bot.answer.candidates import MAX_LOOKED, MAX_SCORED, TIMED_LOOK, CandidateFinder

    sents = _sents("Satu.", "Dua.")
    count = MAX_LOOKED * TIMED_LOOK + 10
    looked = [(_window(sents, 0, article=f"a{i}"), 1.0) for i in range(count)]
    finder = CandidateFinder(None, None, None, None, None, None, None)  # type: ignore[arg-type]
    q = SimpleNamespace(years=(), months=(), people=())
    # only every fifth window meets the constraints: the first MAX_SCORED of those are scored
    finder._admissible = lambda q, s: int(s.article.id[1:]) % 5 == 0  # type: ignore[method-assign]
    admitted, seen = finder._admitted(q, looked)  # type: ignore[arg-type]
    assert [s.article.id for s, _ in admitted][:3] == ["a0", "a5", "a10"]
    assert len(admitted) == min(MAX_SCORED, -(-MAX_LOOKED // 5)) and seen <= MAX_LOOKED
    # all meet them: the first MAX_SCORED, and the look ends there
    finder._admissible = lambda q, s: True  # type: ignore[method-assign]
    admitted, seen = finder._admitted(q, looked)  # type: ignore[arg-type]
    assert len(admitted) == MAX_SCORED == seen
    # none meets them: no more than MAX_LOOKED windows are checked, TIMED_LOOK times as many
    # for a question naming a year
    finder._admissible = lambda q, s: False  # type: ignore[method-assign]
    assert finder._admitted(q, looked) == ([], MAX_LOOKED)  # type: ignore[arg-type]
    timed = SimpleNamespace(years=(2049,), months=(), people=())
    checked = []
    finder._admissible = lambda q, s: checked.append(s) and False  # type: ignore[method-assign]
    # ... of which those past MAX_LOOKED are checked only when they may be of 2049 (these
    # undated windows naming no year are not, and do not count: all are passed over)
    assert finder._admitted(timed, looked) == ([], count)  # type: ignore[arg-type]
    assert len(checked) == MAX_LOOKED
    # windows of the year asked far down the order are still checked, up to the limit
    of_2049 = [(_window(_sents("Pada 2049 naik."), 0, article=f"b{i}"), 0.5) for i in range(count)]
    checked.clear()
    finder._admitted(timed, looked + of_2049)  # type: ignore[arg-type]
    assert len(checked) == MAX_LOOKED * TIMED_LOOK
    assert all("2049" in s.text for s in checked[MAX_LOOKED:])
    # so are the windows of articles naming a person asked, past the others
    named = SimpleNamespace(years=(), months=(), people=("Anu Wijaya",))
    of_anu = [
        (_window(_sents("Anu Wijaya menjabat sejak 2049."), 0, article=f"c{i}"), 0.5)
        for i in range(count)
    ]
    checked.clear()
    finder._admitted(named, looked + of_anu)  # type: ignore[arg-type]
    assert len(checked) == MAX_LOOKED * TIMED_LOOK
    assert all("Anu Wijaya" in s.text for s in checked[MAX_LOOKED:])


def _article_of(*paragraphs: tuple[str, ...]) -> tuple[Article, list[Sentence]]:
    """An article of paragraphs of sentences, with its sentences' offsets into its body."""
    body, sents = "", []
    for i, paragraph in enumerate(paragraphs):
        body += "\n\n" if i else ""
        for j, t in enumerate(paragraph):
            body += " " if j else ""
            sents.append(Sentence("a", len(body), len(body) + len(t), t))
            body += t
    return Article("a", "Kabar", "Outlet", None, None, "", None, "", body), sents


def _at(article: Article, sents: list[Sentence], *positions: int) -> Scored:
    return window_at(Scored(article, (), (), 0.5, 0.5, 0.5), sents, list(positions))


def test_a_quote_is_shown_to_its_end_within_its_paragraph() -> None:
    article, sents = _article_of(
        (
            "“Bagi pekerja miskin, belum ada aturan untuk dilindungi.",
            "Kami mengajak pemda menyisihkan anggaran.",
            "Beberapa daerah sudah memulainya,” kata Anu.",
            "Ia berbicara di Palembang.",
        ),
        ("“Kami siap.", "Semua bisa ikut,” ujarnya."),
    )
    # up to the sentence closing the quote, not past it
    assert with_continuation(_at(article, sents, 0), sents).positions == (0, 1, 2)
    # inside the quote its paragraph opened: to its end too
    assert with_continuation(_at(article, sents, 1), sents).positions == (1, 2)
    # not when the quote does not close within QUOTE_REACH sentences, nor in the paragraph
    longer, lsents = _article_of(
        ("“Satu.", "Dua.", "Tiga.", "Empat,” kata Anu."),
    )
    assert with_continuation(_at(longer, lsents, 0), lsents).positions == (0,)
    # a window holding only the closing mark of a quote its paragraph opened opens none
    inside, isents = _article_of(
        ('"Satu.', 'Dua," kata Anu.', "Tiga.", "Empat."),
    )
    assert with_continuation(_at(inside, isents, 1), isents).positions == (1,)
    apart, asents = _article_of(("“Bagi pekerja miskin, belum ada aturan.",), ("Lain.",))
    assert with_continuation(_at(apart, asents, 0), asents).positions == (0,)
    assert with_continuation(_at(article, sents, 4), sents).positions == (4, 5)


def test_a_figure_said_of_the_paragraph_before_comes_with_it() -> None:
    article, sents = _article_of(
        ("Cakupan di provinsi itu mencapai 81,4 persen.", "Sebanyak 1,34 juta pekerja aktif."),
        ("Angka itu naik dari 79,8 persen pada akhir 2037.",),
    )
    window = _at(article, sents, 2)
    assert window_lead(window).startswith("Cakupan di provinsi itu")  # what it counts
    assert with_continuation(window, sents).positions == (0, 1, 2)
    # past a subheading between them
    headed, hsents = _article_of(
        ("Cakupan di provinsi itu mencapai 81,4 persen.",),
        ("Naik Tiap Tahun",),
        ("Angka itu naik dari 79,8 persen pada akhir 2037.",),
    )
    assert window_lead(_at(headed, hsents, 2)).startswith("Cakupan di provinsi itu")
    assert with_continuation(_at(headed, hsents, 2), hsents).positions == (0, 1, 2)
    # inside a paragraph, the sentence before is what it refers to
    inside, inner = _article_of(
        ("Cakupan 81,4 persen.", "Angka itu naik dari 79,8 persen."),
    )
    assert window_lead(_at(inside, inner, 1)) == "Cakupan 81,4 persen."


def test_a_paragraph_announcing_a_list_with_a_full_stop_leads_its_items() -> None:
    article, sents = _article_of(
        ("Sepanjang semester I 2059, klaim dibayarkan sebesar Rp1,17 triliun.",
         "Rinciannya sebagai berikut."),
        ("Jaminan Hari Tua (JHT): Rp962,4 miliar.",),
        ("Jaminan Pensiun (JP): Rp51,7 miliar.",),
    )  # fmt: skip
    assert "semester I 2059" in window_lead(_at(article, sents, 2))
    assert "semester I 2059" in window_lead(_at(article, sents, 3))  # past the item above
    # a paragraph ending with any other sentence announces nothing
    plain, psents = _article_of(
        ("Klaim dibayarkan sebesar Rp1,17 triliun.",), ("Jaminan Hari Tua (JHT): Rp962,4 miliar.",)
    )
    assert window_lead(_at(plain, psents, 1)) == ""


def test_a_list_of_winners_by_category_is_led_by_the_paragraph_announcing_it() -> None:
    article, sents = _article_of(
        ("Penghargaan juga diberikan kepada perusahaan dengan rincian sebagai berikut:",),
        ("Perusahaan Skala Besar: PT Sumber Lestari (perkebunan karet, OKU)",),
        ("Perusahaan Skala Menengah: PT Tirta Sejahtera (air minum, Pagar Alam)",),
    )
    assert "rincian sebagai berikut" in window_lead(_at(article, sents, 1))
    assert "rincian sebagai berikut" in window_lead(_at(article, sents, 2))  # past the first
    # a sentence with a colon and no list above it announces nothing
    plain, psents = _article_of(("Ia berkata begini.",), ("Pesannya: Daftarlah segera.",))
    assert window_lead(_at(plain, psents, 1)) == ""


def test_list_items_without_a_full_stop_may_be_long_lines() -> None:
    article, sents = _article_of(
        ("Serikat menyerahkan lima tuntutan tertulis, yaitu:",),
        ("Penegakan sanksi tidak mendapat pelayanan publik tertentu bagi perusahaan yang "
         "menunggak iuran lebih dari tiga bulan",),
        ("Posko pengaduan bersama di setiap kantor cabang",),
        ("Sekretaris serikat menyebutkan, posko pengaduan serikat menerima 217 laporan pekerja "
         "yang upahnya dilaporkan lebih rendah dari upah sebenarnya.",),
    )  # fmt: skip
    assert with_items(_at(article, sents, 0), sents).positions == (0, 1, 2)
    # a quote after the list ends it
    quoted, qsents = _article_of(
        ("Serikat menyerahkan dua tuntutan, yaitu:",),
        ("Posko pengaduan bersama di setiap kantor cabang",),
        ("“Kami menunggu jawaban kantor wilayah dalam waktu satu bulan ke depan ini,” ujarnya”",),
        ("Ketua serikat menyebut ada 217 laporan.",),
    )
    assert with_items(_at(quoted, qsents, 0), qsents).positions == (0, 1, 2)


def test_someone_named_by_one_word_is_named_whole_by_the_sentence_before() -> None:
    article, sents = _article_of(
        ("Perjanjian ditandatangani Kepala Kantor Cabang Dimas Anggara Wicaksono di Muara.",),
        ("Iuran dibayarkan dari APBD.",),
        ("Dimas resmi menjabat Kepala Kantor Cabang sejak 4 Januari 2038.",),
    )
    named = full_name_before(_at(article, sents, 2), sents)
    assert named is not None and named.positions == (0,)
    # a window opening with a whole name, or with no one, needs no other sentence
    other, more = _article_of(
        ("Kepala Kantor Cabang Budi Santoso menjabat sejak 2030.",),
        ("Kini Kepala Kantor Cabang dijabat Andi Budi.",),
        ("Andi Budi resmi menjabat sejak 2038.",),
    )
    assert full_name_before(_at(other, more, 1), more) is None
    assert full_name_before(_at(other, more, 2), more) is None


def test_a_point_named_in_a_few_words_comes_with_what_it_covers() -> None:
    from bot.answer.windows import with_point_told

    article, sents = _article_of(
        ("Pihaknya fokus pada 4 hal.", "Pertama, ekosistem desa.", "Karena pekerja ada di desa."),
        ("Mereka ingin memastikan perangkat desa dan petani terlindungi.", "Kedua, pasar."),
    )
    # to the end of its paragraph, no further
    assert with_point_told(_at(article, sents, 0, 1), sents).positions == (0, 1, 2)
    # a sentence that is no point is left as it is
    assert with_point_told(_at(article, sents, 2), sents).positions == (2,)
    long_point = (
        "Pertama, pihaknya fokus pada ekosistem desa karena sebagian besar pekerja informal "
        "tinggal dan bekerja di desa.",
        "Mereka ingin memastikan perangkat desa terlindungi.",
    )
    told, tsents = _article_of(long_point)
    assert with_point_told(_at(told, tsents, 0), tsents).positions == (0,)
    sides, ssents = _article_of(("Kedua belah pihak menandatangani nota.", "Isinya tiga hal."))
    assert with_point_told(_at(sides, ssents, 0), ssents).positions == (0,)  # no point


def test_a_sentence_announcing_a_count_of_points_comes_with_the_points() -> None:
    from bot.answer.windows import with_points_listed

    article, sents = _article_of(
        ("Pekerja dapat mendaftar melalui tiga cara.",),
        ("Pertama, melalui aplikasi di ponsel.",),
        ("Kedua, melalui posko di kantor dinas.",),
        ("Ketiga, melalui kantor kelurahan.",),
        ("Ketua komunitas menyambut baik program itu.",),
    )
    assert with_points_listed(_at(article, sents, 0), sents).positions == (0, 1, 2, 3)
    # a sentence that announces no count, or one not followed by the points, stays alone
    plain, more = _article_of(
        ("Pekerja dapat mendaftar melalui aplikasi.",),
        ("Pertama, siapkan KTP.",),
        ("Kedua, isi formulir.",),
    )
    assert with_points_listed(_at(plain, more, 0), more).positions == (0,)
    assert with_points_listed(_at(article, sents, 4), sents).positions == (4,)
    # the announcing sentence last in its article
    last, lsents = _article_of(
        ("Ketua menyambut baik.",), ("Pekerja dapat mendaftar melalui tiga cara.",)
    )
    assert with_points_listed(_at(last, lsents, 1), lsents).positions == (1,)
    # a point with a sentence more of its paragraph
    told, tsents = _article_of(
        ("Pekerja dapat mendaftar melalui dua cara.",),
        ("Pertama, melalui aplikasi.", "Aplikasi itu gratis."),
        ("Kedua, melalui kantor kelurahan.",),
        ("Ketua menyambut baik.",),
    )
    assert with_points_listed(_at(told, tsents, 0), tsents).positions == (0, 1, 2, 3)


def test_list_items_each_ending_a_sentence_run_to_the_articles_own_text() -> None:
    article, sents = _article_of(
        ("JKP merupakan program bagi pekerja yang terkena PHK.", "Berikut manfaatnya:"),
        ("Uang tunai sebesar 60 persen dari upah selama enam bulan, dengan batas atas upah.",),
        ("Akses informasi pasar kerja.",),
        ("Pelatihan kerja secara gratis.",),
        ("Selain JKP, buruh juga dapat mencairkan saldo JHT setelah masa tunggu satu bulan.",),
    )
    assert with_items(_at(article, sents, 1), sents).positions == (1, 2, 3, 4)


def test_which_districts_is_answered_by_districts_named_by_their_title() -> None:
    from types import SimpleNamespace

    from bot.answer.candidates import CandidateFinder

    q = parse_question("kabupaten mana saja yang ikut?", parse_glossary(""))
    scorer = SimpleNamespace(fits=lambda q, text: True)
    no_gazetteer = lambda text: frozenset()  # noqa: E731
    finder = CandidateFinder(None, scorer, None, None, _terms, None, no_gazetteer)  # type: ignore[arg-type]
    two = _window(_sents("Peserta dari Kabupaten Wanagiri dan Kabupaten Tirta Hulu."), 0)
    one = _window(_sents("Peserta dari Kabupaten Wanagiri dan beberapa kabupaten lain."), 0)
    assert finder._admissible(q, two) and not finder._admissible(q, one)


def test_a_list_announced_by_a_colon_is_the_answer() -> None:
    sents = _sents(
        "Pemkab menanggung iuran bagi 18.500 pekerja rentan.",
        "Mereka didaftarkan dalam dua program, yakni JKK dan JKM.",
        "Rincian penerima iuran:",
        "Nelayan: 7.240 orang",
        "Petani dan buruh tani: 6.115 orang",
        "Pedagang kecil: 2.285 orang",
        "Menurut bupati, nelayan di tiga kecamatan pesisir menjadi prioritas karena risiko "
        "kecelakaan kerja di laut paling tinggi.",
    )
    q = parse_question("apa saja kelompok penerima iuran?", GLOSSARY)
    assert list_windows(q, NO_WEIGHTS, (0,), sents, "", _terms) == [[2]]
    assert with_items(_window(sents, 2), sents).positions == (2, 3, 4, 5)  # its items join it
    # a window that names its list itself is the answer
    assert list_windows(q, NO_WEIGHTS, (1,), sents, "", _terms) == [[1]]
    # a list announced about something else is not
    other = parse_question("apa saja program untuk nelayan?", GLOSSARY)
    assert list_windows(other, NO_WEIGHTS, (6,), sents, "", _terms) == [[6]]


def test_a_window_writing_the_year_asked_is_looked_at_before_better_matches() -> None:
    from bot.answer.candidates import looking_order

    sents = _sents(
        "Pemkab menanggung iuran 11.380 pekerja rentan selama tahun ini.",
        "Jumlah itu naik dibanding 2054 yang hanya 7.450 pekerja.",
    )
    looked = [(_window(sents, 0), 0.5), (_window(sents, 1), 0.4)]
    share = {0: 0.5, 1: 0.2}  # the first matches better, within YEAR_LOOK

    def order(years: tuple[int, ...]) -> list[int]:
        ordered = looking_order(looked, lambda s: share[s.positions[0]], years)
        return [s.positions[0] for s, _ in ordered]

    assert order(()) == [0, 1]
    assert order((2054,)) == [1, 0]
    assert order((2053,)) == [0, 1]


def test_the_parts_of_a_whole_answer_a_list_of_what_it_counts() -> None:
    sents = _sents(
        "Pemkot mendaftarkan 3.726 pekerja informal sebagai peserta.",
        "Peluncuran dilakukan wali kota di kawasan wisata.",
        "Iuran bagi ribuan pekerja itu dianggarkan Rp751,2 juta untuk 12 bulan.",
        "Wali kota merinci, penerima terdiri atas 2.184 pemetik teh, 968 petani kopi, 318 "
        "porter, serta 256 pedagang.",
    )
    q = parse_question("kelompok pekerja apa saja yang didaftarkan?", GLOSSARY)
    assert list_windows(q, NO_WEIGHTS, (0,), sents, "", _terms) == [[0], [3]]
    # counts that add up to another figure are no parts of this one, nor are amounts, lengths
    # or numbers written otherwise
    for text in (
        "Penerima terdiri atas 2.184 pemetik teh dan 968 petani kopi.",
        "Iuran Rp1.726 sebulan dan Rp2.000 setahun.",
        "Program berjalan 1.726 hari ditambah 2.000 hari.",
        "Pasal 1,2,3 dan pasal 3.723 berlaku.",
    ):
        other = [*sents[:3], _sents(text)[0]]
        assert list_windows(q, NO_WEIGHTS, (0,), other, "", _terms) == [[0]]


def test_a_window_listing_items_itself_is_not_answered_by_a_run_nearby() -> None:
    sents = _sents(
        "Kepala kanwil fokus pada 3 hal.",
        "Pertama, ekosistem desa.",
        "Kedua, ekosistem pasar.",
        "Ketiga, pekerja miskin.",
        "Wakil kepala menambahkan, terdapat 3 program perlindungan bagi pekerja.",
        "Tiga program itu yakni Jaminan Hari Tua, Jaminan Kematian, dan Jaminan Pensiun.",
    )
    q = parse_question("apa saja program perlindungan yang disampaikan wakil kepala?", GLOSSARY)
    assert list_windows(q, NO_WEIGHTS, (4, 5), sents, "", _terms) == [[4, 5]]
    # a list of something else in the best window does not keep the run from answering
    mixed = _sents(
        "Kepala kanwil fokus pada 3 hal.",
        "Pertama, ekosistem desa.",
        "Perangkat desa, BPD, RT, dan RW akan dilindungi.",
        "Kedua, ekosistem pasar.",
        "Ketiga, pekerja miskin.",
    )
    fokus = parse_question("fokus kepala kanwil apa saja?", GLOSSARY)
    assert list_windows(fokus, NO_WEIGHTS, (1, 2), mixed, "", _terms) == [[0], [1], [3], [4]]
    # the run answers when the best window only announces it
    run = parse_question("kepala kanwil fokus pada hal apa saja?", GLOSSARY)
    assert list_windows(run, NO_WEIGHTS, (0,), sents, "", _terms) == [[0], [1], [2], [3]]


def test_a_counter_weighs_as_the_noun_it_counts() -> None:
    from types import SimpleNamespace

    from bot.answer.candidates import CandidateFinder

    idf = {"orang": 1.5, "kerja": 0.2, "lindung": 0.5}
    index = SimpleNamespace(lexical=SimpleNamespace(idf=idf.__getitem__))
    known = idf.__contains__
    finder = CandidateFinder(index, None, known, None, None, None, None)  # type: ignore[arg-type]
    q = parse_question("berapa orang pekerja yang terlindungi?", GLOSSARY)
    assert q.counters == (("orang", "kerja"),)
    assert finder.weights(q).idf == {"orang": 0.2, "kerja": 0.2, "lindung": 0.5}
    # counting no noun after it in a question naming no people ("yg udh terlindungi brp
    # org?"), it weighs as the lightest other term
    alone = parse_question("yang terlindungi berapa orang?", GLOSSARY)
    assert alone.counters == (("orang", ""),)
    assert finder.weights(alone).idf == {"orang": 0.5, "lindung": 0.5}
    named = parse_question("pekerja yang terlindungi berapa orang?", GLOSSARY)
    assert finder.weights(named).idf["orang"] == 1.5  # the workers' count, "in orang"
    lone = parse_question("berapa orang?", GLOSSARY)
    assert finder.weights(lone).idf == {"orang": 1.5}  # nothing else to weigh as
    # "how much pension money": in a question asking an amount, "uang" is what it is written in
    money = {"uang": 3.2, "pensiun": 3.0, "bayar": 1.6}
    index = SimpleNamespace(lexical=SimpleNamespace(idf=money.__getitem__))
    finder = CandidateFinder(index, None, money.__contains__, None, None, None, None)  # type: ignore[arg-type]
    paid = parse_question("berapa uang pensiun yang dibayar?", GLOSSARY)
    assert paid.unit == "uang" and finder.weights(paid).idf == {**money, "uang": 1.6}
    # "tanggal berapa" asks a date, which answers write "(16/11)": the word weighs no more
    # than the lightest other; "bulan apa" keeps "bulan" ("hingga bulan Oktober")
    timed = {"audiensi": 1.9, "gubernur": 0.7, "tanggal": 2.5, "bulan": 3.0}
    index = SimpleNamespace(lexical=SimpleNamespace(idf=timed.__getitem__))
    finder = CandidateFinder(index, None, timed.__contains__, None, None, None, None)  # type: ignore[arg-type]
    dated = parse_question("audiensi dengan gubernur itu tanggal berapa?", GLOSSARY)
    assert finder.weights(dated).idf == {"audiensi": 1.9, "gubernur": 0.7, "tanggal": 0.7}
    month = parse_question("audiensi dengan gubernur itu bulan apa?", GLOSSARY)
    assert finder.weights(month).idf["bulan"] == 3.0


def test_a_window_telling_what_a_point_covers_comes_with_the_point() -> None:
    article, sents = _article_of(
        ("Kepala kanwil fokus pada 2 hal.",),
        (
            "Pertama, ekosistem desa.",
            "Karena sebagian pekerja ada di desa.",
            "Mereka ingin memastikan perangkat desa, BPD, RT, RW, dan petani terlindungi.",
        ),
        ("Kedua, ekosistem pasar.", "Mereka ingin pedagang, kuli, dan juru parkir terlindungi."),
    )
    q = parse_question("fokus yang ingin RT dan RW dilindungi itu apa namanya?", GLOSSARY)
    body = article.body
    assert list_windows(q, NO_WEIGHTS, (2, 3), sents, body, _terms) == [[1, 2, 3]]
    # not across a paragraph, nor to a sentence that does not refer back
    apart, split = _article_of(
        ("Pertama, ekosistem desa.",),
        ("Mereka ingin memastikan perangkat desa, BPD, RT, RW, dan petani terlindungi.",),
    )
    assert list_windows(q, NO_WEIGHTS, (1,), split, apart.body, _terms) == [[1]]
    assert list_windows(q, NO_WEIGHTS, (5,), sents, body, _terms) == [[4, 5]]
    told, plain = _article_of(("Pertama, ekosistem desa.", "Perangkat desa, BPD, dan RT ikut."))
    assert list_windows(q, NO_WEIGHTS, (1,), plain, told.body, _terms) == [[1]]
    # a window listing nothing after a point: the whole run ("fokusnya apa aja?")
    runs, points = _article_of(
        ("Ada dua fokus.",),
        ("Pertama, ekosistem desa.", "Mereka akan didaftarkan."),
        ("Kedua, ekosistem pasar.",),
    )
    whole = list_windows(q, NO_WEIGHTS, (2,), points, runs.body, _terms)
    assert whole == [[0], [1], [3]]


def test_a_part_taken_of_a_figure_is_placed_by_the_sentence_stating_that_figure() -> None:
    article, sents = _article_of(
        ("Pada semester I, tercatat 412 kasus kecelakaan kerja di Kabupaten Alpha.",),
        ("Pada periode yang sama tahun lalu, jumlahnya 376 kasus.",),
        ("Berdasarkan sektor, kasus tersebar sebagai berikut:",),
        ("Perkebunan: 168 kasus",),
        ("Konstruksi: 244 kasus",),
        ("Dari 412 kasus tersebut, 11 pekerja meninggal dunia.",),
    )
    # however far back: the sentence stating 412 places it (in time and space)
    assert antecedent(_at(article, sents, 5)).startswith("Pada semester I, tercatat 412")
    # not a figure that only begins the same way ("4.120"), a year, or a sentence taking no part
    other, osents = _article_of(("Ada 4.120 kasus.",), ("Dari 412 kasus tersebut, 11 fatal.",))
    assert antecedent(_at(other, osents, 1)) == ""
    years, ysents = _article_of(("Sejak 2019 naik.",), ("Dari 2019 hingga 2023 itu, 11 fatal.",))
    assert antecedent(_at(years, ysents, 1)) == ""
    plain, psents = _article_of(("Ada 412 kasus.",), ("Sebanyak 11 pekerja meninggal.",))
    assert antecedent(_at(plain, psents, 1)) == ""


def test_a_list_question_naming_several_places_wants_the_run() -> None:
    from bot.answer.lists import _one_ordinal

    several = ("dari", "4", "fokus", "yang", "ketiga", "sama", "yang", "keempat")
    assert asked_ordinal(several) == 3 and _one_ordinal(several) is None
    joined = ("fokus", "ke", "3", "sama", "ke", "4", "bpjs")
    assert asked_ordinal(joined) == 3 and _one_ordinal(joined) is None
    assert _one_ordinal(("fokus", "4", "hal", "yang", "ketiga", "apa")) == 3
    assert _one_ordinal(("fokus", "ketiga", "atau", "fokus", "ketiga")) == 3  # one place
    assert asked_ordinal(("fokus", "4", "hal", "yang", "ketiga", "apa")) == 3
    assert asked_ordinal(("fokus", "empat", "hal", "yang", "ketiga", "apa")) == 3
    # "yang <ordinal>" names a place in a list only after the list is counted
    assert asked_ordinal(("siapa", "yang", "pertama", "daftar")) is None
    assert asked_ordinal(("program", "2025", "yang", "pertama", "apa")) is None


def test_an_item_of_an_announced_list_is_answered_with_the_whole_list() -> None:
    article, sents = _article_of(
        ("Penghargaan diserahkan gubernur di Palembang.",),
        ("Berikut daftar lengkap pemenang penghargaan tahun ini:",),
        ("Perusahaan Skala Besar: PT Alpha Bara Nusantara (Muara Enim)",),
        ("Perusahaan Skala Menengah: PT Beta Sawit Sejahtera (Ogan Ilir)",),
        ("Usaha Mikro dan Kecil: Rumah Produksi Gamma (Palembang)",),
        ("Bupati mengatakan, cakupan kepesertaan BPJS Ketenagakerjaan di kabupatennya pada "
         "akhir tahun lalu mencapai 61,37 persen, naik dari 47,9 persen setahun sebelumnya.",),
    )  # fmt: skip
    q = parse_question("perusahaan apa saja yang menang penghargaan?", GLOSSARY)
    assert list_windows(q, NO_WEIGHTS, (3,), sents, article.body, _terms) == [[1]]
    assert with_items(_at(article, sents, 1), sents).positions == (1, 2, 3, 4)
    # an item line with no announcement before it is its own answer
    plain, psents = _article_of(*((s.text,) for s in sents[2:]))
    assert list_windows(q, NO_WEIGHTS, (1,), psents, plain.body, _terms) == [[1]]


def test_who_told_a_figure_is_the_sentence_after_it_pointing_back() -> None:
    sents = _sents(
        "Dari 3 juta pekerja, baru 1,3 juta yang terlindungi.",
        "Kondisi terkini pekerja ini disampaikan Kepala Kanwil Budi Santoso kepada gubernur.",
        "Selain itu, disampaikan pula oleh Kepala Dinas Anu soal pelatihan.",
    )
    assert told_after(sents, 0) == [1]
    assert with_teller(_window(sents, 0), sents).positions == (0, 1)
    assert with_teller(_window(sents, 1), sents).positions == (0, 1)
    # "Selain itu, ..." goes on to something else: no teller of the sentence before
    assert told_after(sents, 1) == []


def test_ranks_asked_by_number_are_answered_by_the_run_of_ranks() -> None:
    sents = _sents(
        "Kota Anu meraih juara pertama lomba kepatuhan 2067.",
        "Trofi diserahkan gubernur.",
        "Peringkat kedua diraih Kabupaten Itu, sedangkan Kabupaten Sana di peringkat ketiga.",
    )
    for asked in (
        "daerah mana saja juara satu sampai tiga lomba kepatuhan 2067?",
        "yg juara 1 sama juara 2 lomba kepatuhan 2067 siapa aja?",
    ):
        q = parse_question(asked, GLOSSARY)
        weights = Weights({t: 1.0 for t in q.terms})  # the words name the first item best
        assert list_windows(q, weights, (0,), sents, "", _terms) == [[0], [2]]


def test_a_rank_among_the_top_few_is_no_place_in_a_list() -> None:
    assert (
        asked_ordinal(parse_question("siapa saja yang masuk peringkat 5 besar?", GLOSSARY).words)
        is None
    )
    assert asked_ordinal(parse_question("yg juara 2 siapa?", GLOSSARY).words) == 2


def test_the_ones_a_sentence_counts_named_next_go_with_it() -> None:
    article, sents = _article_of(
        ("Santunan diserahkan kepada ahli waris dua nelayan asal Desa Sukamulya.",),
        ("Kedua korban, Anu Wijaya (52) dan Ani Lestari (23), terdaftar sebagai peserta.",),
        ("Kedua, pemkab menanggung iuran nelayan.", "Acara ditutup siang hari."),
    )
    assert with_continuation(_at(article, sents, 0), sents).positions == (0, 1)
    # not the second point of a list ("Kedua, ...")
    assert with_continuation(_at(article, sents, 1), sents).positions == (1,)
    # "Ketiga korban meninggal adalah <Nama>, ...": named after "adalah" too
    article, sents = _article_of(
        ("Santunan diserahkan kepada ahli waris tiga pekerja yang tewas.",),
        ("Ketiga korban meninggal adalah Anu Wijaya, Ani Lestari, dan Ina Putri.",),
    )
    assert with_continuation(_at(article, sents, 0), sents).positions == (0, 1)
    article, sents = _article_of(
        ("Dua nelayan hilang saat melaut.",), ("Keduanya adalah Anu Wijaya dan Ina Lestari.",)
    )
    assert with_continuation(_at(article, sents, 0), sents).positions == (0, 1)
    article, sents = _article_of(  # but not "Kedua adalah ...", a list's second point
        ("Pemkab menyiapkan dua langkah.",),
        ("Kedua adalah Pendataan nelayan di setiap desa.",),
    )
    assert with_continuation(_at(article, sents, 0), sents).positions == (0,)


def test_who_else_attended_comes_after_who_held_the_meeting() -> None:
    article, sents = _article_of(
        ("Kantor wilayah itu memaparkan capaiannya di depan Gubernur Sukamulya Anu Wijaya.",),
        ("Menurut Deputi Direktur Wilayah Rudi Siregar, cakupan baru 36 persen.",),
        ("Audiensi ini juga dihadiri oleh Kepala Kantor Cabang Budi Santoso.",),
    )
    also = _at(article, sents, 2)
    asked = ("siapa", "saja", "yang", "hadir", "audiensi", "dengan", "gubernur")
    # not the governor the question names by office: the one who held the audience
    host = host_before(also, sents, asked, frozenset())
    assert host is not None and host.positions == (1,)
    # without "juga dihadiri", the window names everyone it answers with
    assert host_before(_at(article, sents, 1), sents, asked, frozenset()) is None
    # the nearest host before, not the first person the article names
    article, sents = _article_of(
        ("Tahun lalu, Menteri Sosial Yohanes Pardede meresmikan program itu.",),
        ("Kini, Kepala Kantor Cabang Rudi Siregar menggelar sosialisasi.",),
        ("Sosialisasi ini juga dihadiri oleh Camat Budi Santoso.",),
    )
    host = host_before(_at(article, sents, 2), sents, asked, frozenset())
    assert host is not None and host.positions == (1,)
