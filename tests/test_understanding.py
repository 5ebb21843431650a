"""Reading questions: lexicons, dialect rules, constraints, comparisons, features."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from bot.answer import question, scoring
from bot.answer.compare import sides
from bot.answer.compose import restates, with_hits
from bot.answer.constraints import (
    figure_met,
    named_figures,
    names_a_figure,
    role_unknown,
    unmet,
)
from bot.answer.evidence import speaker_offices
from bot.answer.features import (
    bigram_share,
    counted_nouns,
    only_given_figures,
    role_mismatch,
    unit_match,
)
from bot.answer.followup import continued, only_a_time, within
from bot.answer.lexicons import Place, load_lexicons, parse_gazetteer, parse_sections
from bot.answer.question import (
    QuestionReader,
    asked_time_unit,
    asks_address,
    asks_recipient,
    without_unasked_money,
)
from bot.answer.scoring import (
    Scored,
    asks_name,
    asks_office_holder,
    asks_someone_else,
    asks_superlative,
    counts_people,
    fits_kind,
    offers_name,
    office_named,
    place_named,
    same_figure_kind,
    states_address,
    states_superlative,
    target_spans,
)
from bot.answer.spans import indonesian_figures
from bot.answer.vocabulary import (
    dialect_candidates,
    english_bases,
    is_common,
    is_english,
    nearest_common,
    standard_form,
)
from index.errors import KnowledgeFileError
from index.gazetteer import titled_places
from index.glossary import load_glossary
from index.records import Article, Hit, Sentence
from index.text import words
from tests.conftest import PROJECT

KNOWLEDGE = PROJECT / "knowledge"
CORPUS_WORDS = {"pekerja", "berapa", "lindung", "kepala", "kantor", "wilayah", "program"}


@pytest.fixture(scope="module")
def reader() -> QuestionReader:
    return QuestionReader(
        load_glossary(KNOWLEDGE / "glossary.txt"),
        load_lexicons(KNOWLEDGE),
        known=lambda t: t in CORPUS_WORDS,
    )


@pytest.mark.parametrize(
    ("dialect", "standard"),
    [
        ("berapo", "berapa"),
        ("pekerjo", "pekerja"),
        ("limo", "lima"),
        ("namonyo", "namanya"),
        ("persennyo", "persennya"),
        ("diadoke", "diadakan"),
        ("dilaksanoke", "dilaksanakan"),
        ("ngelindungi", "melindungi"),
        ("diadainnya", "diadakannya"),  # colloquial -in before -nya
        ("masok", "masuk"),  # -o- for -u- in a closing syllable
        ("ikot", "ikut"),
        ("nanggung", "menanggung"),  # the active prefix's nasal alone
        ("ngurus", "mengurus"),
    ],
)
def test_dialect_sound_rules_apply_only_when_they_give_a_real_word(
    dialect: str, standard: str
) -> None:
    assert standard_form(dialect, lambda w: False) == standard


@pytest.mark.parametrize(
    "word", ["toko", "radio", "video", "halo", "kantor", "pokok", "total", "nelayan", "nasional"]
)
def test_real_words_ending_in_o_are_kept(word: str) -> None:
    assert standard_form(word, lambda w: False) is None


def test_a_standard_word_before_nya_is_no_colloquial_verb() -> None:
    assert "selainya" not in dialect_candidates("selainnya")
    assert "diadakannya" in dialect_candidates("diadainnya")


def test_a_dialect_form_of_a_rare_word_the_corpus_knows_is_read() -> None:
    assert standard_form("disosialisasike", lambda w: w == "disosialisasikan") == (
        "disosialisasikan"
    )
    assert standard_form("disosialisasike", lambda w: False) is None


def test_common_words_are_told_from_rare_names() -> None:
    assert is_common("sawit") and is_common("cukur")
    assert not is_common("muhyidin") and not is_common("paritrana")


def test_spelling_correction_beyond_the_corpus() -> None:
    assert nearest_common("trmasuk") == "termasuk"
    assert nearest_common("pekerja") is None  # already a word


def test_palembang_question_is_read_as_indonesian(reader: QuestionReader) -> None:
    q = reader.parse("berapo pekerjo sumsel yang la terlindungi?")
    assert q.kind == "berapa"
    assert "kerja" in q.terms and "lindung" in q.terms
    assert Place("province", "Sumatera Selatan") in q.places


def test_english_question_is_read_as_indonesian(reader: QuestionReader) -> None:
    q = reader.parse("Who heads the regional office?")
    assert q.kind == "siapa" and {"kepala", "kantor", "wilayah"} <= set(q.terms)


def test_chat_short_forms_of_time_and_offices_are_read(reader: QuestionReader) -> None:
    q = reader.parse("how many workers are protected rn?")
    assert "rn" not in q.words and "saat ini" in " ".join(q.words)
    q = reader.parse("wabup muba yg nyerahin kartu siapa?")
    assert q.words[:2] == ("wakil", "bupati")


def test_a_clause_setting_the_scene_is_kept_apart_from_what_is_asked(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Waktu audiensi dgn Pj Gubernur, kepala kanwil nyampein berapa pekerja?")
    assert "audiensi" in q.setting and "gubernur" in q.setting
    assert not {"kepala", "kerja"} & set(q.setting) and "audiensi" in q.terms
    # no question after the comma, or no scene word before it: no scene
    assert reader.parse("waktu pendaftaran, lama tidak?").setting == ()
    assert reader.parse("Audiensi dgn Pj Gubernur, berapa pekerja?").setting == ()


def test_a_value_asked_for_is_not_a_count_of_itself(reader: QuestionReader) -> None:
    # "targetnya berapa" asks the target's value: a percentage answers it
    aim = "Wujudkan Target 50 Persen Pekerja di Sumsel Tahun 2025 Terlindungi"
    assert unit_match(reader.parse("target tahun 2025 berapa?"), aim) == 0.0
    assert unit_match(reader.parse("target 2025 brp"), aim) == 0.0  # a year is not counted
    assert unit_match(reader.parse("berapa desa yang ikut tahun 2025?"), aim) == -1.0
    # a unit measures the noun after it: "2,5 juta ton gabah" is an amount of rice; a kind
    # counts the noun after it: "12 cabang olahraga" counts sports
    rice = "Koperasi itu menargetkan menggiling 2,5 juta ton gabah dengan hasil 9.000 ton."
    assert unit_match(reader.parse("Berapa target giling gabah musim ini?"), rice) == 1.0
    games = "Pekan olahraga itu mempertandingkan 12 cabang olahraga."
    assert unit_match(reader.parse("berapa olahraga yang dipertandingkan?"), games) == 1.0


def test_an_amount_of_one_kind_of_money_does_not_answer_another(reader: QuestionReader) -> None:
    paid = "Ahli waris Anu Wijaya menerima santunan Rp312,5 juta dari BPJS Ketenagakerjaan."
    wage = reader.parse("berapa upah bulanan Anu Wijaya yang dilaporkan perusahaan?")
    assert wage.unit == "uang" and unit_match(wage, paid) == -1.0
    # wages, arrears, severance pay are named beside their amount, not just anywhere
    told = "Santunan itu 48 kali upah. Biaya perawatan mencapai Rp96,4 juta."
    assert unit_match(wage, told) == -1.0
    owed = "Sebanyak 41 perusahaan menunggak iuran Rp3,17 miliar."
    assert unit_match(reader.parse("berapa tunggakan iuran perusahaan itu?"), owed) == 0.0
    assert unit_match(reader.parse("berapa pesangon yang dibayarkan?"), owed) == -1.0
    # a santunan may be left unnamed beside its amount: "ahli waris menerima Rp..."
    heirs = "Ahli waris Anu Wijaya menerima Rp312,5 juta."
    assert unit_match(reader.parse("berapa santunan untuk ahli waris Anu?"), heirs) == 0.0


def test_hearsay_is_no_word_to_find(reader: QuestionReader) -> None:
    q = reader.parse("kata orang ada gerakan khusus buat pekerja rentan, mulai kapan?")
    assert "orang" not in q.terms and "rentan" in q.terms


def test_where_to_asks_a_place(reader: QuestionReader) -> None:
    assert reader.parse("kantor cabang itu pindah sementara ke mana?").kind == "di_mana"
    assert reader.parse("daftarnya kemana ya?").kind == "di_mana"
    # after a verb of using, "ke mana" asks what for
    assert reader.parse("dana itu dipakai kemana saja?").kind != "di_mana"


def test_money_words_that_ask_no_amount(reader: QuestionReader) -> None:
    # kinds of a thing counted, a multiple of a wage, money given as a condition
    assert reader.parse("berapa jenis tunjangan yang ada?").unit == "jumlah"
    assert reader.parse("berapa pesangon pekerja yang di-PHK?").unit == "uang"
    times = reader.parse("santunan kematian berapa kali upah?")
    assert "upah" not in without_unasked_money(times.words)
    rate = "Iuran untuk peserta BPU hanya Rp16.800 per bulan."
    assert unit_match(reader.parse("berapa iuran kalau gaji saya 3 juta?"), rate) == 0.0


def test_former_workers_counted_are_workers(reader: QuestionReader) -> None:
    trained = "Sebanyak 35 mantan pekerja kini mengikuti pelatihan di balai latihan kerja."
    assert unit_match(reader.parse("berapa pekerja yang ikut pelatihan?"), trained) == 1.0
    assert unit_match(reader.parse("berapa perusahaan yang ikut pelatihan?"), trained) == -1.0


def test_inflected_english_words_are_read_in_their_base_form(reader: QuestionReader) -> None:
    assert english_bases("disabilities")[0] == "disability"
    assert "partner" in english_bases("partnering") and "run" in english_bases("running")
    # "friendlier" is not in the lexicon, "friendly" is
    assert "ramah" in reader.standard("is it friendlier for them")
    # the likeliest base only, and no function word: "cares" is no "car", "noting" no "not"
    assert "mobil" not in reader.standard("who cares for them")
    assert "tidak" not in reader.standard("noting the figures")
    assert reader.standard("the former head")[:2] == ["the", "former"]


def test_words_the_corpus_never_uses_are_common_or_rare(reader: QuestionReader) -> None:
    q = reader.parse("berapa iuran pekerja Paritranax?")
    assert "iur" in q.unknown_common and "paritranax" in q.unknown_rare
    assert q.asked_unknown == 1.0  # what it asks about ("iuran") is not in the corpus


def test_context_terms_never_become_constraints(reader: QuestionReader) -> None:
    q = reader.parse("berapa pekerja terlindungi?", context="sy buruh sawit di Lampung 2019")
    assert q.places == () and q.years == ()
    assert "sawit" in q.context_terms


def test_a_telling_verb_the_articles_never_use_is_no_unknown_word(
    reader: QuestionReader,
) -> None:
    q = reader.parse("berapa persen data yang diparpapkan ke gubernur?")
    assert "parpap" in " ".join(q.unknown_common + q.unknown_rare)  # an unknown word counts
    q = reader.parse("berapa persen data yang dipaparkan ke gubernur?")
    assert not {"papar", "dipaparkan"} & set(q.unknown_common + q.unknown_rare)


def test_a_noun_of_kind_is_no_unknown_word(reader: QuestionReader) -> None:
    q = reader.parse("which groups is the service supposed to be friendly to?")
    assert "kelompok" not in q.unknown_common + q.unknown_rare


def test_the_unit_of_a_time_asked_is_part_of_the_question_word() -> None:
    assert asked_time_unit(("audiensi", "itu", "tanggal", "berapa")) == "tanggal"
    assert asked_time_unit(("data", "sampai", "bulan", "apa", "ya")) == "bulan"
    assert asked_time_unit(("iuran", "per", "bulan", "berapa")) is None  # an amount per month


def test_chat_framing_of_where_news_was_seen_names_nothing(reader: QuestionReader) -> None:
    # sharing a post in a chat group is not the "share" (percentage) of workers covered
    q = reader.parse("tadi ada yg share berita di grup WA soal Pak Anu, beliau jabatannya apa?")
    assert q.unit != "persen" and not {"grup", "wa", "beliau"} & set(q.terms)
    # the asker forgot the name asked for; "gt" is "gitu"
    q = reader.parse("pas audiensi ada sosialisasi penghargaan apa gt, lupa namanya")
    assert not {"gt", "lupa"} & set(q.terms)
    assert reader.parse("janji pelayanan kyk gmn?").kind == "bagaimana"  # "seperti apa"
    assert "kt" not in reader.parse("kt gubernur layanan itu bwt siapa aja?").terms


def test_an_awards_english_name_is_a_penghargaan(reader: QuestionReader) -> None:
    glossary = load_glossary(KNOWLEDGE / "glossary.txt")
    assert "penghargaan" in glossary.expand_text("sekaligus sosialisasi Anu Award 2020")
    assert "menara" in reader.standard("teknisi yg jatoh dr tower")  # an English loan in chat


def test_palembang_each_and_receive_are_read(reader: QuestionReader) -> None:
    q = reader.parse("duit JKP yang ditampi pekerjo tu berapo sikok?")
    assert q.kind == "berapa" and "terima" in q.terms and "sikok" not in q.terms


def test_a_time_unit_before_apa_ya_asks_when(reader: QuestionReader) -> None:
    assert reader.parse("data 36 persen itu sampai bulan apa ya?").kind == "kapan"


def test_there_points_at_the_place_the_message_named_before(reader: QuestionReader) -> None:
    q = reader.parse("siapa kepala cabang di sana?", context="sy buruh sawit di Lampung")
    assert [p.name for p in q.places] == ["Lampung"]
    # a question naming its own place keeps it
    q = reader.parse("siapa kepala cabang di Jambi?", context="sy buruh sawit di Lampung")
    assert [p.name for p in q.places] == ["Jambi"]


def _window(text: str, dated: date, score: float, coverage: float) -> Scored:
    """A scored window of one sentence, its article dated `dated`."""
    article = replace(_article(dated=dated, body=text), id=str(dated))
    return Scored(article, (Sentence(article.id, 0, len(text), text),), (0,), score, coverage, 1)


def _article(  # type: ignore[no-untyped-def]
    title: str = "Kabar",
    region: str = "Sumatera Selatan",
    dated: date | None = None,
    body: str = "body",
):
    return Article("a", title, "Outlet", dated, dated, "", None, region, body)


def test_when_an_event_took_place_in_a_district_its_article_names_the_district(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    launched = "Usai peresmian layanan baru pada Kamis 12 Januari 2023, gubernur meminta pelayanan."
    body = f"{launched} Sebanyak 1,6 juta penduduk Palembang bekerja."
    names = {1: ("januari",)}
    when = reader.parse("kapan layanan baru diresmikan di Palembang?")
    assert unmet(when, launched, [], _article(body=body), places, names) == []
    # An article naming the city only as an office's place does not place the event there.
    office = f"{launched} Kepala Kantor Cabang Palembang hadir."
    assert unmet(when, launched, [], _article(body=office), places, names) == ["Palembang"]
    # An office name of several words does not name the district its last word is.
    banyuasin = reader.parse("kapan layanan baru diresmikan di Banyuasin?")
    branch = f"{launched} Kantor Cabang Musi Banyuasin hadir."
    assert unmet(banyuasin, launched, [], _article(body=branch), places, names) == ["Banyuasin"]
    # Not for a figure: a province-wide count does not answer for the district.
    count = reader.parse("berapa pekerja terlindungi di Palembang?")
    figure = "Sebanyak 1,3 juta pekerja terlindungi."
    town = _article(body=f"{figure} Sebanyak 1,6 juta penduduk Palembang bekerja.")
    assert unmet(count, figure, [], town, places, names)
    # Where something was said is no place a figure is about, but it is where it was said.
    said = (
        "Perlu kerja sama seluruh pihak, tutur Kepala Kanwil saat jumpa pers di Royal Golf "
        "Lounge Palembang, hari Kamis tanggal 1 Januari 2024."
    )
    coverage = reader.parse("What is the coverage among Palembang workers?")
    assert unmet(coverage, said, [], _article(body=said), places, names) == ["Palembang"]
    # The place a figure is of, before the word that reports it, is kept.
    of = "Sebanyak 300 ribu pekerja di Palembang sudah terlindungi, ujar Kepala Budi, Senin (1/1)."
    assert unmet(count, of, [], _article(body=of), places, names) == []
    where = reader.parse("di mana kantor wilayah di Palembang?")
    assert unmet(where, said, [], _article(body=said), places, names) == []
    event = reader.parse("acara apa yang digelar di Palembang?")
    assert unmet(event, said, [], _article(body=said), places, names) == []


def test_a_follow_up_also_reads_where_the_question_before_was_found() -> None:
    own = [Hit(1, 0.9, 1), Hit(2, 0.5, 2)]
    before = [Hit(2, 1.0, 1), Hit(7, 1.0, 2)]
    merged = with_hits(own, before)
    assert [h.chunk_id for h in merged] == [1, 2, 7]
    assert merged[2].score < own[1].score  # weighted as context, after its own


def test_an_address_is_asked_of_a_street_not_of_the_word(reader: QuestionReader) -> None:
    q = reader.parse("kantor bpjs tk di Lahat alamatnya di mana ya?")
    assert asks_address(q.words, q.kind)
    assert states_address("Kantor itu berada di Jalan Merdeka Nomor 5, Kelurahan Talang.")
    assert states_address("Kantor yang berada di Jalan Merdeka, Kelurahan Talang, diresmikan.")
    assert states_address("Kantornya di Jl.Jend. Sudirman No.12, Palembang.")
    # a road where something happened, an event's name
    assert not states_address("Truk terperosok di jalan lintas kabupaten.")
    assert not states_address("Pekerja mengalami kecelakaan di Jalan Lintas Sumatera, Lahat.")
    assert not states_address("Jalan Sehat BPJS Ketenagakerjaan diikuti 2.000 peserta.")
    # the articles never using "alamat" is no reason to refuse: a street answers it
    assert "alamat" not in CORPUS_WORDS and not role_unknown(q)
    assert "alamat" not in q.unknown_common and q.asked_unknown == 0.0
    # "lokasi" only asks where (an asking noun): the articles never using it says nothing
    where = reader.parse("Jumpa pers itu lokasinya di mana ya?")
    assert "lokasi" not in CORPUS_WORDS and "lokasi" not in where.unknown_common
    assert not asks_address(where.words, where.kind) and not role_unknown(where)
    # (not a verb of the same stem)
    assert "tugas" not in CORPUS_WORDS and role_unknown(reader.parse("beliau bertugas di mana?"))
    # an address is a place asked, whatever question word asks it
    english = reader.parse("What's the address of the BPJS TK Palembang branch office?")
    assert english.kind == "di_mana" and asks_address(english.words, english.kind)
    assert reader.parse("kenapa kantor cabang pindah alamat?").kind == "kenapa"


def test_constraints_need_the_place_year_and_month(reader: QuestionReader) -> None:
    places = _gazetteer_places()

    names = {8: ("agustus",)}
    q = reader.parse("berapa pekerja terlindungi di Lampung tahun 2024?")
    sumsel = _article(dated=date(2024, 8, 1))
    assert unmet(q, "Sebanyak 1,3 juta pekerja terlindungi.", [], sumsel, places, names)
    lampung = "Di Lampung, 1,5 juta pekerja terlindungi pada 2024."
    assert unmet(q, lampung, [], sumsel, places, names) == []
    muba = reader.parse("berapa pekerja terlindungi di Muba?")
    # A kabupaten is not met by a province-wide figure, even in a Sumsel article.
    assert unmet(muba, "Sebanyak 1,3 juta pekerja terlindungi.", [], sumsel, places, names)
    august = reader.parse("berapa pekerja terlindungi agustus 2024?")
    assert unmet(august, "1,3 juta pekerja", [], _article(dated=date(2024, 3, 1)), places, names)
    assert unmet(august, "1,3 juta pekerja", [], sumsel, places, names) == []
    # A figure about one of its districts does not answer for the province.
    share = reader.parse("berapa persen pekerja sumsel yang terlindungi?")
    muba = "Cakupan kepesertaan di Musi Banyuasin tercatat 61,3 persen."
    assert unmet(share, muba, [], sumsel, places, names) == ["Sumatera Selatan"]
    lowest = "Cakupan di Musi Banyuasin baru 22,6 persen, terendah di Sumsel."
    assert unmet(share, lowest, [], sumsel, places, names) == ["Sumatera Selatan"]
    # ... nor does a branch's count, with a sentence going on about it ("Jumlah itu ...").
    active = reader.parse("berapa peserta aktif di Sumsel?")
    branch = (
        "Berdasarkan data Kantor Cabang Lubuklinggau, peserta aktif mencapai 131.940 orang. "
        "Jumlah itu naik 4 persen dari tahun lalu."
    )
    assert unmet(active, branch, [], sumsel, places, names) == ["Sumatera Selatan"]
    whole = "Peserta aktif mencapai 1,5 juta orang, 60 ribu di antaranya di Musi Banyuasin."
    assert unmet(active, whole, [], sumsel, places, names) == []
    city = reader.parse("berapa pekerja terlindungi di Palembang, Sumsel?")
    assert (
        unmet(city, "Di Palembang 300 ribu pekerja terlindungi.", [], sumsel, places, names) == []
    )
    # A region beside a province names the office: the article naming it is enough.
    office = reader.parse("target BPJS TK Sumbagsel berapa persen pekerja Sumsel terlindungi?")
    headline = "Target 50 Persen Pekerja di Sumsel Terlindungi"
    kanwil = _article(body="Kanwil Sumatera Bagian Selatan (Sumbagsel) bertekad ...")
    assert unmet(office, headline, [], kanwil, places, names) == []
    assert unmet(office, headline, [], sumsel, places, names) == ["Sumatera Bagian Selatan"]
    # A person the question names must be named by the answer's article.
    heir = reader.parse("Berapa santunan ahli waris almarhum Budi Wirasaputra?")
    assert heir.people == ("Budi Wirasaputra",)
    assert unmet(heir, "Santunan JKM Rp42 juta.", [], sumsel, places, names)
    story = Article("b", "Kabar", "Outlet", None, None, "", None, "", "Budi Wirasaputra (58) ...")
    assert unmet(heir, "Santunan JKM Rp42 juta.", [], story, places, names) == []
    # A word the lexicons translate is a word, not a name; nor is the asker's own name, a
    # form of address or a single misspelt word.
    assert reader.parse("Who is the Regent of Musi Rawas?").people == ()
    assert reader.parse("Nama saya Sugiharto Wibisono, berapa santunan JKM?").people == ()
    assert reader.parse("berapa pekerja terlindungi Kak Wulandari?").people == ()
    assert reader.parse("Bener dak Plembang lah 80 persen?").people == ()
    assert reader.parse("Apa kata Pj Gubernur Elen Setiadi?").people == ("Elen Setiadi",)
    met = reader.parse("waktu audiensi ke Gubernur Budi Wirasaputra Nov 2020, siapa yg hadir?")
    assert met.people == ("Budi Wirasaputra",)  # a month is no part of the name
    # A word of the language opening a sentence may be capitalized for that alone: the name
    # is the words after it (a given name opening one is part of the name).
    opener = reader.parse("Pagi pak. Audiensi Wirasaputra ke Pj Gubernur itu tanggal berapa?")
    assert opener.people == ("Wirasaputra",)
    assert reader.parse("Herman Wirasaputra hadir kapan?").people == ("Herman Wirasaputra",)
    # a question word opening it is no part of it, though also a rare English word ("kapan")
    fell = reader.parse("Kapan Sutrisno Wirasaputra jatuh saat meliput kebakaran?")
    assert fell.people == ("Sutrisno Wirasaputra",)
    later = reader.parse("Kapan Pak Sutrisno Wirasaputra dilantik? Sutrisno itu kepala kan?")
    assert later.people == ("Wirasaputra",)  # at worst a surname, never no one
    # A national figure is not one province's; a count of programs is no figure of the
    # program the question names, which the article need only name.
    national = reader.parse("Berapa total klaim BPJS Ketenagakerjaan secara nasional 2026?")
    jatim = "Sepanjang 2026, klaim di Jawa Timur sebesar Rp11,4 triliun."
    assert unmet(national, jatim, [], sumsel, places, names) == ["nasional"]
    whole = "Secara nasional, klaim sepanjang 2026 sebesar Rp60 triliun."
    assert unmet(national, whole, [], sumsel, places, names) == []
    # Where a national figure was announced is not what it counts.
    said = "Direktur Utama di Kota X, Senin, menyebut total klaim 2026 Rp60 triliun."
    assert unmet(national, said, [], sumsel, places, names) == []
    city = "Klaim 2026 di Kota Palembang, Senin (5/8), tercatat Rp60 miliar."  # a city figure
    assert unmet(national, city, [], sumsel, places, names) == ["nasional"]
    count = reader.parse("JHT termasuk program BPJS TK? ada berapa program?")
    five = _article(body="Lima program itu yakni Jaminan Hari Tua, JKK, JKM, JP dan JKP.")
    assert unmet(count, "Terdapat 5 program perlindungan.", [], five, places, names) == []
    shared = reader.parse("JHT termasuk program? ada berapa program jaminan?")  # a shared word
    assert unmet(shared, "Terdapat 5 program perlindungan.", [], five, places, names) == []
    named = reader.parse("Berapa program JHT yang dicairkan?")
    assert unmet(named, "Terdapat 5 program perlindungan.", [], five, places, names) == ["program"]
    # A kind of work the question names must be named by the answer or its article.
    teachers = reader.parse("Pemprov perluas cakupan BPJS TK buat guru kontrak ya?")
    assert unmet(teachers, "Cakupan diperluas bagi pekerja rentan.", [], sumsel, places, names)
    fishers = reader.parse("apakah nelayan termasuk program desa?")
    village = _article(body="Ekosistem desa: petani, nelayan dan tukang ojek dilindungi.")
    assert unmet(fishers, "Pertama, ekosistem desa.", [], village, places, names) == []
    jht = reader.parse("berapa peserta JHT?")
    assert unmet(jht, "Terdapat 5 program perlindungan.", [], five, places, names) == ["program"]


def test_comparisons_are_answered_side_by_side(reader: QuestionReader) -> None:
    years = sides(reader.parse("kepala kantor wilayah th 2020 sm 2023 siapa aja?"))
    assert [q.years for q in years] == [(2020,), (2023,)]
    assert {q.kind for q in years} == {"siapa"}
    words_ = sides(reader.parse("lebih banyak pekerja formal atau informal?"))
    assert len(words_) == 2 and "informal" not in words_[0].terms
    assert [[p.name for p in q.places] for q in words_] == [["Sektor formal"], ["Sektor informal"]]
    assert len(sides(reader.parse("berapa pekerja formal?"))) == 1
    # "di mana" asks where: its "mana" does not make "X dengan Y" two sides
    assert len(sides(reader.parse("di mana muhyidin audiensi dengan pj gubernur?"))) == 1
    assert len(sides(reader.parse("formal sama informal, mana yang banyak?"))) == 2
    # ... but after the pair it asks which side ("X sama Y, banyak di mano?")
    assert len(sides(reader.parse("formal sama informal, pesertanya banyak di mana?"))) == 2
    # Places side by side are two questions; a city inside its province is one place.
    by_place = sides(reader.parse("cakupan pekerja informal sumsel dibanding jambi brp persen?"))
    named = [[p.name for p in q.places if p.kind == "province"] for q in by_place]
    assert named == [["Sumatera Selatan"], ["Jambi"]]
    assert len(sides(reader.parse("berapa pekerja terlindungi di Palembang, Sumsel?"))) == 1
    # ... unless a joiner stands between them: then the city is compared with its province
    city_or_province = sides(reader.parse("palembang vs sumsel, persen cover mana yg lbh tinggi?"))
    assert [[p.name for p in q.places] for q in city_or_province] == [
        ["Palembang"],
        ["Sumatera Selatan"],
    ]
    assert len(sides(reader.parse("Pekerja asal Lampung yang kerja di Palembang ada berapa?"))) == 1
    # Comparing amounts without a question word asks each side's figure ...
    compared = sides(reader.parse("cakupan di Palembang dan Lampung, mana yang paling rendah?"))
    assert len(compared) == 2 and {q.kind for q in compared} == {"berapa"}
    # ... but "lebih" with a quality compares no figures
    assert "berapa" not in {
        q.kind for q in sides(reader.parse("lebih ramah formal atau informal?"))
    }
    # Each side is a plain question: "naik ga?" asks to compare, it is not what is counted.
    rose = sides(reader.parse("brp persen pekerja yg ikut bpjs tk th 2020 sm 2024? naik ga?"))
    assert len(rose) == 2 and not any("tingkat" in q.terms for q in rose)


def test_two_clauses_of_one_head_are_two_sides_each_with_its_own_time(
    reader: QuestionReader,
) -> None:
    people = sides(
        reader.parse("pj gub yg canangin gerakan serentak sm yg ketemu muhyidin agustus 2024 siapa")
    )
    assert [q.kind for q in people] == ["siapa", "siapa"]
    first, second = people
    assert "serentak" in first.terms and "muhyidin" not in first.terms and first.years == ()
    assert "serentak" not in second.terms and "muhyidin" in second.terms
    assert (second.years, second.months) == ((2024,), (8,))
    # what follows the second clause past a preposition is both sides'
    came, spoke = sides(reader.parse("siapa yang hadir dan yang memberi sambutan di acara JKP?"))
    assert {"hadir", "acara"} <= set(came.terms) and "sambut" not in came.terms
    assert {"sambut", "acara"} <= set(spoke.terms) and "hadir" not in spoke.terms
    # one clause and a verb compare nothing; two clauses of a count do
    assert len(sides(reader.parse("siapa yang hadir dan memberi sambutan?"))) == 1
    counts = sides(reader.parse("berapa pekerja yang terdaftar dan yang aktif?"))
    assert [q.terms for q in counts] == [("kerja", "daftar"), ("kerja", "aktif")]


def test_each_time_of_a_comparison_is_asked_with_its_own_month_and_figure(
    reader: QuestionReader,
) -> None:
    # A month and a year named together are one time ("October 2020 or August 2024").
    q = reader.parse("Was the coverage for South Sumatra higher in October 2020 or in August 2024?")
    times = sides(q)
    assert [(s.years, s.months) for s in times] == [((2020,), (10,)), ((2024,), (8,))]
    assert {s.kind for s in times} == {"berapa"}  # "higher or lower": each time's figure
    assert q.kind == "ya_tidak" and len(sides(reader.parse("is JKM one of the programs?"))) == 1
    # The figure the question states is one time's, to confirm; no term of the other time.
    told = reader.parse("maret 2024 katanya 1,1 jt pekerja terlindungi, trs agustus 2024 jd brp?")
    march, august = sides(told)
    assert "1,1" in told.terms and not {"1,1"} & {*march.terms, *august.terms}
    stated = "Hingga Maret 2024 ada 1,1 juta pekerja terlindungi."
    assert march.compared and not only_given_figures(march, stated)
    assert only_given_figures(replace(march, compared=False), stated)
    # a month written before one year is that year's only; the words only the side after the
    # joiner has are not the side before's ("2020's governor is no acting one")
    q = reader.parse(
        "who was the head of the regional office in 2020 vs the program in august 2024?"
    )
    before, after = sides(q)
    assert [(s.years, s.months) for s in (before, after)] == [((2020,), ()), ((2024,), (8,))]
    assert "program" not in before.terms and {"kepala", "program"} <= set(after.terms)
    # a month written before the first year only is every year's; words after the last year
    # are asked of every year
    same_month = sides(reader.parse("berapa pekerja agustus 2023 dan 2024 yang terlindungi?"))
    assert [s.months for s in same_month] == [(8,), (8,)]
    assert all("lindung" in s.terms for s in same_month)
    # a follow-up takes both years from the question before, naming neither itself
    carried = replace(reader.parse("berapa pekerja jakon?"), years=(2020, 2024))
    assert [s.years for s in sides(carried)] == [(2020,), (2024,)]
    # a year standing first says nothing of its own: what follows is asked of both
    both = sides(reader.parse("2020 sm 2023 yg jd kepala kantor wilayah siapa aja"))
    assert all("kepala" in s.terms for s in both)


def test_a_percent_sign_asks_for_a_percentage(reader: QuestionReader) -> None:
    q = reader.parse("what % of workers in Sumsel are covered?")
    assert (q.kind, q.unit) == ("berapa", "persen")


def test_figure_must_count_what_the_question_counts(reader: QuestionReader) -> None:
    drivers = reader.parse("berapa ojek online yang terdaftar?")
    assert unit_match(drivers, "Sebanyak 2.150 tukang ojek kini terdaftar.") == 1.0
    villages = reader.parse("berapa desa yang ikut?")
    assert unit_match(villages, "Sebanyak 12.840 perangkat desa kini terdaftar.") == -1.0
    # people counted by "orang", named before the figure in its clause
    agents = reader.parse("berapa jumlah agen yang terdaftar?")
    assert unit_match(agents, "Hingga Juli, jumlah agen di kota itu tercatat 2.140 orang.") == 1.0
    # people counted by what they do ("penerima"): the verb after the figure says it
    takers = reader.parse("berapa jumlah penerima pensiun bulanan di kota itu?")
    took = "Sebanyak 3.418 orang di Kota Alpha dan Kabupaten Beta kini menerima manfaat pensiun."
    assert unit_match(takers, took) == 1.0
    assert unit_match(takers, "Sebanyak 3.418 orang di Kota Alpha kini mendaftar.") == -1.0
    assert unit_match(agents, "Agen hadir. Sebanyak 2.140 orang ikut senam.") == -1.0
    assert unit_match(agents, "Para agen mengajak 2.140 orang mendaftar.") == -1.0
    amount = "Ia menyerahkan santunan sebesar Rp42 juta kepada ahli waris pedagang (58)."
    assert unit_match(reader.parse("berapa santunan untuk ahli waris?"), amount) == 0.0
    assert unit_match(reader.parse("berapa peserta yang terdaftar?"), amount) == -1.0
    q = reader.parse("berapa program BPJS Ketenagakerjaan?")
    assert unit_match(q, "Terdapat 5 program perlindungan.") == 1.0
    # "berapa macam": a noun of kind counts what is named before it
    kinds = reader.parse("program perlindungan buat pekerja itu ada berapa macam?")
    assert unit_match(kinds, "Terdapat 5 program perlindungan bagi para pekerja.") == 1.0
    # the agency's own name is not what is counted: claims are, not the agency's participants
    claims = reader.parse("berapa total klaim BPJS Ketenagakerjaan di Sumsel tahun 2046?")
    said = "Pada 2046, jumlah peserta BPJS Ketenagakerjaan tercatat 1.538.770 orang."
    assert unit_match(claims, said) == -1.0
    # ... nor when it comes back with the words before "berapa orang"
    assert counted_nouns(reader.parse("peserta bpjs tk nya berapa orang?")) >= {"serta"}
    assert not counted_nouns(reader.parse("peserta bpjs tk nya berapa orang?")) & {"bpjs"}
    assert unit_match(q, "Sebanyak 12.840 perangkat desa terdaftar.") == -1.0
    # "buruh" are people
    workers = reader.parse("berapa pekerja yang belum didaftarkan?")
    assert unit_match(workers, "Audit 64 Perusahaan, Temukan 2.316 Buruh Belum Didaftarkan") == 1.0
    # a count of people is not answered by a count of places, even when the question's head
    # is not read ("maret vs agustus 2024 jumlah pekerja ...")
    compared = reader.parse("maret vs agustus 2024 jumlah pekerja sumsel yg terlindungi brp aja?")
    assert unit_match(compared, "Pekerja di 17 kabupaten dan kota dilindungi.") == -1.0
    # things counted are not answered by shares; people may be ("34 persen pekerja")
    clinics = reader.parse("berapa jumlah PLKK di wilayah kantor cabang itu?")
    assert unit_match(clinics, "Cakupan di kabupaten itu tembus 93,1 persen.") == -1.0
    assert unit_match(workers, "Baru 34 persen pekerja yang didaftarkan.") != -1.0
    fine = reader.parse("dendanya berapa kalau telat?")  # a value, not a count
    assert unit_match(fine, "Keterlambatan pembayaran iuran dikenai denda 2 persen.") != -1.0
    fishers = reader.parse("berapa nelayan yang terlindungi?")
    assert unit_match(fishers, "Sebanyak 35 persen nelayan terlindungi.") == 1.0


def test_why_is_answered_by_the_event_after_which_the_thing_asked_was_done(
    reader: QuestionReader,
) -> None:
    q = reader.parse("mengapa pendaftaran pekerja sumur itu dipercepat?")
    assert target_spans(q, "Pendaftaran dipercepat setelah kebakaran sumur di desa itu.")
    # another deed after an event gives no reason for this one
    assert not target_spans(q, "Pendaftaran dimulai setelah rapat di desa itu.")
    # a noun of the question before "setelah" is no deed, nor is a length of time an event
    refused = reader.parse("kenapa klaim JHT saya ditolak?")
    assert not target_spans(refused, "Peserta mengajukan klaim setelah berhenti bekerja.")
    assert not target_spans(refused, "Klaim ditolak setelah 5 hari diperiksa.")


def test_residents_are_not_answered_by_a_count_of_participants(reader: QuestionReader) -> None:
    residents = reader.parse("berapa jumlah penduduk provinsi itu?")
    counted = "Kepesertaan mencapai 36 persen peserta atau 2.916.275 orang."
    assert unit_match(residents, counted) == -1.0
    assert unit_match(residents, "Kota itu dihuni 1,6 juta penduduk.") == 1.0
    assert unit_match(residents, "Kota itu berpenduduk 1,6 juta orang.") == 1.0
    # residents who are registered are participants
    registered = reader.parse("berapa penduduk yang sudah terdaftar?")
    assert unit_match(registered, "Sebanyak 2,9 juta pekerja sudah terdaftar.") == 1.0
    # workers and participants stay interchangeable
    participants = reader.parse("berapa peserta yang terlindungi?")
    assert unit_match(participants, "Baru 1,3 juta pekerja yang terlindungi.") == 1.0


def test_a_part_taken_from_a_total_does_not_answer_the_total(reader: QuestionReader) -> None:
    q = reader.parse("total kepesertaan di wilayah itu berapa?")
    part = "Kontribusinya 2.916.275 orang dari total keseluruhan peserta se-wilayah."
    assert not target_spans(q, part)
    whole = "Ada sebanyak 7.952/597 kepesertaan di wilayah itu."
    assert target_spans(q, whole)
    # a part is still what a question about that part asks for
    assert target_spans(reader.parse("berapa orang dari wilayah itu?"), part)
    # ... and by one naming the total it is a part of ("berapa orang dari total se-X?")
    assert target_spans(reader.parse("peserta dari sumsel berapa orang dari total?"), part)
    # a total named with its own figure is no part without a number
    stated = "Sebanyak 2.916.275 orang dari total 7.952.597 peserta."
    assert target_spans(q, stated)
    # one more word before "dari", and a year later in the clause, still make a part
    assert not target_spans(q, "Sebanyak 2.916.275 pekerja informal dari total peserta.")
    assert not target_spans(q, "Sebanyak 500 orang dari total peserta pada 2023.")


def test_a_superlative_with_paling_banyak_does_not_ask_how_many(reader: QuestionReader) -> None:
    assert reader.parse("alasan paling banyak orang berhenti bayar iuran apa?").kind != "berapa"
    assert reader.parse("berapa banyak orang berhenti bayar iuran?").kind == "berapa"
    assert reader.parse("banyak pekerja yg udah daftar?").kind == "berapa"


def test_lexicon_data_of_the_twenty_fifth_round(reader: QuestionReader) -> None:
    # "angka" frames a count, like "angkanya": not a word the answer must contain
    assert "angka" not in reader.parse("angka pekerja yg terlindungi brp?").terms
    # "apo" on its own is "apa"; "plg byk" is "paling banyak"
    assert "apo" not in reader.parse("peserta di kota itu berapo wong? la banyak apo belum?").terms
    assert "paling" in reader.parse("alasan plg byk org brenti bayar iuran apaan?").words
    # English "which" before a plural asks for a list
    assert reader.parse("Which regencies do the volunteers come from?").kind == "apa_saja"
    assert reader.parse("Which regency is the office in?").kind != "apa_saja"


def test_an_ordinal_with_a_hyphen_and_a_digit_is_the_ordinal_word(reader: QuestionReader) -> None:
    assert "ketiga" in reader.parse("fokus ke-3 bpjs tk apa ya?").words
    assert "ketiga" not in reader.parse("petugas datang ke 3 kabupaten kapan?").words
    # with a space too, before the end, a function word or a second ordinal
    assert "ketiga" in reader.parse("fokus bpjs tk yg ke 3 apa").words
    assert "ketiga" in reader.parse("fokus ke 3 apa ya").words
    words = reader.parse("fokus ke 3 sm ke 4 apa aja").words
    assert "ketiga" in words and "keempat" in words
    assert "ketiga" not in reader.parse("iurannya naik ke 3 persen?").words


def test_what_before_a_count_of_things_asks_for_the_things(reader: QuestionReader) -> None:
    assert reader.parse("What is the 4 focus areas to reach the 50 percent target?").kind == (
        "apa_saja"
    )
    assert reader.parse("apa 5 program bpjs tk?").kind == "apa_saja"
    assert reader.parse("apa 5 tahun lagi targetnya tercapai?").kind != "apa_saja"
    assert reader.parse("What is the 2025 target for the share of workers?").kind != "apa_saja"
    for yes_no_or_why in (
        "Apa 3 perusahaan itu sudah bayar iuran?",
        "untuk apa 2 kantor baru itu dibangun?",
        "Apa satu-satunya syarat daftar BPU?",
        "Apa 2 pekan lagi pendaftaran dibuka?",
    ):
        assert reader.parse(yes_no_or_why).kind != "apa_saja", yes_no_or_why
    assert reader.parse("berapa persen target 2025?").kind == "berapa"
    # English words of reports and trades the lexicon did not read
    assert "resmi" in reader.parse("When did the service get rolled out?").terms
    assert "tps" in reader.parse("At how many polling stations did they serve?").terms
    assert "catat" in reader.parse("How many accidents did the office record?").terms


def test_lexicon_data_of_the_twenty_sixth_round(reader: QuestionReader) -> None:
    # chat's "kelar" is "selesai"; English "who ran" asks for the head, as "who runs"
    assert "selesai" in reader.parse("klaim jht lwt jmo brp hari kelarnya?").words
    ran = reader.parse("Who ran the Palembang branch office in 2023?")
    assert "kepala" in ran.words and "ran" not in ran.terms


def test_lexicon_data_of_the_thirty_first_round(reader: QuestionReader) -> None:
    # chat's "aturan" is the articles' "regulasi" ("baco" is in test_reading)
    assert "regulasi" in reader.parse("la ado aturan bpjs tk untuk wong miskin?").words


def test_who_is_answered_by_an_institution_written_with_its_suffix(
    reader: QuestionReader,
) -> None:
    who = reader.parse("siapo yang paling berkemampuan ngasih layanan?")
    said = "Maka yang paling berkemampuan itu kan institusinya, baik negeri maupun swasta."
    assert fits_kind(who, said)
    assert not fits_kind(who, "Maka yang paling berkemampuan itu kan masyarakat sendiri.")
    # "<Nama> itu siapa?" asks who that person is: a sentence naming them
    named = reader.parse("Zulkarnain Siregar itu siapa ya di BPJS Ketenagakerjaan?")
    assert named.people
    assert not fits_kind(named, said)
    assert fits_kind(named, "Kepala Kantor Cabang Palembang, Zulkarnain Siregar, mengatakan.")
    assert fits_kind(named, "Santunan diserahkan kepada ahli waris Zulkarnain Siregar, buruh.")


def test_berapa_before_a_unit_of_time_asks_a_length(reader: QuestionReader) -> None:
    assert reader.parse("iurannya ditanggung berapa bulan?").unit == "lama"
    assert reader.parse("for how many months is it paid?").unit == "lama"
    assert reader.parse("bulan berapa data itu dirilis?").kind == "kapan"
    assert reader.parse("iurannya berapa per bulan?").unit != "lama"
    # a point in time or an age after "berapa <unit>" is no length
    assert reader.parse("pesertanya ada berapa tahun 2024?").unit != "lama"
    assert reader.parse("iurannya berapa bulan ini?").unit != "lama"
    assert reader.parse("umur berapa tahun JHT bisa cair?").unit != "lama"


def test_di_a_venue_mana_asks_where(reader: QuestionReader) -> None:
    assert reader.parse("audiensinya di ruang rapat mana?").kind == "di_mana"
    assert reader.parse("acaranya di gedung mana?").kind == "di_mana"
    assert reader.parse("diumumkan di kota mana?").kind == "di_mana"
    assert reader.parse("di lapangan usaha mana pekerja informal terbanyak?").kind != "di_mana"
    assert reader.parse("kabupaten mana yang cakupannya paling tinggi?").kind != "di_mana"


def test_a_qualified_office_is_not_the_office_asked_about(reader: QuestionReader) -> None:
    q = reader.parse("siapa kepala kantor wilayah?")
    assert role_mismatch(q, "Hendra Elvian, Wakil Kepala Kantor Wilayah") == 1.0
    assert role_mismatch(q, "Kepala Kantor Wilayah, Muhyidin") == 0.0


def test_bigram_share() -> None:
    assert bigram_share(("kantor", "cabang", "palembang"), ("kepala", "kantor", "cabang")) == 0.5
    assert bigram_share(("kantor",), ("kantor",)) == 0.0


def test_malformed_lexicon_files_name_the_line() -> None:
    with pytest.raises(KnowledgeFileError, match=r"gazetteer.txt:2:"):
        parse_gazetteer("province | Jambi\nplanet | Mars\n")
    with pytest.raises(KnowledgeFileError, match=r"chat.txt:1:"):
        parse_sections("halo | hai\n[greeting]\n")


def test_a_month_range_is_one_period_and_may_be_named_just_before_the_answer(
    reader: QuestionReader,
) -> None:
    q = reader.parse("berapa nilai klaim sepanjang januari hingga oktober 2024?")
    assert q.months == (1, 10) and len(sides(q)) == 1
    assert len(sides(reader.parse("data maret sama agustus 2024 beda ya?"))) == 2
    assert len(sides(reader.parse("brp klaim jht jan-jun 2025?"))) == 1  # one period
    names = {1: ("januari",), 10: ("oktober",)}
    november = _article(dated=date(2024, 11, 20))
    lead = "Klaim dibayarkan kepada 3.214 peserta sepanjang Januari hingga Oktober 2024."
    total = "Total nilai klaim mencapai Rp 48,6 miliar."
    assert unmet(q, total, [lead], november, lambda _: frozenset(), names) == []
    assert unmet(q, total, [], november, lambda _: frozenset(), names)


def test_a_noun_counted_after_berapa_is_no_percentage(reader: QuestionReader) -> None:
    assert reader.parse("berapa persen cakupan bpjs tk sumsel?").unit == "persen"
    assert reader.parse("berapa target cakupan 2025?").unit == "persen"
    counted = reader.parse("berapa kabupaten dan kota yang mau dicakup bpjs tk?")
    assert counted.unit == "jumlah"
    english = reader.parse("how many regencies and cities is the province trying to cover?")
    assert english.unit == "jumlah"
    # A change or a share of coverage, or a percentage asked outright, stays a percentage.
    assert reader.parse("berapa kenaikan cakupan bpjs tk sumsel?").unit == "persen"
    assert reader.parse("berapa pekerja yang tercakup, dalam persen?").unit == "persen"
    assert reader.parse("lebih banyak yg formal atau informal? persennya brp?").unit == "persen"


def test_money_questions_want_money_and_office_questions_want_a_person(
    reader: QuestionReader,
) -> None:
    money = reader.parse("berapa nilai klaim pekerja yang dibayarkan?")
    assert money.unit == "uang"
    assert reader.parse("What's the total budget the regency allocated?").unit == "uang"
    assert reader.parse("Jumlah perusahaan yang menunggak iuran?").unit != "uang"
    # receiving "berapa", nothing counted after it, is an amount; "dapat berapa peserta" counts
    assert reader.parse("ahli warisnyo dapet berapo?").unit == "uang"
    assert reader.parse("kanwil dapat berapa peserta?").unit != "uang"
    # wage earners, or not, are a kind of worker: counted
    assert reader.parse("How many non-wage (BPU) participants were there?").unit == "jumlah"
    assert reader.parse("berapa peserta bukan penerima upah?").unit == "jumlah"
    assert reader.parse("berapa upah pekerja?").unit == "uang"
    assert fits_kind(money, "Total nilai klaim yang dibayarkan mencapai Rp 48,6 miliar.")
    assert not fits_kind(money, "Klaim dibayarkan kepada 3.214 peserta.")
    office = reader.parse("siapa kepala kantor cabang yang memaparkan data?")
    assert not fits_kind(office, "BPJS Ketenagakerjaan Kantor Cabang membayarkan klaim.")
    assert fits_kind(office, "Kepala Kantor Cabang, Budi Santoso, memaparkan data klaim.")
    assert fits_kind(reader.parse("siapa yang menanggung iuran?"), "Pemerintah daerah menanggung.")
    # "tanggal berapa" wants a day: a year alone does not answer it.
    day = reader.parse("audiensi dengan gubernur tanggal berapa?")
    assert not fits_kind(day, "Audiensi itu sekaligus sosialisasi penghargaan 2020.")
    assert fits_kind(day, "Audiensi digelar Senin (16/11/2020) di ruang rapat.")
    assert fits_kind(reader.parse("audiensi tahun berapa?"), "Audiensi pada 2020.")
    # A count written in words is a figure ("dua unit"), "salah satu" is none.
    cars = reader.parse("berapa unit mobil layanan keliling yang dioperasikan?")
    assert fits_kind(cars, "Kantor cabang mengoperasikan dua unit mobil layanan keliling.")
    assert not fits_kind(cars, "Mobil layanan keliling menjadi salah satu kota tujuan.")
    # ... and so is one "of them": of what was counted before, so it counts no noun of its own
    died = reader.parse("berapa pekerja yang meninggal dunia?")
    partitive = "Dua di antaranya mengakibatkan pekerja meninggal dunia."
    assert fits_kind(died, partitive) and unit_match(died, partitive) >= 0


def test_comparison_words_do_not_count_as_words_the_corpus_lacks(
    reader: QuestionReader,
) -> None:
    q = reader.parse("lebih tinggi pekerja formal atau informal?")
    assert "tinggi" not in q.unknown_common


def test_a_district_is_met_by_the_place_the_sentences_before_were_about(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    q = reader.parse("target sektor formal di palembang brp ribu?")
    lead = "Kepala Kantor Cabang Palembang menyampaikan capaian kepesertaan di Palembang."
    quote = ["Sektor formal itu sudah 80 persen.", "Sektor informal sudah 65 persen."]
    window = "Kalau di sektor formal itu 174 ribu, ujarnya."
    article = _article()
    assert unmet(q, window, [lead, *quote], article, places, {}) == []
    province = "Di Sumatera Selatan, cakupan kepesertaan baru 34 persen."
    assert unmet(q, window, [lead, province, *quote], article, places, {})
    assert unmet(q, window, quote, article, places, {})


def test_people_are_counted_not_paid_and_how_long_wants_a_duration(
    reader: QuestionReader,
) -> None:
    people = reader.parse("berapa pekerja yang terlindungi?")
    assert not fits_kind(people, "Anggaran iurannya mencapai Rp433,4 juta.")
    assert not fits_kind(people, "Cakupannya baru 29,3 persen.")
    assert fits_kind(people, "Sebanyak 12.840 pekerja terlindungi.")
    assert fits_kind(reader.parse("berapa total klaim tahun ini?"), "Totalnya Rp 1,74 triliun.")
    wait = reader.parse("berapa lama masa tunggu pencairan?")
    assert wait.unit == "lama"
    assert fits_kind(wait, "Masa tunggunya satu bulan setelah berhenti bekerja.")
    assert not fits_kind(wait, "Sebanyak 3.214 peserta mencairkan saldonya.")


def test_an_office_question_is_answered_only_where_that_office_is_named(
    reader: QuestionReader,
) -> None:
    q = reader.parse("siapa bupati yang hadir?")
    assert asks_office_holder(q)
    assert office_named(q, frozenset({"bupati", "hadir"}))
    assert not office_named(q, frozenset({"kepala", "dinas", "hadir"}))
    head = reader.parse("siapa kepala bidang pelayanan?")
    assert office_named(head, frozenset({"kata", "kepala", "bidang", "layan"}))
    assert not office_named(head, frozenset({"kepala", "kantor", "cabang"}))
    # the head of a unit of the branch is not the head of the branch
    branch = reader.parse("Siapa Kepala BPJS Ketenagakerjaan Cabang Palembang?")
    terms = frozenset({"kepala", "bidang", "serta", "bpjs", "ketenagakerjaan", "cabang"})
    unit_head = "Kepala Bidang Kepesertaan BPJS Ketenagakerjaan Cabang Palembang Budi mengatakan."
    assert office_named(branch, terms) and not office_named(branch, terms, unit_head)
    both = f"{unit_head} Kepala Cabang Palembang Sari hadir."
    assert office_named(branch, terms, both)
    assert office_named(head, frozenset({"kepala", "bidang", "layan"}), "Kepala Bidang Pelayanan")
    deputy = reader.parse("asdep kepesertaan kanwil siapa namanya?")  # the unit it names
    deputy_terms = frozenset({"asisten", "deputi", "bidang", "serta", "kantor", "wilayah"})
    deputy_text = "Asisten Deputi Bidang Kepesertaan Kantor Wilayah Sumbagsel Sari mengatakan."
    assert office_named(deputy, deputy_terms, deputy_text)
    led = "Kantor ini dipimpin Sari, sebelumnya Kepala Bidang Kepesertaan Cabang Lahat."
    assert office_named(branch, terms, led)  # who leads it, said with a verb
    meeting = "Rapat dipimpin Kepala Bidang Kepesertaan BPJS Ketenagakerjaan Cabang Palembang."
    assert not office_named(branch, terms, meeting)  # the verb leads to the unit's head
    # an acting governor met is no office asked ("dengan Pj Gubernur")
    met = reader.parse("pas audiensi dengan penjabat gubernur, siapa yang diberi apresiasi?")
    assert office_named(met, frozenset({"apresiasi", "beri"}))
    deputy = reader.parse("wakilnya siapa?")  # the deputy of the one asked about before
    assert asks_office_holder(deputy)
    assert office_named(deputy, frozenset({"wakil", "kepala", "kanwil"}))
    assert not office_named(deputy, frozenset({"kepala", "kanwil"}))
    # whom they met is no office asked
    met = reader.parse("who from the branch attended the audience with the governor?")
    assert office_named(met, frozenset({"cabang", "audiensi"}))
    only = reader.parse("siapa kepala kantor hanya satu?")  # "hanya" is no role's "-nya"
    assert office_named(only, frozenset({"kepala", "kantor"}))
    assert not asks_office_holder(reader.parse("berapa persen target gubernur?"))
    director = reader.parse("siapa direktur bpjs audiensi gubernur 2020?")
    assert office_named(director, frozenset({"direktur", "bpjs", "audiensi"}))
    # whom the role-holder did something to is asked, not who holds the role
    assert not asks_office_holder(reader.parse("who did the kanwil head meet on 1 august?"))
    assert asks_office_holder(reader.parse("who is the kanwil head?"))
    assert asks_office_holder(reader.parse("who did the governor appoint as kanwil head?"))
    # a role quoted ("menurut gubernur") is who said it, not the office asked
    quoted = reader.parse("menurut gubernur siapa yang paling mampu mendaftarkan pekerja?")
    assert office_named(quoted, frozenset({"institusi", "mampu"}))
    # ... and so is a role that says who ("Gubernur bilang siapa ..."): no person needed
    said = reader.parse("Gubernur bilang siapa yang paling berkemampuan menanggung layanan ini?")
    assert not asks_office_holder(said)
    assert asks_office_holder(reader.parse("siapa gubernur yang bilang begitu?"))
    assert asks_office_holder(reader.parse("pj gubernur yg ngomong soal 17 kota itu siapa?"))
    # an office the question spells out with its acronym is named by the acronym
    spelled = reader.parse("Siapa Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Alpha?")
    assert office_named(spelled, frozenset({"kepala", "dpmd", "alpha"}))
    assert not office_named(spelled, frozenset({"kepala", "alpha"}))
    assert not office_named(spelled, frozenset({"sekretaris", "dpmd", "alpha"}))  # the role itself
    # who wrote the report: a sentence naming an official does not say
    reporter = reader.parse("siapa wartawan yang menulis berita santunan itu?")
    assert asks_office_holder(reporter)
    assert not office_named(reporter, frozenset({"kepala", "cabang", "santunan"}))


def test_a_sentence_about_another_province_does_not_answer_for_the_headlines_province(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    q = reader.parse("berapa persen cakupan pekerja di Sumsel?")
    article = _article(title="Cakupan Pekerja Sumsel Tembus 44,5 Persen")
    other = "Di Provinsi Bengkulu, cakupan kepesertaan tercatat 31,2 persen."
    assert unmet(q, other, [], article, places, {})
    assert unmet(q, "Angka itu setara 44,5 persen.", [], article, places, {}) == []


def test_a_figure_about_another_program_does_not_answer_for_the_program_asked(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    q = reader.parse("berapa nilai klaim JKM yang dibayarkan pada 2025?")
    article = _article(title="Klaim Jaminan Sosial 2025", body="Klaim JKM juga dibayarkan.")
    jkk = "Klaim Jaminan Kecelakaan Kerja (JKK) sepanjang 2025 mencapai Rp12,64 miliar."
    assert unmet(q, jkk, [], article, places, {}) == ["program"]
    total = "Nilainya sepanjang 2025 mencapai Rp3,4 miliar."
    assert unmet(q, total, ["Klaim JKM tercatat 120 kasus."], article, places, {}) == []
    assert unmet(q, total, [], article, places, {}) == ["program"]  # a figure: said near it
    who = reader.parse("siapa yang menerima santunan JKM?")
    assert unmet(who, "Santunan diserahkan kepada ahli waris.", [], article, places, {}) == []


def test_a_figure_for_several_districts_together_does_not_answer_for_one_of_them(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    group = (
        "Peserta aktif di wilayah kerja kantor cabang, meliputi Kabupaten Lahat, Kabupaten "
        "Empat Lawang, dan Kota Pagar Alam, mencapai 48.620 pekerja."
    )
    article = _article()
    q = reader.parse("berapa peserta aktif di Kota Pagar Alam?")
    assert unmet(q, group, [], article, places, {}) == ["Pagar Alam"]
    each = (
        "Di Kabupaten Lahat 20.100 pekerja, Empat Lawang 9.800 pekerja, Pagar Alam 8.700 pekerja."
    )
    assert unmet(q, each, [], article, places, {}) == []
    branch = reader.parse("berapa peserta aktif kantor cabang Lahat?")
    assert unmet(branch, group, [], article, places, {}) == []


def test_a_figure_for_formal_and_informal_workers_together_does_not_answer_for_one_group(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    both = "Di sektor formal atau informal, ada 1.033.000 pekerja yang terlindungi."
    formal = "Dari jumlah tersebut, sebanyak 690.000 pekerja di sektor formal."
    article = _article()
    informal = reader.parse("berapa pekerja informal yang terlindungi?")
    assert unmet(informal, both, [], article, places, {}) == ["segment"]
    assert unmet(informal, formal, [], article, places, {}) == ["segment"]
    assert unmet(reader.parse("berapa pekerja formal?"), formal, [], article, places, {}) == []
    together = reader.parse("berapa pekerja formal dan informal yang terlindungi?")
    assert unmet(together, both, [], article, places, {}) == []
    total = "Hingga Maret 2024 telah terlindungi sekitar 1,1 juta pekerja."
    headline = _article(title="Pemprov Lindungi Pekerja Formal dan Informal")
    assert unmet(informal, total, [], headline, places, {}) == ["segment"]
    each = "Pekerja formal dan informal masing-masing 690.000 dan 343.000 orang."
    assert unmet(informal, each, [], article, places, {}) == []


def test_a_sector_asked_is_not_answered_by_another_sectors_figure(reader: QuestionReader) -> None:
    places = _gazetteer_places()
    article = _article()
    asked = reader.parse("Berapa kasus kecelakaan di sektor perkebunan?")
    mining = "Dari jumlah itu, 482 kasus terjadi di sektor pertambangan batu bara."
    assert unmet(asked, mining, [], article, places, {}) == ["segment"]
    estates = "Sebanyak 210 kasus terjadi di sektor perkebunan sawit."
    assert unmet(asked, estates, [], article, places, {}) == []


def test_a_district_named_only_in_an_offices_name_is_not_what_the_sentence_is_about(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    q = reader.parse("Berapa cakupan kepesertaan di Kabupaten Lahat?")
    other = "Kepala Kantor Cabang BPJS Lahat mengatakan cakupan di Empat Lawang baru 22,6 persen."
    assert unmet(q, other, [], _article(), places, {}) == ["Lahat"]
    own = "Kepala Kantor Cabang Lahat mengatakan cakupan di Lahat mencapai 41,3 persen."
    assert unmet(q, own, [], _article(), places, {}) == []
    who = reader.parse("siapa kepala kantor cabang Lahat?")
    assert unmet(who, other, [], _article(), places, {}) == []  # not a figure: the office


def test_a_body_sentence_stands_for_a_headline_only_if_it_states_its_figure(
    reader: QuestionReader,
) -> None:
    q = reader.parse("berapa persen cakupan pekerja sekarang?")
    headline = "Cakupan Pekerja Tembus 44,5 Persen, Klaim Capai Rp 1,74 Triliun"
    assert restates(q, headline, "Angka itu setara 44,5 persen dari 3,1 juta pekerja.")
    assert not restates(q, headline, "Capaian itu naik dibanding akhir 2024 yang 36,9 persen.")
    assert restates(q, "Pekerja Sumsel Makin Terlindungi", "Cakupannya 36,9 persen.")
    # a headline's rounded count is stated by the exact one, not by another count
    count = reader.parse("berapa jumlah peserta aktif sekarang?")
    rounded = "Peserta Aktif di Provinsi Alpha Tembus 1,96 Juta Orang"
    assert restates(count, rounded, "Peserta aktif tercatat 1.962.418 orang.")
    assert not restates(count, rounded, "Setahun sebelumnya baru 1.781.205 orang.")
    # "tembus" cuts rather than rounds: 3.128.406 passes 3,12 juta
    cut = "Peserta Aktif di Provinsi Alpha Tembus 3,12 Juta"
    assert restates(count, cut, "Peserta aktif tercatat 3.128.406 pekerja.")
    assert not restates(count, cut, "Setahun sebelumnya baru 3.071.540 pekerja.")


def test_a_question_for_a_name_is_answered_only_by_a_sentence_naming_something_new(
    reader: QuestionReader,
) -> None:
    q = reader.parse("apa nama perusahaan aplikator yang bekerja sama dengan BPJS?")
    assert asks_name(q)
    assert not offers_name(q, "BPJS menjalin kerja sama dengan perusahaan aplikator.")
    assert offers_name(q, "BPJS menjalin kerja sama dengan PT Ojek Kita Sejahtera.")
    assert offers_name(q, "Programnya disebut Gerakan Lindungi Pengabdi Agama (Gelinda).")


def test_the_office_asked_about_is_the_one_nearest_the_question_word(
    reader: QuestionReader,
) -> None:
    q = reader.parse("pas audiensi sama gubernur, kepala kantor cabang siapa?")
    assert office_named(q, frozenset({"kepala", "kantor", "cabang"}))
    assert not office_named(q, frozenset({"gubernur", "audiensi"}))
    branch = reader.parse("kepala kantor cabang bpjs tk palembang siapa?")
    assert not office_named(branch, frozenset({"kepala", "kantor", "wilayah"}))


def test_a_quote_after_a_district_is_not_a_figure_for_its_province(reader: QuestionReader) -> None:
    places = _gazetteer_places()

    q = reader.parse("berapa persen pekerja formal di sumsel yang terdaftar?")
    lead = "Kepala Kantor Cabang Palembang menyampaikan capaian kepesertaan di Palembang."
    quote = "“Sektor formal itu sudah 80 persen,” ujarnya."
    assert "Sumatera Selatan" in unmet(q, quote, [lead], _article(), places, {})
    assert unmet(q, quote, [], _article(), places, {}) == []


def test_which_district_of_a_province_is_answered_by_a_districts_figure(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    lowest = "Kabupaten Tanjung Jabung Timur masih menjadi yang terendah dengan 68,7 persen."
    which = reader.parse("Kabupaten mana di Jambi yang cakupannya paling rendah, berapa persen?")
    jambi = _article("Cakupan di Jambi naik", "Jambi")
    assert unmet(which, lowest, [], jambi, places, {}) == []
    province = reader.parse("berapa persen cakupan di Jambi?")  # the province's own figure
    assert "Jambi" in unmet(province, lowest, [], jambi, places, {})


def test_a_window_naming_its_own_month_does_not_borrow_the_month_before_it(
    reader: QuestionReader,
) -> None:
    q = reader.parse("berapa klaim januari 2024?")
    names = {1: ("januari",), 2: ("februari",)}
    march = _article(dated=date(2024, 3, 5))
    before = ["Pada Januari 2024, klaim mencapai 1.000."]
    feb = "Sementara pada Februari 2024, klaim mencapai 1.200."
    assert unmet(q, feb, before, march, lambda _: frozenset(), names)
    assert unmet(q, "Klaim itu naik 5 persen.", before, march, lambda _: frozenset(), names) == []


def test_the_same_period_is_the_one_named_last_before_however_far_back(
    reader: QuestionReader,
) -> None:
    q = reader.parse("berapa peserta meninggal dunia januari 2039?")
    names = {1: ("januari",), 2: ("februari",)}
    march = _article(dated=date(2039, 3, 10))
    period = "Sepanjang Januari 2039, klaim dibayarkan untuk 41.380 kasus. Rinciannya:"
    items = ["JHT: Rp598,2 miliar", "JKK: Rp39,7 miliar", "JKM: Rp41,3 miliar"]
    same = "Pada periode yang sama tercatat 19 peserta meninggal dunia."
    assert unmet(q, same, [period, *items], march, lambda _: frozenset(), names) == []
    other = "Tercatat 19 peserta meninggal dunia."
    assert unmet(q, other, [period, *items], march, lambda _: frozenset(), names)
    # the period named last, not any named before
    february = "Pada Februari 2039, klaim dibayarkan untuk 12.000 kasus."
    assert unmet(q, same, [period, *items, february], march, lambda _: frozenset(), names)


def test_cases_count_what_follows_them_and_becoming_is_not_counted(
    reader: QuestionReader,
) -> None:
    accidents = reader.parse("How many workplace accidents were recorded in South Sumatra?")
    text = "Pada periode yang sama tercatat 1.362 kasus kecelakaan kerja."
    assert unit_match(accidents, text) == 1.0
    assert unit_match(reader.parse("berapa peserta yang terdaftar?"), text) == -1.0
    arrears = reader.parse("tunggakan iuran perusahaan turun dari berapa menjadi berapa?")
    assert "jadi" not in arrears.head and "usaha" in arrears.head
    # "menjadi" is passed over, not where what is asked about ends
    assert asks_office_holder(reader.parse("siapa menjadi pj gubernur sumsel?"))


def test_what_a_figure_counts_is_never_a_function_word(reader: QuestionReader) -> None:
    q = reader.parse("berapa pekerja informal yang terdaftar?")
    assert unit_match(q, "Jumlahnya mencapai 12.000 atau 30 persen dari target.") == 0.0
    assert counts_people(q) and not counts_people(reader.parse("berapa iuran pekerja?"))


def test_a_follow_up_naming_only_a_time_asks_the_question_before_again(
    reader: QuestionReader,
) -> None:
    before = reader.parse("berapa persen pekerja informal di Sumsel akhir 2020?")
    again = continued(before, reader.parse("akhir 2021 berapa?"))
    assert "informal" in again.terms and again.places == before.places
    assert (again.years, again.unit) == ((2021,), "persen")
    assert continued(before, reader.parse("skrg udah brp?")).years == ()
    assert continued(before, reader.parse("brp?")).years == (2020,)
    # a month without a year is of the year before ("... akhir mei 2051 brp, trus akhir juni?")
    may = reader.parse("pekerja jakon yg terlindungi akhir mei 2049 brp")
    june = continued(may, reader.parse("trus akhir juni jd brp?"))
    assert (june.years, june.months) == ((2049,), (6,))
    # "tgl brp?", "alasannya apa?": only what is asked for, of the question before
    assert only_a_time(reader.parse("tgl brp?")) and only_a_time(reader.parse("alasannya apa?"))
    assert not only_a_time(reader.parse("gajinya brp?"))
    when = continued(before, reader.parse("tgl brp?"))
    assert when.kind == "kapan" and "informal" in when.terms
    why = continued(before, reader.parse("alasannya apa?"))
    assert why.kind == "kenapa" and why.common_share == before.common_share
    assert reader.parse("apakah saya bisa di-PHK tanpa alasan?").kind == "ya_tidak"
    odd = continued(before, reader.parse("trus 2023 utk zorblax?"))
    assert "zorblax" in odd.unknown_rare


def test_a_figure_the_question_states_is_not_its_answer(reader: QuestionReader) -> None:
    q = reader.parse("dari 3 jutaan pekerja di sumsel, yg udah terlindungi berapa orang?")
    assert only_given_figures(q, "Pekerja di Sumsel jumlahnya mencapai 3 jutaan orang.")
    assert not only_given_figures(q, "Dari 3 juta pekerja, baru 1,3 juta yang terlindungi.")
    check = reader.parse("brp sih santunan JKM, 42 jt ya?")
    assert not only_given_figures(check, "Ahli waris menerima santunan JKM Rp42 juta.")


def test_a_magnitude_or_a_dialect_frame_word_is_not_what_is_asked(reader: QuestionReader) -> None:
    q = reader.parse("wong sumsel yg la terlindungi tu ado berapo juta sebenernyo")
    assert "juta" not in q.head and "sebenernya" not in q.words


def test_a_short_follow_up_keeps_the_time_and_place_of_the_question_before(
    reader: QuestionReader,
) -> None:
    before = reader.parse("Untuk tahun 2020, siapa pejabat yang melapor ke gubernur Sumsel?")
    after = within(before, reader.parse("berapa persen angkanya?"))
    assert after.years == (2020,) and after.places == before.places
    # A question of its own keeps only the time: the place it was about may be the asker's.
    own = within(before, reader.parse("ado program khusus wong pasar dak"), places=False)
    assert own.years == (2020,) and own.places == ()


def test_early_or_late_in_a_year_is_when_not_which_office(reader: QuestionReader) -> None:
    q = reader.parse("who was acting governor earlier in 2024?")
    assert "awal" in q.words and "awal" not in q.head
    assert office_named(q, frozenset({"jabat", "gubernur", "sumatera", "selatan"}))
    # "awal" before no time is a word of what is asked about
    assert "awal" in reader.parse("Berapa saldo awal JHT peserta?").head


def test_an_english_word_does_not_break_a_glossary_phrase(reader: QuestionReader) -> None:
    q = reader.parse("What social security programs does BPJS Ketenagakerjaan offer?")
    assert "jaminan" in q.words and "sosial" in q.words
    assert "perdagangan" not in reader.parse("is e-commerce a focus?").words


def test_a_word_doubled_with_2_is_the_word_and_angkanya_only_frames(reader: QuestionReader) -> None:
    q = reader.parse("2020 vs 2024 coverage nya naik ato turun? brp2 angkanya")
    assert "2" not in q.terms and "angka" not in q.terms
    assert q.kind == "berapa"
    assert "2,5" in reader.standard("klaim Rp2,5 miliar")  # a figure is not a doubled word


def test_the_acronym_asked_is_the_one_next_to_the_asking_word(reader: QuestionReader) -> None:
    q = reader.parse(
        "Di data kepesertaan BPJS TK ada kategori PU, BPU, Jakon, itu kepanjangannya apa?"
    )
    assert (q.kind, q.acronym) == ("singkatan", "jakon")
    assert reader.parse("apa kepanjangan JKP?").acronym == "jkp"
    assert reader.parse("What does JHT stand for?").acronym == "jht"
    assert reader.parse("Jakon di BPJS TK tu singkatan dr apa?").acronym == "jakon"  # not "tk"
    assert reader.parse("BPJS singkatan dari apa?").acronym == "bpjs"
    assert reader.parse("JKK di Sumsel kepanjangannya apa?").acronym == "jkk"  # not a place


def test_who_told_the_asker_frames_the_question(reader: QuestionReader) -> None:
    q = reader.parse("Kata tetangga BPJS TK mau menyasar pedagang juga. Benar begitu min?")
    assert "tetangga" not in q.words and "dagang" in q.terms
    assert "teman" not in reader.parse("my friend said JHT can be claimed online?").words


def test_a_figure_in_words_is_read_as_an_article_writes_it_and_a_check_is_yes_no() -> None:
    known = {"690.000", "pekerja", "formal"}
    reader = QuestionReader(
        load_glossary(KNOWLEDGE / "glossary.txt"),
        load_lexicons(KNOWLEDGE),
        known=lambda t: t in known,
    )
    q = reader.parse("bener gak sih pekerja formal yg udh terlindungi 690 ribu?")
    assert q.kind == "ya_tidak"
    assert "690.000" in q.terms and "690" not in q.terms
    assert "1.100.000" not in reader.parse("berapa pekerja 1,1 juta?").terms  # not in articles
    # "apa benar ..." asks whether it is so, even of one of a list
    assert reader.parse("Apa benar pasar jadi salah satu fokus BPJS TK?").kind == "ya_tidak"
    assert reader.parse("apa saja fokus BPJS TK?").kind == "apa_saja"


def test_a_question_about_a_target_is_not_answered_by_an_achieved_figure(
    reader: QuestionReader,
) -> None:
    q = reader.parse("berapa target peserta baru kantor cabang tahun 2026?")
    assert not fits_kind(q, "Hingga Juli 2026, peserta aktif tercatat 56.910 pekerja.")
    assert fits_kind(q, "Kantor cabang menargetkan 6.000 peserta baru pada 2026.")
    # the figure stands in the sentence about the aim, not in the one beside it
    beside = "Cakupan sudah 65 persen dari 1,6 juta penduduk. Target itu dapat tercapai tahun ini."
    assert not fits_kind(reader.parse("target nasional berapa orang?"), beside)
    assert fits_kind(reader.parse("target nasional berapa orang?"), "Targetnya 95 ribu orang.")
    after = (
        "Tahun ini kantor cabang memasang target baru. Sebanyak 95 ribu pekerja harus terdaftar."
    )
    assert fits_kind(reader.parse("target nasional berapa orang?"), after)


def test_a_follow_up_keeps_the_place_or_the_program_it_does_not_name(
    reader: QuestionReader,
) -> None:
    before = reader.parse("berapa klaim JHT di Palembang tahun 2024?")
    after = continued(before, reader.parse("kalau 2025?"))
    assert {p.name for p in after.places} == {"Palembang", "Jaminan Hari Tua"}
    other = continued(before, reader.parse("kalau JKK 2025?"))
    assert {p.name for p in other.places} == {"Palembang", "Jaminan Kecelakaan Kerja"}


def test_targetnya_asks_about_a_target_only_as_the_subject(reader: QuestionReader) -> None:
    from bot.answer.scoring import asks_target

    assert asks_target(reader.parse("Targetnya Kanwil itu berapa persen pekerja?"))
    assert not asks_target(reader.parse("berapa pekerja terlindungi? targetnya kapan"))


def test_a_year_named_by_the_answer_overrides_the_articles_date(reader: QuestionReader) -> None:
    from bot.answer.constraints import year_met

    march_2026 = _article(title="Klaim JKK Muba", dated=date(2026, 3, 5))
    assert not year_met(2026, "Klaim JKK sepanjang 2025 mencapai 684 kasus.", [], march_2026)
    assert year_met(2026, "Klaim JKK mencapai 684 kasus.", [], march_2026)
    # "tahun lalu" / "tahun ini" are years told by the article's own
    quote = "“Tahun lalu baru 41 desa. Tahun ini seluruh 65 desa,” kata Reza."
    assert year_met(2025, quote, [], march_2026) and year_met(2026, quote, [], march_2026)
    assert not year_met(2024, "Tahun lalu baru 41 desa.", [], march_2026)
    assert not year_met(2025, "Tahun ini seluruh 65 desa.", [], march_2026)
    assert year_met(2027, "“Tahun depan kami bidik 80 persen,” ujar Reza.", [], march_2026)
    compared = "Peserta naik 10 persen dibanding periode yang sama tahun lalu."
    assert not year_met(2025, compared, [], march_2026) and year_met(2026, compared, [], march_2026)
    december_2024 = _article(dated=date(2024, 12, 4))
    lead = "Pemkab sepakat menanggung iuran 16.700 petani mulai 1 Januari 2025."
    assert year_met(2025, "Pemkab menanggung iuran 6.300 petani kopi.", [lead], december_2024)
    # A year a figure is compared with is not the period of the sentences after it.
    total = "Peserta aktif per 30 Juni 2041 mencapai 3,44 juta orang."
    rise = "Jumlah itu naik dari 3,38 juta orang pada akhir Desember 2040."
    parts = "Peserta aktif tersebut terdiri atas 1,93 juta pekerja penerima upah."
    july_2041 = _article(dated=date(2041, 7, 17))
    assert year_met(2041, parts, [total, rise], july_2041)
    assert not year_met(2040, parts, [total, rise], july_2041)
    rose = "Dibandingkan tahun sebelumnya, jumlah klaim pada 2041 naik 12 persen."
    assert year_met(2041, parts, [rose], july_2041)  # the year is its own, not compared


def test_an_amount_for_one_purpose_is_not_answered_by_one_for_another(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Berapa anggaran pemkab untuk beasiswa anak pekerja sumur minyak?")
    article = _article(dated=date(2041, 7, 17))
    none = lambda _: frozenset()  # noqa: E731
    premiums = "Pemkab menanggung iuran 1.200 pekerja sumur minyak dengan anggaran Rp241,9 juta."
    assert unmet(q, premiums, [], article, none, {}) == ["purpose anak beasiswa"]
    grants = "Anggaran beasiswa bagi anak pekerja sumur minyak Rp1,2 miliar."
    assert unmet(q, grants, [], article, none, {}) == []
    # said in the sentence before, it is met
    assert (
        unmet(q, "Nilainya Rp1,2 miliar.", ["Pemkab menyiapkan beasiswa."], article, none, {}) == []
    )
    # a verb before what it is for is passed over; a payout "for" someone names no purpose
    paying = reader.parse("berapa anggaran pemkab untuk membayar iuran pekerja rentan?")
    assert unmet(paying, premiums, [], article, none, {}) == []
    widow = reader.parse("santunan buat istri pak Budi brp?")
    assert unmet(widow, "Santunan JKM Rp42 juta diserahkan.", [], article, none, {}) == []
    # a count asked for a purpose is no amount
    assert (
        unmet(reader.parse("berapa pekerja untuk beasiswa?"), premiums, [], article, none, {}) == []
    )


def test_when_something_happened_is_answered_by_a_sentence_telling_it(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Kapan Pak Budi Wirasaputra dilantik jadi Pj Gubernur?")
    assert q.events == {"lantik"}
    article = _article(dated=date(2024, 8, 2), body="Pj Gubernur Budi Wirasaputra hadir.")
    none = lambda _: frozenset()  # noqa: E731
    audience = "Kanwil beraudiensi dengan Pj Gubernur Budi Wirasaputra, Kamis 1 Agustus 2024."
    assert unmet(q, audience, [], article, none, {}) == ["event"]
    sworn = "Pelantikan Pj Gubernur Budi Wirasaputra berlangsung Senin 1 Juli 2024."
    assert unmet(q, sworn, [], article, none, {}) == []
    # verbs of taking place and of telling name no event of their own
    assert not reader.parse("kapan acara itu digelar?").events
    assert not reader.parse("berapa pekerja yang dilantik?").events  # only "kapan" asks
    # a clause describing what it asks about names no event; nor does English, translated;
    # nor a light verb; and an event is asked of a person named
    assert reader.parse("kapan Budi Wirasaputra dilantik setelah ikut seleksi?").events == {
        "lantik"
    }
    assert not reader.parse("When was Budi Wirasaputra appointed?").events
    assert not reader.parse("kapan Budi Wirasaputra menjadi kepala cabang?").events
    assert not reader.parse("kapan longsor yang menewaskan tiga pekerja terjadi?").events
    assert not reader.parse("kapan iuran dibayarkan?").events


def test_another_half_of_the_year_does_not_answer(reader: QuestionReader) -> None:
    q = reader.parse("Berapa total klaim pada semester II 2041?")
    july = _article(dated=date(2041, 7, 17))
    none = lambda _: frozenset()  # noqa: E731
    first = "Klaim sepanjang semester I 2041 sebesar Rp2,39 triliun."
    assert unmet(q, first, [], july, none, {}) == ["semester"]
    assert unmet(q, "Klaim semester kedua 2041 Rp2,5 triliun.", [], july, none, {}) == []
    assert unmet(q, "Klaim semester I dan II 2041 masing-masing naik.", [], july, none, {}) == []
    english = reader.parse("How much was claimed in the first half of 2041?")
    assert unmet(english, first, [], july, none, {}) == []
    # nor a quarter by a figure of a half, nor a half by one of a quarter
    third = reader.parse("Berapa klaim pada triwulan III 2041?")
    assert unmet(third, first, [], july, none, {}) == ["triwulan"]
    assert unmet(english, "Klaim triwulan I 2041 Rp1,1 triliun.", [], july, none, {}) != []

    # a window naming no part is of the part the sentence before it names, or of its months'
    second = reader.parse("Berapa penerima manfaat JKP pada kuartal II 2052?")
    april = _article(dated=date(2052, 4, 18))
    lead = "Sebanyak 1.318 peserta menerima manfaat JKP selama kuartal I 2052."
    paid = "Total manfaat yang dibayarkan mencapai Rp9,86 miliar."
    assert "triwulan" in unmet(second, paid, [lead], april, none, {})
    assert "triwulan" not in unmet(second, paid, [], april, none, {})
    names = {1: ("januari",), 3: ("maret",), 5: ("mei",)}
    months = "Selama Januari hingga Maret 2052 ada 1.962 penerima JKP."
    assert "triwulan" in unmet(second, months, [], april, none, names)
    may = "Hingga Mei 2052 ada 2.100 penerima JKP."
    assert "triwulan" not in unmet(second, may, [], april, none, names)
    since = "JKP yang berlaku sejak Februari telah dibayarkan kepada 2.300 peserta."
    assert "triwulan" not in unmet(second, since, [], april, none, names)  # when it began
    # the last sentence before that names a period places it
    later = "Sementara pada Maret hingga Mei 2052 jumlahnya naik."
    assert "triwulan" not in unmet(second, paid, [lead, later], april, none, names)


def test_a_window_naming_another_month_is_not_of_the_articles_month(
    reader: QuestionReader,
) -> None:
    q = reader.parse("berapa peserta per November 2026?")
    november = _article(dated=date(2026, 11, 6))
    names = {10: ("oktober",), 11: ("november",)}
    none = lambda _: frozenset()  # noqa: E731
    october = "Hingga 31 Oktober 2026 ada 152.340 peserta."
    assert unmet(q, october, [], november, none, names) == ["month 11"]
    assert unmet(q, "Ada 152.340 peserta.", [], november, none, names) == []


def test_may_is_named_by_its_three_letter_indonesian_name(reader: QuestionReader) -> None:
    from index.text import MONTH_NAMES

    q = reader.parse("cakupan per 31 Mei 2031 berapa persen?")
    july = _article(dated=date(2031, 7, 21))
    none = lambda _: frozenset()  # noqa: E731
    in_may = "Cakupan per 31 Mei 2031 mencapai 68,2 persen."
    assert unmet(q, in_may, [], july, none, MONTH_NAMES) == []
    assert unmet(q, "Cakupan per Juni 2031 mencapai 69 persen.", [], july, none, MONTH_NAMES)
    assert "may" not in MONTH_NAMES[5]  # the English modal verb is no month inside a sentence
    from bot.answer.features import when_near

    figure = in_may.index("68,2")
    assert when_near(q, in_may, ((figure, figure + 11),)) == 1.0
    named = "Kata Meiliana, cakupan mencapai 68,2 persen."
    at = named.index("68,2")
    assert when_near(reader.parse("cakupan per Mei berapa?"), named, ((at, at + 11),)) == 0.0


def test_one_month_of_a_period_is_enough(reader: QuestionReader) -> None:
    places = _gazetteer_places()

    q = reader.parse("berapa beasiswa sepanjang Januari-September 2026?")
    assert set(q.months) == {1, 9}
    names = {1: ("januari",), 9: ("september",)}
    october = _article(dated=date(2026, 10, 21))
    lead = "Hingga September 2026, klaim naik."
    assert unmet(q, "Sebanyak 1.186 anak menerima beasiswa.", [lead], october, places, names) == []


def test_a_yes_no_question_checks_the_year_it_names(reader: QuestionReader) -> None:
    q = reader.parse("Apakah target 50 persen pekerja terlindungi itu untuk tahun 2024?")
    august_2024 = _article(dated=date(2024, 8, 1))
    target = "Target 50 persen pekerja terlindungi pada 2025."
    assert unmet(q, target, [], august_2024, lambda _: frozenset(), {}) == []


def test_places_left_out_by_the_question_are_no_constraint(reader: QuestionReader) -> None:
    q = reader.parse("Berapa peserta di OKU saja, tidak termasuk OKU Timur dan OKU Selatan?")
    assert [p.name for p in q.places] == ["Ogan Komering Ulu"]
    besides = reader.parse("selain JHT, program apa lagi yang ada?")
    assert not [p for p in besides.places if p.kind == "program"]


def test_a_how_answer_takes_the_next_sentence_of_its_paragraph() -> None:
    from bot.answer.scoring import Scored
    from bot.answer.windows import with_paragraph_next
    from index.records import Sentence
    from index.text import split_sentences

    body = "Belum ada regulasi untuk itu. Kami mengajak Pemda menyisihkan anggaran.\n\nLain hal."
    article = _article(body=body)
    sents = [Sentence("a", s, e, body[s:e]) for s, e in split_sentences(body)]
    first = Scored(article, (sents[0],), (0,), 1.0, 1.0, 1.0)
    assert with_paragraph_next(first, sents).positions == (0, 1)
    last = Scored(article, (sents[1],), (1,), 1.0, 1.0, 1.0)
    assert with_paragraph_next(last, sents).positions == (1,)  # the paragraph ends there


def test_whether_a_target_was_reached_is_not_answered_by_the_target(
    reader: QuestionReader,
) -> None:
    from bot.answer import evidence
    from bot.answer.scoring import asks_outcome

    q = reader.parse("target 50 persen taun 2025 tu la tercapai belum?")
    assert asks_outcome(q)
    assert not asks_outcome(reader.parse("berapa persen target tahun 2025?"))
    assert not asks_outcome(reader.parse("fokus apa aja biar target 50% tercapai?"))
    assert not asks_outcome(reader.parse("apakah kacab yakin target nasional tercapai?"))
    assert asks_outcome(reader.parse("target nasional akhirnya tercapai gak? kata dia optimis"))
    # a prediction: later ("kagek": "nanti"), as "akan" asks
    assert asks_outcome(reader.parse("kagek taun 2025 target 50 persen tu tercapai dak?"))
    assert not asks_outcome(reader.parse("target 95 persen tu nanti tercapai kapan?"))  # when
    assert not evidence.states_outcome("Ia optimis target nasional dapat tercapai tahun ini.")
    assert evidence.states_outcome("Target 50 persen itu tercapai pada Desember 2025.")


def test_review_cases_of_this_rounds_constraints(reader: QuestionReader) -> None:
    from bot.answer import evidence
    from bot.answer.constraints import year_met

    assert [p.name for p in reader.parse("Berapa pekerja tanpa perlindungan di Jambi?").places] == [
        "Jambi"
    ]
    in_2026 = _article(dated=date(2026, 2, 1))
    rule = "Sesuai PP Nomor 44 Tahun 2015, iuran JKK 0,24 persen."
    assert year_met(2026, rule, [], in_2026)
    assert not evidence.states_outcome("Pemda diminta bergerak agar target 50 persen tercapai.")
    q = reader.parse("Apakah klaim JHT tahun 2026 naik?")
    old = _article(dated=date(2024, 3, 1))
    assert unmet(q, "Klaim JHT naik 12 persen.", [], old, lambda _: frozenset(), {})


def test_which_districts_asks_for_districts_and_a_prediction_for_an_outcome(
    reader: QuestionReader,
) -> None:
    from bot.answer.scoring import asked_place_kinds, asks_outcome

    assert asked_place_kinds(reader.parse("Kabupaten mana saja yang sudah menanggung iuran?")) == (
        ("kabupaten", "kota"),
        2,
    )
    assert asked_place_kinds(reader.parse("kabupaten mana yang tertinggi 2024?")) == (
        ("kabupaten", "kota"),
        1,
    )
    assert asked_place_kinds(reader.parse("berapa pekerja di kabupaten itu?")) == ((), 0)
    assert asks_outcome(reader.parse("Do you think Sumsel will actually hit the 50% target?"))


def test_a_place_outside_the_gazetteer_is_named_by_its_title(reader: QuestionReader) -> None:
    def known(text: str) -> frozenset[Place]:
        return frozenset(reader.lexicons.gazetteer.find(words(text)))

    text = "Terbanyak dari Kabupaten Wanagiri Hulu, lalu Kabupaten Ogan Ilir dan Kota Tirta Baru."
    assert titled_places(text, known) == {("kabupaten", "Wanagiri Hulu"), ("kota", "Tirta Baru")}
    # a mayor's title is no town; one place named twice, once before a day's name, is one
    again = "Wali Kota Ahmad Yani ke Kabupaten Wanagiri Senin (5/12), lalu Kabupaten Wanagiri."
    assert titled_places(again, known) == {("kabupaten", "Wanagiri Senin")}


def test_a_place_followed_by_a_question_word_of_another_phrase_asks_no_place_list(
    reader: QuestionReader,
) -> None:
    from bot.answer.scoring import asked_place_kinds

    assert asked_place_kinds(reader.parse("gubernur minta pemkab pemkot ngapain?")) == ((), 0)
    assert asked_place_kinds(reader.parse("kota apa saja yang ikut?")) == (("kabupaten", "kota"), 2)


@pytest.mark.parametrize(
    "question", ["Which five provinces make up the region?", "5 provinsi di wilayah itu apa aja?"]
)
def test_which_provinces_with_a_number_asks_for_several_provinces(
    reader: QuestionReader, question: str
) -> None:
    from bot.answer.scoring import asked_place_kinds

    assert asked_place_kinds(reader.parse(question)) == (("province",), 2)


@pytest.mark.parametrize(
    "question",
    [
        "apa kabupaten Banyuasin menanggung iuran BPJS Ketenagakerjaan?",
        "Kabupaten Banyuasin program BPJS apa saja yang ditanggung?",
    ],
)
def test_a_named_district_asks_no_list_of_districts(reader: QuestionReader, question: str) -> None:
    from bot.answer.scoring import asked_place_kinds

    assert asked_place_kinds(reader.parse(question)) == ((), 0)


def test_a_number_after_which_district_does_not_ask_for_several(reader: QuestionReader) -> None:
    from bot.answer.scoring import asked_place_kinds

    q = reader.parse("kabupaten mana yang cakupannya capai 95 persen dalam 2 tahun?")
    assert asked_place_kinds(q).at_least == 1


def test_kabupaten_atau_kota_mana_asks_one_kind_of_place_not_two_sides(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Kabupaten atau kota mana yang cakupannya paling rendah di Sumsel?")
    assert len(sides(q)) == 1
    assert len(sides(reader.parse("lebih tinggi kota atau provinsi?"))) == 2
    assert len(sides(reader.parse("lebih banyak pekerja formal atau informal?"))) == 2


def test_berapa_orang_counts_what_comes_before_it(reader: QuestionReader) -> None:
    q = reader.parse("nelayannya berapa orang?")
    text = "Pemkab juga menanggung iuran 7.200 nelayan dengan anggaran Rp1,45 miliar."
    assert unit_match(q, text) > 0


def test_an_office_is_met_by_its_article_when_no_figure_is_asked(reader: QuestionReader) -> None:
    from bot.answer.constraints import year_met

    places = _gazetteer_places()

    body = "Kepala Kantor Cabang BPJS Ketenagakerjaan Palembang menyampaikan capaian. Kanwil Sumbagsel hadir."
    article = _article(title="Target 2025", dated=date(2024, 8, 1), body=body)
    window = "Usai peresmian layanan baru pada Kamis 12 Januari 2023, gubernur meminta pelayanan maksimal."
    office = reader.parse("kapan peresmian layanan baru di BPJS TK Palembang?")
    assert unmet(office, window, [], article, places, {}) == []
    town = reader.parse("kapan peresmian layanan baru di Palembang?")
    assert unmet(town, window, [], article, places, {}) == ["Palembang"]
    partner = _article(body="BPJS Ketenagakerjaan bersama Pemkot Palembang hadir.")
    assert unmet(office, window, [], partner, places, {}) == ["Palembang"]
    region = reader.parse("apa saja fokus kanwil sumbagsel?")
    assert unmet(region, "Pihaknya fokus pada 3 hal.", [], article, places, {}) == []
    figure = reader.parse("berapa pekerja terlindungi di sumbagsel?")
    assert unmet(figure, "Sebanyak 1.000 pekerja terlindungi.", [], article, places, {})
    # The title's year serves a question asking no figure, not one asking a figure.
    assert year_met(2025, "Pihaknya fokus pada 3 hal.", [], article, figure=False)
    assert not year_met(2025, "Sebanyak 1.000 pekerja terlindungi.", [], article)


def test_since_and_until_questions_need_an_answer_that_says_so(reader: QuestionReader) -> None:
    article = _article(dated=date(2024, 8, 1))
    none = lambda _: frozenset()  # noqa: E731
    since = reader.parse("sejak kapan Yudha menjabat kepala kantor wilayah?")
    dated = "Yudha beraudiensi dengan gubernur pada Kamis 1 Agustus 2024."
    assert unmet(since, dated, [], article, none, {}) == ["since or until"]
    assert (
        unmet(since, "Yudha, yang menjabat sejak 1 Oktober 2025, hadir.", [], article, none, {})
        == []
    )
    assert (
        unmet(
            reader.parse("kapan mulai gerakan itu?"), "Gerakan dimulai 2024.", [], article, none, {}
        )
        == []
    )
    until = reader.parse("elen jadi penjabat gubernur sampe kapan?")
    assert unmet(until, dated, [], article, none, {}) == ["since or until"]
    assert not reader.parse("berapa laporan diterima sejak posko dibuka?").time_cues
    assert not reader.parse("kapan gerakan itu dicanangkan?").time_cues


def test_who_holds_a_role_the_articles_never_name_is_refused(reader: QuestionReader) -> None:
    from bot.answer.constraints import role_unknown

    assert role_unknown(reader.parse("siapa pemenang penghargaan itu?"))
    assert not role_unknown(reader.parse("siapa kepala kantor wilayah?"))
    assert not role_unknown(reader.parse("siapa Budi Wirasaputra?"))
    assert not role_unknown(reader.parse("siapa yang hadir?"))
    assert role_unknown(reader.parse("who is the winner of the award?"))
    assert not role_unknown(reader.parse("kantor wilayah di mana?"))
    assert not role_unknown(reader.parse("di mana lokasi kantor wilayah?"))
    # "lokasi", "acara": asking nouns, asking where of what is named with them (the articles
    # never using the word says nothing of what they cover)
    assert not role_unknown(reader.parse("kantor wilayah lokasinya di mana?"))
    assert not role_unknown(reader.parse("acaranya di mana?"))
    # where something was held: any sentence placing it answers, whatever the event is called
    assert role_unknown(reader.parse("diskusi di mana?"))  # a noun of a verb's shape
    for held in ("diadakan", "digelar", "berlangsung", "diadakan ya"):
        assert not role_unknown(reader.parse(f"acaranya {held} di mana?"))
    # the role first, the question word last; not "yg <verb> ... siapa"
    assert role_unknown(reader.parse("pemenang penghargaan itu siapa aja?"))
    assert not role_unknown(reader.parse("kepala kantor wilayah siapa?"))
    assert not role_unknown(reader.parse("yg menang penghargaan siapa aja?"))


def test_capitalised_words_of_the_articles_are_a_name_not_english() -> None:
    known = {"new", "blue", "print", "kapan", "resmi"}
    glossary = load_glossary(KNOWLEDGE / "glossary.txt")
    reader = QuestionReader(glossary, load_lexicons(KNOWLEDGE), known=lambda t: t in known)
    q = reader.parse("When was the New Service Blue Print launched?")
    assert {"new", "blue", "print"} <= set(q.words)
    assert "baru" not in q.words
    assert "baru" in reader.parse("when was the new service launched?").words


def test_a_place_the_gazetteer_does_not_know_is_still_a_constraint(reader: QuestionReader) -> None:
    assert reader.parse("berapa peserta yang ditanggung Pemkab Karangjati?").local_names == (
        "karangjati",
    )
    assert reader.parse("siapa kepala cabang rawamerta?").local_names == ("rawamerta",)
    english = reader.parse("How many workers does the Cikoneng branch cover?")
    assert english.local_names == ("cikoneng",)
    assert reader.parse("berapo petani kopi di Semendo yang la terdaftar?").local_names == (
        "semendo",
    )
    assert reader.parse("berapa petani kopi di semendo?").local_names == ()  # no capital
    assert reader.parse("berapa peserta di BPJS Ketenagakerjaan?").local_names == ()
    assert reader.parse("dari lima provinsi di Sumbagsel, Sumsel dinilai apa?").local_names == ()
    # Known places, a local government as a subject, a dialect word and a corpus word are not.
    assert reader.parse("berapa peserta di Kota Palembang?").local_names == ()
    assert reader.parse("pemprov bakal ngapain?").local_names == ()
    assert reader.parse("berapo kabupaten kota kiro2?").local_names == ()
    assert reader.parse("berapa pekerja di kota kantor?").local_names == ()
    # A known place with "-nya" written onto it is that place.
    q = reader.parse("kepala cabang palembangnya siapa?")
    assert q.local_names == ()
    assert [p.name for p in q.places] == ["Palembang"]
    assert "bukannya" in reader.parse("bukannya peserta BPU bayar sendiri?").words  # no place
    # Common words of an office's name are no place.
    assert reader.parse("berapa peserta Kantor Cabang Pembantu Baturaja?").local_names == ()
    assert reader.parse("What is the Main Branch target?").local_names == ()
    # The agency's name between the place word and the name; a name of several words, one
    # of them a province's ("Kabupaten Jawa Tengah Raya" is no province).
    assert reader.parse("berapa peserta Kantor Cabang BPJS TK Sukamundur?").local_names == (
        "sukamundur",
    )
    # no town's name in the gazetteer makes a place word of a common noun ("pelabuhan")
    assert reader.parse("Berapa TKBM di Pelabuhan Sukamundur?").local_names == (
        "pelabuhan sukamundur",
    )
    assert reader.parse("cakupan di Kabupaten Jawa Tengah Raya?").local_names == (
        "jawa tengah raya",
    )
    # The kabupaten of the provinces around Sumsel are in the gazetteer, with their spelling
    # ("Bungo" is no dialect "bunga").
    east = reader.parse("cakupan di Kabupaten Belitung Timur?")
    assert east.local_names == () and [p.name for p in east.places] == ["Belitung Timur"]
    aceh = reader.parse("cakupan di Kabupaten Aceh Tamiang?")
    assert aceh.local_names == () and [p.name for p in aceh.places] == ["Aceh Tamiang"]
    assert [p.name for p in reader.parse("berapa peserta di Kabupaten Bungo?").places] == ["Bungo"]
    assert reader.parse("berapa pekerja di Provinsi Bangka Belitung?").local_names == ()
    # A capitalised question word or English office word is not part of the name.
    for titled in (
        "Kepala Cabang Xyzabad Siapa?",
        "Berapa Jumlah Peserta Aktif Di Cabang Xyzabad Saat Ini?",
        "Who is the head of the Xyzabad Branch Office?",
        "Cabang BPJS Ketenagakerjaan Xyzabad Dimana?",
    ):
        assert reader.parse(titled).local_names == ("xyzabad",), titled
    q = reader.parse("berapa peserta di kabupaten karangjati?")
    article = _article()
    none = lambda _: frozenset()  # noqa: E731
    assert unmet(q, "Di Cikoneng ada 38.650 peserta.", [], article, none, {}) == ["karangjati"]
    assert unmet(q, "Di Karangjati ada 9.000 peserta.", [], article, none, {}) == []
    lead = ["Di Karangjati ada 9.000 peserta."]
    assert unmet(q, "Pesertanya naik 10 persen.", lead, article, none, {}) == []
    places = _gazetteer_places()

    province = "Secara keseluruhan, di Sumatera Selatan ada 1,1 juta peserta."
    assert unmet(q, province, lead, article, places, {}) == ["karangjati"]


def test_a_name_of_common_words_closing_an_office_is_a_person() -> None:
    from bot.answer.evidence import person_spans

    text = "Kepala Kantor Cabang BPJS Ketenagakerjaan Jember Rizky Aditya Nugroho mengatakan, ada 9 kasus."
    assert any("Rizky Aditya Nugroho" in text[s:e] for s, e in person_spans(text))
    assert person_spans("Direktur Utama Rumah Sakit Umum hadir.") == ()


def test_a_window_naming_no_year_is_of_the_year_the_sentence_before_names() -> None:
    from bot.answer.constraints import year_met

    february_2026 = _article(dated=date(2026, 2, 10))
    quote = '"Kenaikan terbesar dari pekerja rentan," ujar Yudha, Senin (9/2/2026).'
    lead = "Sepanjang 2025, BPJS Ketenagakerjaan membayarkan klaim Rp1,74 triliun."
    window = "Klaim terbesar berasal dari JHT sebanyak 104.260 kasus."
    assert not year_met(2026, window, [quote, lead], february_2026)  # the day is no year
    assert year_met(2025, window, [quote, lead], february_2026)
    assert year_met(2026, window, [quote], february_2026)  # only the article's date


def test_articles_just_after_a_year_or_month_are_read_for_it() -> None:
    import numpy as np

    from bot.answer.retrieval import _reports_on

    def reports(day: date, years: list[int], months: list[int]) -> bool:
        year, month = np.array([day.year]), np.array([day.month])
        return bool(_reports_on(year, month, years, months)[0])

    assert reports(date(2027, 1, 14), [2026], [])  # a year's results, out in January
    assert reports(date(2026, 6, 1), [2026], [])
    assert not reports(date(2027, 5, 2), [2026], [])
    assert reports(date(2026, 4, 3), [2026], [3])  # March's figures, out in April
    assert reports(date(2026, 6, 20), [2026], [3])  # or in the quarter after it
    assert reports(date(2027, 1, 5), [2026], [12])
    assert reports(date(2027, 2, 5), [2026], [11])
    assert not reports(date(2026, 7, 3), [2026], [3])
    assert not reports(date(2026, 2, 3), [2026], [3])  # before the month asked
    assert not reports(date(2027, 4, 3), [2026], [3])  # the year after
    assert reports(date(2027, 3, 30), [2026], [12])  # December's, read into March
    assert not reports(date(2027, 4, 2), [2026], [12])
    assert reports(date(2031, 7, 1), [], [5])  # a month without a year: any year's


def test_a_list_items_line_with_a_figure_is_answer_text_not_a_headline() -> None:
    from bot.answer.windows import headline_like
    from index.records import Sentence

    body = (
        "Sepanjang 2026, klaim di Sumsel Rp1,87 triliun. Rinciannya sebagai berikut:\n\n"
        "Jaminan Hari Tua (JHT): 110.420 kasus, Rp1,63 triliun\n\n"
        "Jaminan Kematian (JKM): 2.318 kasus, Rp101,4 miliar\n\n"
        "Menurut Yudha, klaim naik.\n\n"
        "Klaim Naik 12 Persen\n\n"
        "Beasiswa Anak Peserta\n\n"
        "Ada 1.658 anak penerima beasiswa."
    )

    def line(text: str) -> Sentence:
        start = body.index(text)
        return Sentence("a", start, start + len(text), text)

    assert not headline_like(body, line("Jaminan Hari Tua (JHT): 110.420 kasus, Rp1,63 triliun"))
    assert not headline_like(body, line("Jaminan Kematian (JKM): 2.318 kasus, Rp101,4 miliar"))
    assert headline_like(body, line("Klaim Naik 12 Persen"))  # a subheading after a sentence
    assert headline_like(body, line("Beasiswa Anak Peserta"))


def test_pejabat_asks_for_any_office_and_a_time_word_ends_the_office_named(
    reader: QuestionReader,
) -> None:
    from index.text import stem

    def terms(text: str) -> frozenset[str]:
        return frozenset(stem(w) for w in words(text))

    q = reader.parse("siapa pejabat bpjs tk yg lapor ke gubernur tahun 2020?")
    assert asks_office_holder(q)
    assert office_named(q, terms("Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagsel, Arief"))
    governor = reader.parse("siapa gubernur tahun 2020?")
    assert office_named(governor, terms("Gubernur Sumsel Herman Deru"))  # "tahun" is no office


def test_who_took_over_from_someone_is_answered_by_another_person(reader: QuestionReader) -> None:
    q = reader.parse("Siapa yang menggantikan Budi Wirasaputra sebagai kepala cabang?")
    assert asks_someone_else(q)
    assert not fits_kind(q, "Sebelumnya, Budi Wirasaputra menjabat kepala cabang di Jambi.")
    took_over = "Kini Sugiharto Wibisono menjabat kepala cabang, menggantikan Budi Wirasaputra."
    assert fits_kind(q, took_over)
    assert not asks_someone_else(reader.parse("Siapa Budi Wirasaputra?"))
    assert not asks_someone_else(reader.parse("Siapa Pak Budi Wirasaputra?"))
    assert not asks_someone_else(reader.parse("Siapa sih Budi Wirasaputra itu?"))


def test_the_role_of_the_person_asked_for_is_named_with_the_person(
    reader: QuestionReader,
) -> None:
    joined = reader.parse("yg nyampein 5 program itu siapa? jabatannya apa")
    assert "jabat" not in joined.terms and joined.kind == "siapa"
    assert "jabat" in reader.parse("pak Muhyidin itu jabatannya apa sih?").terms


def test_sources_side_by_side_count_what_the_question_counts(reader: QuestionReader) -> None:
    q = reader.parse("sekarang berapa pekerja yang terlindungi?")
    best = "Baru 34 persen terlindungi."  # the best window may give a share instead
    assert same_figure_kind(q, best, "Sebanyak 1,64 juta pekerja terlindungi.")
    assert not same_figure_kind(q, best, "Cakupannya 51,9 persen.")
    # a number asked of something other than people: a count answers a share's place too
    q = reader.parse("what is the latest number of active participants?")
    best = "Jumlah peserta aktif naik 5,3 persen dalam setahun."
    assert same_figure_kind(q, best, "Tercatat 4.287.115 peserta aktif per September.")
    assert not same_figure_kind(q, best, "Iurannya naik 2,1 persen.")
    target = reader.parse("targetnya tahun ini berapa?")  # a target is often a share
    assert not same_figure_kind(target, "Target naik menjadi 32 persen.", "Sebanyak 210 unit.")


def test_what_is_the_target_asks_for_a_value(reader: QuestionReader) -> None:
    assert reader.parse("whats the coverage target for 2025?").kind == "berapa"
    assert reader.parse("What is the total budget?").kind == "berapa"
    assert reader.parse("What is the New Service Blue Print?").kind == "apa_itu"


def test_time_nouns_are_not_what_is_asked_and_counters_count_people(
    reader: QuestionReader,
) -> None:
    q = reader.parse("gubernur sumsel yg ditemui bpjs tk bulan november 2020 siapa?")
    assert "bulan" not in q.terms and q.months == (11,) and q.years == (2020,)
    assert "tahun" not in reader.parse("brp peserta th 2020?").terms
    assert "tahun" in reader.parse("berapa peserta tahun lalu?").terms  # no year after it
    # "brp org" counts people, of what the words before the question word name
    counted = reader.parse("jumlah pekerja yg udh terlindungi di sumsel skrg brp org?")
    assert counted.head == ("orang",) and {"orang", "kerja"} <= counted_nouns(counted)


def test_a_who_question_is_about_what_precedes_its_relative_clause(reader: QuestionReader) -> None:
    q = reader.parse("gubernur sumsel yg dateng pas peresmian new service blue print siapa ya")
    assert q.head == ("gubernur", "sumatera", "selatan")
    # starting with the relative word, the whole question is what it asks about
    assert "target" in reader.parse("yg ngomong target 50 persen itu siapa sih").head


def test_what_figure_or_level_in_english_asks_a_value(reader: QuestionReader) -> None:
    assert reader.parse("What population figure for Palembang is mentioned?").kind == "berapa"
    assert reader.parse("Which coverage level did the governor expect?").kind == "berapa"
    assert reader.parse("What's the coverage level in Palembang?").kind == "berapa"
    for other in (
        "What is BPJS Ketenagakerjaan?",
        "What happens if the total is not reached?",
        "Which level of government pays the contributions?",
    ):
        assert reader.parse(other).kind != "berapa", other
    rate = reader.parse("What was the participation rate in 2023?")
    assert (rate.kind, rate.unit) == ("berapa", "persen")
    # "what's" read as "apa yang": still a value when a figure noun follows
    assert reader.parse("What's the coverage target they want to hit in 2025?").kind == "berapa"


def test_a_comparison_of_a_figure_without_a_question_word_asks_its_values(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Bandingkan cakupan kepesertaan Sumsel akhir 2026 dengan akhir 2027.")
    assert q.kind == "berapa"
    assert reader.parse("coverage sumsel 2020 sm 2024 naik ga sih").kind == "berapa"
    for other in (
        "Bandingkan program JHT dengan JKK",  # no figure noun
        "Upaya apa yang dilakukan agar cakupan naik?",
        "Anggaran iurannya dari mana?",
        "Target program itu pekerja formal atau informal?",
    ):
        assert reader.parse(other).kind != "berapa", other


def test_showing_up_is_attending(reader: QuestionReader) -> None:
    assert "hadir" in reader.parse("siapo bae wong BPJS yang datang pas audiensi?").words
    assert "hadir" in reader.parse("who showed up at the audience?").words
    assert "hadir" not in reader.parse("kenaikan terbesar datang dari mana?").words


def test_english_chat_spellings_and_who_runs(reader: QuestionReader) -> None:
    q = reader.parse("hw many workers r there in total in sumsel")
    assert (q.kind, "hw" in q.terms, "r" in q.terms) == ("berapa", False, False)
    assert reader.parse("hw much is the budget").kind == "berapa"
    assert reader.parse("hw long does the protection last").unit == "lama"
    who = reader.parse("who runs the regional office these days?")
    assert who.kind == "siapa" and "kepala" in who.words and who.wants_latest


def test_where_a_report_was_given_is_not_what_its_figures_are_about(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    q = reader.parse("berapa peserta BPU di Sumsel?")
    before = [
        "Jumlah peserta di Sumsel menembus 2 juta orang.",
        "Data tersebut dipaparkan Kepala Kantor Wilayah dalam paparan kinerja di Palembang, "
        "Selasa (22/1/2030).",
    ]
    window = "Dari jumlah itu, sebanyak 1.081.300 orang pekerja bukan penerima upah (BPU)."
    assert unmet(q, window, before, _article(), places, {}) == []
    about = ["Kepala Kantor Cabang Palembang menyampaikan capaian kepesertaan di Palembang."]
    assert "Sumatera Selatan" in unmet(q, window, about, _article(), places, {})
    # where an event took place is what the sentences after it are about
    held = ["Pelatihan K3 digelar di Kabupaten Muara Enim, Senin (1/2), diikuti 300 pekerja."]
    assert "Sumatera Selatan" in unmet(q, window, before[:1] + held, _article(), places, {})


def test_a_figure_is_of_the_place_its_article_is_about_not_where_it_was_said(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    # Presented in a radio studio in a city: the province's figure all the same.
    q = reader.parse("berapa peserta bukan penerima upah di Sumsel?")
    said = (
        "Data itu dipaparkan Kepala Kantor Wilayah di studio Radio Suara, Palembang, Rabu (21/1)."
    )
    figure = "Sebanyak 1.367.900 orang pekerja bukan penerima upah."
    sumsel = _article(title="Cakupan Sumsel naik")
    assert unmet(q, figure, [said], sumsel, places, {}) == []
    # A branch head named by another district's office, speaking of the district asked.
    musi = reader.parse("total uang JKP yang dibayar ke buruh di Musi Rawas berapa?")
    assert musi.unit == "uang"
    rawas = _article(title="Buruh pabrik di Musi Rawas terima JKP")
    head = (
        "Kepala Kantor Cabang BPJS Ketenagakerjaan Lubuklinggau Budi mengatakan, total manfaat "
        "JKP mencapai Rp2,8 miliar."
    )
    assert unmet(musi, head, [], rawas, places, {}) == []
    # The office's own total covers its whole area; another district's figure is not asked.
    office = (
        "Kantor Cabang BPJS Ketenagakerjaan Lubuklinggau mencatat total klaim JKP Rp2,8 miliar."
    )
    assert unmet(musi, office, [], rawas, places, {}) != []
    elsewhere = "Di Lubuklinggau, total manfaat JKP mencapai Rp2,8 miliar."
    assert unmet(musi, elsewhere, [], rawas, places, {}) != []
    # An office name of one word does not take the district named after it with it.
    there = (
        "Kepala Kantor Cabang Lubuklinggau di Musi Rawas, Budi, mencatat klaim JKP Rp2,8 miliar."
    )
    assert unmet(musi, there, [], _article(), places, {}) == []
    assert reader.parse("total uangnya yg dibayar ke buruh berapa ya?").unit == "uang"
    assert reader.parse("peserta bukan penerima upah di sumsel 2021 berapa?").unit == "jumlah"
    assert reader.parse("total pekerja yang menerima uang JKP berapa?").unit == "jumlah"


def test_where_a_figure_is_said_to_be_is_not_where_it_was_said(reader: QuestionReader) -> None:
    places = _gazetteer_places()

    national = reader.parse("berapa klaim JHT secara nasional?")
    district = "Klaim JHT di Kabupaten Lahat mencapai Rp2,8 miliar, kata Budi, Senin (1/2)."
    assert unmet(national, district, [], _article(), places, {}) == ["nasional"]
    # "dua minggu" is no weekday: the training was in the district, the figure after it too.
    share = reader.parse("berapa persen pekerja sumsel yang terlindungi?")
    weeks = "Pelatihan di Kabupaten Lahat berlangsung dua minggu, kata Budi."
    assert unmet(share, "Cakupannya 61,3 persen.", [weeks], _article(), places, {})


def test_an_english_word_the_lexicon_does_not_read_weighs_half_among_unknown_words(
    reader: QuestionReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert is_english("kicked") and is_english("partnering")
    assert not is_english("sawit") and not is_english("resign") and not is_english("program")
    half = reader.parse("who spearheaded the program?").common_share  # unknown: English
    monkeypatch.setattr(question, "ENGLISH_SHARE", 1.0)
    assert half > 0 and half == pytest.approx(
        reader.parse("who spearheaded the program?").common_share / 2
    )


def test_where_is_answered_by_the_fullest_place_the_question_does_not_name(
    reader: QuestionReader,
) -> None:
    q = reader.parse("audiensi kepala kanwil dengan pj gubernur itu tempatnya di mana?")
    venue = "Kepala kanwil beraudiensi dengan Pj Gubernur di Kantor Gubernur Sumsel, Kamis."
    province = "Kondisi pekerja di Sumsel ini disampaikan kepala kanwil kepada Pj Gubernur."
    assert place_named(q, venue) == 2 and place_named(q, province) == 1
    assert place_named(q, "Audiensi itu dihadiri Pj Gubernur.") == 0
    office = reader.parse("di mana kantor gubernur?")
    assert place_named(office, "Audiensi di Kantor Gubernur, Kamis.") == 0


def test_an_office_introduced_without_a_comma_before_the_name_is_brought_too() -> None:
    body = (
        "Sementara sebelumnya Kepala Kantor Wilayah Alpha Zulkarnaen menjelaskan bahwa "
        "pihaknya hadir. “Kami menyasar pedagang,” kata Zulkarnaen."
    )
    window = "“Kami menyasar pedagang,” kata Zulkarnaen."
    assert speaker_offices(window, body) == ("Kepala Kantor Wilayah Alpha",)
    # no role word right before the name: no office
    plain = "Menurut warga bernama Zulkarnaen, antrean panjang. “Lama,” kata Zulkarnaen."
    assert speaker_offices("“Lama,” kata Zulkarnaen.", plain) == ()


def test_a_person_named_by_one_word_brings_the_office_they_were_introduced_with() -> None:
    body = (
        "Kepala Kantor Cabang Alpha Kota Beta, Moch Zulkarnaen menyampaikan, cakupan naik. "
        "Target nasional hampir 95 ribu untuk informal,” ujar Zulkarnaen."
    )
    window = "Target nasional hampir 95 ribu untuk informal,” ujar Zulkarnaen."
    assert speaker_offices(window, body) == ("Kepala Kantor Cabang Alpha Kota Beta",)
    # a place or a day is no one quoted, whatever the article writes before it
    assert speaker_offices("Cakupan di Beta naik pada Rabu.", body) == ()
    # a title before the name ("H.") does not end the clause
    titled = (
        "Kepala Kanwil Alpha, H. Zulkarnaen, menyampaikan target. Target naik, kata Zulkarnaen."
    )
    assert speaker_offices("Target naik, kata Zulkarnaen.", titled) == ("Kepala Kanwil Alpha",)


def test_a_figure_the_question_names_must_be_written_in_the_article(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()

    assert named_figures("target 63 persen itu kapan?") == ("63",)
    assert named_figures("santunan Rp42 juta, target 50%") == ("42", "50")
    assert named_figures("4 fokus bpjs tahun 2024") == ()  # no unit, a year
    q = reader.parse("target 63 persen itu mau dicapai tahun berapa?")
    other = _article(body="Target nasional dapat tercapai di tahun 2023 ini.")
    window = "Target nasional dapat tercapai di tahun 2023 ini."
    assert unmet(q, window, [], other, places, {}) == ["figure 63"]
    dated = _article(body="Diteken Rabu (63/3/2036), hubungi 0711-63.")  # a date, a telephone
    assert unmet(q, window, [], dated, places, {}) == ["figure 63"]
    named = _article(body="Target 63 persen. Target itu dicapai pada 2025.")
    assert unmet(q, "Target itu dicapai pada 2025.", [], named, places, {}) == []
    assert not figure_met("63", _article(body="Sebanyak 163 perusahaan."))
    # a yes/no question may be answered by the figure the article does give
    check = reader.parse("apakah targetnya 40 persen?")
    assert unmet(check, "Targetnya 50 persen.", [], named, places, {}) == []
    # the asker's own figure is no fact of an article
    assert not names_a_figure(reader.parse("gaji saya 4,5 juta, daftar BPU di mana?"))
    assert names_a_figure(q)


def test_the_newest_source_answers_now_when_it_names_as_much_of_the_question(
    reader: QuestionReader,
) -> None:
    from bot.answer.multisource import prefer_latest

    q = reader.parse("Berapa cakupan kepesertaan di Sumsel yang paling baru?")
    old = _window("Cakupan kepesertaan di Sumsel masih 36 persen.", date(2020, 11, 16), 0.8, 0.5)
    worded = "Kepala kanwil yang turut hadir menyebutkan, cakupan di Sumsel tercatat 92,3 persen."
    new = _window(worded, date(2037, 10, 14), 0.2, 0.5)
    assert prefer_latest(q, [old, new])[0] is new
    narrower = _window(worded, date(2037, 10, 14), 0.2, 0.4)  # names less of the question
    assert prefer_latest(q, [old, narrower])[0] is old
    unsure = _window(worded, date(2037, 10, 14), 0.1, 0.5)  # far below the best one
    assert prefer_latest(q, [old, unsure])[0] is old
    # a figure of the same kind names less of a question asking how many ("cakupan" written
    # as "persen pekerja terlindungi"); an office holder's window must name as much
    best = _window("Cakupan kepesertaan di Sumsel masih 36 persen.", date(2020, 11, 16), 0.9, 1.0)
    said = _window("Baru 34 persen pekerja di Sumsel terlindungi.", date(2024, 8, 2), 0.8, 0.45)
    assert prefer_latest(q, [best, said])[0] is said
    who = reader.parse("siapa kepala kantor wilayah sekarang?")
    head = _window("Kepala Kantor Wilayah Budi Santoso hadir.", date(2020, 11, 16), 0.9, 1.0)
    other = _window("Wakil Kepala Ani Lestari hadir.", date(2024, 8, 2), 0.8, 0.45)
    assert prefer_latest(who, [head, other])[0] is head


def test_a_figure_shows_the_newest_source_naming_less_of_it(
    reader: QuestionReader,
) -> None:
    from bot.answer.multisource import spread

    q = reader.parse("di kabupaten alpha ada brp perusahaan yg masih nunggak iuran?")
    old = _window("Total 37 perusahaan menunggak iuran di Kabupaten Alpha.", date(2041, 1, 5), 1, 1)
    said = "Hingga Maret 2064, tercatat 23 perusahaan di Kabupaten Alpha masih menunggak iuran."
    new = _window(said, date(2064, 4, 24), 0.93, 0.73)
    assert [p.scored for p in spread(q, [old, new])] == [new, old]
    assert [p.scored for p in spread(q, [new, old])] == [new, old]
    older = _window(said, date(2030, 4, 24), 0.93, 0.73)  # not newer: names too little
    assert [p.scored for p in spread(q, [old, older])] == [old]
    unsure = _window(said, date(2064, 4, 24), 0.7, 0.73)  # far below the best one
    assert [p.scored for p in spread(q, [old, unsure])] == [old]


def test_a_question_naming_no_time_is_answered_by_a_newer_article_as_sure() -> None:
    from bot.answer.compose import _newest_as_sure

    said = "Serah terima jabatan berlangsung di kantor wilayah."
    old = _window(said, date(2034, 4, 11), 0.97, 0.8)
    new = _window(said, date(2064, 5, 21), 0.9, 0.8)
    assert _newest_as_sure([old, new], 0.76)[0] is new
    assert _newest_as_sure([old, new], 0.95)[0] is old  # not sure on its own
    narrower = _window(said, date(2064, 5, 21), 0.9, 0.6)  # names less of the question
    assert _newest_as_sure([old, narrower], 0.76)[0] is old
    assert _newest_as_sure([new, old], 0.76)[0] is new  # an older one never moves up


def test_a_year_asked_is_answered_by_the_years_figure_before_a_half_years() -> None:
    from bot.answer.compose import _of_the_whole_year
    from bot.answer.constraints import partial_year, whole_year
    from index.text import MONTH_NAMES

    half = "Sepanjang Januari hingga Juni 2065, klaim yang dibayarkan Rp1,24 triliun."
    year = "Sepanjang 2065, klaim yang dibayarkan Rp2,51 triliun."
    assert partial_year(half, [], MONTH_NAMES) and not whole_year(half, [], MONTH_NAMES)
    assert partial_year("Klaim JHT Rp1,24 triliun.", [half], MONTH_NAMES)  # placed before it
    assert whole_year(year, [], MONTH_NAMES) and not partial_year(year, [], MONTH_NAMES)
    assert whole_year("Hingga Desember 2065, klaim Rp2,51 triliun.", [], MONTH_NAMES)
    assert partial_year("Pada triwulan III 2065, klaim Rp0,9 triliun.", [], MONTH_NAMES)
    # the nearest sentence naming a year places it: not a quarter told further back
    assert whole_year("Klaim JHT Rp1,24 triliun.", [half, year], MONTH_NAMES)
    assert not whole_year("Klaim dibayarkan Rp3 triliun.", [], MONTH_NAMES)  # no year at all
    assert not whole_year("Sesuai PP Nomor 44 Tahun 2015, klaim Rp3 triliun.", [], MONTH_NAMES)
    first = _window(half, date(2065, 7, 17), 0.98, 0.8)
    whole = _window(year, date(2066, 1, 21), 0.8, 0.5)
    undated = _window("Klaim dibayarkan Rp3 triliun.", date(2066, 1, 21), 0.9, 0.5)
    part = lambda w: partial_year(w.text, [], MONTH_NAMES)  # noqa: E731
    of_year = lambda w: whole_year(w.text, [], MONTH_NAMES)  # noqa: E731
    assert _of_the_whole_year([first, whole], 0.76, part, of_year)[0] is whole
    assert _of_the_whole_year([first, whole], 0.85, part, of_year)[0] is first  # not sure
    assert _of_the_whole_year([whole, first], 0.76, part, of_year)[0] is whole
    assert _of_the_whole_year([first, undated], 0.76, part, of_year)[0] is first


def test_which_month_or_year_asks_when_and_which_weekday_does_not(reader: QuestionReader) -> None:
    assert reader.parse("coverage share 36% itu data sampai bulan apa").kind == "kapan"
    assert reader.parse("data coverage sumsel yg 36% itu per bulan apa").kind == "kapan"
    assert reader.parse("Iuran BPU Rp16.800 itu per bulan apa?").kind != "kapan"  # a rate
    assert reader.parse("tahun berapa programnya mulai?").kind == "kapan"
    assert reader.parse("kantor layanan buka hari apa aja?").kind != "kapan"
    # ... but it is answered only by a sentence naming the days
    days = reader.parse("kantor layanan buka hari apa aja?")
    assert fits_kind(days, "Kantor layanan melayani setiap Senin hingga Jumat.")
    assert not fits_kind(days, "Kantor layanan diresmikan bupati di mal pelayanan publik.")
    assert reader.parse("kalau nunggak iuran 3 bulan apa kena sanksi?").kind != "kapan"
    assert reader.parse("iuran JKM per bulan berapa ya?").kind == "berapa"
    assert reader.parse("audiensi tahun 2020 tanggal berapa hari apa").kind == "kapan"
    assert reader.parse("iuran per bulan apa aja komponennya?").kind != "kapan"


def test_what_comes_before_the_question_word_is_asked_when_nothing_named_follows_it(
    reader: QuestionReader,
) -> None:
    q = reader.parse("kepala kanwil bpjs tk sumbagsel itu siapa namanya?")
    assert q.head[:3] == ("kepala", "kantor", "wilayah")
    assert reader.parse("siapa kepala kanwil yang baru?").head == ("kepala", "kantor", "wilayah")


def test_now_after_a_target_asks_what_is_reached_not_the_target(reader: QuestionReader) -> None:
    from bot.answer.scoring import asks_target

    before = reader.parse("target 2025 berapa persen?")
    now = continued(before, reader.parse("sekarang berapa?"))
    assert now.wants_latest and not asks_target(now)
    again = continued(before, reader.parse("target sekarang berapa?"))
    assert asks_target(again)
    later = continued(before, reader.parse("kalau 2030?"))
    assert asks_target(later)  # another year's target
    newest = continued(before, reader.parse("yang terbaru berapa?"))
    assert asks_target(newest)  # the newest target


def test_a_follow_up_leaves_the_figure_told_before_and_the_words_comparing(
    reader: QuestionReader,
) -> None:
    before = reader.parse("Taun 2020 coverage Sumsel 36 persen")
    after = continued(before, reader.parse("nah taun 2024 berapo? naik apo turun?"))
    assert "36" in before.terms and "36" not in after.terms and "coverage" in after.terms
    assert after.years == (2024,) and not {"tingkat", "turun"} & {*after.terms, *after.head}


def test_a_follow_up_leaves_the_magnitude_of_a_figure_told_and_what_it_comes_to(
    reader: QuestionReader,
) -> None:
    before = reader.parse("maret 2024 kan 1,1 jt yg terlindungi?")
    after = continued(before, reader.parse("data terbaru jd brp?"))
    assert "juta" in before.terms and after.terms == ("lindung",)
    assert after.wants_latest and counted_nouns(after) == frozenset()


def test_a_target_asked_without_a_unit_may_be_a_share(reader: QuestionReader) -> None:
    aim = "BPJS bertekad mewujudkan target 50 persen pekerja di Sumsel terlindungi."
    assert target_spans(reader.parse("berapa target tahun 2025?"), aim)
    assert not target_spans(reader.parse("berapa pekerja tahun 2025?"), "Naik 5 persen.")
    # "<owner> ... targetnya brp": the owner of the value is not what is counted
    owned = reader.parse("kanwil skrg targetnya brp buat 2025?")
    assert counted_nouns(owned) == frozenset() and unit_match(owned, aim) >= 0
    assert counted_nouns(reader.parse("jumlah pesertanya brp?")) == {"serta"}
    # a count's owner is what it counts; a unit asked is no share
    assert counted_nouns(reader.parse("pekerja informal jumlahnya brp?"))
    assert not target_spans(reader.parse("target peserta 2025 berapa orang?"), aim)


def test_to_whom_is_answered_by_a_group_of_people(reader: QuestionReader) -> None:
    q = reader.parse("Gubernur bilang layanan BPJS TK diberikan kepada siapa?")
    assert asks_recipient(q) and not asks_office_holder(q) and not role_unknown(q)
    citizens = "Layanan ini diberikan kepada seluruh warga negara."
    assert fits_kind(q, citizens)
    assert not fits_kind(q, "Acara itu digelar di Jakarta pada Senin.")  # names no one
    assert asks_recipient(reader.parse("Who is the JKP program for?"))
    assert not fits_kind(reader.parse("siapa yang meresmikan layanan itu?"), citizens)
    assert not asks_recipient(reader.parse("siapa kepala kantor cabang?"))


def test_a_rate_after_berapa_asks_the_amount_of_what_came_before(reader: QuestionReader) -> None:
    q = reader.parse("iuran yg ditanggung pemkab tu brp per org per bulan?")
    assert (q.unit, q.head) == ("uang", ("iur",))
    assert reader.parse("berapa orang yang iurannya ditanggung pemkab?").unit == "jumlah"


def test_a_clause_of_time_after_a_role_is_no_part_of_the_office(reader: QuestionReader) -> None:
    q = reader.parse("yang jadi Pj Gubernur waktu Kanwil BPJS TK curhat itu siapa ya?")
    assert asks_office_holder(q)
    assert office_named(q, frozenset({"jabat", "gubernur", "audiensi"}))
    assert "waktu" not in q.unknown_common  # a word opening a scene says nothing uncovered


def test_a_verb_asked_after_berapa_is_no_noun_counted(reader: QuestionReader) -> None:
    rejected = reader.parse("how many of them were rejected?")
    assert not counted_nouns(rejected)
    assert unit_match(rejected, "Sebanyak 57 pengajuan di antaranya ditolak.") == 0.0
    assert counted_nouns(reader.parse("berapa perusahaan yang ditolak?")) == {"usaha"}
    assert "sangka" in counted_nouns(reader.parse("berapa tersangka yang ditangkap?"))
    reports = reader.parse("brp laporan pekerja yg upahnya dilaporin lebih rendah?")
    assert "lapor" in counted_nouns(reports)  # the noun of the verb's stem is still counted


def test_a_value_of_the_agency_counts_nothing(reader: QuestionReader) -> None:
    target = reader.parse("target bpjs 2025 brp")
    assert not counted_nouns(target)
    assert unit_match(target, "Targetnya 50 persen pekerja terlindungi.") == 0.0
    assert counted_nouns(reader.parse("berapa kantor cabang bpjs tk?")) == {"kantor", "cabang"}


def test_a_place_before_what_is_counted_is_where_not_what(reader: QuestionReader) -> None:
    villages = reader.parse("How many of Lahat's villages have budgeted contributions?")
    assert "lahat" not in counted_nouns(villages)


def test_how_much_of_a_benefit_asks_money_whoever_it_went_to(reader: QuestionReader) -> None:
    q = reader.parse(
        "How much JKM compensation did the heirs of each worker who died in Lahat receive?"
    )
    assert q.kind == "berapa" and q.unit == "uang"
    assert reader.parse("How much JKM compensation did Ani receive?").unit == "uang"
    assert reader.parse("Who received the JKM compensation?").kind == "siapa"
    assert reader.parse("berapa pekerja yang meninggal, siapa namanya?").kind == "siapa"
    assert reader.parse("How many workers died and who paid them?").kind == "siapa"


def test_most_before_a_word_is_the_superlative_articles_write_with_ter(
    reader: QuestionReader,
) -> None:
    q = reader.parse("daerah mana yg cakupannya paling rendah?")
    assert "rendah" in q.terms and "paling" not in q.terms
    assert "paling" in reader.parse("siapa yang paling?").terms
    # a deadline or a span is written as asked: "paling lambat", not "terlambat"
    assert "paling" in reader.parse("iuran dibayar paling lambat tanggal berapa?").terms
    # a word with no superlative in ter- keeps "paling": the articles write it too
    assert "paling" in reader.parse("siapa yg paling berkemampuan?").terms
    assert "paling" in reader.parse("kecamatan mana yang paling banyak pesertanya?").terms


def test_arrears_are_money(reader: QuestionReader) -> None:
    assert reader.parse("berapa tunggakan yang berhasil dipulihkan?").unit == "uang"
    assert reader.parse("tunggakannya brp?").unit == "uang"


def test_which_group_so_that_many_register_asks_which_not_how_many(
    reader: QuestionReader,
) -> None:
    q = reader.parse("muhyidin tu nak nyasar kalangan apo supayo banyak wong daftar?")
    assert q.kind != "berapa"
    assert reader.parse("mau nyasar kalangan apa biar pesertanya makin bnyk").kind != "berapa"
    # "siapa" after a noun of kind asks which group, not which person
    assert reader.parse("kepala kanwil mau menyasar kalangan siapa?").kind == "umum"
    assert reader.parse("kelompok siapa yang disasar?").kind == "umum"
    assert reader.parse("siapa kepala kanwil yang baru?").kind == "siapa"
    assert reader.parse("ketua kelompok siapa?").kind == "siapa"  # its head
    assert reader.parse("pekerja yang daftar banyak?").kind == "berapa"
    assert reader.parse("klaim jht banyak apa dikit?").kind == "berapa"  # "apa": "or"
    assert reader.parse("apa banyak pekerja yang belum daftar?").kind == "berapa"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("MusiNews says 1,033,000 are covered", "MusiNews says 1.033.000 are covered"),
        ("1.3 million covered", "1,3 million covered"),
        ("coverage 3.5% or 2.5 persen", "coverage 3,5% or 2,5 persen"),
        ("690,000 formal workers", "690.000 formal workers"),
        # the articles' own way is kept: a decimal before a magnitude, years side by side
        ("2,916 juta", "2,916 juta"),
        ("Rp 4,94 miliar", "Rp 4,94 miliar"),
        ("2020,2023", "2020,2023"),
        ("1.033.000 pekerja", "1.033.000 pekerja"),
        ("bunga 0,025 persen", "bunga 0,025 persen"),  # decimals of a share
        ("naik 2,125%", "naik 2,125%"),
    ],
)
def test_figures_written_the_english_way_are_read_as_the_articles_write_them(
    written: str, read: str
) -> None:
    assert indonesian_figures(written) == read


def test_money_asked_across_english_function_words(reader: QuestionReader) -> None:
    q = reader.parse("How much did the regency budget to cover migrant workers' contributions?")
    assert q.unit == "uang"
    assert reader.parse("berapa pekerja yang menerima dana bantuan?").unit == "jumlah"
    assert reader.parse("How many workers does the APBD cover?").unit == "jumlah"


@pytest.mark.parametrize(
    "text", ["kasus kecelakaan kerja tahun ini udh brp?", "how many claims this year?"]
)  # the English is read "tahun ini"
def test_this_year_asks_for_the_newest_figure(reader: QuestionReader, text: str) -> None:
    assert reader.parse(text).wants_latest


def test_if_is_a_function_word(reader: QuestionReader) -> None:
    q = reader.parse("kalo sumsel brp persen?")
    assert "kalau" in q.words and "kalau" not in q.terms


def test_a_figure_only_hoped_for_is_a_goal_unless_the_question_asks_the_hope(
    reader: QuestionReader,
) -> None:
    from bot.answer.evidence import states_hoped_figure
    from bot.answer.scoring import target_penalty

    hoped = "Gubernur optimistis cakupan itu masih dapat ditingkatkan hingga 63 persen."
    assert states_hoped_figure(hoped)
    assert states_hoped_figure("Kami ingin tembus 62 persen pada akhir tahun.")
    assert not states_hoped_figure("Cakupan sudah 58,9 persen, kami ingin tembus 62 persen.")
    assert not states_hoped_figure("Peserta bisa mendapat manfaat hingga 60 persen dari upah.")
    assert not states_hoped_figure("Jumlahnya meningkat menjadi 1,3 juta.")
    assert not states_hoped_figure("Iuran JKK akan naik menjadi 0,54 persen mulai Januari.")
    assert not states_hoped_figure("Jumlah peserta akan terus meningkat hingga 2030.")
    assert target_penalty(reader.parse("coverage sumsel masih berapa persen?"), hoped) > 0
    asks_hope = reader.parse("gubernur yakin bisa naik sampai berapa persen?")
    assert target_penalty(asks_hope, hoped) == 0


def test_a_dialect_word_with_its_clitic_is_read_as_the_word(reader: QuestionReader) -> None:
    assert "bisa" in reader.standard("lewat mano bae pacaknyo")


def test_an_english_phrase_of_the_lexicon_keeps_its_words(reader: QuestionReader) -> None:
    # "nursing" is not made "nurse" before "nursing mothers" is read
    words = reader.standard("friendlier to people with disabilities and nursing moms")
    assert words[-2:] == ["ibu", "menyusui"] and "perawat" not in words


def test_income_asked_with_an_attribution_after_berapa_is_money(reader: QuestionReader) -> None:
    assert reader.parse("rata2 penghasilan jurnalis lepas brp sih kata survei anu").unit == "uang"
    # a noun counted after "berapa" is still counted
    assert (
        reader.parse("iuran naik bulan lalu, jadi berapa pekerja yang terdaftar?").unit == "jumlah"
    )


def test_claims_paid_to_participants_may_be_answered_by_an_amount(
    reader: QuestionReader,
) -> None:
    paid = (
        "Sepanjang Januari hingga Agustus 2048, klaim mencapai Rp3,06 triliun untuk 221.470 kasus."
    )
    q = reader.parse("How much in claims did BPJS Ketenagakerjaan pay to participants in 2048?")
    assert unit_match(q, paid) == 0.0
    q = reader.parse("Berapa total klaim yang dibayarkan kepada peserta sepanjang 2048?")
    assert unit_match(q, paid) == 0.0
    # participants counted are not answered by cases, also when they are named before "berapa"
    q = reader.parse("Berapa peserta yang menerima klaim sepanjang 2048?")
    assert unit_match(q, paid) == -1.0
    q = reader.parse("Jumlah peserta yang dibayarkan klaimnya sepanjang 2048 berapa?")
    assert unit_match(q, paid) == -1.0


def test_a_superlative_is_told_as_it_is_written(reader: QuestionReader) -> None:
    assert asks_superlative(reader.parse("Which regency had the lowest coverage?"))
    assert asks_superlative(reader.parse("kabupaten mana yang pesertanya paling banyak?"))
    assert states_superlative("Cakupan terendah tercatat di Kabupaten Anu.")
    assert states_superlative("Peserta terbanyaknya dari Kabupaten Anu.")
    assert not states_superlative("Iuran paling banyak Rp50.000 per bulan.")  # at most
    assert not states_superlative("Masalah itu sudah teratasi.")


def test_a_colloquial_verb_is_read_the_same_in_every_process() -> None:
    # ties in frequency were broken by the order of a set, which differs between processes
    import os
    import subprocess
    import sys

    code = (
        "from bot.answer.vocabulary import dialect_candidates as d; "
        "print(d('nganggarin'), d('ngedaftarin'), d('ngelapor'))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(seen) == 1
    assert "'menganggarkan', 'menganggari'" in seen.pop()


def test_a_short_name_in_capitals_must_be_named_by_the_answering_article() -> None:
    lex = load_lexicons(KNOWLEDGE)
    reader = QuestionReader(
        load_glossary(KNOWLEDGE / "glossary.txt"),
        lex,
        known=lambda t: t in {*CORPUS_WORDS, "anu", "tani", "kopi", "jht"},
    )

    def places(text: str) -> frozenset[Place]:
        return frozenset(lex.gazetteer.find(words(text)))

    q = reader.parse("Berapa petani kopi yang terlindungi menurut ANU?")
    assert q.short_names == ("anu",)
    window = "Sebanyak 120 petani kopi sudah terlindungi."
    assert unmet(q, window, [], _article(body=window), places, {}) == ["name anu"]
    named = _article(body=f"Serikat Anu mendata petani. {window}")
    assert unmet(q, window, [], named, places, {}) == []
    by_outlet = Article("a", "Kabar", "ANU", None, None, "", None, "", window)
    assert unmet(q, window, [], by_outlet, places, {}) == []  # "the ANU piece": its outlet
    # not a word the glossary reads, nor one the articles never use, nor a shouted message
    assert reader.parse("Berapa saldo JHT petani kopi?").short_names == ()
    assert reader.parse("Berapa petani kopi menurut XYZ?").short_names == ()
    assert reader.parse("BERAPA PETANI KOPI MENURUT ANU?").short_names == ()
    assert reader.parse("Berapa petani kopi menurut ANU3?").short_names == ()  # a code, not a name
    assert reader.parse("BERAPA petani kopi ANU semester II?").short_names == ("anu",)


def test_members_and_people_counted_in_words_are_counts_of_people(
    reader: QuestionReader,
) -> None:
    # the glossary reads "anggota" as "peserta": a count of members answers "berapa anggota"
    members = "Sebanyak 1.340 anggota relawan di kabupaten itu kini terdaftar sebagai peserta."
    assert unit_match(reader.parse("Berapa anggota relawan yang didaftarkan?"), members) == 1.0
    # ... but members of a board are no workers
    board = "Sosialisasi dihadiri 5 anggota Komisi IX DPR RI."
    assert unit_match(reader.parse("Berapa pekerja yang ikut sosialisasi?"), board) == -1.0
    # "tiga buruh" is a count of people, as "3 buruh" is
    told = "Dalam peristiwa tersebut, tiga buruh meninggal dunia dan 19 lainnya luka-luka."
    assert unit_match(reader.parse("yang meninggal berapa buruh?"), told) == 1.0
    # the glossary reads "karyawan" as "pekerja": a count of employees answers it
    staff = "Manajer HRD PT <Nama> mengatakan seluruh 1.870 karyawan perusahaan telah terdaftar."
    asked = reader.parse("Berapa karyawan PT Sukamulya yang terdaftar dalam empat program?")
    assert unit_match(asked, staff) == 1.0
    assert unit_match(asked, "Perusahaan itu mendaftarkan 12 kantor cabangnya.") == -1.0


def test_a_year_set_against_now_is_two_sides(reader: QuestionReader) -> None:
    then, now = sides(reader.parse("coverage bpjs tk sumsel th 2020 sm skrg tinggian mana ya"))
    assert then.years == (2020,) and not then.wants_latest
    assert now.years == () and now.wants_latest
    assert len(sides(reader.parse("now vs 2020, which coverage is higher?"))) == 2
    # a period from the year up to now is one side
    for period in (
        "berapa pekerja terdaftar dari 2020 sampai sekarang?",
        "Berapa pekerja terdaftar sejak 2020 sampai dengan saat ini?",
        "Program apa yang diluncurkan 2023 dan masih berjalan sampai sekarang?",
    ):
        assert len(sides(reader.parse(period))) == 1, period
    # the side of now is looked up without the other side's year
    assert "2020" not in now.words and "2020" not in now.head


def test_the_end_of_a_year_is_not_met_by_another_month_of_it(reader: QuestionReader) -> None:
    from index.text import MONTH_NAMES

    q = reader.parse("berapo persen pekerja yang la terlindungi sampe akhir 2049?")
    later = _article(dated=date(2050, 1, 13))
    none = lambda _: frozenset()  # noqa: E731
    september = "Per akhir September 2049 cakupan mencapai 43,18 persen."
    assert unmet(q, september, [], later, none, MONTH_NAMES) == ["end of 2049"]
    december = "Hingga 31 Desember 2049 cakupan mencapai 52,3 persen."
    assert unmet(q, december, [], later, none, MONTH_NAMES) == []
    # a window naming no month of it leans on the sentence before it
    share = "Angka itu setara 43,18 persen dari total pekerja."
    assert unmet(q, share, [september], later, none, MONTH_NAMES) == ["end of 2049"]
    assert (
        unmet(q, "Sepanjang 2049 cakupan mencapai 52,3 persen.", [], later, none, MONTH_NAMES) == []
    )
    # a window naming the year's end, or the year alone, says its own time
    aim = "Kanwil menargetkan cakupan mencapai 60 persen pada akhir 2049."
    assert unmet(q, aim, [september], later, none, MONTH_NAMES) == []
    # a month when something began says nothing either way: the sentence before it does
    began = "Kepala kanwil, yang menjabat sejak 1 Oktober 2049, menyebut capaian itu naik."
    assert unmet(q, share, [september, began], later, none, MONTH_NAMES) == ["end of 2049"]
    assert unmet(q, share, [began], later, none, MONTH_NAMES) == []
    # a range of months ends with its last; "s.d." is "up to"
    ranged = "Sepanjang Januari-September 2049 klaim mencapai Rp1,41 triliun."
    assert unmet(q, ranged, [], later, none, MONTH_NAMES) == ["end of 2049"]
    upto = "Cakupan s.d. Juni 2049 mencapai 40 persen."
    assert unmet(q, upto, [], later, none, MONTH_NAMES) == ["end of 2049"]
    # a month asked is its own constraint
    asked = reader.parse("berapa persen pekerja terlindungi per akhir september 2049?")
    assert unmet(asked, september, [], later, none, MONTH_NAMES) == []


def test_a_city_asked_about_is_not_met_by_its_provinces_figure(reader: QuestionReader) -> None:
    places = _gazetteer_places()

    q = reader.parse("berapa klaim jht di lubuklinggau sepanjang 2049?")
    about_city = _article(title="Lubuklinggau Tanggung Iuran Juru Parkir", dated=date(2049, 10, 21))
    province = "Sepanjang 2049, BPJS Ketenagakerjaan membayarkan klaim JHT di Sumatera Selatan sebesar Rp1,07 triliun."
    assert unmet(q, province, [], about_city, places, {}) == ["Lubuklinggau"]
    city = "Sepanjang 2049, klaim JHT di Kantor Cabang Lubuklinggau mencapai Rp87,3 miliar."
    assert unmet(q, city, [], about_city, places, {}) == []
    # a figure of the article's city, its province named after it, still answers
    after = "Sepanjang 2049 klaim JHT mencapai Rp87,3 miliar, tertinggi di Sumatera Selatan."
    assert unmet(q, after, [], about_city, places, {}) == []
    # so does one the province's governor hands over, or one of "kota itu"
    for told in (
        "Gubernur Sumatera Selatan menyerahkan klaim JHT 25 ahli waris pada 2049.",
        "Klaim JHT di Sumatera Selatan untuk kota itu sepanjang 2049 mencapai Rp87,3 miliar.",
    ):
        assert unmet(q, told, [], about_city, places, {}) == [], told
    # the province's figure, then its breakdown naming no place: the province's still
    detail = f"{province} Rinciannya, klaim JHT Rp1,07 triliun dan JKK Rp91,6 miliar."
    assert unmet(q, detail, [], about_city, places, {}) == ["Lubuklinggau"]
    # a figure of the province, then one of the city: not all the province's
    both = f"{province} Untuk kota itu sendiri, klaim JHT mencapai Rp87,3 miliar."
    assert unmet(q, both, [], about_city, places, {}) == []


def test_a_dialect_form_an_article_quotes_still_reads_as_the_common_word() -> None:
    """An article quoting "didaftarke" makes the corpus know it; the question still reads it
    as "didaftarkan", the word the other articles write. Words Indonesian knows stay."""
    from bot.answer.vocabulary import common_form
    from index.text import stem

    quoted = stem("didaftarke")
    reader = QuestionReader(
        load_glossary(KNOWLEDGE / "glossary.txt"),
        load_lexicons(KNOWLEDGE),
        known=lambda t: t in CORPUS_WORDS or t == quoted,
    )
    assert "didaftarkan" in reader.parse("berapo wong pekerja yang la didaftarke?").words
    assert common_form("didaftarke") == "didaftarkan"
    assert common_form("pekerja") is None and common_form("muhyidin") is None


def test_the_later_years_clause_keeps_its_own_words(reader: QuestionReader) -> None:
    """ "pj gubernur ... agustus 2024 sm gubernur yg audiensi nov 2020": 2020's governor met
    at an audience is no acting one, and August 2024's acting governor met no audience."""
    q = reader.parse(
        "pj gubernur yg ketemu kanwil agustus 2024 sm gubernur yg audiensi nov 2020 siapa aja"
    )
    later, earlier = sides(q)
    assert (later.years, earlier.years) == ((2024,), (2020,))
    assert "jabat" in later.terms and "jabat" not in earlier.terms
    assert "audiensi" in earlier.terms and "audiensi" not in later.terms
    # the first clause's subject and qualifiers are asked of both years
    paid, filed = sides(
        reader.parse("berapa klaim JHT yang dibayarkan 2020 dibanding klaim yang diajukan 2024?")
    )
    assert {"jamin", "hari", "tua"} <= set(filed.terms) and "aju" not in paid.terms
    # ... unless the later clause qualifies the word otherwise ("target <bpjs tk>")
    governor, agency = sides(
        reader.parse("target coverage gub herman deru th 2020 sm target bpjs tk buat 2025?")
    )
    assert "herman" in governor.terms and "bpjs" not in governor.terms
    assert "herman" not in agency.terms and "bpjs" in agency.terms
    # a time alone, or the same thing at another time, is no clause of its own
    for text in (
        "berapa persen cakupan kepesertaan di sumsel pada akhir 2045 dibandingkan akhir 2044?",
        "bandingkan jumlah guru ngaji yang iurannya ditanggung pada program 2024 dengan program "
        "tahun 2025",
    ):
        first, second = sides(reader.parse(text))
        assert set(first.terms) - {"2045", "2024"} == set(second.terms) - {"2044", "2025"}


def test_reaching_a_target_asks_how_it_turned_out(reader: QuestionReader) -> None:
    from bot.answer.scoring import asks_outcome

    assert asks_outcome(reader.parse("coverage sumsel akhir 2025 udh nyampe target 50 persen blm?"))
    assert not asks_outcome(reader.parse("cakupan sumsel sudah mencapai 57 persen belum?"))


def test_who_said_it_is_not_who_is_asked_about() -> None:
    from bot.answer.question import head_terms

    asked = ("menurut", "gubernur", "siapa", "yang", "paling", "berkemampuan")
    assert head_terms(asked) == ()
    assert head_terms(("gubernur", "sumsel", "siapa")) == ("gubernur", "sumsel")
    said = ("menurut", "gubernur", "herman", "deru", "waktu", "peresmian", "siapa", "yang")
    assert head_terms(said) == ()
    said_then_asked = ("menurut", "kepala", "cabang", "jumlah", "peserta", "baru", "berapa")
    assert "serta" in head_terms(said_then_asked)
    # what an English question asks about ends at a preposition or relative it keeps
    english = ("siapa", "was", "the", "gubernur", "at", "the", "nov", "2020", "bertemu")
    assert head_terms(english) == ("gubernur",)
    assert head_terms(("siapa", "the", "gubernur", "that", "bpjs", "bertemu")) == ("gubernur",)


def test_a_figure_hoped_for_is_one_of_the_unit_asked() -> None:
    from bot.answer import evidence

    hoped = '"Dengan tambahan 11.275 pekerja rentan, cakupan bisa naik ke 39,3 persen," ujarnya.'
    assert evidence.states_hoped_figure(hoped, "persen")
    assert not evidence.states_hoped_figure(hoped)  # 11.275 workers are added, not hoped for
    forecast = "Kami perkirakan cakupan naik menjadi sekitar 44,5 persen pada akhir tahun."
    assert evidence.states_hoped_figure(forecast, "persen")
    assert not evidence.states_hoped_figure("Cakupan mencapai 33,7 persen.", "persen")


def test_a_projection_asked_for_is_answered_by_one(reader: QuestionReader) -> None:
    from bot.answer.scoring import target_penalty

    projected = "Dengan tambahan 55.400 peserta, cakupan diproyeksikan naik menjadi 71,8 persen."
    asked = reader.parse("What is the projected coverage after the new participants are added?")
    assert target_penalty(asked, projected) == 0.0
    assert target_penalty(reader.parse("berapa persen cakupan saat ini?"), projected) > 0.0


def test_chat_superlatives_and_english_trades_read_as_indonesian(reader: QuestionReader) -> None:
    words_of = reader.parse("th 2020 potensi yg plg menjanjikan provinsi mana").words
    assert "paling" in words_of and "palembang" not in words_of
    oil = reader.parse("how many oil-well workers are registered?").words
    assert {"sumur", "minyak"} <= set(oil)
    assert {"guru", "ngaji", "penggali", "makam"} <= set(
        reader.parse("how many quran teachers and grave diggers?").words
    )
    assert "target" in reader.parse("whats the coverage target for 2025").words
    assert "target" in reader.parse("what coverage percentage is bpjs aiming for?").words


def test_a_counter_weighs_no_more_than_the_noun_it_counts(reader: QuestionReader) -> None:
    # "berapo wong pekerja ...": workers counted, not a sentence about "orang"
    flagship = reader.parse("berapo wong pekerja sumsel yang la terlindungi?")
    assert flagship.counters == (("orang", "kerja"),)
    assert reader.parse("ada 3 orang pekerja yang meninggal?").counters == (("orang", "kerja"),)
    # alone, before a figure's noun or before a verb, the counter counts no noun: it is what
    # the figure is written in ("berapa orang meninggal": the people who died are counted)
    for alone in (
        "coverage 2020 berapa persen dan berapa orang jumlahnya?",
        "berapa orang meninggal dunia?",
        "berapa orang terdaftar?",
        "yg udh terlindungi di sumsel skrg brp org?",
        "yang meninggal berapa juta orang?",  # after a scale word too
    ):
        assert reader.parse(alone).counters == (("orang", ""),), alone
    # people named before it are what it counts: it points at their count "in orang"
    assert not reader.parse("peserta bpjs tk sumsel ada berapa orang?").counters
    assert not reader.parse("berapa persen pekerja yang terlindungi?").counters


def test_berapa_before_people_counts_them_beside_a_money_word(reader: QuestionReader) -> None:
    assert reader.parse("pemkab nanggung iuran brp pekerja rentan?").unit == "jumlah"
    assert reader.parse("pemkab nanggung iuran brp orang?").unit == "jumlah"
    assert reader.parse("iurannya berapa?").unit == "uang"
    # a second "berapa" beside money asks money ("..., anggarannya berapa?")
    both = reader.parse("pemkab nanggung iuran berapa pekerja rentan, anggarannya berapa?")
    assert both.unit == "uang"


def test_a_word_the_glossary_reads_is_read_by_it_not_by_a_sound_rule(
    reader: QuestionReader,
) -> None:
    # "nambah" is the glossary's "meningkat", not the nasal rule's "menambah"
    assert "meningkat" in reader.parse("target nambah brp peserta?").words


def test_which_before_a_role_asks_who_holds_it(reader: QuestionReader) -> None:
    quoted = reader.parse("Which acting governor was quoted when 1.1 million were covered?")
    assert quoted.kind == "siapa"
    assert reader.parse("which governor attended the launch?").kind == "siapa"
    assert reader.parse("which program pays the pension?").kind != "siapa"
    assert reader.parse("which governor regulation was issued in 2051?").kind != "siapa"
    # the role is the office asked; what follows says which holder
    launched = reader.parse("Which acting governor launched the simultaneous movement?")
    assert launched.kind == "siapa" and launched.head == ("jabat", "gubernur")


def test_a_word_in_capitals_the_articles_write_is_an_acronym_not_chat_slang() -> None:
    known = {"beasiswa", "anak", "smp", "sampai", "kapan"}
    reader = QuestionReader(
        load_glossary(KNOWLEDGE / "glossary.txt"),
        load_lexicons(KNOWLEDGE),
        known=lambda t: t in known,
    )
    assert "smp" in reader.parse("beasiswa anak SMP brp per taun?").terms
    # in small letters it is the chat's "sampai"; a message all in capitals is shouted
    assert "smp" not in reader.parse("beasiswa anak smp kapan?").terms
    assert "smp" not in reader.parse("BEASISWA ANAK SMP KAPAN?").terms


def test_berapa_yang_counts_what_was_counted_before() -> None:
    assert question.counts_elided(("dan", "berapa", "yang", "iurannya", "ditanggung"))
    assert not question.counts_elided(("berapa", "iurannya", "yang", "ditanggung"))


def test_di_noun_apa_asks_the_name_of_a_place_of_that_kind(reader: QuestionReader) -> None:
    held = reader.parse("Media gathering tanggal 13 Januari itu digelar di hotel apa?")
    assert question.asked_venue(held.words) == "hotel"
    assert question.asked_venue(reader.parse("di tahun apa gerakan dimulai?").words) is None
    assert question.asked_venue(reader.parse("digelar di mana?").words) is None
    # "di hotel mana" asks it too; a hotel named by no name ("di sebuah hotel") is no answer
    fell = reader.parse("Di hotel mana Anu Wijaya terjatuh saat merekam resepsi?")
    assert question.asked_venue(fell.words) == "hotel"
    assert not question.names_venue(
        "terjatuh saat merekam resepsi di sebuah hotel di Palembang", "hotel"
    )
    assert question.names_venue("resepsi di Hotel Sukamulya Palembang", "hotel")
    assert question.names_venue("audiensi di ruang rapat Bina Praja", "ruang")


def test_a_word_saying_what_is_about_to_be_is_no_term(reader: QuestionReader) -> None:
    about = reader.parse("gubernur bilang bakal lebih baik lg klo ada apa?")
    assert "bakal" not in about.terms
    # a wish stays: "he wants insurance to be ..." asks what is wished
    assert "ingin" in reader.parse("herman deru pgn asuransi jd apa?").terms


def test_a_follow_up_asking_when_of_a_figure_told_keeps_the_figure(
    reader: QuestionReader,
) -> None:
    before = reader.parse("yg 1,1 juta terdaftar itu pekerja formal doang ato informal jg?")
    when = continued(before, reader.parse("data smpe kpn tuh"))
    assert when.kind == "kapan" and "1,1" in when.terms
    # a figure told of the time before is no term of one asking another time's figure
    told = reader.parse("2020 coverage 36 persen, nah 2024 berapo?")
    assert "36" not in continued(told, reader.parse("skrg brp?")).terms


def test_a_follow_up_asking_whether_a_figure_rose_asks_that_times_figure(
    reader: QuestionReader,
) -> None:
    before = reader.parse("coverage sumsel 2020 brp persen?")
    rose = continued(before, reader.parse("trus 2024 naik gk?"), changed=True)
    assert (rose.kind, rose.unit, rose.years) == ("berapa", "persen", (2024,))
    assert continued(before, reader.parse("trus 2024 naik gk?")).kind == "ya_tidak"


def test_how_many_places_is_a_count_not_an_amount(reader: QuestionReader) -> None:
    villages = reader.parse(
        "How many village officials and cadres are covered through village funds, and from"
        " how many villages?"
    )
    assert villages.unit == "jumlah"
    assert reader.parse("dana desa dari berapa desa?").unit == "jumlah"
    assert reader.parse("berapa dana desa yang dipakai?").unit == "uang"


def test_what_is_the_name_of_a_program_asks_one_name_not_a_list(reader: QuestionReader) -> None:
    assert reader.parse("Apa nama program yang diluncurkan Pemkab Banyuasin?").kind != "apa_saja"
    assert reader.parse("program baru BPJS TK apa namanya?").kind != "apa_saja"
    assert reader.parse("program apa yang diluncurkan Pemkab Banyuasin?").kind == "apa_saja"


def test_the_agency_or_a_short_form_of_what_is_asked_is_no_name_offered(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Apa nama program yang diluncurkan Pemkab Banyuasin?")
    terms_of = lambda text: frozenset(reader.terms(text))  # noqa: E731
    pemkab = "Pemerintah Kabupaten (Pemkab) Banyuasin menanggung iuran BPJS Ketenagakerjaan."
    assert offers_name(q, pemkab) and not offers_name(q, pemkab, terms_of)
    launched = "Kegiatan itu menandai peluncuran program Sedulang Setudung Terlindungi."
    assert offers_name(q, launched, terms_of)
    # a name made of words the question uses in other forms is a name all the same
    vulnerable = reader.parse("apa nama program untuk melindungi pekerja rentan?")
    named = 'Pemkab meluncurkan program "Perlindungan Pekerja Rentan" tahun ini.'
    assert offers_name(vulnerable, named, terms_of)


def test_a_district_is_not_its_heads_office_and_one_told_is_not_asked(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Siapa Camat Banyuasin II yang mendampingi Bupati saat penyerahan santunan?")
    district = "Santunan diserahkan kepada Rohayati, warga Kecamatan Banyuasin II."
    head = "Bupati didampingi Camat Banyuasin II Firmansyah Idris."
    assert not office_named(q, frozenset(reader.terms(district)), district)
    assert office_named(q, frozenset(reader.terms(head)), head)
    # "..., siapa namanya, yg lapor ke gubernur": the deputy director is asked, not the governor
    deputy = reader.parse("deputi direktur kanwil sumbagsel sapo namonyo, yg lapor ke gubernur")
    said = "Menurut Deputi Direktur BPJS Ketenagakerjaan Kanwil Sumbagsel Arief Budiarto, ..."
    assert office_named(deputy, frozenset(reader.terms(said)), said)


def test_a_figure_the_headline_dates_is_of_the_headlines_year(reader: QuestionReader) -> None:
    from bot.answer.constraints import year_met

    titled = _article(title="Wujudkan Target 50 Persen Pekerja Terlindungi Tahun 2025")
    titled = replace(titled, dated=date(2024, 8, 1))
    lead = "Kanwil bertekad mewujudkan target 50 persen pekerja terlindungi."
    assert year_met(2025, lead, [], titled)
    # not for a question naming the figure ("is the 50% target for 2024 or 2025?"): the year
    # is what it asks, and only the headline shows it
    assert not year_met(2025, lead, [], titled, headline=False)
    assert not year_met(2025, "Saat ini baru 34 persen pekerja terlindungi.", [], titled)
    # a year named just before the figure dates it, not the headline
    assert not year_met(2025, lead, ["Pada 2023, kanwil menyusun rencana."], titled)


def test_a_mere_counter_counts_kinds_of_people_too(reader: QuestionReader) -> None:
    q = reader.parse("pemprov nanggung iuran bpjs tk brp org?")
    assert unit_match(q, "Pemprov menanggung iuran bagi 24.600 nelayan dan pekerja rentan.") == 1.0
    # a question naming its own kind of people is not answered by another kind
    migrants = reader.parse("pekerja migran yg udh terdaftar ada brp org?")
    assert unit_match(migrants, "Sebanyak 3.000 petani sudah terdaftar.") < 1.0


def test_people_counted_are_of_the_kind_named_right_after_them(reader: QuestionReader) -> None:
    q = reader.parse("how many of them were non-wage earners?")
    both = "Jumlah itu terdiri atas 161.204 pekerja penerima upah dan 86.711 pekerja bukan penerima upah."
    assert unit_match(q, both) == 1.0
    assert unit_match(q, "Sebanyak 3.000 pekerja sektor formal sudah terdaftar.") == -1.0
    # the other kind is not the kind asked
    wage = reader.parse("how many were wage earners?")
    assert unit_match(wage, "Tercatat 86.711 pekerja bukan penerima upah.") == -1.0
    assert unit_match(wage, both) == 1.0


def test_the_end_of_a_year_is_not_told_by_an_article_from_early_that_year(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Berapa cakupan kepesertaan di Sumsel akhir 2060?")
    window = "Cakupan kepesertaan tercatat 66,04 persen."
    none = lambda _: frozenset()  # noqa: E731
    january = _article(dated=date(2060, 1, 22))
    assert "end of 2060" in unmet(q, window, [], january, none, {})
    assert "end of 2060" not in unmet(q, window, [], _article(dated=date(2060, 12, 20)), none, {})
    # a target for the year's end is set before it
    aim = reader.parse("Berapa target cakupan kepesertaan di Sumsel akhir 2060?")
    assert "end of 2060" not in unmet(aim, "Target cakupan 62 persen.", [], january, none, {})


def test_an_amount_per_head_in_billions_or_estimated_in_total_asks_money(
    reader: QuestionReader,
) -> None:
    assert reader.parse("iuran yg ditanggung pemkab brp sebulan per org?").unit == "uang"
    assert reader.parse("klaim cab prabumulih jan-agustus 2062 udh brp M?").unit == "uang"
    assert reader.parse("Berapa perkiraan total manfaat JKP yang diterima?").unit == "uang"
    assert reader.parse("Berapa pekerja yang menerima manfaat JKP?").unit != "uang"
    assert reader.parse("ada berapa manfaat program JKP?").unit != "uang"  # a count of them


def test_whom_something_comes_from_may_be_a_group_of_people(reader: QuestionReader) -> None:
    q = reader.parse("Menurut Gubernur, akan lebih baik kalau ada kesadaran dari siapa?")
    assert fits_kind(q, "Akan lebih baik jika ada kesadaran dari masyarakat pekerja informal.")
    assert not fits_kind(q, "Akan lebih baik jika semua pekerja sadar.")
    partner = reader.parse("BPJS TK kerja sama dengan siapa?")
    assert fits_kind(partner, "BPJS TK menjalin kerja sama dengan perbankan daerah.")
    assert not fits_kind(q, "Cakupan naik dari tahun lalu, lebih dari separuh pekerja.")


def test_which_month_is_answered_by_a_month_not_by_a_year(reader: QuestionReader) -> None:
    q = reader.parse("data itu sampai bulan apa?")
    assert q.kind == "kapan"
    assert not fits_kind(q, "Mulai 2024 ini dicanangkan gerakan serentak.")
    assert fits_kind(q, "Hingga Maret 2024 telah terlindungi 1,1 juta pekerja.")


def test_which_three_things_asks_for_a_list(reader: QuestionReader) -> None:
    assert reader.parse("Which three participant categories make up membership?").kind == "apa_saja"


def test_a_lowercase_name_the_articles_use_fixes_the_event_asked() -> None:
    named = QuestionReader(
        load_glossary(KNOWLEDGE / "glossary.txt"),
        load_lexicons(KNOWLEDGE),
        known=lambda t: t in CORPUS_WORDS | {"wirasaputra"},
    )
    assert named.parse("kapan budi wirasaputra dilantik jadi kepala cabang?").events
    assert not named.parse("kapan kepala cabang dilantik?").events  # no one named


def test_the_office_word_before_a_unit_is_named_by_the_unit(reader: QuestionReader) -> None:
    q = reader.parse("deputi direktur kanwil sumbagsel 2023 siapa?")
    text = "Deputi Direktur Wilayah BPJAMSOSTEK Sumbagsel, Eko Purnomo mengatakan."
    terms = frozenset({"deputi", "direktur", "wilayah", "bpjs", "ketenagakerjaan", "kata"})
    assert office_named(q, terms, text)
    assert not office_named(
        q, frozenset({"deputi", "direktur", "cabang"}), "Deputi Direktur Cabang"
    )


def test_a_lists_year_is_told_before_its_announcement_and_a_comparison(
    reader: QuestionReader,
) -> None:
    from bot.answer.constraints import year_met

    article = _article(dated=date(2062, 1, 20))
    before = [
        "Sepanjang 2061, BPJS Ketenagakerjaan membayarkan klaim untuk 188.512 kasus.",
        "Nilai itu naik sekitar 5,4 persen dibanding 2060.",
        "Rinciannya sebagai berikut:",
    ]
    assert year_met(2061, "JHT: 163.207 kasus", before, article)
    assert not year_met(2060, "JHT: 163.207 kasus", before, article)


def test_a_target_is_of_the_year_its_headline_states_not_of_the_articles_day() -> None:
    from bot.answer.constraints import year_met

    titled = replace(
        _article(title="Target 50 Persen Pekerja Terlindungi Tahun 2025"), dated=date(2024, 8, 1)
    )
    aim = "Kanwil bertekad mewujudkan target 50 persen pekerja terlindungi."
    assert not year_met(2024, aim, [], titled, aim=True)
    assert year_met(2024, "Baru 34 persen pekerja terlindungi.", [], titled)


def test_a_figure_of_an_article_about_a_district_is_not_its_provinces() -> None:
    from bot.answer.constraints import district_figure

    places = _gazetteer_places()

    sumsel = next(iter(places("Sumatera Selatan")))
    window = "Dari 4.102 klaim JHT, sebanyak 2.387 kasus berasal dari sektor perkebunan."
    title = "Klaim BPJS Ketenagakerjaan Cabang Baturaja Capai Rp64,7 Miliar"
    assert district_figure(sumsel, [sumsel], window, places, [], title)
    assert not district_figure(sumsel, [sumsel], window, places, [], "Klaim Capai Rp64,7 Miliar")


def test_a_village_asked_for_is_named_by_its_title(reader: QuestionReader) -> None:
    from bot.answer.scoring import asked_place_kinds

    q = reader.parse("Di desa mana gerakan itu diluncurkan?")
    assert "desa" in asked_place_kinds(q).kinds
    named = titled_places("Peluncuran dipusatkan di Balai Desa Tegal Rejo.", lambda _: frozenset())
    assert ("desa", "Tegal Rejo") in named
    assert not titled_places("Dana Desa Tahun 2024 naik.", lambda _: frozenset())
    # "which village groups" asks for groups, not a village
    assert not asked_place_kinds(reader.parse("Which village groups does it cover?")).kinds


def test_a_target_asked_after_a_figure_looks_ahead_of_its_time(reader: QuestionReader) -> None:
    before = reader.parse("total pekerja sumsel yg udh terlindungi per agustus 2024 brp orang?")
    aim = within(before, reader.parse("terus targetnya nanti brp persen?"))
    assert aim.years == () and aim.months == ()
    assert within(before, reader.parse("trus yg formal brp?")).years == (2024,)


def test_a_measure_word_with_its_clitic_is_no_term(reader: QuestionReader) -> None:
    q = reader.parse("pekerja formal yg terlindungi berapa jumlahnya")
    assert "jumlah" not in q.terms and "formal" in q.terms


def test_two_groups_each_with_its_own_figure_are_not_one_joined_figure(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()
    q = reader.parse("berapa ojol yang iurannya ditanggung?")
    each = "Mereka terdiri dari 12.300 pengemudi ojek daring dan 6.200 pedagang kaki lima."
    assert unmet(q, each, [], _article(body=each), places, {}) == []
    both = "Sebanyak 18.500 pengemudi ojek daring dan pedagang kaki lima didaftarkan."
    assert unmet(q, both, [], _article(body=both), places, {}) != []


def test_a_region_named_only_as_its_offices_name_is_not_where_a_provinces_figure_is(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()
    q = reader.parse("berapa persen pekerja terlindungi di Sumbagsel tahun 2024?")
    office = "Kepala Kanwil BPJS Ketenagakerjaan Sumbagsel menyebut baru 34 persen pekerja Sumsel terlindungi pada 2024."
    assert "Sumatera Bagian Selatan" in unmet(q, office, [], _article(body=office), places, {})
    region = "Pada 2024, 40 persen pekerja di Sumbagsel terlindungi, kata Kepala Kanwil."
    assert unmet(q, region, [], _article(body=region), places, {}) == []


def test_a_report_named_before_an_english_question_sets_its_scene(reader: QuestionReader) -> None:
    q = reader.parse("In the report on the pekerja jamboree, who is the head of the branch office?")
    assert "jambore" in q.setting or "jamboree" in q.setting
    assert not {"kepala", "cabang"} & set(q.setting)


def _gazetteer_places() -> Callable[[str], frozenset[Place]]:
    """The places the knowledge gazetteer finds in a text."""
    lex = load_lexicons(KNOWLEDGE)
    return lambda text: frozenset(lex.gazetteer.find(words(text)))


def test_a_word_of_a_place_name_is_no_frame_word(reader: QuestionReader) -> None:
    # "bener" frames a question ("bener gak ..."), but not inside a kabupaten's name
    q = reader.parse("Berapa anggaran Pemkab Bener Meriah untuk iuran petani kopi?")
    assert "Bener Meriah" in [p.name for p in q.places]
    assert "bener" not in reader.parse("bener gak iurannya 16.800?").words


def test_a_figure_of_the_person_asked_about_need_not_name_the_program_it_came_from(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()
    q = replace(
        reader.parse(
            "Berapa total manfaat yang diterima Budi Wirasaputra setelah kecelakaan kerja?"
        ),
        people=("Budi Wirasaputra",),
    )
    assert "Jaminan Kecelakaan Kerja" in [p.name for p in q.places]
    told = "Biaya pengobatan Budi Wirasaputra ditanggung program Jaminan Kecelakaan Kerja."
    window = "Kepala Cabang menjelaskan, total manfaat yang diterima Budi mencapai Rp426,7 juta."
    article = _article(body=f"{told} Ia kembali bekerja. Ia dilatih. {window}")
    assert unmet(q, window, ["Ia kembali bekerja.", "Ia dilatih."], article, places, {}) == []
    # a figure naming no one asked about must still be of the program
    other = "Total klaim yang dibayarkan mencapai Rp426,7 juta."
    assert unmet(q, other, ["Ia dilatih."], _article(body=f"{told} {other}"), places, {})


def test_every_district_of_a_province_together_is_the_provinces_figure() -> None:
    from bot.answer.constraints import district_figure

    places = _gazetteer_places()
    sumsel = next(iter(places("Sumatera Selatan")))
    before = ["Cakupan terendah masih berada di Kabupaten OKU Selatan, yakni 61,4 persen."]
    all_of_them = (
        "Menurut Kepala Kanwil, seluruh kabupaten dan kota telah menganggarkan iuran bagi "
        "231.540 pekerja rentan dalam APBD."
    )
    assert not district_figure(sumsel, [sumsel], all_of_them, places, before)
    some = "Menurut Kepala Kanwil, kabupaten itu menganggarkan iuran bagi 23.540 pekerja rentan."
    assert district_figure(sumsel, [sumsel], some, places, before)


def test_the_districts_of_kalimantan_are_known_by_their_short_forms(
    reader: QuestionReader,
) -> None:
    q = reader.parse("Siapo bupati Kukar yang nyerahke kartu BPJS ke nelayan?")
    assert "Kutai Kartanegara" in [p.name for p in q.places]
    damkar = reader.parse("Berapa santunan untuk ahli waris petugas damkar di Banyuasin?")
    assert "Pemadam kebakaran" in [p.name for p in damkar.places]


def test_a_local_name_ends_before_the_province_it_is_in(reader: QuestionReader) -> None:
    q = reader.parse("Apa nama desa terbaik di Paritrana Sumsel 2066?")
    assert "paritrana sumsel" not in q.local_names


def test_a_window_naming_only_a_program_is_placed_by_its_article(reader: QuestionReader) -> None:
    places = _gazetteer_places()
    q = reader.parse("Berapa total uang tunai JKP yang diterima eks buruh di Sukamulya?")
    assert q.local_names == ("sukamulya",)
    window = "Menurut Bagus, total uang tunai JKP untuk 1.486 eks buruh itu mencapai Rp23,9 miliar."
    closed = _article(title="Pabrik di Sukamulya Tutup, Eks Buruh Terima JKP", body=window)
    assert unmet(q, window, [], closed, places, {}) == []
    # a place of its own still says where the window is about
    elsewhere = "Di Kota Palembang, total uang tunai JKP mencapai Rp2 miliar."
    assert unmet(q, elsewhere, [], closed, places, {}) == ["sukamulya"]


def test_a_year_only_compared_with_leaves_the_period_to_the_sentences_before() -> None:
    from bot.answer.constraints import year_met

    january_2068 = _article(dated=date(2068, 1, 17))
    paid = "Kantor cabang membayarkan klaim Rp214,7 miliar sepanjang 2067."
    cases = "Nilai itu berasal dari 16.382 kasus klaim, naik dibandingkan 2066 yang tercatat Rp188,3 miliar."
    assert year_met(2067, cases, [paid], january_2068)
    assert year_met(2066, cases, [paid], january_2068)  # the figure it is compared with
    assert not year_met(2065, cases, [paid], january_2068)
    assert not year_met(2067, "Klaim 2066 tercatat Rp188,3 miliar.", [paid], january_2068)


def test_a_branchs_figure_compared_with_last_year_is_of_the_year_before_it(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()
    q = reader.parse("How many claim cases did the BPJS Ketenagakerjaan Lahat branch pay in 2067?")
    paid = (
        "BPJS Ketenagakerjaan Kantor Cabang Lahat membayarkan klaim Rp214,7 miliar kepada peserta"
        " di Kabupaten Lahat, Kota Pagar Alam, dan Kabupaten Empat Lawang sepanjang 2067."
    )
    cases = "Nilai itu berasal dari 16.382 kasus klaim, naik dibandingkan 2066."
    title = "Sepanjang 2067, BPJS Ketenagakerjaan Cabang Lahat Bayar Klaim Rp214,7 Miliar"
    article = _article(title=title, dated=date(2068, 1, 17), body=f"{paid} {cases}")
    assert unmet(q, cases, [paid], article, places, {}) == []


def test_cases_counted_are_not_the_amount_paid_for_them(reader: QuestionReader) -> None:
    q = reader.parse("How many claim cases did the Lahat branch pay in 2067?")
    headline = "Sepanjang 2067, BPJS Ketenagakerjaan Cabang Lahat Bayar Klaim Rp214,7 Miliar"
    assert unit_match(q, headline) == -1.0
    assert unit_match(q, "Nilai itu berasal dari 16.382 kasus klaim.") == 1.0
    # the amount may be what is asked when nothing but claims are counted
    paid = reader.parse("berapa total klaim yang dibayarkan cabang lahat 2067?")
    assert unit_match(paid, headline) == 0.0


def test_minutes_are_a_length_of_time_and_an_age_is_no_count(reader: QuestionReader) -> None:
    from bot.answer.spans import age_spans, duration_spans

    text = "Rata-rata waktu layanan hanya 15 menit, dibanding 47 menit di loket."
    assert [text[s:e] for s, e in duration_spans(text)] == ["15 menit", "47 menit"]
    driver = "Salah satu peserta, Rusdi Arjuna (52), sopir trayek angkot, mengaku lega."
    q = reader.parse("Berapa jumlah sopir angkot trayek Sukamulya yang sudah terdaftar?")
    assert unit_match(q, driver) == -1.0
    assert unit_match(reader.parse("berapa umur Rusdi Arjuna?"), driver) >= 0.0
    assert [driver[s:e] for s, e in age_spans(driver)] == ["52"]
    assert age_spans("Oktaviani Rahayu (33) mengaku lega.") != ()
    assert age_spans("Kota A (12) dan Kota B (7).") == ()  # counts in a list


def test_a_part_taken_with_di_antaranya_points_back_at_its_figure() -> None:
    from bot.answer.evidence import figure_taken_from

    part = "Dari 1.288 kasus kecelakaan kerja, 17 di antaranya mengakibatkan pekerja meninggal."
    assert figure_taken_from(part) == "1.288"
    assert figure_taken_from("Dari 412 kasus tersebut, 11 pekerja meninggal.") == "412"
    assert figure_taken_from("Dari 300 peserta, sebanyak 20 orang lulus.") is None


def test_a_figure_of_the_year_compared_with_is_that_years() -> None:
    from bot.answer.constraints import year_met

    march_2031 = _article(dated=date(2031, 3, 1))
    quota = "Wali Kota mengatakan, kuota itu naik dari 8.900 pekerja rentan pada 2030."
    lead = "Pemkot menanggung iuran bagi 11.350 pekerja rentan sepanjang 2031."
    assert not year_met(2031, quota, [lead], march_2031)
    assert year_met(2030, quota, [lead], march_2031)
    # a year of its own beside the same year compared with
    coverage = "Cakupan hingga 31 Desember 2031 mencapai 56,8 persen, naik dari 53,4 persen pada 30 Juni 2031."
    assert not year_met(2032, coverage, [], _article(dated=date(2032, 2, 1)))


def test_chat_n_reads_as_and(reader: QuestionReader) -> None:
    assert "dan" in reader.parse("klaim jht n jkk brp?").words


def test_what_an_acronym_is_is_asked_as_what_it_stands_for(reader: QuestionReader) -> None:
    for asked in ("jakon tu apaan?", "apa itu jakon?", "Jakon itu apa sih?"):
        q = reader.parse(asked)
        assert (q.kind, q.acronym) == ("singkatan", "jakon"), asked
    # not a phrase of words, nor a word no lexicon spells out
    assert reader.parse("apa itu gerakan serentak?").kind == "apa_itu"
    assert reader.parse("sukamulya itu apa?").kind != "singkatan"


def test_a_name_with_its_short_form_inside_is_the_longer_name_only() -> None:
    places = _gazetteer_places()
    names = {p.name for p in places("Kabupaten Ogan Komering Ulu (OKU) Timur")}
    assert names == {"Ogan Komering Ulu Timur"}
    both = {p.name for p in places("Ogan Komering Ulu (OKU) Selatan dan Ogan Komering Ulu (OKU)")}
    assert both == {"Ogan Komering Ulu Selatan", "Ogan Komering Ulu"}


def test_a_district_named_beside_a_province_figure_has_no_figure_of_its_own(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()
    q = reader.parse("Berapa persen cakupan kepesertaan di Kabupaten Musi Rawas?")
    lowest = (
        "Cakupan di Sumatera Selatan per Oktober mencapai 61,7 persen dari 2,58 juta pekerja. "
        "Cakupan tertinggi di Palembang, sedangkan terendah di Kabupaten Musi Rawas."
    )
    assert unmet(q, lowest, [], _article(), places, {}) == ["Musi Rawas"]
    own = "Cakupan di Kabupaten Musi Rawas mencapai 31,2 persen, terendah di Sumatera Selatan."
    assert unmet(q, own, [], _article(), places, {}) == []


def test_a_sentence_asked_of_a_court_is_a_length_of_time(reader: QuestionReader) -> None:
    assert reader.parse("Berapa tuntutan jaksa dalam perkara iuran PT Sukamulya?").unit == "lama"
    assert reader.parse("vonisnya berapa?").unit == "lama"
    assert reader.parse("berapa perkara yang disidangkan?").unit == "jumlah"


def test_a_school_year_is_no_figure() -> None:
    from bot.answer.spans import figure_spans

    text = "Seluruh siswa terlindungi saat PKL pada tahun ajaran 2072/2073 atau 2073/74."
    assert figure_spans(text) == ()
    assert figure_spans("ada 5/6 orang") != ()


def test_an_acronym_its_article_spells_out_names_what_it_stands_for() -> None:
    from bot.answer import evidence

    body = (
        "Kartu diserahkan kepada pengurus Paguyuban Tukang Cukur Sukamulya (PTCS) di kantor "
        "Dinas Tenaga Kerja (Disnaker). ... kata Ketua PTCS, Anu Wijaya (46)."
    )
    window = "Iurannya ringan, kata Ketua PTCS, Anu Wijaya (46)."
    assert evidence.spelled_out(window, body) == {"PTCS": "Paguyuban Tukang Cukur Sukamulya"}
    assert evidence.spelled_out("Disnaker mencatat 40 orang.", body) == {}  # not in capitals
    assert evidence.spelled_out(window, "Ketua PTCS, Anu Wijaya.") == {}  # never spelled out


def test_a_place_or_a_headline_in_capitals_is_no_persons_name() -> None:
    from bot.answer.evidence import person_spans

    text = (
        "Dua pekerja proyek Jembatan Air Tebangi di Desa Sukarami Ulu, Kecamatan Kisam Tinggi, "
        "meninggal dunia. Kedua korban adalah Anu Wirasaputra (33), warga Desa Sukamundur."
    )
    assert [text[s:e] for s, e in person_spans(text)] == ["Anu Wirasaputra"]
    headline = "Dua Pekerja Tewas Saat Bekisting Jembatan Sukamundur Ambruk"
    assert person_spans(headline) == ()
    office = "Kepala Desa Sukamundur Anu Wirasaputra hadir."
    assert person_spans(office) != ()  # an office holder's name after a role word stays


def test_the_names_of_workers_asked_are_peoples_names(reader: QuestionReader) -> None:
    q = reader.parse("Siapa nama dua pekerja yang meninggal saat jembatan ambruk?")
    assert not scoring.fits_kind(q, "Proyek dikerjakan PT Sukamundur Karya di Kabupaten Lahat.")
    assert scoring.fits_kind(q, "Kedua korban adalah Anu Wirasaputra dan Budi Sukamundur.")
    who = reader.parse("siapa yang mengerjakan proyek jembatan itu?")  # a firm may answer
    assert scoring.fits_kind(who, "Proyek dikerjakan PT Sukamundur Karya Konstruksi.")


def test_a_street_named_after_a_place_is_not_that_place() -> None:
    places = _gazetteer_places()
    assert {p.name for p in places("Jalan Palembang Lama, Kabupaten Lahat")} == {"Lahat"}
    assert "Lahat" in {p.name for p in places("perangkat desa Lahat")}
    assert {p.name for p in places("OKU, OKU Timur")} == {
        "Ogan Komering Ulu",
        "Ogan Komering Ulu Timur",
    }


def test_a_district_named_before_a_figure_ahead_of_others_has_that_figure(
    reader: QuestionReader,
) -> None:
    places = _gazetteer_places()
    q = reader.parse("Berapa persen klaim Sumsel yang berasal dari Kabupaten Lahat?")
    ranked = "Kabupaten Lahat menyumbang 38,6 persen dari total klaim, disusul Muara Enim dan Musi Rawas."
    assert "Lahat" not in unmet(q, ranked, [], _article(), places, {})
    group = (
        "Wilayah kerja cabang meliputi Lahat, Muara Enim dan Musi Rawas, mencapai 38.600 peserta."
    )
    assert "Lahat" in unmet(q, group, [], _article(), places, {})
