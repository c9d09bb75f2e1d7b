"""Text measuring and wrapping: what every box's size is built on."""

from __future__ import annotations

from flowgen.text import FontResolver, block_height, clean, measure, pillow_font, wrap

FACE = FontResolver().resolve(["Arial"])


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


def test_fractional_pixel_sizes_draw_at_the_measured_width() -> None:
    small, large = pillow_font(FACE.path, 10.0), pillow_font(FACE.path, 10.5)
    assert small.getlength("Surat masuk") < large.getlength("Surat masuk")


def test_block_height_and_clean() -> None:
    assert block_height(0, 10, 1.2) == 0
    assert block_height(2, 10, 1.2) > block_height(1, 10, 1.2) > 0
    assert clean("a\tb\x01c") == "a b c"  # control characters become spaces, nothing else changes
