"""Every message flowgen prints about a user's input, in English and Indonesian.

Diagnostics carry a code and arguments; the words live here, in one table,
so they can be reviewed together, tested exactly, and read by the people who
write procedures in their own language (``flowgen --lang id``).  Messages say
what is wrong in the writer's terms; hints say how to fix it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("en", "id")


@dataclass(frozen=True)
class Message:
    en: str
    id: str
    hint_en: str = ""
    hint_id: str = ""


M = Message

CATALOG: dict[str, Message] = {
    # -- reading the file ------------------------------------------------------
    "not-utf8": M(
        "the file is not UTF-8 text (byte 0x{byte} cannot be read)",
        "berkas bukan teks UTF-8 (bita 0x{byte} tidak dapat dibaca)",
        "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
        "simpan berkas sebagai UTF-8 (di Notepad: Save As, Encoding: UTF-8)",
    ),
    "read-failed": M(
        "cannot read the file: {reason}",
        "berkas tidak dapat dibaca: {reason}",
        "check the file name and that you may read it",
        "periksa nama berkas dan hak akses Anda",
    ),
    "empty-file": M(
        "the file is empty",
        "berkas kosong",
        "start with 'judul: ...', then 'pelaksana:' and 'alur:' (see docs/language.md)",
        "mulailah dengan 'judul: ...', lalu 'pelaksana:' dan 'alur:' (lihat docs/language.md)",
    ),
    # -- layout of lines -------------------------------------------------------
    "tab-indent": M(
        "a tab is used for indentation",
        "tab dipakai untuk indentasi",
        "indent with spaces only: 2 spaces before a step, 4 before its details",
        "gunakan spasi saja: 2 spasi sebelum langkah, 4 sebelum rinciannya",
    ),
    "expected-key": M(
        "expected 'key: value' here",
        "di sini seharusnya 'kunci: nilai'",
        "lines at the left margin are identity keys such as 'judul: ...'; indent the lines that belong to a block",
        "baris di tepi kiri adalah kunci identitas seperti 'judul: ...'; baris milik suatu blok diberi indentasi",
    ),
    "unknown-key": M(
        "unknown key '{key}'",
        "kunci '{key}' tidak dikenal",
        "{did_you_mean}known keys: {known}",
        "{did_you_mean}kunci yang dikenal: {known}",
    ),
    "duplicate-key": M(
        "'{key}' is given twice",
        "'{key}' ditulis dua kali",
        "the first is on line {first}; keep one of them",
        "yang pertama ada di baris {first}; pertahankan salah satunya",
    ),
    "section-inline": M(
        "'{key}:' takes no value on its own line",
        "'{key}:' tidak diberi nilai pada barisnya sendiri",
        "write its entries on the indented lines below it",
        "tulis isinya pada baris-baris berindentasi di bawahnya",
    ),
    "empty-value": M(
        "'{key}' has no value",
        "'{key}' tidak diberi nilai",
        "write the value after the colon, or remove the line",
        "tulis nilainya setelah titik dua, atau hapus baris ini",
    ),
    "empty-list": M(
        "'{key}' has no items",
        "'{key}' tidak berisi butir",
        "write one value after the colon, or '- item' lines indented below it",
        "tulis satu nilai setelah titik dua, atau baris '- butir' berindentasi di bawahnya",
    ),
    "unexpected-indent": M(
        "this indented line belongs to no block",
        "baris berindentasi ini bukan milik blok mana pun",
        "remove the indentation, or put it under 'pelaksana:', 'alur:' or a list key",
        "hapus indentasinya, atau letakkan di bawah 'pelaksana:', 'alur:' atau kunci daftar",
    ),
    "value-continues": M(
        "'{key}' takes a single value on its own line",
        "'{key}' hanya berisi satu nilai pada barisnya",
        "join this line to the value above, or remove its indentation",
        "gabungkan baris ini dengan nilai di atasnya, atau hapus indentasinya",
    ),
    "expected-item": M(
        "expected a list item '- ...'",
        "seharusnya butir daftar '- ...'",
        "start each item of the list with '- '",
        "awali setiap butir daftar dengan '- '",
    ),
    "empty-item": M(
        "the list item is empty",
        "butir daftar kosong",
        "write the item after '- ', or remove the line",
        "tulis butirnya setelah '- ', atau hapus baris ini",
    ),
    "step-not-indented": M(
        "this step is not indented",
        "langkah ini tidak diberi indentasi",
        "steps belong under 'alur:', indented by 2 spaces",
        "langkah ditulis di bawah 'alur:', dengan indentasi 2 spasi",
    ),
    "step-too-deep": M(
        "this step is indented more than the steps above",
        "indentasi langkah ini lebih dalam daripada langkah di atasnya",
        "start every step at column {column}",
        "mulai setiap langkah pada kolom {column}",
    ),
    "section-indented": M(
        "'{key}:' is indented",
        "'{key}:' diberi indentasi",
        "write '{key}:' at the left margin, and the lines that belong to it indented below it",
        "tulis '{key}:' di tepi kiri, dan baris-baris miliknya berindentasi di bawahnya",
    ),
    "branch-not-indented": M(
        "the branch '{label}' is not indented under its decision",
        "cabang '{label}' tidak diberi indentasi di bawah keputusannya",
        "indent it deeper than the decision: '{example}'",
        "beri indentasi lebih dalam daripada keputusannya: '{example}'",
    ),
    "attribute-not-indented": M(
        "the detail '{key}' is not indented under its step",
        "rincian '{key}' tidak diberi indentasi di bawah langkahnya",
        "indent it deeper than the step: '{example}'",
        "beri indentasi lebih dalam daripada langkahnya: '{example}'",
    ),
    # -- actors ----------------------------------------------------------------
    "expected-actor": M(
        "expected an actor as 'key = Name'",
        "seharusnya pelaksana ditulis 'kode = Nama'",
        "for example: pu = Pengadministrasi Umum",
        "contoh: pu = Pengadministrasi Umum",
    ),
    "bad-actor-key": M(
        "'{key}' cannot be an actor key",
        "'{key}' tidak dapat menjadi kode pelaksana",
        "a key starts with a letter and has only letters, digits, '-' and '_', for example 'ktu'",
        "kode diawali huruf dan hanya berisi huruf, angka, '-' dan '_', misalnya 'ktu'",
    ),
    "empty-actor-name": M(
        "actor '{key}' has no name",
        "pelaksana '{key}' tidak diberi nama",
        "write the name as printed after '=', for example: {key} = Kepala Subbagian Tata Usaha",
        "tulis nama jabatannya setelah '=', misalnya: {key} = Kepala Subbagian Tata Usaha",
    ),
    "duplicate-actor": M(
        "actor '{key}' is declared twice",
        "pelaksana '{key}' dideklarasikan dua kali",
        "the first is on line {first}; give each actor its own key",
        "yang pertama ada di baris {first}; beri setiap pelaksana kode tersendiri",
    ),
    "missing-actors": M(
        "there is no 'pelaksana:' block",
        "tidak ada blok 'pelaksana:'",
        "declare the actors, one a line: 'pelaksana:' then '  pu = Pengadministrasi Umum'",
        "deklarasikan pelaksana, satu per baris: 'pelaksana:' lalu '  pu = Pengadministrasi Umum'",
    ),
    "unknown-actor": M(
        "unknown actor '{key}'",
        "pelaksana '{key}' tidak dikenal",
        "declared actors are {declared}{did_you_mean_end}",
        "pelaksana yang dideklarasikan: {declared}{did_you_mean_end}",
    ),
    "repeated-actor": M(
        "actor '{key}' is named twice in this step",
        "pelaksana '{key}' disebut dua kali dalam langkah ini",
        "name each actor of a joint step once, for example 'pu+ktu'",
        "sebut setiap pelaksana langkah bersama sekali saja, misalnya 'pu+ktu'",
    ),
    # -- steps -----------------------------------------------------------------
    "missing-flow": M(
        "there is no 'alur:' block",
        "tidak ada blok 'alur:'",
        "write the steps under 'alur:', one a line, for example '  pu: Menerima surat'",
        "tulis langkah di bawah 'alur:', satu per baris, misalnya '  pu: Menerima surat'",
    ),
    "attribute-without-step": M(
        "this line belongs to no step",
        "baris ini bukan milik langkah mana pun",
        "write the step first ('pu: Menerima surat'), then its details indented below it",
        "tulis langkahnya dulu ('pu: Menerima surat'), lalu rinciannya berindentasi di bawahnya",
    ),
    "inconsistent-indent": M(
        "this step is less indented than the steps above",
        "indentasi langkah ini lebih kecil daripada langkah di atasnya",
        "start every step at column {column}",
        "mulai setiap langkah pada kolom {column}",
    ),
    "unclosed-label": M(
        "the label '[' is not closed",
        "label '[' tidak ditutup",
        "write the label as [name] before the step",
        "tulis label sebagai [nama] sebelum langkah",
    ),
    "bad-label": M(
        "'{label}' cannot be a label",
        "'{label}' tidak dapat menjadi label",
        "a label has letters, digits, '-' and '_' and is not only digits, for example [periksa]",
        "label berisi huruf, angka, '-' dan '_' dan tidak hanya angka, misalnya [periksa]",
    ),
    "expected-colon": M(
        "expected 'actor: text'",
        "seharusnya 'pelaksana: kegiatan'",
        "write the actor, a colon and what the actor does, for example 'pu: Menerima surat'",
        "tulis pelaksana, titik dua dan kegiatannya, misalnya 'pu: Menerima surat'",
    ),
    "keyword-without-actor": M(
        "'{keyword}' needs an actor",
        "'{keyword}' perlu pelaksana",
        "write the actor after it: '{example}'",
        "tulis pelaksananya sesudah kata itu: '{example}'",
    ),
    "missing-actor": M(
        "the step names no actor",
        "langkah tidak menyebut pelaksana",
        "write the actor's key before the colon, for example 'pu: Menerima surat'",
        "tulis kode pelaksana sebelum titik dua, misalnya 'pu: Menerima surat'",
    ),
    "actors-with-spaces": M(
        "'{key}' is not one actor key",
        "'{key}' bukan satu kode pelaksana",
        "join the actors of a joint step with '+', for example 'pu+ktu'",
        "gabungkan pelaksana langkah bersama dengan '+', misalnya 'pu+ktu'",
    ),
    "bad-actor-ref": M(
        "'{key}' is not an actor key",
        "'{key}' bukan kode pelaksana",
        "write a key declared under 'pelaksana:', for example 'pu: Menerima surat'",
        "tulis kode yang dideklarasikan di bawah 'pelaksana:', misalnya 'pu: Menerima surat'",
    ),
    "missing-text": M(
        "the step has no text",
        "langkah tidak berisi kegiatan",
        "write what happens after the colon",
        "tulis kegiatannya setelah titik dua",
    ),
    "decision-arrow": M(
        "a decision leads on through its branches, not with '->' on its line",
        "keputusan dilanjutkan melalui cabangnya, bukan dengan '->' pada barisnya",
        "write each branch on its own indented line, for example '    ya -> catat'",
        "tulis setiap cabang pada baris berindentasi, misalnya '    ya -> catat'",
    ),
    "end-arrow": M(
        "nothing leaves a 'selesai' step",
        "tidak ada panah yang keluar dari langkah 'selesai'",
        "remove '-> ...', or make this step an activity",
        "hapus '-> ...', atau jadikan langkah ini kegiatan biasa",
    ),
    "missing-target": M(
        "'->' is not followed by a target",
        "'->' tidak diikuti tujuan",
        "write a label or a step number after '->'; to print an arrow in the text, write '\\->'",
        "tulis label atau nomor langkah setelah '->'; untuk menulis panah dalam teks, tulis '\\->'",
    ),
    "bad-target": M(
        "'{target}' is not a label or a step number",
        "'{target}' bukan label atau nomor langkah",
        "separate several targets with commas: '-> a, b'; to print an arrow in the text, write '\\->'",
        "pisahkan beberapa tujuan dengan koma: '-> a, b'; untuk menulis panah dalam teks, tulis '\\->'",
    ),
    "duplicate-attribute": M(
        "'{key}' is given twice for this step",
        "'{key}' ditulis dua kali untuk langkah ini",
        "the first is on line {first}; keep one of them",
        "yang pertama ada di baris {first}; pertahankan salah satunya",
    ),
    "branch-not-decision": M(
        "only a decision has branches",
        "hanya keputusan yang memiliki cabang",
        "make the step a decision with '? actor: question', or write '-> target' at the end of the step line",
        "jadikan langkah keputusan dengan '? pelaksana: pertanyaan', atau tulis '-> tujuan' di akhir baris langkah",
    ),
    "branch-without-label": M(
        "the branch has no label",
        "cabang tidak diberi label",
        "write the answer before '->', for example 'ya -> catat'",
        "tulis jawabannya sebelum '->', misalnya 'ya -> catat'",
    ),
    "unknown-attribute": M(
        "unknown detail '{key}'",
        "rincian '{key}' tidak dikenal",
        "{did_you_mean}a step's details are {known} and {last}",
        "{did_you_mean}rincian langkah: {known} dan {last}",
    ),
    "unexpected-under-step": M(
        "this line is not a detail of the step",
        "baris ini bukan rincian langkah",
        "write details as 'waktu: 5 menit'; steps go at the same indentation as the other steps",
        "tulis rincian sebagai 'waktu: 5 menit'; langkah ditulis sejajar dengan langkah lainnya",
    ),
    "branch-falls-off": M(
        "branch '{label}' has no target and there is no next step",
        "cabang '{label}' tidak bertujuan dan tidak ada langkah berikutnya",
        "write '{label} -> target'",
        "tulis '{label} -> tujuan'",
    ),
    # -- names -----------------------------------------------------------------
    "missing-title": M(
        "the procedure has no 'judul'",
        "prosedur tidak memiliki 'judul'",
        "add a line 'judul: Nama Prosedur' at the top",
        "tambahkan baris 'judul: Nama Prosedur' di bagian atas",
    ),
    "bad-date": M(
        "'{text}' is not a date",
        "'{text}' bukan tanggal",
        "write dates as 2021-01-04 or 4 Januari 2021",
        "tulis tanggal sebagai 2021-01-04 atau 4 Januari 2021",
    ),
    "bad-month": M(
        "unknown month '{month}'",
        "bulan '{month}' tidak dikenal",
        "{did_you_mean}months are Januari, Februari, Maret, April, Mei, Juni, Juli, Agustus, September, Oktober, November, Desember",
        "{did_you_mean}nama bulan: Januari, Februari, Maret, April, Mei, Juni, Juli, Agustus, September, Oktober, November, Desember",
    ),
    "impossible-date": M(
        "'{text}' is not a day of the calendar",
        "'{text}' bukan tanggal yang ada di kalender",
        "check the day and the month",
        "periksa tanggal dan bulannya",
    ),
    "duplicate-label": M(
        "label '{label}' is used twice",
        "label '{label}' dipakai dua kali",
        "the first is on line {first}; give each step its own label",
        "yang pertama ada di baris {first}; beri setiap langkah label tersendiri",
    ),
    "unknown-label": M(
        "unknown label '{label}'",
        "label '{label}' tidak dikenal",
        "{did_you_mean}labels are written as [name] before a step; defined labels: {known}",
        "{did_you_mean}label ditulis sebagai [nama] sebelum langkah; label yang ada: {known}",
    ),
    "no-such-step": M(
        "there is no step {number}",
        "tidak ada langkah {number}",
        "steps are numbered 1 to {count}",
        "langkah bernomor 1 sampai {count}",
    ),
    # -- graph -----------------------------------------------------------------
    "no-steps": M(
        "the flow has no steps",
        "alur tidak berisi langkah",
        "write the steps under 'alur:', one a line",
        "tulis langkah di bawah 'alur:', satu per baris",
    ),
    "no-start": M(
        "the procedure has no start",
        "prosedur tidak memiliki langkah mulai",
        "begin the first step with 'mulai', for example 'mulai pu: Menerima surat'",
        "awali langkah pertama dengan 'mulai', misalnya 'mulai pu: Menerima surat'",
    ),
    "no-end": M(
        "the procedure has no end",
        "prosedur tidak memiliki langkah selesai",
        "begin the last step with 'selesai', for example 'selesai pu: Surat diarsipkan'",
        "awali langkah terakhir dengan 'selesai', misalnya 'selesai pu: Surat diarsipkan'",
    ),
    "decision-no-branches": M(
        "decision {step} has no branches; it needs two",
        "keputusan {step} tidak memiliki cabang; seharusnya dua",
        "write the branches on indented lines, for example 'ya -> catat' and 'tidak -> kembalikan'",
        "tulis cabangnya pada baris berindentasi, misalnya 'ya -> catat' dan 'tidak -> kembalikan'",
    ),
    "decision-branches": M(
        "decision {step} has only one branch; it needs two",
        "keputusan {step} hanya memiliki satu cabang; seharusnya dua",
        "write the branches on indented lines, for example 'ya -> catat' and 'tidak -> kembalikan'",
        "tulis cabangnya pada baris berindentasi, misalnya 'ya -> catat' dan 'tidak -> kembalikan'",
    ),
    "after-end": M(
        "nothing leads to step {step}: step {before} before it is 'selesai'",
        "tidak ada yang menuju langkah {step}: langkah {before} sebelumnya adalah 'selesai'",
        "give this step a label, for example [name], and point a branch or '-> name' at it",
        "beri langkah ini label, misalnya [nama], lalu arahkan cabang atau '-> nama' ke sana",
    ),
    "unreached": M(
        "nothing leads to step {step}",
        "tidak ada yang menuju langkah {step}",
        "the step before jumps elsewhere; point an arrow at this step, or make it a 'mulai'",
        "langkah sebelumnya melompat ke tempat lain; arahkan panah ke langkah ini, atau jadikan 'mulai'",
    ),
    "not-from-start": M(
        "steps {steps} cannot be reached from any start",
        "langkah {steps} tidak dapat dicapai dari langkah mulai mana pun",
        "they only lead to each other; point an arrow from the main flow at one of them",
        "langkah-langkah ini hanya saling menuju; arahkan panah dari alur utama ke salah satunya",
    ),
    "unused-actor": M(
        "actor '{key}' has no steps",
        "pelaksana '{key}' tidak memiliki langkah",
        "give the actor a step, or remove it from 'pelaksana:'",
        "beri pelaksana ini langkah, atau hapus dari 'pelaksana:'",
    ),
    "table-too-narrow": M(
        "the page of style sheet '{sheet}' ({page}) is too narrow for this table: the columns {columns} are "
        "narrower than their longest word or symbol, so their words are hyphenated",
        "halaman lembar gaya '{sheet}' ({page}) terlalu sempit untuk tabel ini: kolom {columns} lebih sempit "
        "daripada kata atau simbol terpanjangnya, sehingga katanya dipenggal",
        "use a landscape page (@page {{ size: A4 landscape; }}), fewer Mutu Baku columns, or narrower fixed columns",
        "gunakan halaman mendatar (@page {{ size: A4 landscape; }}), lebih sedikit kolom Mutu Baku, atau kolom tetap "
        "yang lebih sempit",
    ),
    "decision-same-target": M(
        "every branch of decision {step} leads to step {target}",
        "semua cabang keputusan {step} menuju langkah {target}",
        "a decision whose answers lead to the same place decides nothing; point the branches at different steps",
        "keputusan yang semua jawabannya menuju tempat yang sama tidak memutuskan apa-apa; arahkan cabangnya ke langkah berbeda",
    ),
    "decision-many-branches": M(
        "decision {step} has {count} branches; the standard draws two",
        "keputusan {step} memiliki {count} cabang; standar menggambar dua",
        "split it into several yes/no decisions",
        "pecah menjadi beberapa keputusan ya/tidak",
    ),
    "time-unparsed": M(
        "waktu '{written}' of step {step} is not a duration flowgen can add up",
        "waktu '{written}' pada langkah {step} bukan durasi yang dapat dijumlahkan",
        "write it as '5 menit', '1,5 jam', '2 hari', '3 hari kerja' or '30 menit - 2 jam'",
        "tulis sebagai '5 menit', '1,5 jam', '2 hari', '3 hari kerja' atau '30 menit - 2 jam'",
    ),
    "closed-loop": M(
        "steps {steps} form a loop with no way out",
        "langkah {steps} membentuk putaran tanpa jalan keluar",
        "give one of them an arrow or a branch that leads on to the end",
        "beri salah satunya panah atau cabang yang menuju akhir",
    ),
    "self-loop": M(
        "step {step} leads back to itself with no way out",
        "langkah {step} kembali ke dirinya sendiri tanpa jalan keluar",
        "give it an arrow that leads on to the end",
        "beri langkah ini panah yang menuju akhir",
    ),
    "dead-end": M(
        "step {step} cannot reach an end: no arrow leaves it",
        "langkah {step} tidak dapat mencapai akhir: tidak ada panah yang keluar",
        "make it 'selesai', or add '-> target'",
        "jadikan 'selesai', atau tambahkan '-> tujuan'",
    ),
    "into-start": M(
        "step {step} runs on into start step {start}",
        "langkah {step} berlanjut ke langkah mulai {start}",
        "end step {step} with '-> target' (or make it 'selesai') so that nothing flows into a start",
        "akhiri langkah {step} dengan '-> tujuan' (atau jadikan 'selesai') agar tidak ada yang mengalir ke langkah mulai",
    ),
    # -- running ---------------------------------------------------------------
    "internal-error": M(
        "flowgen failed inside ({detail})",
        "flowgen gagal di dalam ({detail})",
        "this is a bug in flowgen, not in your file; please report it with the file that caused it",
        "ini kesalahan flowgen, bukan berkas Anda; mohon laporkan beserta berkas penyebabnya",
    ),
    "output-failed": M(
        "cannot write the output: {reason}",
        "keluaran tidak dapat ditulis: {reason}",
        "check that the folder exists and that you may write in it",
        "periksa bahwa folder ada dan Anda boleh menulis di sana",
    ),
    "pdf-font": M(
        "the font {family} cannot be embedded in a PDF ({reason})",
        "fon {family} tidak dapat disematkan dalam PDF ({reason})",
        "choose a TrueType font (.ttf) in the style sheet, such as Arial or Liberation Serif",
        "pilih fon TrueType (.ttf) di lembar gaya, misalnya Arial atau Liberation Serif",
    ),
    "graphviz-missing": M(
        "the Graphviz program 'dot' is not installed",
        "program Graphviz 'dot' belum terpasang",
        "install it: sudo apt-get install graphviz (or run sh scripts/install.sh)",
        "pasang dengan: sudo apt-get install graphviz (atau jalankan sh scripts/install.sh)",
    ),
    "graphviz-failed": M(
        "Graphviz failed to lay out the flowchart: {reason}",
        "Graphviz gagal menata diagram alir: {reason}",
        "this is probably a bug in flowgen; please report it with the .pos file",
        "kemungkinan ini kesalahan flowgen; mohon laporkan beserta berkas .pos",
    ),
    "graphviz-timeout": M(
        "Graphviz took longer than {seconds} seconds",
        "Graphviz memerlukan waktu lebih dari {seconds} detik",
        "split the procedure into smaller ones, or set FLOWGEN_GRAPHVIZ_TIMEOUT to a larger number of seconds",
        "pecah prosedur menjadi beberapa yang lebih kecil, atau atur FLOWGEN_GRAPHVIZ_TIMEOUT lebih besar",
    ),
    "unknown-format": M(
        "unknown output format '{name}'",
        "format keluaran '{name}' tidak dikenal",
        "{did_you_mean}formats are {known}",
        "{did_you_mean}format yang ada: {known}",
    ),
}

_WORDS = {
    "en": {"error": "error", "warning": "warning", "hint": "hint", "mean": "did you mean '{0}'?"},
    "id": {"error": "galat", "warning": "peringatan", "hint": "saran", "mean": "maksud Anda '{0}'?"},
}


def register(entries: Mapping[str, Message]) -> None:
    """Add the messages of another stage (styles, layout) to the catalog."""
    for code, message in entries.items():
        if code in CATALOG:
            raise ValueError(f"message code {code!r} defined twice")
        CATALOG[code] = message


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def _fill(template: str, args: Mapping[str, Any], lang: str) -> str:
    values = {k: ("-" if v is None else v) for k, v in args.items()}
    suggestion = args.get("suggestion")
    mean = _WORDS[lang]["mean"].format(suggestion) if suggestion else ""
    values["did_you_mean"] = f"{mean} " if mean else ""
    values["did_you_mean_end"] = f" — {mean}" if mean else ""
    return template.format(**values)


def render(code: str, args: Mapping[str, Any], lang: str = "en") -> str:
    lang = _lang(lang)
    message = CATALOG.get(code)
    if message is None:
        return code
    return _fill(message.en if lang == "en" else message.id, args, lang)


def render_hint(code: str, args: Mapping[str, Any], lang: str = "en") -> str | None:
    lang = _lang(lang)
    message = CATALOG.get(code)
    if message is None:
        return None
    template = message.hint_en if lang == "en" else message.hint_id
    return _fill(template, args, lang) if template else None


def severity_word(severity: str, lang: str = "en") -> str:
    return _WORDS[_lang(lang)][severity]


def hint_word(lang: str = "en") -> str:
    return _WORDS[_lang(lang)]["hint"]
