"""The HTML renderer: escaping, bold figures, headings, sources and the 4096-character split."""

from __future__ import annotations

import pytest

from bot.answer.records import Answer, AnswerPart, Citation, Reason
from bot.tgbot.render import (
    MAX_MESSAGE_CHARS,
    bold_figures,
    render_answer_html,
    render_sources_html,
    tg_len,
)
from tests.conftest import make_citation
from tests.fake_bot_api import parse_html

RENDER_TAGS = {"b", "i", "a", "blockquote"}  # all the renderer may write


def visible(chunk: str) -> str:
    """The chunk's text as Telegram shows it; fails unless it is valid, balanced HTML made of
    the renderer's tags."""
    return parse_html(chunk, tags=RENDER_TAGS)


def answered(*parts: AnswerPart, citations: tuple[Citation, ...] | None = None) -> Answer:
    cites = citations or tuple(make_citation(n) for n in sorted({p.citation for p in parts}))
    return Answer(question="q", answered=True, parts=parts, citations=cites)


def test_figures_are_bold_and_markers_numbered() -> None:
    text = "Dari 3 juta pekerja, baru 34 persen terlindungi, sekitar 1.033.000 orang."
    answer = answered(AnswerPart(text, 1, ("34 persen", "1.033.000", "3 juta")))
    [chunk] = render_answer_html(answer)
    assert "<b>34 persen</b>" in chunk
    assert "<b>1.033.000</b>" in chunk
    assert "<b>3 juta</b>" in chunk
    assert "terlindungi, sekitar <b>1.033.000</b> orang. [1]" in chunk
    assert "<b>Sumber:</b>\n[1] Koran Palpres, 1 Agustus 2024" in chunk
    assert visible(chunk).startswith(text + " [1]")


def test_overlapping_and_repeated_figures() -> None:
    spans = bold_figures("34 persen lalu 34 persen dan 34", ["34", "34 persen"])
    html = "".join(s.html() for s in spans)
    assert html == "<b>34 persen</b> lalu <b>34 persen</b> dan <b>34</b>"


def test_labels_are_headings_once_per_run() -> None:
    answer = answered(
        AnswerPart("Baru 34 persen.", 1, ("34 persen",), label="2 Agustus 2024, Koran Palpres"),
        AnswerPart("Sekitar 1,3 juta.", 1, ("1,3 juta",), label="2 Agustus 2024, Koran Palpres"),
        AnswerPart("Sekitar 1,1 juta.", 2, ("1,1 juta",), label="Maret 2024, Beta"),
    )
    [chunk] = render_answer_html(answer)
    assert chunk.count("<i>2 Agustus 2024, Koran Palpres</i>") == 1
    assert "\n\n<i>Maret 2024, Beta</i>\nSekitar <b>1,1 juta</b>. [2]" in chunk
    assert chunk.startswith("<i>2 Agustus 2024, Koran Palpres</i>\nBaru <b>34 persen</b>. [1]")


def test_article_and_user_text_is_escaped() -> None:
    evil = 'Tulis <b>hi</b> & <script>alert("x")</script> di sini.'
    answer = answered(
        AnswerPart(evil, 1, ("<b>hi</b>",)),
        citations=(make_citation(1, outlet="A & B <News>", date_label="<2024>"),),
    )
    [chunk] = render_answer_html(answer)
    assert "<script>" not in chunk
    assert "&lt;script&gt;" in chunk and "&amp;" in chunk
    assert "<b>&lt;b&gt;hi&lt;/b&gt;</b>" in chunk
    assert "[1] A &amp; B &lt;News&gt;, &lt;2024&gt;" in chunk
    assert evil in visible(chunk)


def test_abstention_shows_the_message_escaped() -> None:
    answer = Answer(
        question="<x>", answered=False, reason=Reason.NOT_IN_SOURCES, message="Maaf <x> & y."
    )
    assert render_answer_html(answer) == ["Maaf &lt;x&gt; &amp; y."]


def test_long_answer_is_split_into_valid_chunks() -> None:
    sentence = "Pekerja <rentan> & nelayan terlindungi sebanyak 1.033.000 orang di Sumsel. "
    parts = tuple(
        AnswerPart(sentence * 6, n % 3 + 1, ("1.033.000",), label=f"Label {n // 10}")
        for n in range(40)
    )
    chunks = render_answer_html(answered(*parts))
    assert len(chunks) > 1
    for chunk in chunks:
        assert tg_len(chunk) <= MAX_MESSAGE_CHARS
        assert chunk == chunk.strip("\n")
        visible(chunk)
    joined = "\n".join(visible(c) for c in chunks)
    assert joined.count("1.033.000") == 40 * 6
    assert joined.count("[1]") + joined.count("[2]") + joined.count("[3]") >= 40


@pytest.mark.parametrize("limit", [60, 200, 4096])
def test_one_huge_sentence_splits_at_word_boundaries(limit: int) -> None:
    words = [f"kata{i}&<{i}>" for i in range(3000)]
    text = " ".join(words)
    answer = answered(AnswerPart(text, 1, tuple(words[::50])))
    chunks = render_answer_html(answer, limit=limit)
    assert len(chunks) > 1
    seen: list[str] = []
    for chunk in chunks:
        assert tg_len(chunk) <= limit
        seen.extend(visible(chunk).split())
    # No word was cut in two, none lost, and the order is kept.
    assert seen[: len(words)] == words


def test_emoji_count_as_two_utf16_units() -> None:
    text = "😀" * 3000
    chunks = render_answer_html(
        Answer(question="", answered=False, reason=Reason.NO_WORDS, message=text)
    )
    assert len(chunks) == 2
    assert all(tg_len(c) <= MAX_MESSAGE_CHARS for c in chunks)
    assert "".join(chunks) == text


def test_sources_show_title_outlet_date_link_and_quote() -> None:
    cites = (
        make_citation(1, quote="Baru 34 persen terlindungi & <aman>."),
        make_citation(2, url=None, title="Tanpa <tautan>"),
    )
    [chunk] = render_sources_html(cites)
    assert chunk.startswith("<b>Sumber jawaban terakhir:</b>")
    title = "Baru 34 Persen Pekerja Sumsel Terlindungi (1)"
    assert f"<b>[1] {title}</b>\nKoran Palpres, 1 Agustus 2024" in chunk
    url = "https://koranpalpres.example/berita/1"
    assert f'<a href="{url}">{url}</a>' in chunk
    assert "<blockquote>Baru 34 persen terlindungi &amp; &lt;aman&gt;.</blockquote>" in chunk
    assert "<b>[2] Tanpa &lt;tautan&gt;</b>" in chunk
    assert "berita/2" not in chunk
    visible(chunk)


def test_link_urls_are_attribute_escaped() -> None:
    [chunk] = render_sources_html([make_citation(1, url='https://x.example/?a=1&b="2"')])
    assert '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;">' in chunk
    visible(chunk)


def test_long_quotes_split_inside_blockquote_stay_valid() -> None:
    quote = "Kalimat panjang tentang BPJS & pekerja <rentan>. " * 300
    chunks = render_sources_html([make_citation(1, quote=quote), make_citation(2, quote=quote)])
    assert len(chunks) >= 4
    for chunk in chunks:
        assert tg_len(chunk) <= MAX_MESSAGE_CHARS
        visible(chunk)
    assert sum(c.count("<blockquote>") for c in chunks) == sum(
        c.count("</blockquote>") for c in chunks
    )
