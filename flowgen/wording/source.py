"""The words for reading a .pos file: the file, its lines, the actors and the steps."""

from __future__ import annotations

from flowgen.wording import Message as M

MESSAGES: dict[str, M] = {
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
    "unicode-indent": M(
        "line {line} is indented with {char}, read as a space",
        "baris {line} diberi indentasi dengan {char}, dibaca sebagai spasi",
        "text pasted from Word or a PDF brings such spaces; retype the indentation with the space bar to be sure",
        "teks yang disalin dari Word atau PDF membawa spasi seperti ini; ketik ulang indentasinya dengan tombol spasi agar pasti",
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
}
