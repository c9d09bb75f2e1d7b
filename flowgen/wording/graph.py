"""The words for names, the graph rules and running flowgen."""

from __future__ import annotations

from flowgen.wording import Message as M

MESSAGES: dict[str, M] = {
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
        "write dates as 2021-01-04, 4 Januari 2021 or Juni 2020; '-' or nothing leaves the box empty",
        "tulis tanggal sebagai 2021-01-04, 4 Januari 2021 atau Juni 2020; '-' atau kosong membiarkan kotaknya kosong",
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
    "ambiguous-step-number": M(
        "more than one step is numbered {number}",
        "lebih dari satu langkah bernomor {number}",
        "the steps numbered {number} are on lines {lines}; give the one you mean a label, for example [periksa], and point at it",
        "langkah bernomor {number} ada di baris {lines}; beri yang dimaksud label, misalnya [periksa], lalu tuju label itu",
    ),
    "same-as-above-first": M(
        "'{key}' (same as above) on the first step: there is no step above it",
        "'{key}' (sama dengan atas) pada langkah pertama: tidak ada langkah di atasnya",
        "write the actor's key, for example 'pu:'",
        "tulis kode pelaksananya, misalnya 'pu:'",
    ),
    "step-number-repeated": M(
        "step number {number} is printed again, in row {row} of the table (first in row {first})",
        "nomor langkah {number} tercetak lagi, pada baris {row} tabel (pertama pada baris {first})",
        "kept as written, as the signed sheet has it; an arrow '-> {number}' would not know which one to take",
        "dibiarkan seperti tertulis, sesuai lembar yang ditandatangani; panah '-> {number}' tidak tahu yang mana",
    ),
    "step-number-gap": M(
        "step number {number} follows {before}: {missing} is skipped",
        "nomor langkah {number} menyusul {before}: {missing} terlewati",
        "kept as written, as the signed sheet has it; check that no step is missing",
        "dibiarkan seperti tertulis, sesuai lembar yang ditandatangani; periksa bahwa tidak ada langkah yang hilang",
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
    "logo-missing": M(
        "style sheet '{sheet}' has a logo slot but no logo of the unit ('{file}' is missing or a placeholder): "
        "the slot is left empty",
        "lembar gaya '{sheet}' memiliki tempat logo tetapi tidak ada logo unit ('{file}' tidak ada atau hanya "
        "contoh): tempatnya dibiarkan kosong",
        "put the unit's logo file beside your sheet and point logo {{ src: url(...) }} at it",
        "letakkan berkas logo unit di samping lembar gaya Anda dan arahkan logo {{ src: url(...) }} ke berkas itu",
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
        "write it as '5 menit', '1,5 jam', '2 hari', '3 hari kerja', '30 menit - 2 jam' or 'Segera'; "
        "as it is, the total leaves this step out and says so",
        "tulis sebagai '5 menit', '1,5 jam', '2 hari', '3 hari kerja', '30 menit - 2 jam' atau 'Segera'; "
        "jika dibiarkan, jumlah waktu tidak menghitung langkah ini dan menyebutkannya",
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
    "missing-package": M(
        "flowgen needs the Python package '{package}', which is not installed for {python}",
        "flowgen memerlukan paket Python '{package}', yang belum terpasang untuk {python}",
        "install it with: {python} -m pip install {package} (or run sh scripts/install.sh and use .venv/bin/flowgen)",
        "pasang dengan: {python} -m pip install {package} (atau jalankan sh scripts/install.sh dan pakai .venv/bin/flowgen)",
    ),
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
    "graphviz-bad-output": M(
        "Graphviz wrote a layout flowgen cannot use: {reason}",
        "Graphviz menulis tata letak yang tidak dapat dipakai flowgen: {reason}",
        "check the Graphviz installation: 'dot -V' should print its version (sudo apt-get install graphviz)",
        "periksa pemasangan Graphviz: 'dot -V' seharusnya mencetak versinya (sudo apt-get install graphviz)",
    ),
    "graphviz-bad-timeout": M(
        "FLOWGEN_GRAPHVIZ_TIMEOUT={value} is not a number of seconds",
        "FLOWGEN_GRAPHVIZ_TIMEOUT={value} bukan jumlah detik",
        "set it to a number of seconds above 0 and at most {most}, such as 60, or leave it unset",
        "isi dengan jumlah detik di atas 0 dan paling banyak {most}, misalnya 60, atau jangan diisi",
    ),
    "unknown-format": M(
        "unknown output format '{name}'",
        "format keluaran '{name}' tidak dikenal",
        "{did_you_mean}formats are {known}",
        "{did_you_mean}format yang ada: {known}",
    ),
}
