"""Generated procedures for the benchmarks: realistic shapes, any size, always the same for a size.

A chain of activities spread over the actors, with a decision every few
steps whose "no" branch loops back a few steps, and now and then a fork
that joins again.  Seeded by the size, so every run measures the same text.
"""

from __future__ import annotations

import random

VERBS = [
    "Menerima",
    "Memeriksa",
    "Mencatat",
    "Menelaah",
    "Menyiapkan",
    "Meneruskan",
    "Menandatangani",
    "Mengarsipkan",
    "Memverifikasi",
    "Menyusun",
    "Mengirimkan",
    "Menyetujui",
]
THINGS = [
    "surat masuk",
    "berkas permohonan",
    "lembar disposisi",
    "dokumen anggaran",
    "laporan kegiatan",
    "nota dinas",
    "surat keputusan",
    "daftar hadir",
    "berita acara",
    "rancangan kontrak",
]


def procedure_text(steps: int, actors: int, seed: int | None = None) -> str:
    """A valid .pos text with about ``steps`` steps and ``actors`` actors."""
    rng = random.Random(seed if seed is not None else steps * 1000 + actors)
    keys = [f"a{i}" for i in range(actors)]
    lines = [
        f"judul: Prosedur uji {steps} langkah",
        f"nomor: {steps:03d}/POS/UJI/2026",
        "instansi: Kementerian Contoh",
        "unit: Direktorat Pengujian",
        "dibuat: 2026-01-05",
        "disahkan: Direktur Pengujian; Nama Direktur; NIP 197001011995031001",
        "dasar-hukum: Peraturan Menteri PANRB Nomor 35 Tahun 2012",
        "",
        "pelaksana:",
        *(f"  {k} = Pejabat Pelaksana {i + 1}" for i, k in enumerate(keys)),
        "",
        "alur:",
        f"  [s1] mulai {keys[0]}: Menerima permohonan layanan",
        "    waktu: 5 menit",
    ]
    number = 1
    actor = keys[0]
    while number < steps - 1:
        number += 1
        if rng.random() < 0.45:
            actor = rng.choice(keys)
        if number > 4 and number < steps - 2 and number % 6 == 0:
            back = max(2, number - rng.randint(2, 4))
            lines += [
                f"  [s{number}] ? {actor}: {rng.choice(THINGS).capitalize()} sudah lengkap?",
                f"    tidak -> s{back}",
                "    ya",
                "    waktu: 10 menit",
            ]
            continue
        text = f"{rng.choice(VERBS)} {rng.choice(THINGS)} dan {rng.choice(THINGS)}"
        line = f"  [s{number}] {actor}: {text}"
        lines += [line, f"    waktu: {rng.randint(5, 55)} menit", f"    output: {rng.choice(THINGS).capitalize()}"]
    lines.append(f"  [s{steps}] selesai {keys[0]}: Layanan selesai")
    return "\n".join(lines) + "\n"
