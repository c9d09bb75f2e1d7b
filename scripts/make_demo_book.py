#!/usr/bin/env python3
# ruff: noqa: E501  (the decree and the settings are long lines of Indonesian text)
"""Write examples/book/: the demo book of the Direktorat SMP, 74 generated but realistic SOPs in five units.

    python3 scripts/make_demo_book.py          (re)write examples/book/ (seeded: the same files every time)

Subbagian Tata Usaha 51, Bidang Tata Kelola 11, Sarana dan Prasarana 6, Peserta Didik 4, Penilaian 4 —
the directorate's own split.  Each SOP has 6 to 30 steps built from the unit's actors and vocabulary:
a start, checks that send a file back for correction (loops), approvals, joint steps, sometimes a
rejection that ends the procedure early; Mutu Baku on every step; keterkaitan naming SOPs of the book.

About two SOPs in five carry a revision history (``riwayat-revisi``: one to three revisions, the last
on the date the Daftar Isi and the identity sheet print), drawn from a generator of their own so the
rest of each SOP is the same with or without it.  A few SOPs also get their next revision, written to
``examples/revisi/`` beside the book, for ``flowgen diff``: a reworded step, a new step, a shorter
time, a new legal basis and one more entry in the history.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "examples" / "book"
REVISED = ROOT / "examples" / "revisi"
SEED = 35_2012
DIRECTOR = "Direktur Sekolah Menengah Pertama; Dr. Hendra Wijaya, M.Pd.; NIP 197305122000031002"
APPROVERS = ("Direktur Sekolah Menengah Pertama; Drs. Bambang Sutrisno, M.Si.", "Direktur Sekolah Menengah Pertama")
# what a revision of the demo changed (a ';' inside what changed is written '\;')
CHANGES = (
    "Penyesuaian dengan Permendikbudristek Nomor 28 Tahun 2021 tentang Organisasi dan Tata Kerja",
    "Waktu pemeriksaan berkas dipersingkat",
    "Penambahan langkah verifikasi oleh Kepala Subbagian Tata Usaha",
    "Pelaksana disesuaikan dengan struktur organisasi baru",
    "Formulir kertas diganti aplikasi\\; buku agenda tidak dipakai lagi",
    "Pengesahan dengan tanda tangan elektronik",
    "Perbaikan mutu baku: kelengkapan dan keluaran setiap kegiatan",
)
HISTORY_SHARE = 0.4
# the SOPs whose next revision is written to examples/revisi/ (unit folder, file number)
NEXT_REVISION = (("01-subbagian-tata-usaha", 1), ("01-subbagian-tata-usaha", 7), ("04-peserta-didik", 2))
AGENCY = "Kementerian Pendidikan Dasar dan Menengah"
UNIT = "Direktorat Sekolah Menengah Pertama"

TU_TITLES = (
    "Pengelolaan Surat Masuk",
    "Pengelolaan Surat Keluar",
    "Pengelolaan Naskah Dinas Elektronik",
    "Pengelolaan Arsip Dinamis Aktif",
    "Peminjaman Arsip",
    "Penyusutan Arsip",
    "Pelayanan Cuti Pegawai",
    "Pengusulan Kenaikan Pangkat",
    "Pengusulan Kenaikan Gaji Berkala",
    "Penilaian Kinerja Pegawai",
    "Pengusulan Pensiun Pegawai",
    "Pemberian Izin Belajar",
    "Pengusulan Tugas Belajar",
    "Mutasi Pegawai",
    "Pengusulan Tanda Kehormatan Satyalancana Karya Satya",
    "Pengelolaan Presensi Pegawai",
    "Penegakan Disiplin Pegawai",
    "Pengembangan Kompetensi Pegawai",
    "Penyusunan Analisis Jabatan dan Beban Kerja",
    "Pemutakhiran Data Kepegawaian",
    "Penyusunan Rencana Kerja dan Anggaran",
    "Revisi Daftar Isian Pelaksanaan Anggaran",
    "Pengajuan Uang Persediaan",
    "Pengajuan Pembayaran Langsung",
    "Pembayaran Honorarium Kegiatan",
    "Pertanggungjawaban Uang Persediaan",
    "Penyusunan Laporan Keuangan",
    "Rekonsiliasi Data Keuangan",
    "Pemungutan dan Penyetoran Pajak",
    "Verifikasi Pertanggungjawaban Perjalanan Dinas",
    "Pengelolaan Kas Bendahara Pengeluaran",
    "Perencanaan Kebutuhan Barang Milik Negara",
    "Penatausahaan Barang Milik Negara",
    "Penghapusan Barang Milik Negara",
    "Pemeliharaan Kendaraan Dinas",
    "Opname Fisik Barang Persediaan",
    "Permintaan Barang Persediaan",
    "Pengadaan Barang melalui E-Purchasing",
    "Pengadaan Langsung Barang dan Jasa",
    "Penyusunan Rencana Strategis",
    "Penyusunan Rencana Kerja Tahunan",
    "Penyusunan Perjanjian Kinerja",
    "Penyusunan Laporan Kinerja",
    "Pemantauan dan Evaluasi Program",
    "Penyelenggaraan Rapat Pimpinan",
    "Peminjaman Ruang Rapat",
    "Pelayanan Informasi Publik",
    "Penanganan Pengaduan Masyarakat",
    "Publikasi Kegiatan pada Laman Direktorat",
    "Penyusunan Rancangan Keputusan Direktur",
    "Pelayanan Tamu Dinas",
)
UNITS = (
    (
        "01-subbagian-tata-usaha",
        "Subbagian Tata Usaha",
        "TU",
        TU_TITLES,
        (
            ("pu", "Pengadministrasi Umum"),
            ("ktu", "Kepala Subbagian Tata Usaha"),
            ("dir", "Direktur"),
            ("peg", "Pengelola Kepegawaian"),
            ("bp", "Bendahara Pengeluaran"),
            ("ppk", "Pejabat Pembuat Komitmen"),
            ("bmn", "Pengelola Barang Milik Negara"),
            ("ppa", "Penyusun Program dan Anggaran"),
            ("ars", "Arsiparis"),
        ),
    ),
    (
        "02-tata-kelola",
        "Bidang Tata Kelola",
        "TK",
        (
            "Penyusunan Norma, Standar, Prosedur, dan Kriteria SMP",
            "Fasilitasi Penjaminan Mutu Pendidikan SMP",
            "Pembinaan Kepala Sekolah SMP",
            "Penyaluran Bantuan Peningkatan Mutu Tata Kelola Sekolah",
            "Verifikasi Proposal Bantuan Pemerintah",
            "Pemantauan Pemanfaatan Dana BOSP SMP",
            "Fasilitasi Implementasi Kurikulum Merdeka",
            "Pendampingan Sekolah Penggerak",
            "Penyusunan Bahan Pembinaan Guru SMP",
            "Pemetaan Mutu Pendidikan SMP",
            "Koordinasi Program dengan Dinas Pendidikan",
        ),
        (
            ("ktk", "Ketua Tim Kerja Tata Kelola"),
            ("ak", "Analis Kebijakan"),
            ("dir", "Direktur"),
            ("ptp", "Pengembang Teknologi Pembelajaran"),
            ("dinas", "Dinas Pendidikan"),
            ("sek", "Satuan Pendidikan SMP"),
        ),
    ),
    (
        "03-sarana-prasarana",
        "Bidang Sarana dan Prasarana",
        "SP",
        (
            "Penyaluran Bantuan Rehabilitasi Ruang Kelas",
            "Pembangunan Unit Sekolah Baru",
            "Penyaluran Bantuan Peralatan TIK",
            "Verifikasi Data Sarana dan Prasarana Dapodik",
            "Pengawasan Pelaksanaan Pembangunan Sekolah",
            "Penyaluran Bantuan Pembangunan Laboratorium",
        ),
        (
            ("ksp", "Ketua Tim Kerja Sarana dan Prasarana"),
            ("asp", "Analis Sarana dan Prasarana"),
            ("tv", "Tim Verifikasi"),
            ("ppk", "Pejabat Pembuat Komitmen"),
            ("sek", "Sekolah Penerima Bantuan"),
            ("dir", "Direktur"),
        ),
    ),
    (
        "04-peserta-didik",
        "Bidang Peserta Didik",
        "PD",
        (
            "Penyaluran Program Indonesia Pintar SMP",
            "Penyelenggaraan Olimpiade Sains Nasional SMP",
            "Penguatan Pendidikan Karakter Peserta Didik",
            "Penyelenggaraan Festival Lomba Seni Siswa Nasional",
        ),
        (
            ("kpd", "Ketua Tim Kerja Peserta Didik"),
            ("aks", "Analis Kesiswaan"),
            ("dinas", "Dinas Pendidikan"),
            ("sek", "Satuan Pendidikan SMP"),
            ("dir", "Direktur"),
        ),
    ),
    (
        "05-penilaian",
        "Bidang Penilaian",
        "PN",
        (
            "Fasilitasi Pelaksanaan Asesmen Nasional SMP",
            "Analisis Hasil Rapor Pendidikan SMP",
            "Penyusunan Instrumen Penilaian Pembelajaran",
            "Pelaporan Hasil Belajar Peserta Didik",
        ),
        (
            ("kpn", "Ketua Tim Kerja Penilaian"),
            ("adp", "Analis Data Penilaian"),
            ("pus", "Pusat Asesmen Pendidikan"),
            ("sek", "Satuan Pendidikan SMP"),
            ("dir", "Direktur"),
        ),
    ),
)
TIMES = ("10 menit", "15 menit", "30 menit", "1 jam", "2 jam", "1 hari kerja", "2 hari kerja", "3 hari kerja")
CHECKS = ("lengkap", "sesuai ketentuan", "disetujui", "benar")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48].rstrip("-")


DOCUMENTS = ("surat", "naskah", "arsip", "laporan", "data", "proposal", "instrumen", "rencana", "rancangan")
LEADS = {  # the first word of a title -> what the steps handle
    "Pengusulan": "usulan {rest}",
    "Penyaluran": "usulan {rest}",
    "Penyusunan": "konsep {rest}",
    "Pelayanan": "permohonan {rest}",
    "Pemberian": "permohonan {rest}",
    "Peminjaman": "permohonan peminjaman {rest}",
    "Verifikasi": "berkas {rest}",
    "Pemutakhiran": "usulan pemutakhiran {rest}",
}


def object_of(title: str) -> str:
    """What the steps of a title handle: 'Pengusulan Kenaikan Pangkat' -> 'usulan kenaikan pangkat'."""
    words = title.split()
    lowered = [w if w.isupper() or w[1:] != w[1:].lower() else w.lower() for w in words]
    rest = " ".join(lowered[1:]) or " ".join(lowered)
    if words[0] in LEADS:
        return LEADS[words[0]].format(rest=rest)
    if lowered[1:] and lowered[1] in DOCUMENTS:
        return rest
    return "berkas " + " ".join(lowered)


VERBS = (
    ("Menyusun konsep {t}", "Konsep {t}"),
    ("Mencatat {t} pada register", "Register terisi"),
    ("Menelaah {t}", "Hasil telaah"),
    ("Memverifikasi kelengkapan {t}", "Hasil verifikasi"),
    ("Mengoreksi dan memaraf konsep {t}", "Konsep terparaf"),
    ("Mengunggah {t} ke aplikasi", "Data terunggah"),
    ("Menyiapkan surat pengantar {t}", "Surat pengantar"),
    ("Menggandakan dan mendistribusikan {t}", "Tanda terima"),
    ("Menyusun laporan pelaksanaan {t}", "Laporan"),
    ("Mengoordinasikan tindak lanjut {t}", "Catatan koordinasi"),
)


def step_lines(rng: random.Random, actors: list[tuple[str, str]], title: str, count: int) -> list[str]:
    """The alur of one SOP: count steps, with loops, a decision or two, a joint step, maybe a rejection."""
    thing = object_of(title)
    staff, head, top = actors[0][0], actors[1][0], actors[2][0]
    others = [a for a, _ in actors[3:]] or [staff]
    lines = [
        f"  mulai {staff}: Menerima {thing}",
        "    kelengkapan: Surat permohonan dan lampiran",
        "    waktu: 15 menit",
        f"    output: {thing[0].upper()}{thing[1:]} diterima",
    ]
    reject = count >= 10 and rng.random() < 0.4
    body = count - 3 - (3 if reject else 0)  # mulai, the signature and selesai; the rejection path
    made = 1
    decisions = 0
    last_label = None
    while made < body + 1:
        left = body + 1 - made
        roll = rng.random()
        if roll < 0.22 and left >= 2 and last_label is not None and decisions < 3:
            decisions += 1
            word = rng.choice(CHECKS)
            actor = rng.choice([head, top]) if decisions % 2 else head
            lines += [
                f"  ? {actor}: {thing[0].upper() + thing[1:]} {word}?",
                "    ya",
                f"    tidak -> {last_label}",
                "    waktu: 30 menit",
            ]
            made += 1
            last_label = None
            continue
        if reject and roll < 0.35 and left >= 2 and decisions < 3 and "tolak" not in "\n".join(lines):
            decisions += 1
            lines += [f"  ? {head}: {thing[0].upper() + thing[1:]} memenuhi syarat?", "    ya", "    tidak -> tolak"]
            made += 1
            continue
        text, output = rng.choice(VERBS)
        actor = rng.choice([staff, *others])
        if roll > 0.9:
            actor = f"{staff}+{head}"
        label = f"langkah{made + 1}"
        lines += [
            f"  [{label}] {actor}: {text.format(t=thing)}",
            f"    kelengkapan: {thing[0].upper() + thing[1:]}",
            f"    waktu: {rng.choice(TIMES)}",
            f"    output: {output.format(t=thing)}",
        ]
        last_label = label
        made += 1
    lines += [
        f"  {top}: Menandatangani {thing}",
        "    waktu: 1 hari kerja",
        f"    output: {thing[0].upper()}{thing[1:]} ditandatangani",
        f"  selesai {staff}: Mengarsipkan {thing}",
        "    output: Arsip",
    ]
    if reject:
        if "tidak -> tolak" not in "\n".join(lines):  # no decision was drawn for it: put one before the signature
            lines[-5:-5] = [
                f"  ? {head}: {thing[0].upper() + thing[1:]} memenuhi syarat?",
                "    ya",
                "    tidak -> tolak",
            ]
        lines += [
            f"  [tolak] {staff}: Mengembalikan {thing} disertai alasan",
            "    waktu: 30 menit",
            "    output: Surat pengembalian",
            f"  selesai {staff}: Pengusul menerima pengembalian",
        ]
    return lines


def history_lines(history: random.Random, revised: str, count: int) -> list[str]:
    """``count`` revisions, one a year up to the last on ``revised`` (the ``revisi`` date it replaces)."""
    year = int(revised[:4])
    lines = ["riwayat-revisi:"]
    changes = history.sample(CHANGES, k=count)
    for number in range(1, count + 1):
        when = (
            revised
            if number == count
            else f"{year - count + number}-{history.randint(2, 11):02d}-{history.randint(1, 28):02d}"
        )
        approver = APPROVERS[1] if number == count or history.random() < 0.5 else APPROVERS[0]
        lines.append(f"  - {number}; {when}; {changes[number - 1]}; {approver}")
    return lines


def sop_text(
    rng: random.Random,
    code: str,
    index: int,
    title: str,
    unit: str,
    actors,
    titles,
    year: int,
    history: random.Random | None,
) -> str:
    count = rng.randint(6, 30)
    used = actors[: rng.randint(3, len(actors))]
    efektif = f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    related = rng.sample([t for t in titles if t != title], k=min(2, len(titles) - 1))
    created = f"{year - 1}-12-{rng.randint(1, 20):02d}"
    revised = f"{year}-01-{rng.randint(2, 9):02d}"
    efektif = max(efektif, revised)  # an SOP takes effect once revised (ISO dates compare as text)
    revisions = history.randint(1, 3) if history is not None else 0
    if revisions:  # the SOP was made the year before its first revision
        created = f"{year - revisions}{created[4:]}"
    dates = [
        f"dibuat: {created}",
        *([f"no-revisi: {revisions}"] if revisions else ["no-revisi: 1", f"revisi: {revised}"]),  # every sheet: the row
        f"efektif: {efektif}",
    ]
    head = [
        f"# {title}",
        f"judul: {title}",
        f"nomor: {index:03d}/POS/SMP/{code}/{year}",
        f"instansi: {AGENCY}",
        f"unit: {UNIT}",
        *dates,
        f"disahkan: {DIRECTOR}",
        "dasar-hukum:",
        "  - Peraturan Menteri PANRB Nomor 35 Tahun 2012",
        "  - Permendikbudristek Nomor 28 Tahun 2021 tentang Organisasi dan Tata Kerja",
        f"kualifikasi: Memahami tugas dan fungsi {unit}",
        "keterkaitan:",
        *(f"  - POS {t}" for t in related),
        "peralatan:",
        "  - Komputer, printer dan jaringan internet",
        "  - Aplikasi persuratan dan arsip elektronik",
        f"peringatan: Jika POS tidak dilaksanakan, layanan {object_of(title)} terlambat dan tidak akuntabel",
        "pencatatan: Register dan arsip elektronik",
        *(history_lines(history, revised, revisions) if history is not None else []),
        "",
    ]
    flow = step_lines(rng, list(used), title, count)
    pattern = re.compile(r"^  (?:\[\w+\] )?(?:mulai |selesai |\? )?([\w+]+):")
    keys = {k for line in flow if (m := pattern.match(line)) for k in m.group(1).split("+")}
    actors_used = [(key, name) for key, name in used if key in keys]
    head += ["pelaksana:", *(f"  {key} = {name}" for key, name in actors_used), "", "alur:"]
    return "\n".join(head + flow) + "\n"


def next_revision(text: str, history: random.Random) -> str:
    """The SOP's next revision, as a unit would write it: a few steps changed and a new history entry."""
    lines = text.rstrip("\n").split("\n")
    number = 1 + sum(1 for line in lines if re.match(r"  - \d+; ", line))
    lines[lines.index(next(x for x in lines if x.startswith("no-revisi:")))] = f"no-revisi: {number}"
    lines[lines.index(next(x for x in lines if x.startswith("efektif:")))] = "efektif: 2026-12-01"
    end_of_history = max(i for i, line in enumerate(lines) if re.match(r"  - \d+; ", line))
    change = "Pemindaian berkas ke aplikasi\\; waktu penyiapan dipersingkat"
    lines.insert(end_of_history + 1, f"  - {number}; 2026-11-{history.randint(2, 20):02d}; {change}; {APPROVERS[1]}")
    legal = lines.index("dasar-hukum:") + 3
    lines.insert(legal, "  - Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik")
    steps = [i for i, line in enumerate(lines) if re.match(r"  \[langkah\d+\] ", line)]
    first = steps[0]
    lines[first] = lines[first] + " melalui aplikasi"  # reworded
    lines[first + 2] = "    waktu: 1 jam"  # a shorter time
    staff = re.match(r"  mulai (\w+):", next(x for x in lines if x.startswith("  mulai "))).group(1)
    sign = next(i for i, line in enumerate(lines) if re.match(r"  \w+: Menandatangani ", line))
    lines[sign:sign] = [
        f"  {staff}: Memindai berkas ke aplikasi persuratan",
        "    kelengkapan: Berkas yang telah diproses",
        "    waktu: 15 menit",
        "    output: Berkas elektronik",
    ]
    return "\n".join(lines) + "\n"


CONFIG = f'''style = "kemendikbud"

[book]
title = "Standar Operasional Prosedur Administrasi Pemerintahan"
agency = "{AGENCY}"
unit = "{UNIT}"
address = "Kompleks Kemendikdasmen Gedung E Lantai 15, Jalan Jenderal Sudirman, Senayan, Jakarta 10270"
decree = "keputusan.txt"
scope = """Dokumen ini memuat Standar Operasional Prosedur Administrasi Pemerintahan (SOP AP) di lingkungan \\
Direktorat Sekolah Menengah Pertama: Subbagian Tata Usaha, Bidang Tata Kelola, Bidang Sarana dan Prasarana, \\
Bidang Peserta Didik dan Bidang Penilaian. Setiap SOP berlaku bagi seluruh pegawai yang melaksanakannya."""
summary = """Setiap SOP terdiri atas lembar identitas dan bagan alir dalam bentuk tabel. Lembar identitas memuat \\
nomor, tanggal pembuatan, revisi dan efektif, pengesahan, dasar hukum, kualifikasi pelaksana, keterkaitan, \\
peralatan, peringatan serta pencatatan. Bagan alir memuat kegiatan, pelaksana dan mutu baku setiap langkah. \\
SOP ditinjau ulang sekurang-kurangnya sekali setahun."""

[book.definitions]
SOP = "Standar Operasional Prosedur, serangkaian instruksi tertulis yang dibakukan mengenai proses penyelenggaraan administrasi pemerintahan."
"SOP AP" = "SOP Administrasi Pemerintahan, yaitu SOP kegiatan yang dilakukan oleh aparatur dalam menjalankan tugas dan fungsinya."
Pelaksana = "Jabatan yang melaksanakan suatu kegiatan dalam SOP."
"Mutu Baku" = "Ukuran kelengkapan, waktu dan keluaran (output) setiap kegiatan."
Keterkaitan = "SOP lain yang berhubungan dengan SOP ini."
'''

DECREE = """KEPUTUSAN DIREKTUR SEKOLAH MENENGAH PERTAMA
NOMOR 0012/C5/HK.01.00/2026
TENTANG
STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN DI LINGKUNGAN DIREKTORAT SEKOLAH MENENGAH PERTAMA

DIREKTUR SEKOLAH MENENGAH PERTAMA,

Menimbang: bahwa untuk meningkatkan kualitas penyelenggaraan administrasi pemerintahan yang efektif, efisien dan akuntabel, perlu menetapkan Standar Operasional Prosedur Administrasi Pemerintahan di lingkungan Direktorat Sekolah Menengah Pertama;

Mengingat: 1. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan;
2. Peraturan Menteri tentang Organisasi dan Tata Kerja Kementerian;

MEMUTUSKAN:

Menetapkan: KEPUTUSAN DIREKTUR SEKOLAH MENENGAH PERTAMA TENTANG STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN DI LINGKUNGAN DIREKTORAT SEKOLAH MENENGAH PERTAMA.

KESATU: Menetapkan Standar Operasional Prosedur Administrasi Pemerintahan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.

KEDUA: Standar Operasional Prosedur sebagaimana dimaksud dalam Diktum KESATU menjadi pedoman bagi seluruh pegawai dan ditinjau ulang sekurang-kurangnya sekali dalam setahun.

KETIGA: Keputusan ini mulai berlaku pada tanggal ditetapkan.

Ditetapkan di Jakarta
pada tanggal 2 Januari 2026
DIREKTUR SEKOLAH MENENGAH PERTAMA,


Dr. Hendra Wijaya, M.Pd.
NIP 197305122000031002
"""


def main() -> None:
    rng = random.Random(SEED)
    if BOOK.exists():
        shutil.rmtree(BOOK)
    BOOK.mkdir(parents=True)
    (BOOK / "flowgen.toml").write_text(CONFIG, encoding="utf-8")
    (BOOK / "keputusan.txt").write_text(DECREE, encoding="utf-8")
    total = 0
    for order, (folder, name, code, titles, actors) in enumerate(UNITS, start=1):
        target = BOOK / folder
        target.mkdir()
        (target / "unit.toml").write_text(f'name = "{name}"\norder = {order}\n', encoding="utf-8")
        for index, title in enumerate(titles, start=1):
            year = 2025 if rng.random() < 0.06 else 2026
            history = random.Random(f"{SEED} riwayat {folder} {index}")  # its own stream: the SOP is unchanged
            revised_next = (folder, index) in NEXT_REVISION
            has_history = revised_next or history.random() < HISTORY_SHARE
            text = sop_text(rng, code, index, title, name, actors, titles, year, history if has_history else None)
            path = target / f"{index:03d}-{slug(title)}.pos"
            path.write_text(text, encoding="utf-8")
            if revised_next:
                REVISED.mkdir(exist_ok=True)
                (REVISED / f"{path.stem}-2.pos").write_text(next_revision(text, history), encoding="utf-8")
            total += 1
    print(f"wrote {total} procedures in {len(UNITS)} units under {BOOK.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
