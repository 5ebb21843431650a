"""The bot's fixed replies, in Indonesian, as Telegram HTML. Short, and say what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from bot.tgbot.render import escape

if TYPE_CHECKING:
    from bot.tgbot.usage import Usage
    from index.build import BuildReport
    from index.records import Article


def code(text: str) -> str:
    """`text` escaped, in monospace (ids, file names, reasons)."""
    return f"<code>{escape(text)}</code>"


EXAMPLES = (
    "Apa saja program BPJS Ketenagakerjaan?",
    "Berapa pekerja Sumsel yang sudah terlindungi?",
    "Siapa Kepala Kanwil BPJS Ketenagakerjaan Sumbagsel?",
)

# (command, description) for the Telegram command menu; /reindex stays out of it (admins only).
COMMANDS = (
    ("tanya", "Ajukan pertanyaan, contoh: /tanya program BPJS TK apa saja?"),
    ("sumber", "Sumber dan kutipan jawaban terakhir"),
    ("help", "Cara memakai bot ini"),
)


def welcome(private: bool) -> str:
    """The /start and /help text."""
    how = (
        "Ketik saja pertanyaan Anda."
        if private
        else "Di grup, tulis /tanya PERTANYAAN, sebut saya (@nama bot) atau balas pesan saya."
    )
    examples = "\n".join(f"• {escape(q)}" for q in EXAMPLES)
    return (
        "Halo! Saya menjawab pertanyaan tentang <b>BPJS Ketenagakerjaan (BPJAMSOSTEK) di "
        "Sumatera Selatan</b> dengan mengutip kalimat dari artikel berita, lengkap dengan angka, "
        "tanggal dan sumbernya.\n\n"
        f"{how}\n\n<b>Contoh pertanyaan:</b>\n{examples}\n\n"
        "<b>Perintah:</b>\n"
        "/tanya PERTANYAAN – ajukan pertanyaan\n"
        "/sumber – sumber dan kutipan jawaban terakhir\n"
        "/help – bantuan ini\n\n"
        f"{FEEDBACK_NOTE}"
    )


TANYA_USAGE = (
    "Tulis pertanyaannya setelah /tanya, misalnya:\n/tanya Apa saja program BPJS Ketenagakerjaan?"
)
MENTION_USAGE = (
    "Tulis pertanyaan Anda bersama nama saya, misalnya: {mention} program BPJS TK apa saja?"
)
NOT_TEXT = (
    "Saya hanya bisa membaca pertanyaan berupa teks. Silakan ketik pertanyaan Anda, misalnya: "
    "Apa saja program BPJS Ketenagakerjaan?"
)
UNKNOWN_COMMAND = "Perintah itu tidak saya kenal. Ketik /help untuk melihat cara bertanya."
NO_SOURCES_YET = (
    "Belum ada jawaban di obrolan ini. Ajukan pertanyaan dulu, lalu ketik /sumber untuk melihat "
    "sumbernya."
)
SOURCES_HEADING = "Sumber jawaban terakhir:"
SOURCES_OF_THAT_ANSWER = "Sumber jawaban ini:"
SOURCES_FALLBACK = "Sumber jawaban itu sudah tidak tersimpan. Ini sumber jawaban terakhir:"
SOURCES_BUTTON = "Sumber"
ERROR = "Maaf, terjadi kesalahan saat memproses pesan Anda. Silakan coba lagi sebentar lagi."

ADMIN_ONLY = "Maaf, perintah ini hanya untuk admin bot."
REINDEX_STARTED = (
    "Membangun ulang indeks dari artikel… Pertanyaan tetap dijawab dengan indeks lama sampai "
    "selesai."
)
REINDEX_QUEUED = (
    "Pembangunan ulang indeks masih berjalan. Permintaan Anda dicatat: indeks dibangun ulang "
    "sekali lagi setelah yang ini selesai."
)
REINDEX_UNCHANGED = (
    "Indeks sudah terbaru: tidak ada artikel yang berubah sejak pembangunan terakhir."
)


def rate_limited(limit: int, retry_after: float) -> str:
    """The one reply a user gets when asking more than `limit` questions in a minute."""
    seconds = max(1, round(retry_after))
    return (
        f"Pesan Anda terlalu banyak (batas {limit} per menit). "
        f"Tunggu sekitar {seconds} detik, lalu coba lagi."
    )


def reindex_done(report: BuildReport) -> str:
    """Counts and time of a finished rebuild."""
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    return (
        f"Indeks selesai dibangun ulang dalam {seconds} detik: "
        f"<b>{report.n_articles}</b> artikel, <b>{report.n_chunks}</b> potongan teks "
        f"({report.embedded} di-embed baru, {report.reused} dipakai ulang dari cache). "
        "Pertanyaan kini dijawab dengan indeks baru."
    )


def reindex_failed(reason: str) -> str:
    """Why a rebuild failed (the message names the file and line); the old index stays."""
    return (
        f"Gagal membangun ulang indeks: {code(reason)}\n"
        "Indeks lama tetap dipakai. Perbaiki berkasnya, lalu jalankan /reindex lagi."
    )


# -- admins -------------------------------------------------------------------------------------

ADMIN_HELP = (
    "<b>Perintah admin:</b>\n"
    "/tambah URL – impor artikel dari alamat berita\n"
    "/tambah sebagai keterangan (caption) berkas .txt atau .html – impor dari berkas\n"
    "Teruskan (forward) teks artikel ke saya, lalu balas bagian pertamanya dengan /tambah: "
    "bagian-bagian yang diteruskan dalam 2 menit digabung. Untuk artikel panjang, kirim "
    "berkas .txt saja.\n"
    "/artikel – daftar artikel\n"
    "/hapus ID – hapus artikel\n"
    "/reindex – bangun ulang indeks\n"
    "/statistik – pertanyaan pengguna dan umpan balik 👍/👎"
)
FEEDBACK_NOTE = "Tombol 👍/👎 di bawah jawaban membantu admin tahu artikel apa yang perlu ditambah."
SAVE_BUTTON = "Simpan & indeks ulang"
CANCEL_BUTTON = "Batal"
DELETE_BUTTON = "Ya, hapus"
STAGE_GONE = "Pratinjau itu sudah tidak berlaku. Kirim /tambah lagi."
ADD_CANCELLED = "Dibatalkan: artikel tidak disimpan."
DELETE_CANCELLED = "Dibatalkan: artikel tidak dihapus."
THANKS_UP = "Terima kasih! 👍"
THANKS_DOWN = "Terima kasih atas masukannya. Admin akan melihat pertanyaan ini."


def forwarded_kept(parts: int) -> str:
    return (
        f"Teks diterima ({parts} bagian tersimpan). Balas bagian pertama artikel dengan /tambah "
        "untuk mengimpornya."
    )


def import_failed(reason: str) -> str:
    return f"Gagal mengimpor artikel: {code(reason)}\nTidak ada yang berubah di basis pengetahuan."


def duplicate(existing: str) -> str:
    return f"Artikel ini sudah ada sebagai {code(existing)}. Tidak disimpan lagi."


def preview(article: Article, sentences: list[str], dropped: int) -> str:
    """What the importer made of a page: metadata, the first body sentences, and how many
    lines it dropped as site boilerplate."""
    date_text = article.date_label or "(tanggal tidak terdeteksi)"
    lines = [
        "<b>Pratinjau artikel</b>",
        f"<b>Judul:</b> {escape(article.title)}",
        f"<b>Media:</b> {escape(article.outlet)}",
        f"<b>Tanggal:</b> {escape(date_text)}",
        f"<b>URL:</b> {escape(article.url or '-')}",
        f"<b>ID:</b> {code(article.id)}",
        f"<b>Baris dibuang:</b> {dropped} (menu, keterangan foto, judul berita lain, dll.)",
        "",
        *(f"<blockquote>{escape(s)}</blockquote>" for s in sentences),
    ]
    return "\n".join(lines)


class Change(NamedTuple):
    """What an admin's Save or Delete button does, while it works and once it is done."""

    doing: str
    done: str


SAVING = Change("Menyimpan", "disimpan")
DELETING = Change("Menghapus", "dihapus")


def changing(change: Change, article_id: str) -> str:
    """Shown in place of the preview or the confirmation while the index is rebuilt."""
    return f"{change.doing} {code(article_id)} dan membangun ulang indeks…"


def changed(change: Change, article_id: str, report: BuildReport) -> str:
    """The article was saved or removed and the index rebuilt."""
    return f"Artikel {code(article_id)} {change.done}. " + reindex_done(report)


def no_such_article(article_id: str) -> str:
    return f"Tidak ada artikel dengan ID {code(article_id or '-')}. Lihat /artikel untuk daftar ID."


def confirm_delete(article: Article) -> str:
    return (
        f"Hapus artikel {code(article.id)}?\n"
        f"{escape(article.title)} ({escape(article.outlet)}, {escape(article.date_label)})"
    )


def article_list(articles: list[Article], page: int, pages: int, total: int) -> str:
    if not articles:
        return "Belum ada artikel."
    lines = [f"<b>Artikel ({total}), halaman {page}/{pages}:</b>"]
    for a in articles:
        lines.append(
            f"{code(a.id)} – {escape(a.outlet)}, {escape(a.date_label or '-')}: "
            f"{escape(a.title[:100])}"
        )
    return "\n".join(lines)


def usage_report(week: Usage, month: Usage) -> str:
    """/statistik: counts for 7 and 30 days and what was not answered or disliked."""
    lines = ["<b>Statistik pertanyaan</b>"]
    for u in (week, month):
        share = f"{100 * u.answered / u.asked:.0f}%" if u.asked else "-"
        lines.append(
            f"{u.days} hari: {u.asked} pertanyaan, {u.answered} terjawab ({share}); "
            f"👍 {u.up}, 👎 {u.down}"
        )
    for title, rows in (("Sering tidak terjawab", month.unanswered), ("Sering 👎", month.disliked)):
        lines.append("")
        lines.append(f"<b>{title} (30 hari):</b>")
        lines += [f"{n}× {escape(text)}" for text, n in rows] or ["-"]
    return "\n".join(lines)
