from index.glossary import parse_glossary
from index.lexical import terms_of_words
from index.text import colloquial_forms, split_sentences, stem, words


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_keep_figures_and_quotes_together() -> None:
    text = (
        "Saat ini ada 1.033.000 pekerja yang terlindungi atau sebanyak 34 persen. Dari jumlah "
        "tersebut, sebanyak 690.000 pekerja di sektor formal.\n"
        "“Kami tidak bisa bergerak sendiri.” tutur Muhyidin. Rp. 2.500 sudah cukup."
    )
    assert _sentences(text) == [
        "Saat ini ada 1.033.000 pekerja yang terlindungi atau sebanyak 34 persen.",
        "Dari jumlah tersebut, sebanyak 690.000 pekerja di sektor formal.",
        "“Kami tidak bisa bergerak sendiri.” tutur Muhyidin.",
        "Rp. 2.500 sudah cukup.",
    ]


def test_a_title_before_a_name_ends_no_sentence() -> None:
    text = "Kepala Kantor Cabang Kms. Ahmad Fauzi mengatakan klaim naik. Hj. Siti Aminah hadir."
    assert _sentences(text) == [
        "Kepala Kantor Cabang Kms. Ahmad Fauzi mengatakan klaim naik.",
        "Hj. Siti Aminah hadir.",
    ]


def test_words_and_stems() -> None:
    assert words("Ada 1.033.000 Pekerja, (34%)") == ["ada", "1.033.000", "pekerja", "34"]
    assert terms_of_words(words("Berapa pekerja yang sudah terlindungi?")) == ["kerja", "lindung"]


def test_glossary_expands_longest_term_first() -> None:
    g = parse_glossary("bpjs tk | jamsostek = bpjs ketenagakerjaan\nyg = yang\ntk = tenaga kerja\n")
    assert g.expand_text("program BPJS TK yg ada") == [
        "program",
        "bpjs",
        "ketenagakerjaan",
        "yang",
        "ada",
    ]
    assert g.expand_text("TK jamsostek") == ["tenaga", "kerja", "bpjs", "ketenagakerjaan"]


def test_malay_ke_verbs_have_their_standard_kan_forms() -> None:
    assert "targetkan" in colloquial_forms("nargetke")
    assert "canangkan" in colloquial_forms("nyanangke")
    assert "cover" in colloquial_forms("covernya")
    assert "optimalkan" in colloquial_forms("ngoptimalke")


def test_a_standard_me_prefix_is_no_chat_nasal() -> None:
    # "mantau" is chat for "pantau"; "memenangi" and "menerima" keep their standard prefix
    # (Sastrawi's stem of "memenangi" is no corpus word, and "bemenangi" stems to another)
    assert "pantau" in colloquial_forms("mantau")
    assert not {"pemenangi", "bemenangi"} & set(colloquial_forms("memenangi"))
    assert "benerima" not in colloquial_forms("menerima")
    assert "periksa" in colloquial_forms("meriksa")  # chat's "meriksa" is "memeriksa"


def test_a_word_with_an_enclitic_nya_stems_as_the_word() -> None:
    # Sastrawi finds no root of either: the word without "-nya" is the stem
    assert stem("ketenagakerjaannya") == "ketenagakerjaan"
    assert stem("bpjsnya") == "bpjs"
    assert stem("hanya") == "hanya" and stem("punya") == "punya"  # short words ending in -nya
