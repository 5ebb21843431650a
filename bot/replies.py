"""The bot's fixed replies, in Indonesian, as Telegram HTML. Short, and say what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.render import escape

if TYPE_CHECKING:
    from index.build import BuildReport

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
        "/help – bantuan ini"
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
        f"Gagal membangun ulang indeks: <code>{escape(reason)}</code>\n"
        "Indeks lama tetap dipakai. Perbaiki berkasnya, lalu jalankan /reindex lagi."
    )
