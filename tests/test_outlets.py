"""Outlets a message names only to give their figure ("A bilang 1,3 jt, B bilang brp?")."""

from bot.answer.outlets import Outlets

OUTLETS = Outlets(["koranalpha", "betanews", "pantau", "palembang"], frozenset({"palembang"}))


def substance(text: str) -> int:
    """Words other than a verb of saying and chat words: enough to tell a clause's content."""
    return sum(w.strip(",.?") not in {"bilang", "blg", "nulis", "yg", "di"} for w in text.split())


def asks(text: str) -> bool:
    return "brp" in text.split()


def without_given(text: str, outlets: Outlets = OUTLETS) -> str:
    return outlets.without_given(text, substance, asks)


def test_the_outlet_that_gives_a_figure_and_its_figure_are_left_out() -> None:
    text = "Koran Alpha bilang 1,3 jt yg terlindungi, kalo di betanews brp?"
    assert without_given(text) == "bilang yg terlindungi, kalo di betanews brp?"
    text = "di betanews ditulis 1.033.000 pekerja, kalo di Koran Alpha disebutnya brp?"
    assert without_given(text) == "di ditulis pekerja, kalo di Koran Alpha disebutnya brp?"
    text = "koranalpha blg baru 34% yg terlindungi, kalo di betanews brp orang?"
    assert without_given(text) == "blg baru yg terlindungi, kalo di betanews brp orang?"
    text = "koranalpha bilang Rp1,3 jt iurannya. betanews brp?"
    assert without_given(text) == "bilang iurannya. betanews brp?"


def test_a_year_a_day_or_a_count_is_no_figure_given() -> None:
    text = "koranalpha bilang 1,3 jt pekerja terlindungi thn 2024, kalo betanews brp?"
    assert without_given(text) == "bilang pekerja terlindungi thn 2024, kalo betanews brp?"
    for text in (
        "betanews brp pekerja terlindungi 2024? kalo koranalpha?",  # a year in the asking clause
        "di betanews brp pekerja per 31 maret, koranalpha?",
        "koranalpha nulis 17 kabupaten, betanews brp?",
    ):
        assert without_given(text) == text


def test_a_clause_that_only_gives_the_figure_goes_whole() -> None:
    text = "pekerja terlindungi agustus 2024: koranalpha bilang 1,3 juta, betanews bilang brp?"
    assert without_given(text) == "pekerja terlindungi agustus 2024: betanews bilang brp?"


def test_outlets_compared_or_named_alone_are_left_as_they_are() -> None:
    for text in (
        "koranalpha bilang 1,3 jt, betanews 1.033.000, mana yg bener?",  # both give figures
        "koranalpha sm betanews beda ga angkanya?",  # neither does
        "menurut betanews brp pekerja yg terlindungi 2024?",  # one outlet, asked
        "betanews brp 1,3 jt? koranalpha?",  # the figure is in the asking clause
    ):
        assert without_given(text) == text


def test_a_common_word_a_place_or_a_run_of_lowercase_words_is_no_outlet() -> None:
    text = "pantau bilang 1,3 jt, betanews brp? palembang 2024 brp?"
    assert without_given(text) == text  # "pantau" is a word, "palembang" a place
    lower = Outlets(["beritapagi", "betanews"])
    text = "berita pagi bilang 1,3 jt, betanews brp?"
    assert without_given(text, lower) == text  # two common words, lowercase
    assert without_given("Berita Pagi bilang 1,3 jt, betanews brp?", lower) == "betanews brp?"
