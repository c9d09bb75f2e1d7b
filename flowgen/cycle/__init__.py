"""The yearly cycle of a unit's SOPs: compare two revisions, monitor and evaluate them.

- :mod:`flowgen.cycle.diff` — what changed between two revisions of a procedure, by meaning;
  :mod:`flowgen.cycle.diff_text` prints it for a terminal or as JSON.
- :mod:`flowgen.cycle.monev_xlsx` — the Permenpan RB 35/2012 monitoring form (Tabel 7) and the
  evaluation form, as a spreadsheet units fill in; :mod:`flowgen.cycle.monev_read` reads it back
  into the Laporan Hasil Monitoring dan Evaluasi; :mod:`flowgen.cycle.monev_pdf` prints both.

This package reads procedures only through flowgen's public API (``flowgen.load``/``flowgen.parse``
and the model types), so it does not depend on how the front end or the layouts are organised.
"""
