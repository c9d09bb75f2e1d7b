"""Text measuring and wrapping: what every box's size is built on."""

from __future__ import annotations

import pytest

from flowgen.hyphenate import breaks, syllable_breaks
from flowgen.text import MEASURE_PIXELS, FontResolver, block_height, clean, kerned_runs, measure, pillow_font, wrap

FACE = FontResolver().resolve(["Arial"])
BOLD = FontResolver().resolve(["Arial"], bold=True)


def test_arial_resolves_to_a_metric_twin() -> None:
    assert "Liberation Sans" in FACE.svg_family


def test_measure_grows_with_text_and_size() -> None:
    assert measure(FACE, 10, "") == 0
    assert 0 < measure(FACE, 10, "i") < measure(FACE, 10, "m") < measure(FACE, 10, "mm")
    assert abs(measure(FACE, 20, "Surat masuk") - 2 * measure(FACE, 10, "Surat masuk")) < 0.2


def test_wrap_keeps_every_line_inside_the_width() -> None:
    text = "Menyampaikan dokumen persiapan pengadaan kepada Pejabat Pengadaan"
    width = measure(FACE, 9, "Menyampaikan dokumen") + 0.5
    lines = wrap(text, FACE, 9, width)
    assert lines == ["Menyampaikan dokumen", "persiapan pengadaan", "kepada Pejabat", "Pengadaan"]
    assert all(measure(FACE, 9, line) <= width for line in lines)


def test_a_lone_question_mark_takes_the_last_word_with_it() -> None:
    width = measure(FACE, 9, "Apakah dokumen lengkap") + 0.5
    assert wrap("Apakah dokumen lengkap ?", FACE, 9, width) == ["Apakah dokumen", "lengkap ?"]


def test_a_long_word_breaks_after_a_slash_or_hyphen() -> None:
    width = measure(FACE, 9, "Nota/Surat/") + 0.5
    lines = wrap("Nota/Surat/Disposisi", FACE, 9, width)
    assert lines == ["Nota/Surat/", "Disposisi"]


def test_fractional_sizes_are_measured_exactly() -> None:
    """8.1 pt is not measured as 8 pt: widths are the font's advances, linear in the size."""
    text = "Menelaah surat dan menyiapkan lembar disposisi"
    at_1000 = pillow_font(FACE.path, MEASURE_PIXELS).getlength(text)
    assert measure(FACE, 8.1, text) == pytest.approx(at_1000 * 8.1 / MEASURE_PIXELS, abs=1e-9)
    assert measure(FACE, 8.1, text) == pytest.approx(measure(FACE, 8, text) * 8.1 / 8, abs=1e-9)
    assert measure(FACE, 8.1, text) - measure(FACE, 8, text) > 2.0  # the old rounding lost this much


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("pertanggungjawaban", "per-tang-gung-ja-wa-ban"),
        ("Pengadministrasi", "Pengad-mi-nis-trasi"),  # never 1-2 letters alone ("Pe-")
        ("menyampaikan", "menyam-pai-kan"),  # ny is one consonant; vowels side by side stay together
        ("mengkhawatirkan", "meng-kha-wa-tir-kan"),
        ("Kelengkapan", "Keleng-ka-pan"),
        ("instruksi", "ins-truksi"),  # tr starts a syllable
        ("surat", "surat"),
        ("2024", "2024"),
    ],
)
def test_syllables_of_indonesian_words(word: str, syllables: str) -> None:
    cuts = syllable_breaks(word)
    assert "-".join(word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)])) == syllables


def test_explicit_breaks_come_before_hyphenation() -> None:
    found = breaks("Nota/Surat/Disposisi")
    assert [(b.at, b.hyphen) for b in found[:2]] == [(5, False), (11, False)]
    assert all(b.hyphen for b in found[2:])


def test_a_word_too_long_for_its_line_is_hyphenated_with_a_visible_hyphen() -> None:
    width = measure(FACE, 9, "pertanggung-") + 0.2
    lines = wrap("Laporan pertanggungjawaban", FACE, 9, width)
    assert lines == ["Laporan per-", "tanggungja-", "waban"]
    assert all(measure(FACE, 9, line) <= width for line in lines)
    assert "".join(line.removesuffix("-") for line in lines) == "Laporan pertanggungjawaban"


def test_a_word_that_fits_a_line_of_its_own_is_moved_not_broken() -> None:
    width = measure(BOLD, 9, "Pengadministrasi") + 0.1
    assert wrap("Pengadministrasi Umum", BOLD, 9, width) == ["Pengadministrasi", "Umum"]
    assert wrap("Kelengkapan", BOLD, 9, measure(BOLD, 9, "Kelengkapan")) == ["Kelengkapan"]  # exactly its width


def test_no_piece_of_one_or_two_letters() -> None:
    for width in (30.0, 36.0, 44.0, 60.0):  # boxes that hold three letters and a hyphen, at least
        for text in ("Pengadministrasi", "layanan@kemdikbud.go.id", "pertanggungjawaban"):
            lines = wrap(text, FACE, 9, width)
            assert all(len(line.removesuffix("-")) >= 3 for line in lines), (width, lines)
            assert "".join(line.removesuffix("-") for line in lines) == text


def test_kerned_runs_rebuild_the_line_at_its_measured_width() -> None:
    text = "Kepala Subbagian Tata Usaha, Yth. AVATAR"
    width, runs = kerned_runs(FACE, 9, text)
    assert "".join(run for _, run in runs) == text
    assert width == measure(FACE, 9, text)
    assert len(runs) > 1  # "Ta", "Yt", "AV" ... are kerned in Liberation Sans
    offsets = [offset for offset, _ in runs]
    assert offsets == sorted(offsets) and offsets[0] == 0.0
    last_offset, last = runs[-1]
    assert last_offset + measure(FACE, 9, last) == pytest.approx(width, abs=0.01)


def test_fractional_pixel_sizes_draw_at_the_measured_width() -> None:
    small, large = pillow_font(FACE.path, 10.0), pillow_font(FACE.path, 10.5)
    assert small.getlength("Surat masuk") < large.getlength("Surat masuk")


def test_block_height_and_clean() -> None:
    assert block_height(0, 10, 1.2) == 0
    assert block_height(2, 10, 1.2) > block_height(1, 10, 1.2) > 0
    assert clean("a\tb\x01c") == "a b c"  # control characters become spaces, nothing else changes
