"""What one line of a raw scraped news page is, judged by its shape alone: article prose, a
headline, a photo caption or credit, a site phrase ("Baca juga", "Editor:"), a dateline.

No list of outlets: a line is judged by its length, sentence punctuation, the share of
Indonesian function words, by caption and credit patterns and by phrases any news site uses.
Where a line stands on the page is judged in `index.importer.boilerplate`.
"""

from __future__ import annotations

import re

from index.importer.dates import PUBLISHED_RE, header_date
from index.text import ENGLISH_FUNCTION, MONTHS_ID, STOPWORDS, split_sentences

TLDS = (
    *("co.id", "my.id", "web.id", "or.id", "online", "asia", "site", "com", "id", "net", "org"),
    *("co", "news", "tv", "info", "biz", "xyz"),
)  # a longer one before its prefix
_DOMAIN = rf"[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)*\.(?i:{'|'.join(map(re.escape, TLDS))})\b"
# Searched from where a name starts only: linear on one very long word.
DOMAIN_RE = re.compile(rf"(?<![A-Za-z0-9-]){_DOMAIN}")
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*\s*,\s*)?"  # "KOTA, "
    rf"(?:(?P<outlet>{_DOMAIN})(?:\s*,\s*[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*"  # outlet[, Kota]
    r"| [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})?"  # "SITUS.id Nama Situs - "
    r"|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*\s*"  # Kota (AGENCY), Kota (Nama Situs), Kota (situs.com)
    r"\((?P<agency>[A-Za-z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})\)"
    r"|[A-Z]{3,}(?: [A-Z]{3,})*"  # "KOTA"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?=\s[-–—]\s+[A-Z])"  # "Kota Besar - " (mixed case)
    r"|(?<=, )(?P<site>[A-Z]{2,}[A-Za-z]*(?: [A-Z][A-Za-z]+){0,2})"  # "Kota, SITE Name - "
    rf"|(?<=, )\d{{1,2}} (?:{'|'.join(MONTHS_ID)}) \d{{4}}(?=\s*[-–—]\s))"  # "Kota, 5 Mei 2027 – "
    r"\s*[-–—]+(?:\s+|$|(?<=[-–—])(?=[A-Z][a-z]))"  # "KOTA – ", "KOTA–Angka", "KOTA-Angka"
    r"|^(?P<code>[A-Z]{3,6}),\s*[A-Z][a-z]+(?: [A-Z][a-z]+)*\s*:\s+"  # "KODE, Kota: "
)
URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")
# "Baca juga", "Tonton juga": a link to another story or video of the site.
SEE_ALSO = r"(?:baca|lihat|simak|tonton)\s+(?:juga|pula)"
# A sentence ending with the day and date of what it tells ("..., Senin (14/10).").
DAY_DATE_END = (
    r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\s*\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)\.?$"
)
URL_LINE_RE = re.compile(r"^(?:(?:url|link|sumber|source)\s*:\s*)?(https?://[^\s<>\"]+)$", re.I)
_SITE_PHRASE_RE = re.compile(
    rf"^(?:{SEE_ALSO}\b|berita\s+terkait\s*:\s*\S"
    r"|(?:kategori|tags?|topik|label|sumber|source)\s*:"
    r"|(?:reporter|editor|penulis|pewarta|redaktur|wartawan|kontributor|penyunting|foto|photo"
    r"|fotografer|video|grafis|ilustrasi)\s*:"
    r"|(?:penulis|editor|reporter)\s+[A-Z]"
    r"|(?:(?:laporan\s+|liputan\s+)?oleh|by)\s*:?\s+(?-i:[A-Z]\S*(?:\s+[A-Z]\S*){0,4})$"
    r"|(?-i:[A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,4}),\s*(?:jurnalis|wartawan|reporter|editor"
    r"|kontributor|penulis|redaktur|koresponden)$"
    r"|(?:rep|red)\s*:|disclaimer\s*:|(?:sponsored|promoted|advertorial)\s*:"
    r"|(?:ralat|koreksi)(?:\s*,\s*[^:]{1,30})?\s*:"  # "Ralat, 21 November 2025: ..."
    r"|waktu\s+(?:baca|membaca)\s+\d+\s+menit|\d+\s+menit\s+(?:baca|membaca)\b"
    r"|(?:dilihat|dibaca|views?|hits)\s*:?\s*\d[\d.,]*(?:\s*(?:kali|x))?$"  # "Dibaca : 487 kali"
    r"|\d[\d.,]*\s*(?:kali\s+)?(?:dilihat|dibaca|views?)$"
    r"|\d+\s+min(?:ute)?s?\s+read\b"
    r"|catatan\s+redaksi\s*:|tulis\s+komentar|kirim\s+komentar|simpan\s+nama,?\s+email"
    r"|(?:dipublikasikan|diterbitkan|ditulis|diposting|dikirim|disunting|diedit)\s+oleh\b"
    r"|(?:posted|written|published)\s+by\b|laporan(?:\s+langsung)?\s*:"
    r"|lihat\s+(?:postingan|kiriman)\s+ini\s+di|sebuah\s+kiriman\s+dibagikan\s+oleh"
    r"|view\s+this\s+post\s+on|a\s+post\s+shared\s+by"
    r"|(?:dalam|in)\s+\"[^\"]{2,40}\"$"  # a related story's category ('Dalam "Berita"')
    r"|(?:simak|dengarkan|tonton|saksikan)\b[^.!?]{0,80}\b(?:podcast|video|wawancara"
    r"|perbincangan|siaran|tayangan)\b[^.!?]{0,40}:$"  # "Simak ... dalam podcast berikut:"
    r"|jangan\s+lewatkan\b.{0,40}$|isi\s+komentar\s+(?:sepenuhnya\s+)?(?:adalah\s+|menjadi\s+)?tanggung"
    # the print edition it also ran in ("Berita ini juga dimuat di Harian X edisi ...")
    r"|(?:berita|artikel)\s+ini\s+(?:juga\s+)?(?:dimuat|terbit|tayang|diterbitkan)\s+(?:di|dalam)\b"
    r".{0,80}\bedisi\b|baca\s+selengkapnya\s+di\b.{0,80}\b(?:edisi|e-?paper)\b"
    r"|saksikan\s+video\b|simak\s+video\b|lihat\s+foto$|\d+\s+dari\s+\d+\s+halaman$"
    r"|halaman\s+(?:selanjutnya|berikutnya|sebelumnya)\b|selanjutnya\s*>+|scroll\s+to\s+continue"
    # a page break's numbers ("Halaman: 1 2 Selanjutnya »")
    r"|halaman\s*:?\s*(?:\d+\s+)*\d+(?:\s+(?:selanjutnya|berikutnya|next))?\s*[»>]*$"
    r"|(?:iklan\s*[-–—:]\s*)?(?:geser|gulir|scroll)\s+(?:ke\s+)?(?:atas|bawah|up|down)\b"
    r"|alamat\s+email\s+anda\s+tidak\s+akan|ruas\s+yang\s+wajib\s+ditandai"
    r"|(?:komentar|nama|email|situs\s+web)\s*\*?$"
    r"|©|copyright\b|hak\s+cipta\b|all\s+rights\s+reserved"
    r"|dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memperbanyak)"
    r"|artikel\s+ini\s+telah\s+(?:tayang|terbit)|baca\s+artikel\s+\S+.*selengkapnya"
    r"|dapatkan\s+(?:update|berita|informasi)|ikuti\s+(?:kami|berita|saluran)"
    r"|(?:bagikan|share|sebarkan)\b.{0,30}$|follow\s+us|download\s+aplikasi|unduh\s+aplikasi"
    # "Share: <site> | <site>"
    r"|(?:bagikan|share|sebarkan)\s*:(?:\s*\|?\s*(?-i:[A-Z])[\w-]*){1,8}\s*$"
    r"|klik\s+untuk\s+(?:berbagi|membagikan|mencetak|mengirim)"
    r"|(?:baca|simak|lihat)\s+(?:berita|artikel)\s+(?:lain|lainnya|terkait|menarik)\b)",
    re.I,
)
_PROMO_RE = re.compile(
    r"google\s+news|whatsapp\s+channel|(?:saluran|channel)\s+whatsapp|telegram"
    # the newsroom's tip line ("Kirim ke WhatsApp Redaksi <Situs> 0811-...")
    r"|\b(?:whatsapp|wa|e-?mail)\s+redaksi\b|\bredaksi\s+(?:via\s+)?(?:whatsapp|wa)\b"
    r"|di\s+luar\s+tanggung\s+jawab\s+(?:redaksi|kami|media|penerbit)"
    r"|^\S+(?:\s\S+)?\s+(?:merupakan|adalah)\s+"
    r"(?:portal\s+berita|situs\s+berita|media\s+(?:online|siber))"
    r"|(?:isi|konten)\s+(?:\w+\s+)?di\s+luar\s+tanggung\s+jawab"
    r"|©|\ball\s+rights\s+reserved\b|(?:kami\s+menggunakan|this\s+site\s+uses)\s+cookies?",
    re.I,
)
_CREDIT_RE = re.compile(
    r"(?:\([^()]*(?:\.(?:com|id|net|co)|foto|photo|dok)[^()/]*/[^()]+\)"  # (Site/Name)
    # (Site/Name), (Site Name/Name), "- Site/Name": a person's name after the slash, not an
    # acronym ("(Jaminan Hari Tua/JHT)")
    r"|(?-i:\([A-Z][\w.]*(?: [A-Z][\w.]*){1,3}\s*/"
    r"\s*[A-Z][a-z][\w.']*(?: [A-Z][\w.']*){0,4}\))"
    r"|(?-i:\([A-Z][\w.]*\s*/\s*[A-Z][a-z][\w.']*(?: [A-Z][\w.']*){1,4}\))"  # full name
    # (NAME/SITE NAME), (SITE NAME/NAME): capitals, one side of several words (not "(JHT/JKK)")
    r"|(?-i:\((?:[A-Z]{2,}\s*/\s*[A-Z]{2,}(?: [A-Z]{2,}){1,3}"
    r"|[A-Z]{2,}(?: [A-Z]{2,}){1,3}\s*/\s*[A-Z]{2,}(?: [A-Z]{2,}){0,3})\))"
    r"|(?-i:\s[-–—]\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}\s*/"
    r"\s*[A-Z][a-z][\w.']*(?: [A-Z][\w.']*){0,4})"
    r"|\b(?:foto|photo|dok|dokumentasi|ist|istimewa)\s*[:/]\s*[\w .'/-]+"  # FOTO/Name
    # AGENSI/Name: a name's capitalised words, not an acronym pair ("JKK/JKM.") nor the rest
    # of a sentence ("SMA/SMK dan ...")
    r"|(?-i:\b[A-Z]{3,}\s*/\s*[A-Z][a-z][\w.'-]*(?: [A-Z][\w.'-]*)*$)"
    rf"|\b{_DOMAIN}\s*/\s*[\w .'-]+|\b[A-Z][A-Z .'-]+/\s*{_DOMAIN}"  # SITE.COM/NAME, NAME/SITE.CO
    rf"|[-–—]\s*[A-Z][\w.' ]*[-–—]\s*{_DOMAIN})\s*\)?\.?\s*$",  # ".-Nama Penulis-situs.co.id"
    re.I,
)
_POSITION_RE = re.compile(
    r"\((?:kiri|kanan|tengah|ki-ka|ka-ki|dua dari kiri|dua dari kanan|depan|belakang)\)", re.I
)
BYLINE_RE = re.compile(
    r"^[A-Z][\w.' ]{2,60}\s[-–—|]\s(?P<site>[\w]+(?:\.[\w]+)*)$"
)  # "Nama - situs"
_LABEL_CAPTION_RE = re.compile(r"^[A-Z][A-Z0-9 ,.'&]{2,40}\s[-–—]\s+\S")  # "RESMI MENJABAT - ..."
_BREADCRUMB_RE = re.compile(r"\s(?:>|»|›|/|\|)\s")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# A list item's mark ("- ", "• ", "2. ", and "- 2. " where an HTML item writes its number):
# layout, which a page's HTML writes otherwise.
LIST_MARK_RE = re.compile(r"^(?:[-–—•*]\s+(?:\d{1,2}[.)]\s+)?|\d{1,2}[.)]\s+)(?=\S)")
LETTERED_RE = re.compile(r"^[a-z][.)]\s+(?=\S)")  # the mark of a lettered item ("a. 11.200 ...")


def lettered_figure(line: str) -> bool:
    """An item of a lettered list that states a figure ("b. 9.600 petani karet"): a line of
    its own; lettered items without one ("b. jaminan kematian; dan") stay hard-wrapped text."""
    return bool(LETTERED_RE.match(line)) and any(c.isdigit() for c in line)


SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")", "…", ":")

PROSE_WORDS = 20  # a line this long is article text even without a full stop
FUNCTION_SHARE = 0.12  # Indonesian sentences: at least this share of function words


def _words(line: str) -> list[str]:
    return _WORD_RE.findall(line)


def function_share(line: str) -> float:
    """The share of Indonesian (and English) function words among the line's words."""
    ws = [w.lower() for w in _words(line)]
    return sum(w in STOPWORDS for w in ws) / len(ws) if ws else 0.0


AD_LABEL_RE = re.compile(r"(?i)^[\W_]*(?:advertisement|iklan|ads|sponsored|promoted)[\W_]*$")


def _indonesian(ws: list[str]) -> bool:
    """Whether the (lowercase) words hold a function word only Indonesian has."""
    return any(w in STOPWORDS and w not in ENGLISH_FUNCTION for w in ws)


def english(line: str) -> bool:
    """A line with an English function word and no function word only Indonesian has."""
    ws = [w.lower() for w in _words(line)]
    return not _indonesian(ws) and any(w in ENGLISH_FUNCTION for w in ws)


def foreign(line: str) -> bool:
    """A line in English only ("Click to share on X (Opens in new window)"): a site's
    furniture on an Indonesian page, never the article's text."""
    if re.search(r"[\"“”]", line):
        return False  # a quotation in English is someone's words, reported
    ws = [w.lower() for w in _words(line)]
    english = sum(w in ENGLISH_FUNCTION and w not in ("no", "not") for w in ws)
    return english >= 3 and not _indonesian(ws)


def headline(line: str) -> bool:
    """A headline-shaped line: 3 to 30 words, title-cased or sentence-cased, no full stop."""
    n = len(line.split())
    return 3 <= n <= 30 and line[-1] not in ".,;:!" and not _BREADCRUMB_RE.search(line)


def caption(line: str, next_line: str = "") -> bool:
    """A photo caption or credit: "FOTO: ...", "(Site/Name)", "(kiri)", or "LABEL - ..."
    followed by a credit line (a dateline, "KOTA, SITUS.com - ...", is not one)."""
    if _CREDIT_RE.search(line) or _POSITION_RE.search(line):
        return True
    quoted = bool(re.search(r"[\"“”]", line)) and bool(_SAID_RE.search(line))  # "...," ucapnya.
    signed = next_line.startswith("(") and (len(list(split_sentences(line))) > 1 or quoted)
    if credit_only(next_line) and not signed:
        return True  # a line whose credit follows it (not a paragraph signed "(Situs/Nama)")
    if re.search(r"\(\s*(?:foto|photo|ilustrasi|dok)\b|\(\s*(?:ist|istimewa)\s*\)$", line, re.I):
        return True
    if re.search(r"[.)]\s+F\.\s*[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,3}$", line):
        return True  # "... Senin (14/10). F. Istimewa": "F." for "Foto"
    if (
        re.match(r"(?i)ilustrasi\b", line)
        and len(line.split()) <= 15
        and not re.search(r"\d|:", line)
    ):
        return True  # "Ilustrasi petani karet di ..." (not "Ilustrasi perhitungan iuran: ...")
    return _scene(line) or (bool(_LABEL_CAPTION_RE.match(line)) and credit_only(next_line))


_SAID_RE = re.compile(r"[\"”]\s*,?\s*(?:ucap|ujar|kata|tutur|jelas|tegas|sebut|imbuh)\w*\b", re.I)
_SCENE_RE = re.compile(
    r"^(?P<who>[^\"“”.\d]{8,160}?)\s(?:saat|ketika|sewaktu)\s(?!ini\b)[^\"“”\d]+,\s*"
    + DAY_DATE_END,
    re.I,
)
_VERB_RE = re.compile(r"\b(?:me|mem|men|meng|meny|ber|di|ter)[a-z]{3,}")  # lowercase: not "Dinas"


# "Penyerahan santunan kepada ahli waris di ..., Senin (14/10).": an event named by a noun
_EVENT_RE = re.compile(
    r"^(?:Pe|Ke)[a-z]{4,}an\s[^\"“”]{10,240},\s*" + DAY_DATE_END,
    re.I,
)


def _scene(line: str) -> bool:
    """A photo caption without a credit: who is pictured, "saat" what they did, and the day
    ("Tim X dan Y saat mendatangi ..., Senin (14/10)."), with no verb before "saat" (which
    "Hal itu disampaikan X saat ditemui ..." has); or the event pictured, named by a noun,
    where and the day, with no verb at all."""
    if _EVENT_RE.match(line) and not _VERB_RE.search(line):
        return True
    m = _SCENE_RE.match(line)
    return m is not None and not _VERB_RE.search(m.group("who"))


def credit_only(line: str) -> bool:
    """A line that is nothing but a photo credit ("SITUS.COM/NAMA", "Foto: Nama")."""
    m = _CREDIT_RE.search(line) if line else None
    if m is None:
        return False
    return not prose(line) and (m.end() - m.start()) >= 0.6 * len(line.strip())


def site_phrase(line: str) -> bool:
    """A phrase only site furniture says ("Baca juga", "Editor:", "ADVERTISEMENT", ...)."""
    return bool(
        _SITE_PHRASE_RE.match(line)
        or AD_LABEL_RE.match(line)
        or (BYLINE_RE.match(line) and len(line.split()) <= 8)
        or (_PROMO_RE.search(line) and len(line.split()) <= 30)
        or URL_LINE_RE.match(line)
        or PUBLISHED_RE.match(line)
        or header_date(line) is not None
    )


def prose(line: str) -> bool:
    """A line of article text: ending like a sentence and not all title case, or long and
    full of function words (a missing full stop is then a scraping accident)."""
    ws = _words(line)
    if len(ws) < 3:
        return False
    if line.rstrip().endswith(SENTENCE_END):
        capitals = sum(w[0].isupper() for w in ws) / len(ws)
        if line.rstrip().endswith(("?", "!")) and capitals >= 0.6:
            return False  # a headline asking or exclaiming ("... Korban Begal?")
        if line.rstrip().endswith(")") and capitals >= 0.8:
            return False  # a chart's or a table's title ("Peserta Aktif di Kota (2021-2025)")
        return len(ws) >= 6 or capitals < 0.8 or function_share(line) >= FUNCTION_SHARE
    return len(ws) >= PROSE_WORDS and function_share(line) >= FUNCTION_SHARE


# A press release's sign-off on a line of its own: "(Humas Pemkot X/rls)", "(Diskominfo X/adv)"
_SIGN_OFF_RE = re.compile(r"\([A-Z][\w.-]*(?:\s+[\w.-]+){0,5}\s*/\s*(?i:rls|rel|ril|adv|release)\)")


def single_rule(line: str, next_line: str = "") -> bool:
    """A boilerplate line on its own: site phrase, caption, credit, sign-off, date or dateline
    only."""
    return bool(
        site_phrase(line)
        or _SIGN_OFF_RE.fullmatch(line)
        or foreign(line)
        or caption(line, next_line)
        or len(line.split()) == 1
        or (DATELINE_RE.match(line) and _label_only(DATELINE_RE.sub("", line)))
    )


def _label_only(rest: str) -> bool:
    """What follows a site name and a dash on a line of its own, when it is only a label
    ("situs.id - Ekonomi"), not the article's first sentence."""
    return len(_words(rest)) < 3 and not rest.rstrip().endswith(SENTENCE_END)
