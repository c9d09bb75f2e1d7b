"""Two arrows of the free flowchart do not cross where another way is clear (untangle.py)."""

from __future__ import annotations

import itertools

import pytest

import flowgen
from flowgen.api import resolve_style
from flowgen.drawcheck import check_svg
from flowgen.layout.flowchart.place import layout_flowchart
from flowgen.layout.flowchart.untangle import crossings, run_crosses
from flowgen.layout.geometry import points_of

pytestmark = pytest.mark.graphviz

# the shape of the book's 010 (penilaian kinerja pegawai): two checks in a row, each sending the file back
# to the step before it; Graphviz led 4 -> 5 out of 4's top and down through 3 -> 4's "Ya" run
CHECKS_IN_A_ROW = """\
judul: Penilaian Kinerja Pegawai
pelaksana:
  pu = Pengadministrasi Umum
  ktu = Kepala Subbagian Tata Usaha
  dir = Direktur
alur:
  mulai pu: Menerima berkas penilaian kinerja pegawai
  [langkah2] pu: Mengunggah berkas penilaian kinerja pegawai ke aplikasi
  ? ktu: Berkas penilaian kinerja pegawai sesuai ketentuan?
    ya
    tidak -> langkah2
  [langkah4] pu: Menyiapkan surat pengantar berkas penilaian kinerja pegawai
  ? ktu: Berkas penilaian kinerja pegawai lengkap?
    ya
    tidak -> langkah4
  dir: Menandatangani berkas penilaian kinerja pegawai
  selesai pu: Mengarsipkan berkas penilaian kinerja pegawai
"""


def test_crossings_count_only_runs_that_pass_through_each_other() -> None:
    plus = [(0.0, 5.0), (10.0, 5.0)], [(5.0, 0.0), (5.0, 10.0)]
    assert crossings(*plus) == 1
    assert crossings([(0.0, 5.0), (5.0, 5.0)], plus[1]) == 0  # a run that stops on another touches it
    assert run_crosses(((0.0, 0.0), (0.0, 5.0)), ((-5.0, 5.0), (5.0, 5.0)), inclusive=True)
    assert not run_crosses(((0.0, 0.0), (0.0, 5.0)), ((-5.0, 5.0), (5.0, 5.0)))
    assert crossings([(0.0, 0.0), (10.0, 0.0)], [(0.0, 2.0), (10.0, 2.0)]) == 0  # side by side, not across


@pytest.mark.parametrize("direction", ["tb", "lr"])
def test_two_checks_in_a_row_draw_no_crossing(direction: str) -> None:
    procedure = flowgen.parse(CHECKS_IN_A_ROW)
    style = resolve_style(None, procedure, options=f"flowchart {{ direction: {direction}; }}")
    layout = layout_flowchart(procedure, style)
    routes = {(r.source, r.target): points_of(r.commands) for r in layout.routes if r.source != r.target}
    assert {(3, 4), (4, 5), (5, 4)} <= set(routes)
    crossed = [(a, b) for (a, pa), (b, pb) in itertools.combinations(routes.items(), 2) if crossings(pa, pb)]
    assert crossed == []
    data = flowgen.render_flowchart(procedure, style, "svg")
    assert [str(f) for f in check_svg(data)] == []
