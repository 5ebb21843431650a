"""Reading chat messages: the question apart from greetings, thanks and self-introductions."""

from __future__ import annotations

import pytest

from bot.answer.lexicons import load_lexicons
from bot.answer.question import ASKING_WORDS, asks, question_kind
from bot.answer.reading import Reader, names_time, segments
from index.glossary import load_glossary
from index.text import STOPWORDS
from tests.conftest import PROJECT

KNOWLEDGE = PROJECT / "knowledge"


@pytest.fixture(scope="module")
def reader() -> Reader:
    glossary = load_glossary(KNOWLEDGE / "glossary.txt")
    return Reader(
        load_lexicons(KNOWLEDGE),
        lambda ws: asks(tuple(glossary.expand(list(ws)))),
        kind_of=lambda ws: question_kind(tuple(glossary.expand(list(ws)))),
    )


def test_segments_break_at_sentence_ends_question_marks_and_emoji() -> None:
    assert segments("Pagi bang 🙏 sy nelayan. brp pekerja? makasih") == [
        "Pagi bang",
        "sy nelayan.",
        "brp pekerja?",
        "makasih",
    ]


def test_an_english_introduction_with_here_is_a_sentence_of_its_own() -> None:
    assert segments("journalist here - what are the 4 focus areas?") == [
        "journalist here",
        "what are the 4 focus areas?",
    ]
    assert segments("HR staff here, how many workers?") == ["HR staff here", "how many workers?"]
    assert segments("is the office open here - or in Lahat?") == [
        "is the office open here - or in Lahat?"
    ]
    assert len(segments("Who works here, in the Palembang branch?")) == 1  # a question's "here"


def test_greeting_introduction_and_thanks_are_not_the_question(reader: Reader) -> None:
    r = reader.read(
        "Assalamualaikum min, sy buruh sawit di Muba, kerja harian lepas. mau tanya, "
        "berapa pekerja Sumsel yang sudah terlindungi? makasih banyak min"
    )
    assert r.questions == ("berapa pekerja Sumsel yang sudah terlindungi?",)
    assert "buruh sawit di Muba" in r.context


def test_question_announced_inside_an_introduction(reader: Reader) -> None:
    r = reader.read("sy buruh sawit di Muba mau tanya berapa pekerja sumsel yg terlindungi")
    assert r.questions == ("berapa pekerja sumsel yg terlindungi",)
    assert r.context == "sy buruh sawit di Muba"


def test_a_polite_frame_with_the_asker_inside_is_no_part_of_the_question(reader: Reader) -> None:
    r = reader.read("Halo kak. Boleh saya tahu coverage share kepesertaan di Sumsel? Makasih")
    assert r.questions == ("coverage share kepesertaan di Sumsel?",)


def test_asking_in_the_formal_verb_frames_two_questions(reader: Reader) -> None:
    r = reader.read(
        "Selamat malam. Saya ingin menanyakan kapan layanan baru diresmikan, dan siapa "
        "Deputi Direktur Wilayah yang menjelaskan layanan tersebut. Terima kasih."
    )
    assert len(r.questions) == 2
    assert r.questions[0].startswith("kapan layanan baru diresmikan")


def test_two_questions_in_one_message(reader: Reader) -> None:
    r = reader.read("halo kak. siapa kepala kanwil sumbagsel? terus program bpjs tk ada apa aja?")
    assert r.questions == ("siapa kepala kanwil sumbagsel?", "program bpjs tk ada apa aja?")


def test_a_thin_first_question_stays_apart_from_one_asking_more_of_it(reader: Reader) -> None:
    r = reader.read("Harapannya apa? Dan audiensinya di mana?")
    assert r.questions == ("Harapannya apa?", "Dan audiensinya di mana?")
    r = reader.read("Targetnya apa? Terus sekarang sudah berapa persen?")
    assert len(r.questions) == 2
    # but not one naming no time and asking no more of it
    assert len(reader.read("Targetnya apa? Terus berapa persen?").questions) == 1


def test_a_thin_follow_up_joins_the_question_before(reader: Reader) -> None:
    r = reader.read("ngapo wong miskin dak biso dilindungi bpjs? apo masalahnyo")
    assert len(r.questions) == 1


def test_a_remark_after_a_question_is_no_question_of_its_own(reader: Reader) -> None:
    r = reader.read("brp pekerja jasa konstruksi yg udh terlindungi? angka pastinya ya")
    assert r.questions == ("brp pekerja jasa konstruksi yg udh terlindungi?",)
    assert r.context == "angka pastinya ya"
    # a tag that asks yes or no still makes a question
    r = reader.read("pacak dak dilindungi bpjs tk? ado program khusus wong pasar dak")
    assert len(r.questions) == 2


def test_a_second_count_of_its_own_stays_apart(reader: Reader) -> None:
    r = reader.read("Petugas yang celako pas betugas ado berapo? Yang meninggal berapo?")
    assert r.questions == ("Petugas yang celako pas betugas ado berapo?", "Yang meninggal berapo?")
    # a count given in other words is the same question: "berapa orang?", "totalnya berapa?"
    assert len(reader.read("berapa pekerja sawit yang terlindungi? berapa orang?").questions) == 1
    assert len(reader.read("berapa pekerja sumsel yg terlindungi? totalnya berapa?").questions) == 1


def test_a_message_without_a_question_word_is_one_question(reader: Reader) -> None:
    assert reader.read("program BPJS TK").questions == ("program BPJS TK",)


def test_a_greeting_alone_holds_no_question(reader: Reader) -> None:
    assert reader.read("halo min, makasih ya 🙏").questions == ()


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        (
            "coverage bpjs tk sumsel akhir 2021 brp persen, trus skrg udah brp?",
            ("coverage bpjs tk sumsel akhir 2021 brp persen", "skrg udah brp?"),
        ),
        (
            "How many claims were paid in 2024, and how many of them were fatal?",
            ("How many claims were paid in 2024", "how many of them were fatal?"),
        ),
        (
            "Which governor did they meet in November 2020, and on what date exactly?",
            ("Which governor did they meet in November 2020", "on what date exactly?"),
        ),
        (
            "Kabupaten mana yang cakupannya tertinggi dan terendah di Sumsel, dan berapa "
            "pekerja yang terlindungi?",
            (
                "Kabupaten mana yang cakupannya tertinggi dan terendah di Sumsel",
                "berapa pekerja yang terlindungi?",
            ),
        ),
        # asked only past a second comma: cut at the first one
        (
            "berapa klaim JKK 2023, dan untuk JKM, berapa?",
            ("berapa klaim JKK 2023", "untuk JKM, berapa?"),
        ),
        ("berapa pekerja formal dan informal yang terlindungi?", None),
        ("Kenapa klaim JHT saya ditolak, apa karena belum 10 tahun?", None),
        # an English question going on past a parenthesis: its auxiliary is its own
        ("How much money, in rupiah, did the government allocate in 2024?", None),
        (
            "Which office paid the claim, and was anyone hurt?",
            ("Which office paid the claim", "was anyone hurt?"),
        ),
        # a figure told before what is asked of it: no question of its own
        ("Utk kejar target 50 persen itu katanya fokus ke 4 hal, apa saja ya keempatnya?", None),
        # "... di <noun> mana" closing a clause asks which one
        (
            "Zulfahmi tu tangannyo keno mesin apo, dio begawe di pabrik mano?",
            ("Zulfahmi tu tangannyo keno mesin apo", "dio begawe di pabrik mano?"),
        ),
        ("siapa kepala kanwil dan wakilnya?", None),
        # chat's short form of "terus" joins two questions too
        (
            "coverage sumsel 2020 brp persen trs gubernur mau naikin jd brp",
            ("coverage sumsel 2020 brp persen", "gubernur mau naikin jd brp"),
        ),
    ],
)
def test_a_sentence_asking_two_things_is_two_questions(
    reader: Reader, message: str, questions: tuple[str, ...] | None
) -> None:
    assert reader.read(message).questions == (questions or (message,))


def _counting_reader() -> Reader:
    """A reader that counts a question's substance as the engine does: question words name
    nothing."""
    glossary = load_glossary(KNOWLEDGE / "glossary.txt")
    standard = lambda ws: glossary.expand(list(ws))  # noqa: E731
    return Reader(
        load_lexicons(KNOWLEDGE),
        lambda ws: asks(tuple(standard(ws))),
        substance=lambda ws: sum(w not in STOPWORDS | ASKING_WORDS for w in standard(ws)),
        kind_of=lambda ws: question_kind(tuple(standard(ws))),
        timed=lambda ws: names_time(standard(ws)),
    )


def test_a_second_question_naming_nothing_new_is_the_first_ones() -> None:
    reader = _counting_reader()
    thin = "kacab palembang nyebut jumlah pekerja informal dan formal, itu brp aja ya?"
    assert reader.read(thin).questions == (thin,)
    # one naming something new is a question of its own, however short
    two = reader.read("syarat daftar BPU apa aja, trus biayanya berapa?").questions
    assert two == ("syarat daftar BPU apa aja", "biayanya berapa?")
    # ... or asking the other side ("yang tidak"), another kind of thing, or of another time
    for message, second in (
        ("berapa pekerja yang memenuhi syarat, dan berapa yang tidak?", "berapa yang tidak?"),
        ("kantor cabang mana yang klaimnya terbesar, dan berapa nilainya?", "berapa nilainya?"),
        ("thn 2020 kan 36 persen tuh, kalo yg terbaru brp persen?", "kalo yg terbaru brp persen?"),
    ):
        assert reader.read(message).questions[1:] == (second,)


@pytest.mark.parametrize(
    "message", ["berapa iuran JKK dan JKM ya?", "siapa kepala kanwil dan wakilnya ya?"]
)
def test_a_tag_after_a_noun_is_not_a_second_question(reader: Reader, message: str) -> None:
    assert reader.read(message).questions == (message,)


def test_who_holds_another_office_is_asked_apart(reader: Reader) -> None:
    r = reader.read("siapa kepala kanwil sumbagsel? trs wakilnya siapa")
    assert r.questions == ("siapa kepala kanwil sumbagsel?", "wakilnya siapa")
    assert len(reader.read("siapa kepala kanwil sumbagsel? namanya siapa").questions) == 1
    # the office without the deputy's title is another office
    r = reader.read("wakil kepala kanwil siapa namanya? kepalanya siapa pula")
    assert r.questions == ("wakil kepala kanwil siapa namanya?", "kepalanya siapa pula")
    assert len(reader.read("siapa wakil kepala kanwil? wakilnya siapa").questions) == 1
    assert len(reader.read("wakil kepala kanwil siapo? kepalanyo siapo pulo").questions) == 2


def test_an_apology_for_asking_in_the_wrong_place_is_not_a_question(reader: Reader) -> None:
    r = reader.read("Pagi pak. Mohon maaf kalau salah tempat bertanya. Berapa target BPJS TK?")
    assert r.questions == ("Berapa target BPJS TK?",)


def test_a_thin_follow_up_naming_a_year_stays_a_question_of_its_own(reader: Reader) -> None:
    r = reader.read("brp persen pekerja sumsel yg udah terlindungi? trus kalo 2020 brp?")
    assert len(r.questions) == 2 and r.questions[1].endswith("2020 brp?")


def test_a_thin_question_and_a_thin_follow_up_at_another_time_are_two_questions(
    reader: Reader,
) -> None:
    thin = Reader(reader.lex, reader.is_question, lambda _: 1, reader.kind_of)  # all thin
    r = thin.read("target 2025 brp persen? trus sekarang baru brp?")
    assert r.questions == ("target 2025 brp persen?", "sekarang baru brp?")
    r = thin.read("data maret? sm agustus beda ya?")
    assert len(r.questions) == 1  # compares: one question
    r = reader.read("min brp persen pekerja sumsel yg udh ke cover bpjs tk? yg terbaru ya")
    assert len(r.questions) == 1  # "the newest, please" asks the same question


def test_a_follow_up_asking_now_is_read_through_the_glossary() -> None:
    glossary = load_glossary(KNOWLEDGE / "glossary.txt")
    thin = Reader(
        load_lexicons(KNOWLEDGE),
        lambda ws: asks(tuple(glossary.expand(list(ws)))),
        lambda _: 1,
        lambda ws: question_kind(tuple(glossary.expand(list(ws)))),
        lambda ws: names_time(glossary.expand(list(ws))),
    )
    r = thin.read("target 2025 brp persen? trs skrg brp?")
    assert r.questions == ("target 2025 brp persen?", "skrg brp?")


def test_a_thin_follow_up_asking_when_or_why_stays_a_question_of_its_own(reader: Reader) -> None:
    r = reader.read("gubernur bilang coverage bisa naik sampai berapa persen? alasannya apa?")
    assert r.questions[1] == "alasannya apa?"
    r = reader.read("kapan program itu diluncurkan? kapan?")
    assert len(r.questions) == 1  # the same kind asked again continues it


def test_a_thin_follow_up_asking_who_or_where_stays_a_question_of_its_own(reader: Reader) -> None:
    # a question of five words or fewer is thin
    thin = Reader(reader.lex, reader.is_question, lambda ws: 1 + (len(ws) > 5), reader.kind_of)
    r = thin.read("apa bener sumsel baru 34% pekerja yg terlindungi?? yg ngomong siapa")
    assert r.questions[1] == "yg ngomong siapa"
    r = thin.read("bpjs tk mau masuk ke pasar ya? kerja samanya sama siapa?")
    assert r.questions[1] == "kerja samanya sama siapa?"
    # Nothing but the question word asks the question before it ("... ? siapa ya?").
    r = reader.read("kepala kantor cabang bpjs tk palembang? siapa ya?")
    assert len(r.questions) == 1


def test_an_introduction_before_a_comma_is_context(reader: Reader) -> None:
    r = reader.read("im a fisherman in banyuasin, am i included in their village program?")
    assert r.questions == ("am i included in their village program?",)
    assert "fisherman in banyuasin" in r.context
    r = reader.read("sy buruh sawit di muba, program bpjs tk ada apa aja?")
    assert r.questions == ("program bpjs tk ada apa aja?",)


def test_a_statement_about_the_asker_after_the_question_is_context(reader: Reader) -> None:
    r = reader.read("program bpjs tk tu apo bae galo, aku dak paham nian")
    assert r.questions == ("program bpjs tk tu apo bae galo",)
    assert r.context == "aku dak paham nian"
    r = reader.read("program bpjs tk ada apa aja, saya termasuk yang mana?")
    assert "saya termasuk yang mana" in " ".join(r.questions)  # asked with "?": it stays
    r = reader.read("brp pekerja sumsel yg terlindungi, makasih yo")
    assert r.questions == ("brp pekerja sumsel yg terlindungi",)
    # what the asker wants the answer for is about the asker, not the question
    r = reader.read("program apa aja yang ada di BPJS TK, biar kami bisa sosialisasi ke anggota")
    assert r.questions == ("program apa aja yang ada di BPJS TK",)
    assert r.context == "biar kami bisa sosialisasi ke anggota"
    r = reader.read("program apa aja yang ada di BPJS TK, biar iurannya dibayar pemda?")
    assert len(r.questions) == 1 and "pemda" in r.questions[0]  # no asker: it stays


def test_the_sentence_just_before_the_first_question_is_its_lead(reader: Reader) -> None:
    r = reader.read("Pagi min. Kami dengar ada acara di bulan Agustus. Itu acaranya di mana ya?")
    assert r.questions == ("Itu acaranya di mana ya?",)
    assert r.lead == "Kami dengar ada acara di bulan Agustus"
    assert reader.read("Pagi min, berapa pekerja yang terlindungi?").lead == ""
    assert reader.read("Saya nelayan di Banyuasin. Itu di mana ya?").lead == ""  # no telling
    assert reader.read("Saya memang pekerja informal. Itu di mana ya?").lead == ""
    assert reader.read("Sy dengar ada acara. Itu di mana ya?").lead == "Sy dengar ada acara"
    # read in Palembang Malay ("baco")
    assert (
        reader.read("aku baco berita jumlah peserta. berapo?").lead
        == "aku baco berita jumlah peserta"
    )


def test_a_statement_after_a_question_without_a_comma_is_context(reader: Reader) -> None:
    r = reader.read("apo bae program perlindungan bpjs tk tu aku dak paham nian")
    assert r.questions == ("apo bae program perlindungan bpjs tk tu",)
    assert r.context == "aku dak paham nian"
    # the question goes on ("... yang harus saya bayar"), or names too little by itself
    r = reader.read("berapa iuran bpjs tk yang harus saya bayar")
    assert r.questions == ("berapa iuran bpjs tk yang harus saya bayar",)
    assert reader.read("apakah saya bisa daftar bpjs tk").questions == (
        "apakah saya bisa daftar bpjs tk",
    )


def test_times_after_a_question_are_its_own(reader: Reader) -> None:
    r = reader.read("kepala kanwil dr thn ke thn siapa aja? 2020, 2023, 2024")
    assert r.questions == ("kepala kanwil dr thn ke thn siapa aja? 2020, 2023, 2024",)
    # a time the asker checks, placed in a period ("awal 2023 kan"), is the question's too
    r = reader.read("peresmian layanan baru kapan nian? awal 2023 kan")
    assert r.questions == ("peresmian layanan baru kapan nian? awal 2023 kan",)
    assert reader.read("siapa kepala kanwil? Palembang").questions == ("siapa kepala kanwil?",)


def test_what_the_asker_once_saw_leads_a_question_pointing_back(reader: Reader) -> None:
    r = reader.read("Saya sempat lihat judul berita soal guru kontrak. Itu berlaku mulai kapan ya?")
    assert r.lead == "Saya sempat lihat judul berita soal guru kontrak"


def test_asking_to_be_told_is_no_part_of_the_question(reader: Reader) -> None:
    r = reader.read("Halo min. Boleh tolong dijelaskan program perlindungan itu ada apa saja?")
    assert r.questions == ("program perlindungan itu ada apa saja?",)
    whole = "Apakah alasan klaim ditolak bisa dijelaskan oleh petugas?"
    assert reader.read(whole).questions == (whole,)  # part of what is asked


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        (
            "Berapa pekerja yang didaftarkan Anu, dan dari mana iurannya dibayar?",
            ("Berapa pekerja yang didaftarkan Anu", "dari mana iurannya dibayar?"),
        ),
        (
            "Berapa warga binaan yang didaftarkan, dan UPT mana yang menyumbang peserta terbanyak?",
            ("Berapa warga binaan yang didaftarkan", "UPT mana yang menyumbang peserta terbanyak?"),
        ),
        # "X apa bukan?" checks an answer to the question before: no question of its own
        ("bank daerah mano yg kerjo samo bpjs tk tu, bank anu apo bukan?", None),
        ("hendra anu tu asli mano, la berapo lamo di bpjs tk", None),
    ],
)
def test_a_second_question_asking_whence_or_which_one_stands_apart(
    reader: Reader, message: str, questions: tuple[str, ...] | None
) -> None:
    assert reader.read(message).questions == (questions or (message,))


def test_words_announcing_the_questions_before_a_colon_are_context(reader: Reader) -> None:
    r = reader.read(
        "Saya petani kopi. Pertanyaan saya dua: berapa persen pekerja yang terlindungi, dan "
        "berapa persen targetnya?"
    )
    assert r.questions == ("berapa persen pekerja yang terlindungi", "berapa persen targetnya?")
    assert "dua" in r.context
    # a colon inside the question stays in it, and so do the words naming what it asks of
    assert len(reader.read("berapa iuran: JKK atau JKM?").questions) == 1
    assert reader.read("JKM 2023: berapa klaimnya?").questions == ("JKM 2023: berapa klaimnya?",)


def test_a_self_introduction_ends_at_a_dash_too(reader: Reader) -> None:
    r = reader.read("I'm not registered yet — how can I sign up, according to the office head?")
    assert r.questions == ("how can I sign up, according to the office head?",)
    assert "not registered yet" in r.context
    r = reader.read("I'm not registered yet—how can I sign up?")
    assert r.questions == ("how can I sign up?",)


def test_each_items_figure_of_a_list_asked_for_is_that_lists(reader: Reader) -> None:
    r = reader.read(
        "Apa saja kelompok pekerja rentan di OKI yang iurannya ditanggung APBD 2053, "
        "berikut jumlah masing-masing?"
    )
    assert len(r.questions) == 1


def test_two_asking_words_in_a_pair_ask_two_questions_of_the_same_words(reader: Reader) -> None:
    r = reader.read("Kapan dan di mana beasiswa untuk 74 anak diserahkan?")
    assert r.questions == (
        "Kapan beasiswa untuk 74 anak diserahkan?",
        "di mana beasiswa untuk 74 anak diserahkan?",
    )
    assert r.linked == frozenset({1})
    dialect = reader.read("Kapan samo di mano Pemkot ngeluncurke iuran untuk pedagang pasar?")
    assert len(dialect.questions) == 2 and dialect.questions[1].startswith("di mano Pemkot")
    english = reader.read("When and where was the program launched?")
    assert english.questions[0] == "When was the program launched?"
    # a question the sentence asks after the pair stands on its own, once
    more = reader.read("Kapan dan di mana audiensi dengan gubernur, dan berapa pekerja yang hadir?")
    assert more.questions == (
        "Kapan audiensi dengan gubernur",
        "di mana audiensi dengan gubernur",
        "berapa pekerja yang hadir?",
    )
    # one asking word twice asks who met whom, not two questions
    assert len(reader.read("siapa sama siapa yang ketemu gubernur?").questions) == 1


def test_a_why_question_naming_a_figure_asks_why() -> None:
    said = ("kenapa", "gubernur", "yakin", "bisa", "naik", "sampai", "63", "persen")
    assert question_kind(said) == "kenapa"
    assert question_kind(("kenapa", "jumlah", "peserta", "turun")) == "kenapa"
    assert question_kind(("kenapa", "naik", "dan", "berapa", "persen")) == "berapa"


def test_an_amount_after_a_count_and_one_item_after_a_list_are_questions_of_their_own() -> None:
    reader = _counting_reader()
    counted = reader.read("pemkot nanggung iuran bpjs tk brp org? anggarannya brp?")
    assert counted.questions == ("pemkot nanggung iuran bpjs tk brp org?", "anggarannya brp?")
    listed = reader.read("bpjs tk fokus 4 hal itu apa aja? yg ketiga apa?")
    assert listed.questions == ("bpjs tk fokus 4 hal itu apa aja?", "yg ketiga apa?")
    # a thin follow-up asking the same kind of figure still joins the question before it
    assert len(reader.read("pemkot nanggung iuran brp org? totalnya brp?").questions) == 1


def test_a_figure_told_of_a_past_time_is_checked_beside_the_question_of_another(
    reader: Reader,
) -> None:
    told = reader.read("gubernur dulu targetnya 63% kan, kalo target 2025 brp?")
    assert told.questions == ("gubernur dulu targetnya 63% kan?", "kalo target 2025 brp?")
    # the asker's own figure is no side to check, nor is one of no time
    assert (
        len(reader.read("gaji saya 3 juta tahun 2024, kalo sekarang iurannya brp?").questions) == 1
    )
    assert len(reader.read("targetnya 63% kan, kalo iurannya brp?").questions) == 1
    # two times named: one question comparing them
    assert len(reader.read("maret 2024 kan 1,1 jt, trs agustus 2024 jd brp?").questions) == 1


def test_now_after_a_question_naming_a_year_is_a_question_of_its_own() -> None:
    reader = _counting_reader()
    r = reader.read("coverage sumsel 2020 berapa? kalo sekarang?")
    assert r.questions == ("coverage sumsel 2020 berapa?", "kalo sekarang?")
    # without a year before, "the newest" only says which figure the question wants
    assert len(reader.read("berapa pekerja terlindungi? yg terbaru?").questions) == 1
    # now as chat writes it, after a question too thin to stand alone
    r = reader.read("2020 coverage brp? kalo skrg?")
    assert r.questions == ("2020 coverage brp?", "kalo skrg?")
    assert reader.read("2020 coverage brp? skrg").questions == ("2020 coverage brp?", "skrg")
    r = reader.read("target 2025 brp persen? skrg baru brp, msh jauh ga")
    assert r.questions == ("target 2025 brp persen?", "skrg baru brp, msh jauh ga")


def test_a_later_part_of_a_sentence_opens_without_its_connective() -> None:
    r = _counting_reader().read("maret 2024 kan 1,1 jt yg terlindungi, trs data terbaru jd brp?")
    assert r.questions == ("maret 2024 kan 1,1 jt yg terlindungi?", "data terbaru jd brp?")
