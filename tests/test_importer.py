"""The raw-article importer: boilerplate rules, metadata detection, overrides, bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.corpus import MAX_ARTICLE_BYTES, parse_article
from index.errors import KnowledgeFileError, PageImportError
from index.gazetteer import load_gazetteer
from index.importer.clean import clean_raw
from index.importer.page import ImportOverrides, import_file, import_page, outlet_slug, unique_id
from index.text import split_sentences
from tests.conftest import PROJECT

LEAD = "Sebanyak 500 pekerja informal di Palembang kini terlindungi BPJS Ketenagakerjaan."
SECOND = "Program ini didukung pemerintah kota sejak awal tahun, kata Kepala Dinas, Rabu."
QUOTE = "“Kami akan terus mendorong pekerja rentan mendaftar,” ujar Budi Santoso."


def raw(*middle: str, head: str = "", tail: str = "") -> str:
    """A small raw article: optional head lines, dateline lead, middle lines, second paragraph."""
    return "\n".join(
        [
            "Pekerja Informal di Palembang Makin Banyak Terlindungi",
            head,
            f"PALEMBANG, CONTOHNEWS.COM - {LEAD}",
            *middle,
            SECOND,
            QUOTE,
            tail,
        ]
    )


def body_of(text: str) -> str:
    return clean_raw(text).body


def test_clean_article_keeps_sentences_verbatim_as_paragraphs() -> None:
    cleaned = clean_raw(raw())
    assert cleaned.body == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    assert cleaned.title == "Pekerja Informal di Palembang Makin Banyak Terlindungi"
    assert cleaned.outlet == "Contohnews.com"


@pytest.mark.parametrize(
    "line",
    [
        "BACA JUGA:Harga Cabai Naik Lagi di Pasar Sekanak",
        "Baca Juga: 2 Bocah Ditemukan di Ramba Kemuning, Korban Begal?",
        "baca juga : Banjir Rendam Jalan Protokol",
        "Berita Terkait : BPJS Ketenagakerjaan Jalin Sinergi dengan Pers",
        "Kategori :",
        "Kategori : Ekonomi, Sumsel",
        "Saksikan Video Pilihan Berikut Ini :",
        "2 dari 2 halaman",
        "Cek Berita dan Artikel yang lain di Google News",
        "Ikuti kami di Google News",
        "Sumber: contohnews.com",
        "Reporter : M Iqbal",
        "Editor: Sari Dewi",
        "Penulis : Budi",
        "PALEMBANG, CONTOHNEWS.COM -",
        "Sukses",
        "Advertisement",
        "Kantor Cabang BPJS Ketenagakerjaan Palembang.-Sandy Pratama-contohnews.com",
        "Muhyidin menyampaikan materi di Palembang. (MusiNews.id/Hairudin)",
        "Suasana pelayanan di kantor cabang. (ANTARA FOTO/Nova Wahyudi)",
        "Pekerja mendaftar di kantor BPJS Ketenagakerjaan. ANTARA/Aziz Munajar",
        "Pewarta: Aziz Munajar",
        "COPYRIGHT © ANTARA 2024",
        "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis.",
        "Klik untuk berbagi di Facebook(Membuka di jendela yang baru)",
        "Simak berita lainnya seputar topik artikel ini, di sini :",
        "Ilustrasi. Pemprov akan menanggung iuran pekerja rentan mulai 2025. (Situs Kita/Nama Foto)",
        "Kepala kantor cabang menyerahkan santunan kepada ahli waris. (Kota Times/Nama Fotografer)",
        "Petugas melayani peserta di kantor cabang. - Situs/Nama Fotografer",
        "Oleh Nama Lengkap Penulis",
        "Rep: Nama Penulis/ Red: Nama Editor",
        "Oleh: Nama Penulis",
        "Jangan Lewatkan Video Terbaru:",
        "Konten ini adalah tulisan mitra. Isi di luar tanggung jawab redaksi",
    ],
)
def test_single_boilerplate_line_is_removed(line: str) -> None:
    cleaned = clean_raw(raw(line))
    assert cleaned.body == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    assert line in cleaned.removed


def test_baca_juga_header_takes_the_headline_on_the_next_line() -> None:
    assert body_of(raw("Baca juga:", "Harga Cabai Naik Lagi di Pasar Sekanak")) == (
        f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    )


def test_comment_form_is_cut_to_the_end() -> None:
    tail = "Tinggalkan Balasan\n\nAlamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *\nKomentar *\nNama *"
    assert body_of(raw(tail=tail)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"


def test_trailing_headline_lists_are_removed_with_their_dates() -> None:
    tail = "\n".join(
        [
            "Berita Terkait",
            "-",
            "Partisipasi Pemilih Sumsel Tembus 85 Persen, KPU Klaim Ini Faktor Pendukungnya",
            "-",
            "Ibu-ibu Wajib Tahu! Ini Daftar Harga Sembako Termurah di Palembang",
            "Terpopuler",
            "- 57 Kode Redeem FF Terbaru 25 Januari 2026: Ada Skin Tinju Jujutsu",
            "- Apa itu Whip Pink? Tabung Whipped Cream yang Disebut 'Laughing Gas'",
            "Pilihan",
            "-",
            "Sah! Komisi XI DPR Pilih Keponakan Prabowo Jadi Deputi Gubernur BI",
            "Terkini",
            "-",
            "Haul dan Ziarah Kubra 2026 di Palembang: Jadwal, Rangkaian, dan Makna Tradisi",
        ]
    )
    cleaned = clean_raw(raw(tail=tail))
    assert cleaned.body == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    assert cleaned.dates.dated is None  # "25 Januari 2026" was in the removed list


def test_headline_list_in_the_middle_stops_at_article_prose() -> None:
    block = "Terpopuler\n- Banjir Rendam Jalan Protokol di Palembang\n- Harga Cabai Naik Lagi"
    assert body_of(raw(block)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"


def test_dash_blocks_without_header_are_removed() -> None:
    block = "-\nBanjir Rendam Jalan Protokol di Palembang\n-\nHarga Cabai Naik Lagi di Pasar"
    assert body_of(raw(block)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"


def test_repeated_caption_lines_are_removed_but_a_repeated_paragraph_is_kept_once() -> None:
    caption = "Kepala BPJS Ketenagakerjaan menyampaikan materi kepada pekerja di Palembang."
    assert body_of(raw(head=f"{caption}\n{caption}")) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    other = "Dari jumlah tersebut, sebanyak 690.000 pekerja di sektor formal."
    assert body_of(raw(SECOND, other)) == f"{LEAD}\n\n{SECOND}\n\n{other}\n\n{QUOTE}"


def test_repeated_title_is_not_part_of_the_body() -> None:
    title = "Pekerja Informal di Palembang Makin Banyak Terlindungi"
    assert body_of(raw(head=title)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"


@pytest.mark.parametrize(
    ("ending", "kept"),
    [
        ("ujar Budi. (ohs)", "ujar Budi."),
        ("kata Muhyidin. [ANTARA[", "kata Muhyidin."),
        ("kata Muhyidin. [ANTARA]", "kata Muhyidin."),
        ("ujar Faisal.*", "ujar Faisal."),
        ("“Sudah 80 persen.”*", "“Sudah 80 persen.”"),
        ("tegas Eko. (ant/abc)", "tegas Eko."),
    ],
)
def test_trailing_byline_tags_are_removed(ending: str, kept: str) -> None:
    body = body_of(raw(f"Pekerja sektor formal sudah banyak terdaftar, {ending}"))
    assert f"Pekerja sektor formal sudah banyak terdaftar, {kept}\n" in body


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("PALEMBANG, KORANCONTOH.COM – ", "Korancontoh.com"),
        ("Situs6.com, Palembang - ", "Situs6.com"),
        ("BeritaKita.id — ", "Beritakita.id"),
        ("PALEMBANG, TVKITA.CO.ID - ", "Tvkita.co.id"),
        ("KORANKITA.COM, PALEMBANG - ", "Korankita.com"),
        ("Palembang (KANTORBERITA) - ", "KANTORBERITA"),
        ("KBRN, Palembang: ", "KBRN"),
        ("Palembang, ABC Kita - ", "ABC Kita"),
        ("Kota (Koran Kita) – ", "Koran Kita"),
        ("Kota (koranku.com) – ", "Koranku.com"),
        ("KK.id Koran Kita - ", "Kk.id"),
        ("SITUS KITA - ", None),
        ("Musi Banyuasin - ", None),
    ],
)
def test_dateline_prefix_is_removed_and_names_the_outlet(dateline: str, outlet: str) -> None:
    cleaned = clean_raw(f"Judul Berita Pekerja Sumsel Terlindungi\n\n{dateline}{LEAD}\n\n{SECOND}")
    assert cleaned.body == f"{LEAD}\n\n{SECOND}"
    assert cleaned.outlet == outlet


def test_a_reporters_code_after_the_last_sentence_does_not_take_the_sentence_away() -> None:
    cleaned = clean_raw(
        f"Judul Berita Pekerja Sumsel Terlindungi\n\n{LEAD}\n\n{SECOND}\n\n(Cw2/Ansa)"
    )
    assert cleaned.body == f"{LEAD}\n\n{SECOND}"


def test_a_station_code_in_the_dateline_gives_way_to_the_sites_copyright_line() -> None:
    text = f"Judul Berita Pekerja Sumsel Terlindungi\n\nKODE, Palembang: {LEAD}\n\n{SECOND}"
    assert clean_raw(f"{text}\n\u00a9 2026 RADIOKITA. Hak Cipta Dilindungi.").outlet == "RADIOKITA"
    assert clean_raw(text).outlet == "KODE"


def test_the_headline_is_found_above_a_byline_block_and_its_date() -> None:
    text = (
        "SITUSKITA\nEkonomi\n\nJudul Berita Pekerja Sumsel Terlindungi Hingga Akhir Tahun\n\n"
        "Reporter\nNama Penulis\nEditor\nNama Editor\nRabu, 20 Mei 2026 12:30 WIB\n\n"
        f"Baca berita dengan sedikit iklan, klik di sini\n\n{LEAD}\n\n{SECOND}"
    )
    cleaned = clean_raw(text)
    assert cleaned.title == "Judul Berita Pekerja Sumsel Terlindungi Hingga Akhir Tahun"
    assert cleaned.dates.published == date(2026, 5, 20)


def test_a_dateline_naming_the_site_of_the_pages_first_line_gives_the_outlet() -> None:
    text = f"Situs Kita\nJudul Berita Pekerja Sumsel Terlindungi\n\nSITUS KITA - {LEAD}\n\n{SECOND}"
    assert clean_raw(text).outlet == "Situs Kita"
    assert clean_raw(f"{text}\n\u00a9 2026 PT Grup Media Kita").outlet == "Situs Kita"
    assert clean_raw(f"{LEAD}\n{SECOND}\n\u00a9 2026 PT Grup Media").outlet == "Grup Media"


@pytest.mark.parametrize(
    ("line", "url"),
    [
        (
            "Salin tautan: https://situs.example/pekerja-sumsel-terlindungi",
            "https://situs.example/pekerja-sumsel-terlindungi",
        ),
        (
            "https://situs.example/judul-berita-pekerja-sumsel-terlindungi",
            "https://situs.example/judul-berita-pekerja-sumsel-terlindungi",
        ),
        ("https://situs.example/harga-cabai-naik-lagi", None),
    ],
)
def test_the_pages_own_address_is_a_labelled_one_or_one_spelling_the_headline(
    line: str, url: str | None
) -> None:
    assert (
        clean_raw(f"Judul Berita Pekerja Sumsel Terlindungi\n{LEAD}\n{SECOND}\n{line}").url == url
    )


@pytest.mark.parametrize(
    "line",
    [
        "Click to share on Facebook (Opens in new window)",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Ilustrasi petani karet di Kabupaten Musi Banyuasin.",
    ],
)
def test_english_site_furniture_and_illustration_captions_are_removed(line: str) -> None:
    assert body_of(raw(line)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"


@pytest.mark.parametrize(
    "line",
    [
        '"We will do it for all workers of the province," ujar Budi.',
        "Ilustrasi perhitungan iuran: pekerja membayar Rp16.800 per bulan.",
    ],
)
def test_a_quotation_in_english_or_a_worked_example_is_article_text(line: str) -> None:
    assert line in body_of(raw(line))


def test_a_caption_under_the_headline_above_the_byline_block_is_not_the_article() -> None:
    text = (
        "SITUSKITA\n\nJudul Berita Pekerja Sumsel Terlindungi Hingga Akhir Tahun\n"
        "Penyerahan santunan kepada ahli waris nelayan di desa pesisir.\n"
        f"Penulis : Nama Penulis\nKamis, 15 Mei 2025 - 11:20 WIB\n\n{LEAD}\n\n{SECOND}"
    )
    cleaned = clean_raw(text)
    assert cleaned.dates.published == date(2025, 5, 15)
    assert cleaned.body == f"{LEAD}\n\n{SECOND}"


def test_a_comment_section_and_a_site_slash_name_credit_are_not_the_article() -> None:
    tail = "3 tanggapan untuk “Judul”\n\nNama Pembaca\nAlhamdulillah, semoga pasar lain juga dapat."
    assert body_of(raw(tail=tail)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    for header in ('2 thoughts on "Judul"', 'One thought on "Judul"'):  # WordPress's own
        tail = f"{header}\nNama Pembaca\nTolong diumumkan nama perusahaan yang nunggak."
        assert body_of(raw(tail=tail)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    tip = "Punya informasi? Kirim ke WhatsApp Redaksi Situs Kita 0811-0000-0000."
    assert body_of(raw(tail=tip)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    credit = "Petugas melayani peserta di kantor cabang. (Situskita/Nama Fotografer)"
    assert body_of(raw(credit)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"


def test_a_byline_naming_the_journalist_is_not_the_headline() -> None:
    text = (
        "Situs Kita\nEkonomi\n\nJudul Berita Pekerja Sumsel Terlindungi Hingga Akhir Tahun\n\n"
        f"Nama Penulis Lengkap, Jurnalis\nKamis, 09 Januari 2025 |15:12 WIB\n\n{LEAD}\n\n{SECOND}"
    )
    assert clean_raw(text).title == "Judul Berita Pekerja Sumsel Terlindungi Hingga Akhir Tahun"


def test_a_city_dateline_is_not_the_site_even_on_a_city_subdomain() -> None:
    text = (
        f"Palembang\nJudul Berita Pekerja Sumsel Terlindungi\n\nPalembang - {LEAD}\n\n{SECOND}\n"
        "Baca juga: https://palembang.contohnews.com/berita/lain\n\u00a9 2024 Koran Kita"
    )
    assert clean_raw(text).outlet == "Koran Kita"


def test_outlet_from_credit_lines_when_there_is_no_dateline() -> None:
    text = f"Judul Berita Pekerja Sumsel Terlindungi\n{LEAD}\n{SECOND}\nSumber: tvkita.co.id"
    assert clean_raw(text).outlet == "Tvkita.co.id"
    assert clean_raw(f"{LEAD}\n{SECOND}").outlet is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        (
            "Artikel ini telah tayang di KoranKita.com dengan judul Judul, https://x.example/a/b",
            "Korankita.com",
        ),
        ("COPYRIGHT © KANTORBERITA 2024", "KANTORBERITA"),
        ("Copyright © 2025 Sumkita.co", "Sumkita.co"),
    ],
)
def test_outlet_from_site_lines_for_any_site(line: str, outlet: str) -> None:
    assert (
        clean_raw(f"Judul Berita Pekerja Sumsel Terlindungi\n{LEAD}\n{SECOND}\n{line}").outlet
        == outlet
    )


def test_whitespace_is_normalized_but_words_are_not_touched() -> None:
    text = f"Judul Berita Pekerja Sumsel Terlindungi\r\n\r\n\u00a0{LEAD}\u00a0\r\n\u00a0\r\n{SECOND.replace(' ', '  ')}"
    assert body_of(text) == f"{LEAD}\n\n{SECOND}"


def test_hard_wrapped_lines_are_joined_into_one_paragraph() -> None:
    text = f"Judul Berita Pekerja Sumsel Terlindungi\n\n{LEAD}\n\nProgram ini didukung pemerintah kota\nsejak awal tahun."
    assert body_of(text) == f"{LEAD}\n\nProgram ini didukung pemerintah kota sejak awal tahun."


def test_without_a_headline_the_title_is_the_first_sentence_cut_at_a_word() -> None:
    long_lead = (
        "SuaraSumsel.id - Pemerintah Provinsi Sumatera Selatan mengoptimalkan perlindungan tenaga "
        "kerja formal dan informal yang ada di 17 kabupaten dan kota dalam provinsi setempat "
        "melalui BPJS Ketenagakerjaan."
    )
    cleaned = clean_raw(f"{long_lead}\n{SECOND}")
    assert cleaned.title is None
    article = import_page(f"{long_lead}\n{SECOND}", source_name="x.txt")
    assert len(article.title) <= 100
    assert article.title.endswith("…")
    assert article.title.startswith("Pemerintah Provinsi Sumatera Selatan mengoptimalkan")
    assert article.body.startswith("Pemerintah Provinsi Sumatera Selatan mengoptimalkan")
    short = import_page(
        f"{LEAD}\n{SECOND}", source_name="x.txt", overrides=ImportOverrides(outlet="X")
    )
    assert short.title == LEAD.rstrip(".")


@pytest.mark.parametrize(
    ("head", "middle", "published", "dated", "label"),
    [
        ("Jumat 02 Aug 2024 - 10:21 WIB", "", date(2024, 8, 2), date(2024, 8, 2), "2 Agustus 2024"),
        ("Desember 12, 2022", "", date(2022, 12, 12), date(2022, 12, 12), "12 Desember 2022"),
        (
            "Nama Penulis • 23 Agustus 2022 13:12",
            "",
            date(2022, 8, 23),
            date(2022, 8, 23),
            "23 Agustus 2022",
        ),
        ("2022-12-12 10:00 WIB", "", date(2022, 12, 12), date(2022, 12, 12), "12 Desember 2022"),
        (
            "Oktober 14, 2025 oleh Redaksi | 3 Komentar",
            "",
            date(2025, 10, 14),
            date(2025, 10, 14),
            "14 Oktober 2025",
        ),
        (
            "Senin, 5 Februari 2024 | 14:30 WIB",
            "",
            date(2024, 2, 5),
            date(2024, 2, 5),
            "5 Februari 2024",
        ),
        ("Senin 10-03-2025,14:27 WIB", "", date(2025, 3, 10), date(2025, 3, 10), "10 Maret 2025"),
        (
            "",
            "Pekan 1-2-24 Mei diisi sosialisasi, diresmikan Senin (16/11/2020).",
            None,
            date(2020, 11, 16),
            "peristiwa 16 November 2020",
        ),
        (
            "2025-03-11 | Admin Humas | Dilihat: 1.284 kali",
            "",
            date(2025, 3, 11),
            date(2025, 3, 11),
            "11 Maret 2025",
        ),
        (
            "",
            "Acara digelar hari Kamis tanggal 1 Agustus 2024.",
            None,
            date(2024, 8, 1),
            "peristiwa 1 Agustus 2024",
        ),
        (
            "",
            "Audiensi digelar di Palembang, Senin (16/11/2020).",
            None,
            date(2020, 11, 16),
            "peristiwa 16 November 2020",
        ),
        (
            "",
            "Peresmian pada Kamis 12 Januari 2023 berjalan lancar.",
            None,
            date(2023, 1, 12),
            "peristiwa 12 Januari 2023",
        ),
        (
            "",
            "Berdasarkan data, hingga Maret 2024 ini ada 1,1 juta peserta.",
            None,
            date(2024, 3, 31),
            "data hingga Maret 2024",
        ),
        (
            "",
            "Data hingga bulan Oktober 2020, rapat Senin (16/11/2020).",
            None,
            date(2020, 11, 16),
            "peristiwa 16 November 2020",
        ),
    ],
)
def test_date_detection(
    head: str, middle: str, published: date | None, dated: date, label: str
) -> None:
    cleaned = clean_raw(raw(*filter(None, [middle]), head=head))
    assert (cleaned.dates.published, cleaned.dates.dated, cleaned.dates.label) == (
        published,
        dated,
        label,
    )
    assert not head or head not in cleaned.body


def test_default_id_is_outlet_slug_and_date() -> None:
    month_only = raw("Berdasarkan data, hingga Maret 2024 ini ada 1,1 juta peserta.")
    assert import_page(month_only, source_name="a.txt").id == "contohnews-2024-03"
    dated = raw(head="Jumat 02 Aug 2024 - 10:21 WIB")
    assert import_page(dated, source_name="a.txt").id == "contohnews-2024-08-02"
    assert outlet_slug("Koran Palpres") == "koranpalpres"
    assert outlet_slug("PALTV") == "paltv"
    assert outlet_slug("SuaraSumsel.id") == "suarasumsel"
    assert outlet_slug("Liputan6.com") == "liputan6"


def test_id_collisions_get_a_numeric_suffix() -> None:
    assert unique_id("a-2024", {"a-2024", "a-2024-2"}) == "a-2024-3"
    text = raw(head="Jumat 02 Aug 2024 - 10:21 WIB")
    article = import_page(text, source_name="a.txt", existing_ids={"contohnews-2024-08-02"})
    assert article.id == "contohnews-2024-08-02-2"


def test_overrides_win_over_detection() -> None:
    overrides = ImportOverrides(
        title="Judul Pilihan",
        outlet="Koran Contoh",
        date="2024-05-06",
        url="https://contoh.example/berita/1",
        region="Palembang",
    )
    article = import_page(raw(), source_name="a.txt", overrides=overrides)
    assert article.id == "korancontoh-2024-05-06"
    assert (article.title, article.outlet, article.url, article.region) == (
        "Judul Pilihan",
        "Koran Contoh",
        "https://contoh.example/berita/1",
        "Palembang",
    )
    assert (article.published, article.dated, article.date_label) == (
        date(2024, 5, 6),
        date(2024, 5, 6),
        "6 Mei 2024",
    )
    gazetteer = load_gazetteer(PROJECT / "knowledge" / "gazetteer.txt")
    assert import_page(raw(), source_name="a.txt", gazetteer=gazetteer).region == (
        "Sumatera Selatan"  # raw() names Palembang, a kota of that province
    )
    chosen = import_page(raw(), source_name="a.txt", overrides=ImportOverrides(article_id="my-id"))
    assert chosen.id == "my-id"


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        (ImportOverrides(date="02-08-2024"), "date: expected YYYY-MM-DD"),
        (ImportOverrides(article_id="Bad Id!"), "id: lowercase letters"),
        (ImportOverrides(article_id="taken"), "id 'taken' already exists"),
    ],
)
def test_bad_overrides_are_reported(overrides: ImportOverrides, problem: str) -> None:
    with pytest.raises(PageImportError, match=problem):
        import_page(raw(), source_name="a.txt", overrides=overrides, existing_ids={"taken"})


def test_unknown_outlet_still_imports_with_an_id_from_the_date() -> None:
    text = (
        f"Judul Berita Pekerja Sumsel Terlindungi\nJumat 02 Aug 2024 - 10:21 WIB\n{LEAD}\n{SECOND}"
    )
    article = import_page(text, source_name="a.txt")
    assert article.outlet == "Sumber tidak diketahui"
    assert article.id == "sumbertidakdiketahui-2024-08-02"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("abc\x00def" * 10, "binary"),
        ("", "empty"),
        (" \n\t\n", "empty"),
        ("<!DOCTYPE html><html><body><p>Pekerja</p></body></html>", "no article text"),
        ("<html><body><div><p>Pekerja Sumsel</p><p><a href='/x'>Baca</a></p></div>", "no article"),
        ("x" * (MAX_ARTICLE_BYTES + 1), "larger than"),
        ("Baca Juga: Harga Cabai Naik\nKategori :\nSukses\n", "no article text left"),
    ],
)
def test_bad_input_raises_a_clear_error(text: str, problem: str) -> None:
    with pytest.raises(PageImportError, match=problem) as info:
        import_page(text, source_name="raw.txt")
    assert isinstance(info.value, KnowledgeFileError)
    assert str(info.value).startswith("raw.txt: ")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8"),
        (b"Pekerja Sumsel terlindungi \x00 BPJS", "binary"),
        (b"", "empty"),
        (b"a" * (MAX_ARTICLE_BYTES + 1), "larger than"),
    ],
)
def test_bad_files_raise_a_clear_error(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "raw.txt"
    path.write_bytes(data)
    with pytest.raises(PageImportError, match=problem):
        import_file(path, tmp_path / "knowledge")
    assert not (tmp_path / "knowledge" / "articles").exists() or not any(
        (tmp_path / "knowledge" / "articles").iterdir()
    )


def test_import_file_writes_a_loadable_article_and_refuses_a_second_copy(tmp_path: Path) -> None:
    path = tmp_path / "raw.txt"
    path.write_text(raw(head="Jumat 02 Aug 2024 - 10:21 WIB"), encoding="utf-8")
    first = import_file(path, tmp_path / "knowledge")
    assert first.name == "contohnews-2024-08-02.md"
    with pytest.raises(
        PageImportError, match="already in the knowledge base as 'contohnews-2024-08-02'"
    ):
        import_file(path, tmp_path / "knowledge")
    article = parse_article(first.read_text(encoding="utf-8"), str(first))
    assert article.body == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    assert "source: raw.txt" in first.read_text(encoding="utf-8")
    assert {p.name for p in first.parent.iterdir()} == {first.name}  # no temp file


def test_a_url_that_is_not_http_is_refused() -> None:
    with pytest.raises(PageImportError, match="only http"):
        import_page(
            raw(), source_name="a.txt", overrides=ImportOverrides(url="javascript:alert(1)")
        )


def test_a_fifo_or_directory_is_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(PageImportError, match="not a regular file"):
        import_file(fifo, tmp_path / "knowledge")
    with pytest.raises(PageImportError, match="not a regular file"):
        import_file(tmp_path, tmp_path / "knowledge")


def test_every_article_sentence_survives_cleaning() -> None:
    sentences = [
        LEAD,
        SECOND,
        QUOTE,
        "Dari jumlah tersebut, sebanyak 690.000 pekerja di sektor formal.",
    ]
    text = raw(
        "BACA JUGA: Banjir Rendam Jalan Protokol",
        sentences[3],
        head="Jumat 02 Aug 2024 - 10:21 WIB\nReporter : M Iqbal",
        tail="Kategori :\nTerpopuler\n- Harga Cabai Naik",
    )
    body = body_of(text)
    assert [body[s:e] for s, e in split_sentences(body)] == [
        sentences[0],
        sentences[3],
        sentences[1],
        sentences[2],
    ]


def test_an_articles_own_list_is_kept_without_its_marks() -> None:
    items = "- Jaminan Hari Tua\n- Jaminan Kecelakaan Kerja\n- Jaminan Kematian"
    assert body_of(raw(items)) == (
        f"{LEAD}\n\nJaminan Hari Tua\n\nJaminan Kecelakaan Kerja\n\nJaminan Kematian"
        f"\n\n{SECOND}\n\n{QUOTE}"
    )
    numbered = "1. Klaim JHT sebesar Rp1,02 triliun.\n2. Klaim JKK sebesar Rp96,4 miliar."
    assert body_of(raw(numbered)) == (
        f"{LEAD}\n\nKlaim JHT sebesar Rp1,02 triliun.\n\nKlaim JKK sebesar Rp96,4 miliar."
        f"\n\n{SECOND}\n\n{QUOTE}"
    )


def test_an_acronym_gloss_or_a_disclaimer_phrase_in_a_paragraph_keeps_the_paragraph() -> None:
    gloss = "Klaim terbanyak berasal dari program Jaminan Hari Tua (Jaminan Hari Tua/JHT)."
    duty = (
        "Kecelakaan di luar tanggung jawab pemberi kerja tetap ditanggung bila pekerja terdaftar."
    )
    cleaned = clean_raw(f"Judul Berita Pekerja Sumsel Terlindungi\n\n{LEAD}\n\n{gloss}\n\n{duty}")
    assert cleaned.body == f"{LEAD}\n\n{gloss}\n\n{duty}"


def test_a_text_table_a_pull_quote_and_a_comment_section() -> None:
    table = [
        "Program | Kasus | Nilai",
        "JHT | 38.915 | Rp531,6 miliar",
        "JKK | 4.207 | Rp41,3 miliar",
    ]
    pull = "“Kami akan terus mendorong pekerja rentan mendaftar.”"
    comments = ["3 Komentar", "Yusuf", "Mantap, semoga pasar di kampung saya juga didatangi."]
    body = body_of(raw(*table, pull, tail="\n".join(comments)))
    assert body.split("\n\n") == [LEAD, *table, SECOND, QUOTE]


def test_captions_and_a_summary_above_the_dateline_and_site_notes_are_not_article_text() -> None:
    text = "\n".join(
        [
            "Pekerja Informal di Palembang Makin Banyak Terlindungi",
            "Dipublikasikan oleh: Humas Kantor Wilayah Contoh",
            "Rabu, 14 Mei 2025, 09:00 WIB",
            "CONTOHNEWS.COM/NAMA FOTOGRAFER",
            "Kepala kantor menyerahkan kartu peserta kepada pedagang di pasar.",
            "Ringkasan Berita:",
            "Sebanyak 500 pekerja informal kini terlindungi jaminan sosial.",
            "Programnya didukung pemerintah kota sejak awal tahun ini.",
            f"PALEMBANG – {LEAD}",
            "Sponsored: Send money home with zero transfer fees. Download the app today.",
            SECOND,
            "Ralat: Artikel ini telah diperbarui untuk memperbaiki jumlah peserta.",
            "Disclaimer: Isi siaran pers sepenuhnya menjadi tanggung jawab pengirim.",
            "Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya berikutnya.",
        ]
    )
    cleaned = clean_raw(text)
    assert cleaned.title == "Pekerja Informal di Palembang Makin Banyak Terlindungi"
    assert cleaned.body == f"{LEAD}\n\n{SECOND}"


def test_a_dateline_naming_the_site_without_the_hyphen_of_its_domain() -> None:
    text = raw().replace("PALEMBANG, CONTOHNEWS.COM - ", "CONTOH BERITA – ")
    assert clean_raw(f"Contoh-Berita.com\n{text}").outlet.lower() == "contoh berita"


def test_figures_listed_after_a_colon_are_article_text_and_an_ad_under_its_label_is_not() -> None:
    intro = "Rincian kasus kecelakaan kerja tahun lalu sebagai berikut:"
    items = ["Kota Palembang: 2.108 kasus", "Kabupaten Banyuasin: 731 kasus"]
    ad = ["Sponsored", "Shop smarter this season - exclusive online deals, free shipping all week!"]
    body = body_of(raw(intro, *items, *ad))
    assert body.split("\n\n") == [LEAD, intro, *items, SECOND, QUOTE]


def test_a_figures_box_under_its_heading_is_article_text_even_with_a_long_first_label() -> None:
    heading = "Sekilas Angka"
    items = [
        "Peserta aktif BPJS Ketenagakerjaan di Kabupaten Contoh per April 2058: 98.416 pekerja",
        "Cakupan kepesertaan: 52,3 persen",
        "Perusahaan terdaftar: 1.092 perusahaan",
    ]
    body = body_of(raw(heading, *items))
    assert set(items) <= set(body.split("\n\n"))


def test_items_without_figures_after_a_colon_are_kept_when_the_article_goes_on() -> None:
    intro = "Untuk mendaftar, dokumen yang perlu disiapkan cuma tiga:"
    items = ["KTP elektronik", "Kartu keluarga", "Buku tabungan atas nama sendiri"]
    body = body_of(raw(intro, *items))
    assert body.split("\n\n") == [LEAD, intro, *items, SECOND, QUOTE]
    # Other stories' headlines after a colon inside the article are not its items.
    others = "Berita lain yang mungkin Anda lewatkan hari ini:"
    links = ["Harga Beras Naik Lagi di Pasar", "Jembatan Ampera Ditutup Sementara Malam Ini"]
    inside = body_of(raw(others, *links))
    assert not set(links) & set(inside.split("\n\n"))
    # Places named in title case after a sentence announcing them are the article's items.
    named = "Enam fasilitas kesehatan yang baru bergabung sebagai mitra yakni:"
    places = ["RS Bunda Sehat, Kota Satu", "Klinik Pratama Medika, Kota Dua"]
    assert body_of(raw(named, *places)).split("\n\n") == [LEAD, named, *places, SECOND, QUOTE]
    invited = "Informasi lain yang mungkin menarik untuk Anda hari ini:"
    assert not set(links) & set(body_of(raw(invited, *links)).split("\n\n"))


def test_a_capitals_photo_credit_and_a_dateline_without_spaces() -> None:
    caption = (
        "Kepala kantor memberikan keterangan kepada wartawan, Rabu (8/11). (HENDRI/CONTOH POS)"
    )
    text = raw().replace("PALEMBANG, CONTOHNEWS.COM - ", "PALEMBANG–")
    lines = text.split("\n")
    cleaned = clean_raw("\n".join([lines[0], caption, *lines[1:]]))
    assert cleaned.body == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    assert body_of(raw("Klaim terbanyak dari program JHT dan JKK (JHT/JKK).")).count("JHT/JKK") == 1


def test_a_subheading_between_paragraphs_is_kept_and_paging_lines_are_not() -> None:
    # Above the article, a short line is another story's headline; inside it, a subheading.
    header = clean_raw(raw(head="Pemutihan Pajak Sumatera Selatan tahun 2024"))
    assert header.body == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    body = body_of(raw("Iuran Ditanggung Pemkot", tail="Halaman 2/2"))
    assert body.split("\n\n") == [LEAD, "Iuran Ditanggung Pemkot", SECOND, QUOTE]
    after_link = body_of(raw("Baca Juga: Ribuan Ojol Belum Terdaftar", "Klaim Sudah Dibayarkan"))
    assert after_link.split("\n\n") == [LEAD, "Klaim Sudah Dibayarkan", SECOND, QUOTE]
    # A run of short lines (other stories' headlines) and "Name, Role" lines are not.
    run = ["Berita Lain Hari Ini", "Harga Beras Naik Lagi", "Jalan Tol Dibuka"]
    assert body_of(raw(*run)).split("\n\n") == [LEAD, SECOND, QUOTE]
    assert body_of(raw("Budi Santoso, Kepala Dinas Kota")).split("\n\n") == [LEAD, SECOND, QUOTE]


def test_an_istimewa_photo_credit_a_hyphen_dateline_and_a_date_among_byline_parts() -> None:
    caption = "Kepala dinas menyerahkan kartu peserta kepada perwakilan warga, Senin (25/9). (IST)"
    text = raw().replace("PALEMBANG, CONTOHNEWS.COM - ", "PALEMBANG-")
    lines = text.split("\n")
    byline = "Reporter: Budi|Editor: Sari|Senin 04-07-2022,11:42 WIB"
    cleaned = clean_raw("\n".join([lines[0], byline, lines[2], caption, *lines[3:]]))
    assert cleaned.body == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    assert str(cleaned.dates.published) == "2022-07-04"


def test_print_stamps_copyright_words_and_comment_notes_are_read_as_what_they_are() -> None:
    stamp = "6/9/22, 3:02 PM"  # when a browser printed the page
    dated = raw(
        head="20 - Jan - 2026, 13:48", tail="© Copyright 2024 Contoh Pos. All rights reserved."
    )
    cleaned = clean_raw(f"{stamp}\n{dated}\nBelum ada komentar. Jadilah yang pertama berkomentar.")
    assert str(cleaned.dates.published) == "2026-01-20"
    assert cleaned.body == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"
    assert clean_raw(raw().replace("PALEMBANG, CONTOHNEWS.COM - ", "")).outlet != "Copyright"
    assert body_of(raw("Follow Channel WhatsApp Contoh Pos untuk berita terkini.")) == body_of(
        raw()
    )


def test_a_subheading_after_a_page_break_and_a_site_named_before_its_city() -> None:
    body = body_of(raw("2 dari 3 halaman", "Klaim Terbanyak dari Tambang"))
    assert body.split("\n\n") == [LEAD, "Klaim Terbanyak dari Tambang", SECOND, QUOTE]
    text = raw().replace("PALEMBANG, CONTOHNEWS.COM - ", "Contohdaily (Sekayu) - ")
    assert clean_raw(f"contohdaily.com\n{text}").outlet == "Contohdaily.com"


def test_a_poll_a_pull_quote_without_its_comma_and_captions_without_a_usual_credit() -> None:
    poll = ["Polling", "Apakah perusahaan Anda sudah mendaftarkan Anda?", "Sudah", "Belum"]
    assert body_of(raw(tail="\n".join(poll))) == body_of(raw())
    assert body_of(raw(tail="Bagaimana menurut Anda?")) == body_of(raw())
    said = "“Kami akan terus mendorong pekerja rentan mendaftar” ujar Budi Santoso."
    pull = "“Kami akan terus mendorong pekerja, rentan mendaftar.”"
    assert pull not in body_of(raw(said, pull))
    scene = (
        "Tim kantor cabang dan jaksa saat mendatangi sebuah perusahaan di Kertapati, Senin (14/10)."
    )
    credited = "Petugas melayani peserta di kantor cabang, Senin (14/10). F. Istimewa"
    assert body_of(raw(scene, credited)) == body_of(raw())
    said_then = "Hal itu disampaikan Budi saat ditemui di kantornya, Senin (14/10)."
    assert said_then in body_of(raw(said_then))
    assert "©" not in body_of(raw(tail="Contoh Pos © 2025. All rights reserved."))
    assert clean_raw(raw(head="Laporan oleh Dian Lestari")).title == raw().split("\n")[0]


def test_live_marks_listed_names_and_the_furniture_of_embeds_bios_and_ads() -> None:
    intro = "Berikut daftar penerima penghargaan tahun ini:"
    items = ["Kategori perusahaan besar: PT Contoh Jaya", "Kategori usaha mikro: Toko Contoh"]
    body = body_of(raw("09.05 WIB", intro, *items, "--- ADVERTISEMENT ---"))
    assert body.split("\n\n") == [LEAD, "09.05 WIB", intro, *items, SECOND, QUOTE]
    embed = ["Lihat postingan ini di Instagram", "Sebuah kiriman dibagikan oleh Contoh (@contoh)"]
    pull = "“Kami akan terus mendorong pekerja rentan mendaftar” — Budi Santoso, Kepala Dinas"
    bio = [
        "Tags:",
        "BPJS",
        "Tentang Penulis",
        "Nama Penulis",
        "Penulis meliput isu ekonomi di kota.",
    ]
    assert body_of(raw(*embed, pull, tail="\n".join(bio))) == body_of(raw())
    for byline in ("Posted by: Redaksi Contoh", "Laporan langsung: Tim Contoh"):
        assert clean_raw(raw(head=byline)).title == raw().split("\n")[0]


def test_sentences_that_only_look_like_furniture_are_kept() -> None:
    no_comment = "Belum ada komentar dari manajemen perusahaan terkait temuan tersebut."
    now = "Iuran peserta saat ini sebesar Rp16.800 per bulan, kata Budi, Rabu (2/10)."
    last = (
        "Program JKK melindungi pekerja sejak berangkat. Sudahkah Anda terdaftar sebagai peserta?"
    )
    body = body_of(raw(no_comment, now, tail=last))
    assert no_comment in body and now in body and last in body
    # The headline again after a page break is not a subheading.
    again = body_of(raw("2 dari 2 halaman", raw().split("\n")[0]))
    assert again == body_of(raw())


def test_a_quote_of_support_ending_the_article_is_article_text() -> None:
    quote = '"Kami dukung penuh program perlindungan pekerja ini," ujar Bupati kepada wartawan.'
    text = f"Judul Berita Pekerja Sumsel Terlindungi\nPALEMBANG - {LEAD}\n{SECOND}\n{quote}"
    assert quote in clean_raw(text).body
    pitch = "Kami menulis tentang daerah ini. Dukung jurnalisme kami dengan menjadi donatur."
    assert pitch not in clean_raw(f"{text}\n{pitch}\nDonasi Sekarang").body


def test_a_page_of_one_line_has_no_masthead_repeated_in_its_footer() -> None:
    from index.importer.clean import _repeated_masthead

    assert _repeated_masthead(["Pemerintah Provinsi Contoh"]) is None
    assert (
        _repeated_masthead(["Situs Berita Kita", "Isi", "Situs Berita Kita"]) == "Situs Berita Kita"
    )


def test_a_press_release_names_its_issuer_under_the_headline_and_a_subheading_follows_a_list() -> (
    None
):
    page = "\n".join(
        [
            "Beranda > Rilis Pers",
            "Grup Hotel Contoh Daftarkan 3.850 Pekerja Harian Lepas ke BPJS Ketenagakerjaan",
            "PT Contoh Hospitality",
            "6 Agustus 2026 09:00",
            LEAD,
            "Manfaat yang diterima pekerja antara lain:",
            "• Biaya perawatan kecelakaan kerja tanpa batas sesuai kebutuhan medis",
            "• Pendampingan kembali bekerja bagi peserta yang mengalami kecelakaan kerja",
            "Dorong Kepatuhan Sektor Perhotelan",
            SECOND,
        ]
    )
    article = import_page(page, source_name="rilis.txt")
    assert article.title.startswith("Grup Hotel Contoh Daftarkan")
    assert "Dorong Kepatuhan Sektor Perhotelan" in article.body


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["Situs Lingkungan", LEAD, SECOND, "© 2027 Copyright Hijaukita.co.id"], "Hijaukita.co.id"),
        (
            [LEAD, SECOND, "Hak Cipta © 2027 Kementerian Koordinator Bidang Contoh dan Kebudayaan"],
            "Kementerian Koordinator Bidang Contoh dan Kebudayaan",
        ),
        (["Monitorkita.com", f"Padang, MK - {LEAD}", SECOND], "Monitorkita.com"),
        (["KORANKU.id", f"PALEMBANG, KORANKU — {LEAD}", SECOND, "© PT Koranku Media"], "KORANKU"),
    ],
)
def test_outlet_from_a_copyright_owner_or_a_dateline_site_the_page_spells_out(
    lines: list[str], outlet: str
) -> None:
    page = "\n".join(["Pekerja Sumsel Makin Terlindungi BPJS Ketenagakerjaan", *lines])
    assert import_page(page, source_name="a.txt").outlet.lower() == outlet.lower()


@pytest.mark.parametrize(
    "line",
    [
        "21 Mei 2027 15:20 WIB · 5 menit baca",
        "oleh Nama Penulis [Palembang] di 3 June 2027",
        # a long byline row of short parts (government and campus sites)
        "Diposting oleh: Admin Dinas Komunikasi dan Informatika | Selasa, 15 Maret 2039 | "
        "09:42 WIB | Dilihat: 1.286 kali",
    ],
)
def test_a_header_date_beside_a_reading_time_or_a_byline_with_its_city(line: str) -> None:
    page = f"Pekerja Sumsel Makin Terlindungi BPJS Ketenagakerjaan\n{line}\n{LEAD}\n{SECOND}"
    assert import_page(page, source_name="a.txt").published is not None


def test_a_page_with_one_very_long_word_imports_its_article() -> None:
    page = f"Pekerja Sumsel Makin Terlindungi BPJS\n{LEAD}\n{'x' * 100_000}.com\n{SECOND}"
    article = import_page(page, source_name="a.txt")
    assert LEAD in article.body and SECOND in article.body and "xxxx" not in article.body


@pytest.mark.parametrize(
    "note",
    [
        "Berita ini juga dimuat di Harian Pagi Contoh edisi Selasa, 14 Oktober 2025 halaman 5.",
        "Baca selengkapnya di Harian Contoh edisi cetak, Rabu (3/12/2025), atau akses e-paper.",
        "Dukung jurnalisme lokal. Berlangganan buletin Contoh dan dapatkan berita pilihan.",
    ],
)
def test_a_print_edition_note_or_a_newsletter_pitch_after_the_article_is_not_article_text(
    note: str,
) -> None:
    page = f"Pekerja Sumsel Makin Terlindungi BPJS Ketenagakerjaan\n{LEAD}\n{SECOND}\n{note}"
    assert note not in import_page(page, source_name="a.txt").body


def test_a_caption_right_under_the_headline_above_the_dateline_is_not_the_article() -> None:
    caption = "Penyerahan kartu kepesertaan BPJS Ketenagakerjaan kepada petani sawit di desa."
    page = f"Situs Kita\nPekerja Sumsel Makin Terlindungi BPJS\n{caption}\nKOTA (SITUS) - {LEAD}\n{SECOND}"
    article = import_page(page, source_name="a.txt")
    assert caption not in article.body and LEAD in article.body


def test_numbered_subheadings_and_one_after_an_embedded_post_are_article_text() -> None:
    page = "\n".join(
        [
            "Pekerja Sumsel Makin Terlindungi BPJS Ketenagakerjaan",
            f"Kota, SITUS - {LEAD}",
            "1. Anggaran disiapkan dari APBD kota",
            SECOND,
            "2. Sasar ojol, pedagang pasar hingga nelayan",
            "Peserta yang ditanggung terdiri dari pengemudi ojek dan pedagang pasar tradisional.",
            "Lihat postingan ini di Instagram",
            "Sebuah kiriman dibagikan oleh Situs",
            "Perlu Aturan Baru",
            "Peneliti menilai persoalan ini tidak bisa diselesaikan hanya dengan imbauan.",
        ]
    )
    body = import_page(page, source_name="a.txt").body
    for kept in ("Anggaran disiapkan dari APBD", "Sasar ojol, pedagang", "Perlu Aturan Baru"):
        assert kept in body
    assert "Instagram" not in body


@pytest.mark.parametrize(
    "tail",
    [
        ["Ralat, 21 November 2025: Versi awal artikel ini menyebut angka yang keliru."],
        ["Liputan ini merupakan bagian dari serial tentang kondisi kerja di kawasan industri."],
        [
            "Situs Kita adalah media yang memperjuangkan kelompok minoritas.",
            "Dukung Situs.co agar terus bersuara.",
        ],
        ["Dapatkan insight bisnis terbaru langsung di email Anda."],
    ],
)
def test_notes_and_pitches_of_the_site_after_the_article_are_not_article_text(
    tail: list[str],
) -> None:
    page = "\n".join(["Pekerja Sumsel Makin Terlindungi BPJS Ketenagakerjaan", LEAD, SECOND, *tail])
    body = import_page(page, source_name="a.txt").body
    assert SECOND in body and not any(line in body for line in tail)


@pytest.mark.parametrize("initials", ["(RA)", "(Wib)", "(AB/CD)"])
def test_a_journalists_initials_after_the_last_sentence_are_no_article_text(initials: str) -> None:
    title = "Pekerja Sumsel Makin Terlindungi BPJS Ketenagakerjaan"
    page = f"{title}\n{LEAD}\n{LEAD} {SECOND} {initials}"
    assert import_page(page, source_name="a.txt").body.endswith(SECOND)


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        ([LEAD, SECOND, "Baca artikel asli di KabarKita", "Bagikan"], "KabarKita"),
        (
            [LEAD, SECOND, "© 2025 Dinas Komunikasi, Informatika dan Statistik Provinsi Contoh."],
            "Dinas Komunikasi, Informatika dan Statistik Provinsi Contoh",
        ),
    ],
)
def test_outlet_from_an_aggregators_source_line_or_an_office_named_with_a_comma(
    lines: list[str], outlet: str
) -> None:
    page = "\n".join(["Pekerja Sumsel Makin Terlindungi BPJS Ketenagakerjaan", *lines])
    assert import_page(page, source_name="a.txt").outlet == outlet


def test_a_gallerys_captions_a_caption_beside_the_lead_and_a_subheading_after_a_video() -> None:
    lead = f"KOTA – {LEAD[:-1]} di Gedung Serba Guna Kota, Sumsel, Selasa (3/2/2026)."
    caption = "Bupati menyerahkan kartu kepada warga di Gedung Serba Guna Kota, Selasa (3/2/2026)."
    page = "\n".join(
        [
            "Pekerja Sumsel Makin Terlindungi BPJS Ketenagakerjaan",
            lead,
            caption,
            SECOND,
            "Tonton Juga:",
            "[VIDEO] Ratusan Buruh Demo Tuntut Hak Normatif",
            "Klik untuk memutar video",
            "Kejaksaan Beri Waktu 30 Hari",
            "Kepala kejaksaan menyatakan pihaknya akan memanggil manajemen perusahaan.",
            "Galeri Foto",
            "Sekda menyerahkan beasiswa secara simbolis kepada anak peserta.",
            "Foto bersama penerima beasiswa dan orang tua.",
            "Bagikan Berita",
        ]
    )
    body = import_page(page, source_name="a.txt").body
    assert "Kejaksaan Beri Waktu 30 Hari" in body and "kepada warga" not in body
    assert "Sekda" not in body and "Foto bersama" not in body and "memanggil" in body


def test_a_box_of_key_points_above_the_article_is_not_article_text() -> None:
    points = [
        "Dari sekitar 24.650 nelayan di kabupaten itu, baru 9.370 orang yang terdaftar.",
        "Sepanjang 2026, tercatat 74 kasus kecelakaan kerja menimpa nelayan peserta.",
        "Pemkab menambah kuota nelayan yang iurannya ditanggung APBD menjadi 8.780 orang.",
    ]
    body = [
        "Angin berembus kencang ketika nelayan menambatkan perahunya di dermaga desa.",
        "Tahun ini, pemkab menambah kuota menjadi 8.780 nelayan dengan anggaran daerah.",
        "Terdapat sekitar 24.650 nelayan, sementara yang terdaftar baru 9.370 orang.",
        "Sepanjang 2026 tercatat 74 kasus kecelakaan kerja yang menimpa nelayan peserta.",
    ]
    page = "\n".join(
        [
            "Nelayan Makin Terlindungi BPJS Ketenagakerjaan",
            "",
            *points,
            "",
            *(line for b in body for line in (b, "")),
        ]
    )
    article = import_page(page, source_name="a.txt").body
    assert not any(p in article for p in points) and all(b in article for b in body)
    # Lines of one sentence each, written without blank lines, are the article itself.
    plain = "\n".join(["Nelayan Makin Terlindungi BPJS Ketenagakerjaan", *points, *body])
    assert all(p in import_page(plain, source_name="a.txt").body for p in points)


def test_a_signed_last_quote_and_a_pull_quote_without_its_quotation_marks() -> None:
    quote = '"Uangnya akan saya pakai untuk modal jualan dan sekolah anak-anak," ucapnya singkat.'
    said = (
        "“Selama ini kalau ada yang jatuh sakit, keluarga yang tanggung semua biaya,” ujar Yosina."
    )
    pulled = "Selama ini kalau ada yang jatuh sakit, keluarga yang tanggung semua biaya."
    page = "\n".join(
        ["Nelayan Makin Terlindungi BPJS Ketenagakerjaan", LEAD, pulled, said, SECOND, quote]
        + ["(SitusKita.com/Nama Penulis)"]
    )
    body = import_page(page, source_name="a.txt").body
    assert quote in body and said in body and f"\n{pulled}" not in body


def test_todays_date_above_the_menu_and_other_stories_summaries_after_the_tags() -> None:
    page = "\n".join(
        [
            "Situs Kita",
            "Minggu, 12 Oktober 2025",
            "BERITA UTAMA",
            "Nelayan Makin Terlindungi BPJS Ketenagakerjaan",
            "Rabu, 24 September 2025 | 09:46 WIB",
            LEAD,
            SECOND,
            "TAGS",
            "BPJS Ketenagakerjaan",
            "WISATA",
            "Kampung Wisata Kini Punya Jalur Susur Sungai, Tiket Rp10 Ribu",
            "Senin, 3 November 2025 | 11:20",
            "Pengunjung kini bisa menikmati panorama sungai dengan perahu wisata.",
            "Isi komentar sepenuhnya adalah tanggung jawab pengguna dan diatur dalam UU ITE.",
        ]
    )
    article = import_page(page, source_name="a.txt")
    assert str(article.published) == "2025-09-24"
    assert article.body == f"{LEAD}\n\n{SECOND}"


def test_an_ad_slots_scroll_prompt_is_no_dateline_and_read_more_is_no_site_name() -> None:
    page = "\n".join(
        [
            "Situs Kita",
            "Iklan - Geser ke atas untuk melanjutkan.",
            "Pemkab Tanggung Iuran BPJS Ketenagakerjaan 4.650 Pecalang dan Pekaseh",
            "Rabu, 24 September 2025 | 13:48",
            LEAD,
            SECOND,
            "Baca artikel selengkapnya di: https://www.situskita.id/pemkab-tanggung-iuran/",
            "© 2025 Situs Kita",
        ]
    )
    article = import_page(page, source_name="a.txt")
    assert article.title.startswith("Pemkab Tanggung Iuran")
    assert str(article.published) == "2025-09-24" and article.outlet == "Situs Kita"


def test_a_site_under_a_newer_top_level_domain_and_a_city_before_it_in_the_dateline() -> None:
    page = "\n".join(
        [
            "NIAGAKITA.ASIA",
            "Klaim JKK di Kota Contoh Naik, Terbanyak dari Sektor Tambang",
            "Selasa, 19 Mei 2026",
            f"KOTA.NIAGAKITA.ASIA – {LEAD}",
            SECOND,
            "© 2026 NiagaKita.Asia. All rights reserved.",
        ]
    )
    assert import_page(page, source_name="a.txt").outlet.lower() == "niagakita.asia"


def test_review_cases_keep_article_text_and_the_sites_name() -> None:
    head = "Judul Berita Pekerja Sumsel Terlindungi"
    footer = "Hak Cipta Dilindungi Undang-Undang\n© 2025 Warta Kita"
    assert import_page(f"{head}\n{LEAD}\n{SECOND}\n{footer}", source_name="a.txt").outlet == (
        "Warta Kita"
    )
    for last in (
        "JMO merupakan kanal layanan digital BPJS Ketenagakerjaan bagi peserta.",
        "Terima kasih juga disampaikan kepada peserta yang melapor ke email pengaduan.",
        "Dukung 1.000 pekerja rentan agar terdaftar.",
    ):
        assert last in import_page(f"{head}\n{LEAD}\n{SECOND}\n{last}", source_name="a.txt").body
    later = "Kepala cabang mengatakan layanan kini lebih cepat bagi peserta yang datang."
    gallery = [LEAD, "", SECOND, "", "Galeri Foto", "", "Suasana pelayanan di kantor.", "", later]
    assert later in import_page("\n".join([head, *gallery]), source_name="a.txt").body
    lead = [
        "Pemkab menanggung iuran 3 kelompok pekerja pada 2025.",
        "Program itu dimulai Januari 2025 di seluruh desa.",
        "Iuran dibayar dari APBD 2025 sebesar Rp 3 miliar.",
    ]
    rest = ["", "Bupati mengatakan 3 kelompok itu petani.", "", "Program dimulai 2025.", ""]
    body = import_page(
        "\n".join([head, "", *lead, *rest, "Warga menyambut baik."]), source_name="a.txt"
    ).body
    assert all(line in body for line in lead)


def test_many_years_or_copyright_signs_in_a_line_are_read_at_once() -> None:
    from index.importer.clean import _COPYRIGHT_RE

    years = " ".join(str(2000 + i) for i in range(40))
    assert _COPYRIGHT_RE.search(f"© {years}.") is None  # no owner named, found at once
    assert _COPYRIGHT_RE.search("© " * 50_000) is None


def test_subheadings_after_a_credited_caption_or_a_page_break_and_a_pitch_under_an_ad() -> None:
    later = "Sepanjang semester itu, kantor cabang membayar klaim 5.318 kasus senilai Rp66 miliar."
    for gap in (
        ["Peserta menunjukkan kartunya usai mendaftar di desa. Foto: Dok. Istimewa"],
        ["Halaman Selanjutnya", "1", "2"],
    ):
        page = "\n".join(
            ["Situs Kita", "Judul Berita Kepesertaan", "Senin, 5 Juli 2027", "", LEAD, "", SECOND]
            + ["", *gap, "", "Klaim Semester I 2027", "", later, "", "© 2027 Situs Kita"]
        )
        body = import_page(page, source_name="a.txt").body
        assert "Klaim Semester I 2027" in body and later in body
        assert "Foto: Dok. Istimewa" not in body and "Halaman Selanjutnya" not in body
    pitch = "Berlangganan Majalah Situs Kita edisi cetak dan digital, hubungi bagian sirkulasi."
    page = "\n".join(
        ["Situs Kita", "Judul Berita Kepesertaan", "Senin, 5 Juli 2027", LEAD]
        + ["ADVERTISEMENT", pitch, "", SECOND, "© 2027 Situs Kita"]
    )
    body = import_page(page, source_name="a.txt").body
    assert pitch not in body and SECOND in body


def test_lettered_items_a_short_lead_in_a_figure_led_subheading_and_a_release_sign_off() -> None:
    # A lettered list is one item per line, not a hard-wrapped sentence.
    lettered = body_of(
        raw("Pekerja rentan itu terdiri atas:", "a. 11.200 petani kopi", "b. 9.600 petani karet")
    )
    assert lettered.split("\n\n")[1:4] == [
        "Pekerja rentan itu terdiri atas:",
        "11.200 petani kopi",
        "9.600 petani karet",
    ]
    # "Berikut rinciannya:" after a paragraph announces the list under it, first item included.
    items = ["1. Jaminan Hari Tua (JHT): 119.880 kasus", "2. Jaminan Kematian (JKM): 2.506 kasus"]
    listed = body_of(raw(SECOND, "Berikut rinciannya:", *items))
    assert listed.split("\n\n")[2:5] == [
        "Berikut rinciannya:",
        "Jaminan Hari Tua (JHT): 119.880 kasus",
        "Jaminan Kematian (JKM): 2.506 kasus",
    ]
    # A subheading may start with its figure; a press release's sign-off is no article text.
    headed = body_of(raw("1.742 Kecelakaan di Kebun", tail="(Humas Pemkot Palembang/rls)"))
    assert headed.split("\n\n") == [LEAD, "1.742 Kecelakaan di Kebun", SECOND, QUOTE]


def test_lettered_items_without_figures_a_source_note_and_a_figure_led_list_header() -> None:
    # Lettered items without a figure stay the sentence they wrap.
    items = ["Programnya meliputi:", "a. jaminan kecelakaan kerja;", "b. jaminan kematian; dan"]
    wrapped = body_of(raw(*items, "c. jaminan hari tua."))
    assert "a. jaminan kecelakaan kerja; b. jaminan kematian; dan c. jaminan hari tua." in wrapped
    # "Sumber data:" and its sources, "10 Berita Terpopuler" between paragraphs: not the article.
    noted = body_of(raw("Sumber data:", "BPS 2024", "BPJS TK 2025"))
    assert noted.split("\n\n") == [LEAD, SECOND, QUOTE]
    popular = body_of(raw("10 Berita Terpopuler"))
    assert popular.split("\n\n") == [LEAD, SECOND, QUOTE]


HEADLINE = "Klaim Jaminan Hari Tua di Kota Contoh Naik 12 Persen Sepanjang Triwulan Pertama"


@pytest.mark.parametrize(
    "header",
    [
        # a site's date bar above its tagline, then the menu, the headline and its own date
        ["SITUS CONTOH", "Koran Kebanggaan Kota Contoh", "Selasa, 13 Maret 2040", "Home",
         "Ekonomi", "Indeks", HEADLINE, "Selasa 13-03-2040,08:15 WIB", "Reporter : Nama Penulis"],
        # bylines between the headline and its date, a view counter under the date
        ["Situs Contoh", "Portal Berita Resmi Kota Contoh", "Beranda", HEADLINE,
         "Oleh Nama Lengkap Penulis", "Editor Nama Lengkap Penyunting",
         "Senin, 24 September 2040 | 10:12 WIB", "Dibaca : 487 kali"],
        # a source label, then who the story is from, between the headline and its date
        ["Situs Contoh", "Home", HEADLINE, "Sumber :", "tim Situs - Nama Penulis",
         "Penulis : Nama Penulis", "Kamis, 15 Mei 2025 - 11:20 WIB"],
        # a standfirst under the headline, then its writer and its editor ("Disunting oleh")
        ["Situs Contoh", "Beranda / Berita / Ekonomi", HEADLINE,
         "Sebanyak 1.318 pekerja di Kota Contoh menerima manfaat sepanjang triwulan pertama.",
         "Oleh Nama Lengkap Penulis", "Disunting oleh Nama Lengkap Penyunting",
         "Kamis, 18 April 2052 | 14:05 WIB"],
    ],
)  # fmt: skip
def test_the_headline_is_found_past_taglines_bylines_and_view_counters(header: list[str]) -> None:
    article = import_page("\n".join([*header, f"KOTA CONTOH - {LEAD}", SECOND]), source_name="x")
    assert article.title == HEADLINE


def test_a_related_storys_longer_headline_and_date_under_a_list_label_are_not_the_articles() -> (
    None
):
    related = "Warga Antusias Ikuti Lomba Panjat Pinang di Lapangan Kantor Kelurahan Kota Contoh"
    header = ["Situs Contoh", "", HEADLINE, "Senin, 12 Agustus 2024 10:15 WIB", "Reporter: Andi",
              "Berita Terkait", related, "Minggu, 11 Agustus 2024", ""]  # fmt: skip
    article = import_page("\n".join([*header, f"KOTA CONTOH - {LEAD}", SECOND]), source_name="x")
    assert (article.title, str(article.dated)) == (HEADLINE, "2024-08-12")


def test_a_masthead_in_capitals_said_again_in_the_footer_names_the_outlet() -> None:
    page = "\n".join(
        ["PEMERINTAH KOTA CONTOH", "Beranda", "Berita", HEADLINE, "Selasa, 14 Februari 2040",
         LEAD, SECOND, "Berita Terbaru", "Wali Kota Contoh Buka Pasar Murah di Lima Kecamatan",
         "Agenda", "Rabu, 15 Februari 2040 – Rapat Koordinasi Kesiapsiagaan Banjir",
         "Pemerintah Kota Contoh", "Jl. Merdeka No. 1, Kota Contoh",
         "© 2040 Dinas Komunikasi dan Informatika Kota Contoh"]
    )  # fmt: skip
    article = import_page(page, source_name="x")
    assert article.outlet == "Pemerintah Kota Contoh"
    assert "Rapat Koordinasi" not in article.body  # the agenda under "Berita Terbaru" is not text
    assert article.body == f"{LEAD}\n\n{SECOND}"


def test_a_sentence_ending_in_a_pair_of_capitals_after_a_slash_is_no_photo_credit() -> None:
    # "SMA/SMK dan ..." reads like "ANTARA/Nama Fotografer" up to the slash; the words after
    # it are the rest of a sentence, not a name
    line = (
        "Besaran beasiswa per anak per tahun yakni Rp2 juta untuk jenjang SD dan Rp4 juta untuk"
        " SMA/SMK dan Rp15 juta untuk perguruan tinggi."
    )
    assert body_of(raw(line)) == f"{LEAD}\n\n{line}\n\n{SECOND}\n\n{QUOTE}"
    pair = "Manfaat itu diberikan kepada peserta program JKK/JKM."
    assert body_of(raw(pair)) == f"{LEAD}\n\n{pair}\n\n{SECOND}\n\n{QUOTE}"
    credit = "Pekerja mendaftar di kantor BPJS Ketenagakerjaan. ANTARA/Aziz Munajar"
    assert body_of(raw(credit)) == f"{LEAD}\n\n{SECOND}\n\n{QUOTE}"


def test_a_subheading_trafilatura_leaves_out_goes_back_between_its_neighbours() -> None:
    from index.importer.html import _headings_back, _Page

    page = _Page(
        "<div><p>Paragraf pertama.</p><h3><span>Target 60 Persen</span></h3>"
        "<p>Paragraf kedua.</p></div><aside><h3>BERITA TERKAIT</h3><ul><li><a href='/x'>"
        "Judul lain</a></li></ul></aside>"
    )
    text = "Paragraf pertama.\nParagraf kedua."
    assert _headings_back(text, page) == "Paragraf pertama.\nTarget 60 Persen\nParagraf kedua."
    # a sidebar's heading has no two lines of the text around it
    assert "BERITA TERKAIT" not in _headings_back(f"{text}\nJudul lain", page)


def test_announced_items_go_on_without_figures_and_the_article_after_a_link() -> None:
    # The first item has a figure, the others not; the article's next paragraph comes after a
    # "Baca juga" link, which does not make the items another story's links.
    announce = "Manfaat yang diterima para eks buruh sebagai berikut:"
    items = [
        "Uang tunai sebesar 60 persen dari upah selama enam bulan",
        "Akses informasi pasar kerja melalui portal kerja",
        "Pelatihan kerja berbasis kompetensi",
    ]
    link = "Baca Juga: Tanggul Sungai Diperkuat Jelang Musim Hujan"
    body = body_of(raw(announce, *items, link))
    assert body.split("\n\n") == [LEAD, announce, *items, SECOND, QUOTE]
    places = ["Mal Pelayanan Publik Kota Satu", "Kantor Camat Talang Dua, Kabupaten Tiga"]
    placed = "Anjungan tersebut ditempatkan di dua titik sebagai berikut:"
    body = body_of(raw(placed, *places, "Baca juga:", "Harga Nanas Anjlok, Petani Minta Bantuan"))
    assert body.split("\n\n") == [LEAD, placed, *places, SECOND, QUOTE]
