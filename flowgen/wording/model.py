"""The words for procedures built in code or read from JSON (the public API's own checks)."""

from __future__ import annotations

from flowgen.wording import Message as M

_JSON_HINT_EN = "write the document with flowgen.dumps (or 'flowgen build --format json') and do not edit its structure"
_JSON_HINT_ID = "tulis dokumen dengan flowgen.dumps (atau 'flowgen build --format json') dan jangan ubah strukturnya"

MESSAGES: dict[str, M] = {
    # -- JSON documents --------------------------------------------------------
    "schema-not-json": M(
        "the document is not JSON: {reason}",
        "dokumen bukan JSON: {reason}",
        _JSON_HINT_EN,
        _JSON_HINT_ID,
    ),
    "schema-not-procedure": M(
        'at {path}: not a flowgen procedure (schema {found}, expected "{schema}")',
        'di {path}: bukan prosedur flowgen (skema {found}, seharusnya "{schema}")',
        _JSON_HINT_EN,
        _JSON_HINT_ID,
    ),
    "schema-version": M(
        "at {path}: procedure schema version {found} is not {version}",
        "di {path}: versi skema prosedur {found} bukan {version}",
        "write the document again with this version of flowgen",
        "tulis ulang dokumen dengan flowgen versi ini",
    ),
    "schema-missing": M(
        "at {path}: the field is missing",
        "di {path}: isian ini tidak ada",
        _JSON_HINT_EN,
        _JSON_HINT_ID,
    ),
    "schema-type": M(
        "at {path}: expected {expected}, found {found}",
        "di {path}: seharusnya {expected_id}, ternyata {found}",
        _JSON_HINT_EN,
        _JSON_HINT_ID,
    ),
    "schema-bad-date": M(
        "at {path}: {found} is not a date written as YYYY-MM-DD",
        "di {path}: {found} bukan tanggal bertulis YYYY-MM-DD",
        _JSON_HINT_EN,
        _JSON_HINT_ID,
    ),
    "schema-bad-kind": M(
        "at {path}: {found} is not a kind of step (the kinds are {known})",
        "di {path}: {found} bukan jenis langkah (jenisnya: {known})",
        _JSON_HINT_EN,
        _JSON_HINT_ID,
    ),
    # -- procedures built in code ----------------------------------------------
    "model-control-character": M(
        "{what} has the control character {char}, which cannot be printed",
        "{what} memuat karakter kendali {char}, yang tidak dapat dicetak",
        "remove it from the text (flowgen.parse reads such characters as spaces)",
        "hapus dari teksnya (flowgen.parse membacanya sebagai spasi)",
    ),
    "model-type": M(
        "{what} is a {found}, not {expected}",
        "{what} bertipe {found}, bukan {expected}",
        "build the procedure from flowgen.Procedure, Identity, Actor, Step and Edge (or read it with flowgen.parse)",
        "bangun prosedur dari flowgen.Procedure, Identity, Actor, Step dan Edge (atau baca dengan flowgen.parse)",
    ),
    "model-duplicate-actor": M(
        "actor '{actor}' is declared twice",
        "pelaksana '{actor}' dideklarasikan dua kali",
        "give every actor its own key",
        "beri setiap pelaksana kunci sendiri",
    ),
    "model-actor-index": M(
        "actor '{actor}' has index {index} but is number {expected} in the list (counting from 0)",
        "pelaksana '{actor}' berindeks {index} padahal urutannya {expected} (dihitung dari 0)",
        "an actor's index is its place in Procedure.actors",
        "indeks pelaksana adalah urutannya dalam Procedure.actors",
    ),
    "model-step-number": M(
        "step number {number} is out of order: the step in that place must be number {expected}",
        "nomor langkah {number} tidak berurutan: langkah di tempat itu harus bernomor {expected}",
        "number the steps 1, 2, 3, ... in the order of Procedure.steps",
        "beri nomor langkah 1, 2, 3, ... sesuai urutan Procedure.steps",
    ),
    "model-no-actor": M(
        "step {step} has no actor",
        "langkah {step} tidak memiliki pelaksana",
        "give every step the key of at least one declared actor",
        "beri setiap langkah kunci sedikitnya satu pelaksana yang dideklarasikan",
    ),
    "model-unknown-actor": M(
        "step {step} is done by '{actor}', which is not a declared actor",
        "langkah {step} dikerjakan oleh '{actor}', yang bukan pelaksana yang dideklarasikan",
        "declared actors: {known}",
        "pelaksana yang dideklarasikan: {known}",
    ),
    "model-no-such-step": M(
        "the arrow {source} -> {target} leads from or to step {step}, which does not exist",
        "panah {source} -> {target} berpangkal atau bertujuan ke langkah {step}, yang tidak ada",
        "an arrow joins the numbers of two steps of Procedure.steps",
        "panah menghubungkan nomor dua langkah dalam Procedure.steps",
    ),
}
