"""What the engine says instead of an answer: why it refuses, in Indonesian, with help."""

from __future__ import annotations

from bot.answer.records import Reason

HELP = (
    "Saya bisa menjawab tentang BPJS Ketenagakerjaan di Sumatera Selatan dari artikel berita: "
    "program jaminan sosialnya, jumlah dan persentase pekerja yang terlindungi, target "
    "kepesertaan, serta pejabat dan kegiatannya. Contoh: “Apa saja program BPJS "
    "Ketenagakerjaan?” atau “Berapa pekerja Sumsel yang sudah terlindungi?”"
)
REFUSALS = {
    Reason.EMPTY: "Pertanyaannya kosong. Silakan ketik pertanyaan Anda. " + HELP,
    Reason.TOO_LONG: (
        "Pertanyaannya terlalu panjang (lebih dari {max} karakter). Tolong ringkas menjadi "
        "satu pertanyaan singkat."
    ),
    Reason.NO_WORDS: "Saya hanya bisa membaca pertanyaan berupa kata-kata. " + HELP,
    Reason.NOT_IN_SOURCES: "Maaf, artikel yang saya punya tidak menjawab pertanyaan itu. " + HELP,
    Reason.OFF_TOPIC: "Maaf, pertanyaan itu di luar topik artikel yang saya punya. " + HELP,
    Reason.NO_QUESTION: "Halo! Silakan tulis pertanyaan Anda. " + HELP,
}
PARTLY = "Maaf, artikel yang saya punya tidak menjawab pertanyaan ini."
