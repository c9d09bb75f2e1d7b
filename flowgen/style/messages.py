"""Messages about style sheets, in English and Indonesian (registered into the one catalog)."""

from __future__ import annotations

from flowgen.messages import Message as M
from flowgen.messages import register

register(
    {
        "style-syntax": M(
            "this is not valid CSS: {reason}",
            "ini bukan CSS yang sah: {reason}",
            "check the braces, colons and semicolons around here",
            "periksa kurung kurawal, titik dua dan titik koma di sekitar sini",
        ),
        "style-unknown-selector": M(
            "unknown selector '{selector}'",
            "selektor '{selector}' tidak dikenal",
            "{did_you_mean}selectors are {known} (see docs/styles.md)",
            "{did_you_mean}selektor yang ada: {known} (lihat docs/styles.md)",
        ),
        "style-unknown-class": M(
            "'{element}' has no class '{cls}'",
            "'{element}' tidak memiliki kelas '{cls}'",
            "{did_you_mean}classes of {element}: {known}",
            "{did_you_mean}kelas {element}: {known}",
        ),
        "style-bad-selector": M(
            "'{selector}' is not a selector flowgen understands",
            "'{selector}' bukan selektor yang dipahami flowgen",
            "write an element, optionally with classes: step.decision, lane:nth-child(odd), :root",
            "tulis elemen, boleh dengan kelas: step.decision, lane:nth-child(odd), :root",
        ),
        "style-combinator": M(
            "'{selector}' combines selectors; flowgen styles each element directly",
            "'{selector}' menggabungkan selektor; flowgen menata setiap elemen secara langsung",
            "write one element per selector, for example 'lane-header' instead of 'lane header'",
            "tulis satu elemen per selektor, misalnya 'lane-header' dan bukan 'lane header'",
        ),
        "style-empty-selector": M(
            "a rule has an empty selector",
            "aturan memiliki selektor kosong",
            "remove the extra comma",
            "hapus koma yang berlebih",
        ),
        "style-bad-nth": M(
            "':nth-child({text})' is not understood",
            "':nth-child({text})' tidak dipahami",
            "write odd, even, a number such as 2, or a pattern such as 3n+1",
            "tulis odd, even, angka seperti 2, atau pola seperti 3n+1",
        ),
        "style-unknown-property": M(
            "unknown property '{prop}'",
            "properti '{prop}' tidak dikenal",
            "{did_you_mean}every property is listed in docs/styles.md",
            "{did_you_mean}semua properti tercantum di docs/styles.md",
        ),
        "style-property-not-here": M(
            "'{prop}' does not apply to '{selector}'",
            "'{prop}' tidak berlaku untuk '{selector}'",
            "'{prop}' applies to: {elements}",
            "'{prop}' berlaku untuk: {elements}",
        ),
        "style-bad-value": M(
            "bad value '{got}' for '{prop}'",
            "nilai '{got}' tidak sah untuk '{prop}'",
            "expected {expected}",
            "seharusnya {expected}",
        ),
        "style-undefined-var": M(
            "custom property '{name}' is not defined",
            "properti kustom '{name}' tidak didefinisikan",
            "{did_you_mean}define it, for example ':root {{ {name}: #1f4e79; }}', or give a fallback: var({name}, black)",
            "{did_you_mean}definisikan, misalnya ':root {{ {name}: #1f4e79; }}', atau beri cadangan: var({name}, black)",
        ),
        "style-bad-var": M(
            "var() must name a custom property such as --brand",
            "var() harus menyebut properti kustom seperti --brand",
            "write var(--name) or var(--name, fallback)",
            "tulis var(--nama) atau var(--nama, cadangan)",
        ),
        "style-missing-file": M(
            "file '{file}' not found",
            "berkas '{file}' tidak ditemukan",
            "files are looked up next to the sheet, in {folder}",
            "berkas dicari di sebelah lembar gaya, di {folder}",
        ),
        "style-outside-folder": M(
            "'{file}' is outside the sheet's folder",
            "'{file}' berada di luar folder lembar gaya",
            "a sheet may only use files in its own folder or below it (no absolute paths, '..' or web addresses)",
            "lembar gaya hanya boleh memakai berkas di foldernya sendiri atau di bawahnya (tanpa jalur absolut, '..' atau alamat web)",
        ),
        "style-bad-image": M(
            "'{file}' is not a PNG or JPEG image",
            "'{file}' bukan gambar PNG atau JPEG",
            "save the logo as .png or .jpg",
            "simpan logo sebagai .png atau .jpg",
        ),
        "style-unreadable-image": M(
            "cannot read the image '{file}': {reason}",
            "gambar '{file}' tidak dapat dibaca: {reason}",
            "open it in an image program and save it again as PNG",
            "buka di program gambar lalu simpan ulang sebagai PNG",
        ),
        "style-bad-font-file": M(
            "'{file}' is not a font file (.ttf or .otf)",
            "'{file}' bukan berkas fon (.ttf atau .otf)",
            "point src at a TrueType (.ttf) or OpenType (.otf) file next to the sheet",
            "arahkan src ke berkas TrueType (.ttf) atau OpenType (.otf) di sebelah lembar gaya",
        ),
        "style-font-face-incomplete": M(
            "@font-face needs font-family and src",
            "@font-face memerlukan font-family dan src",
            'for example: @font-face {{ font-family: "Kop"; src: url("kop.ttf"); }}',
            'contoh: @font-face {{ font-family: "Kop"; src: url("kop.ttf"); }}',
        ),
        "style-import-cycle": M(
            "import cycle: {chain}",
            "impor melingkar: {chain}",
            "remove one of these @import rules",
            "hapus salah satu aturan @import ini",
        ),
        "style-import-late": M(
            "@import must come before the other rules",
            "@import harus ditulis sebelum aturan lainnya",
            "move it to the top of the sheet",
            "pindahkan ke bagian atas lembar gaya",
        ),
        "style-bad-import": M(
            "@import needs a sheet name or a file",
            "@import memerlukan nama lembar gaya atau berkas",
            'write @import "default"; (a shipped sheet) or @import "base.css"; (a file next to this one)',
            'tulis @import "default"; (lembar bawaan) atau @import "base.css"; (berkas di sebelahnya)',
        ),
        "style-unknown-sheet": M(
            "there is no shipped style sheet '{name}'",
            "tidak ada lembar gaya bawaan '{name}'",
            "{did_you_mean}shipped sheets are {known}; a file name ends in .css",
            "{did_you_mean}lembar gaya bawaan: {known}; nama berkas diakhiri .css",
        ),
        "style-unknown-at-rule": M(
            "unknown at-rule '@{rule}'",
            "at-rule '@{rule}' tidak dikenal",
            "flowgen reads @import, @page and @font-face",
            "flowgen membaca @import, @page dan @font-face",
        ),
        "style-nested": M(
            "only declarations 'property: value;' may stand inside a rule",
            "di dalam aturan hanya boleh ada deklarasi 'properti: nilai;'",
            "close the rule with '}}' before starting another",
            "tutup aturan dengan '}}' sebelum memulai aturan lain",
        ),
        "style-unreadable": M(
            "cannot read the style sheet {file}: {reason}",
            "lembar gaya {file} tidak dapat dibaca: {reason}",
            "save it as UTF-8 text",
            "simpan sebagai teks UTF-8",
        ),
        "style-font-not-found": M(
            "none of the fonts {families} is installed",
            "tidak satu pun fon {families} terpasang",
            "install one (sh scripts/install.sh brings Liberation and URW fonts) or add a fallback such as sans-serif",
            "pasang salah satunya (sh scripts/install.sh memasang fon Liberation dan URW) atau tambahkan cadangan seperti sans-serif",
        ),
        "style-not-found": M(
            "style '{name}' is neither a shipped sheet nor a file",
            "gaya '{name}' bukan lembar bawaan maupun berkas",
            "{did_you_mean}shipped sheets are {known}; or give the path of a .css file",
            "{did_you_mean}lembar bawaan: {known}; atau tulis jalur berkas .css",
        ),
        "style-control-character": M(
            "the style sheet has the control character {char}, which cannot be printed",
            "lembar gaya memuat karakter kendali {char}, yang tidak dapat dicetak",
            "delete it: a style sheet is plain text",
            "hapuslah: lembar gaya adalah teks biasa",
        ),
        "style-too-large": M(
            "the style sheet {file} is larger than {limit}",
            "lembar gaya {file} lebih besar dari {limit}",
            "a style sheet is a few kilobytes; remove what is not style",
            "lembar gaya hanya beberapa kilobita; hapus yang bukan gaya",
        ),
        "style-too-many-imports": M(
            "@import goes too far: more than {depth} sheets deep or {count} sheets in all",
            "@import terlalu jauh: lebih dari {depth} lembar bertingkat atau {count} lembar seluruhnya",
            "import each sheet once, from the top sheet",
            "impor setiap lembar sekali saja, dari lembar teratas",
        ),
        "style-not-css": M(
            "'{file}' is not a .css file",
            "'{file}' bukan berkas .css",
            "@import reads style sheets only: a shipped name or a file ending in .css",
            "@import hanya membaca lembar gaya: nama bawaan atau berkas berakhiran .css",
        ),
        "style-var-cycle": M(
            "custom property '{name}' refers to itself: {chain}",
            "properti kustom '{name}' merujuk dirinya sendiri: {chain}",
            "break the cycle: one of these must have a plain value",
            "putuskan lingkarannya: salah satunya harus bernilai biasa",
        ),
        "style-var-too-long": M(
            "var() expands to more than {limit} tokens",
            "var() mengembang menjadi lebih dari {limit} token",
            "a custom property holds one value; do not repeat var() inside var()",
            "properti kustom berisi satu nilai; jangan mengulang var() di dalam var()",
        ),
        "style-unusable-font": M(
            "cannot use the font file '{file}': {reason}",
            "berkas fon '{file}' tidak dapat dipakai: {reason}",
            "point src at a TrueType (.ttf) file, at most {limit}",
            "arahkan src ke berkas TrueType (.ttf), paling besar {limit}",
        ),
        "style-refused": M(
            "refused to read '{file}' named by {origin}: a style sheet must be a .css file inside {roots}",
            "menolak membaca '{file}' yang disebut {origin}: lembar gaya harus berkas .css di dalam {roots}",
            "put the sheet in the procedure's folder, or allow its folder with --allow DIR",
            "letakkan lembar gaya di folder prosedur, atau izinkan foldernya dengan --allow DIR",
        ),
        "config-refused": M(
            "refused to read {file}: it leads outside {folder}",
            "menolak membaca {file}: berkas ini mengarah ke luar {folder}",
            "make flowgen.toml a plain file, not a link to somewhere else",
            "jadikan flowgen.toml berkas biasa, bukan tautan ke tempat lain",
        ),
        "config-unreadable": M(
            "cannot read {file}: {reason}",
            "{file} tidak dapat dibaca: {reason}",
            'flowgen.toml is a short UTF-8 text such as: style = "kemendikbud" (at most {limit})',
            'flowgen.toml adalah teks UTF-8 pendek seperti: style = "kemendikbud" (paling besar {limit})',
        ),
        "config-control-character": M(
            "the setting {key} has the control character {char}, which cannot be printed",
            "pengaturan {key} memuat karakter kendali {char}, yang tidak dapat dicetak",
            "delete it: settings are plain text",
            "hapuslah: pengaturan adalah teks biasa",
        ),
        "config-syntax": M(
            "flowgen.toml is not valid TOML: {reason}",
            "flowgen.toml bukan TOML yang sah: {reason}",
            'write settings as key = "value", for example: style = "kemendikbud"',
            'tulis pengaturan sebagai kunci = "nilai", misalnya: style = "kemendikbud"',
        ),
        "config-unknown-key": M(
            "unknown setting '{key}' in flowgen.toml",
            "pengaturan '{key}' tidak dikenal di flowgen.toml",
            "{did_you_mean}flowgen.toml knows: {known}",
            "{did_you_mean}flowgen.toml mengenal: {known}",
        ),
        "config-bad-value": M(
            "'{key}' in flowgen.toml must be {expected}",
            "'{key}' di flowgen.toml harus {expected}",
            'for example: style = "kemendikbud"',
            'misalnya: style = "kemendikbud"',
        ),
    }
)
