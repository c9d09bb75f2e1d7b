"""Graphviz started with only the plugins flowgen uses (flowgen/layout/flowchart/graphviz_plugins.py)."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import flowgen
from flowgen.api import flowchart_page, resolve_style
from flowgen.layout.flowchart import graphviz_plugins
from flowgen.layout.flowchart.graphviz_plugins import graphviz_env, plugin_folder
from flowgen.render.svg import render_svg
from tests.helpers import ROOT

REAL_DOT = shutil.which("dot")
pytestmark = pytest.mark.skipif(REAL_DOT is None, reason="Graphviz is not installed")


@pytest.fixture(autouse=True)
def _afresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Each test with its own cache folder and no folder remembered from before (nor left for after)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GVBINDIR", raising=False)
    plugin_folder.cache_clear()
    yield
    plugin_folder.cache_clear()


def _drawn() -> bytes:
    procedure = flowgen.load(ROOT / "examples" / "pengadaan-barang.pos")
    return render_svg(flowchart_page(procedure, resolve_style(None, procedure)))


def test_graphviz_loads_only_the_three_plugins_and_lays_out_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = plugin_folder()
    assert folder is not None and Path(folder).parent == tmp_path / "cache" / "flowgen"
    links = sorted(p.name.split(".so")[0] for p in Path(folder).iterdir() if p.is_symlink())
    assert links == ["libgvplugin_core", "libgvplugin_dot_layout", "libgvplugin_neato_layout"]
    config = (Path(folder) / "config6a").read_text(encoding="utf-8")
    assert "pango" not in config and "cairo" not in config
    assert graphviz_env() == {**os.environ, "GVBINDIR": folder}
    with_three = _drawn()
    assert list(Path(folder).parent.glob(".graphviz-*")) == []  # no half-made folder left
    assert REAL_DOT is not None
    libdir = graphviz_plugins._libdir(REAL_DOT)
    assert libdir is not None
    monkeypatch.setenv("GVBINDIR", str(libdir))  # Graphviz's own configuration, every plugin
    plugin_folder.cache_clear()
    assert plugin_folder() is None and graphviz_env() is None
    assert _drawn() == with_three


def test_a_dot_that_does_not_say_where_its_plugins_are_keeps_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    script = tmp_path / "bin" / "dot"
    script.parent.mkdir()
    script.write_text(f'#!/bin/sh\ncase " $* " in *" -v "*) exit 0;; esac\nexec "{REAL_DOT}" "$@"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{script.parent}:{Path(str(REAL_DOT)).parent}")
    assert plugin_folder() is None and graphviz_env() is None
    made = tmp_path / "cache" / "flowgen"
    assert not made.exists() or list(made.iterdir()) == []
    assert b'class="fg-edge' in _drawn()  # laid out with Graphviz's own configuration


def test_a_cache_that_cannot_be_written_keeps_graphvizs_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert plugin_folder() is None and graphviz_env() is None
