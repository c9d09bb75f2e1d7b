"""The project's promises about itself: the README's quick start is what CI runs, the house has no circles."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "flowgen"

# The pipeline's stages, lowest first: a module may import from its own stage and the ones
# below, never from a stage above.  The first stage that names a module (or a package above
# it) wins; the package's own __init__ (the public API) and the commands are on top.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "leaf",
        (
            "flowgen.characters",
            "flowgen.errors",
            "flowgen.messages",
            "flowgen.wording",
            "flowgen.suggest",
            "flowgen.hyphenate",
            "flowgen.balance",
            "flowgen.text",
        ),
    ),
    ("model", ("flowgen.model",)),
    ("checks", ("flowgen.checks",)),
    ("language", ("flowgen.language",)),
    ("style", ("flowgen.style",)),
    ("layout", ("flowgen.layout",)),
    ("render", ("flowgen.render",)),
    ("export", ("flowgen.export",)),  # interchange formats from the layouts and scenes
    ("api", ("flowgen.api", "flowgen.drawcheck")),
    (
        "commands",
        (
            "flowgen.shell",
            "flowgen.outputs",
            "flowgen.manifest",
            "flowgen.discover",
            "flowgen.progress",
            "flowgen.build_messages",
            "flowgen.build",
            "flowgen.batch",
            "flowgen.book",
            "flowgen.cycle",
            "flowgen.cli",
            "flowgen.editor_cli",
            "flowgen.service",
            "flowgen.serve",
            "flowgen.lsp",
            "flowgen.watch",
            "flowgen.__main__",
            "flowgen",
        ),
    ),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The flowgen modules a module imports, at module level and inside functions alike.

    ``from flowgen.x import y`` is an import of ``flowgen.x.y`` when that is a module, else of
    ``flowgen.x``.  The parents Python runs first (``flowgen/__init__``) are not counted: every
    module would import the public API that way.
    """
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    typing_only = {  # imports under `if TYPE_CHECKING:` are for the type checker, never run
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for stmt in node.body
        for child in ast.walk(stmt)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {module for module in found if module in modules and module != name}


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def stage_of(module: str) -> int:
    for rank, (_, prefixes) in enumerate(STAGES):
        # "flowgen" itself names the package's __init__ only, not everything under it
        if any(module == prefix or (prefix != "flowgen" and module.startswith(prefix + ".")) for prefix in prefixes):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted, in name order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_the_graph_reader_sees_every_kind_of_import() -> None:
    graph = import_graph()
    assert "flowgen.model.types" in graph["flowgen.model.serialize"]  # from flowgen.model.types import ...
    assert "flowgen.messages" in graph["flowgen.errors"]  # from flowgen import messages
    assert "flowgen.render.pdf" in graph["flowgen.api"]  # inside a function
    assert "flowgen" not in graph["flowgen.errors"]  # the parent package is not an import
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_every_module_has_a_stage() -> None:
    for module in import_graph():
        stage_of(module)


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_no_upward_imports() -> None:
    upward = [
        f"{module} ({STAGES[stage_of(module)][0]}) imports {other} ({STAGES[stage_of(other)][0]})"
        for module, imported in sorted(import_graph().items())
        for other in sorted(imported)
        if stage_of(other) > stage_of(module)
    ]
    assert upward == []


def test_model_imports_nothing_of_the_language() -> None:
    graph = import_graph()
    assert not {
        (module, other)
        for module in graph
        if module.startswith("flowgen.model")
        for other in graph[module]
        if other.startswith("flowgen.language")
    }


def test_ci_runs_exactly_the_readme_test_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    quick = [line.strip() for line in readme if line.startswith("    sh scripts/install.sh")]
    assert len(quick) == 2, "the quick start has exactly two command lines"
    ci = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#") and not line.startswith(("set ", "cd "))
    ]
    assert ci == [quick[1]]
    assert "flowgen build examples/" in quick[0] and "pytest" in quick[1]


def test_ruff_and_mypy_are_clean() -> None:
    if shutil.which("ruff") is None and not (ROOT / ".venv" / "bin" / "ruff").exists():
        pytest.skip("ruff is not installed")
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "flowgen", "tests", "benchmarks", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
    mypy = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert mypy.returncode == 0, mypy.stdout


def test_modules_and_functions_are_small() -> None:
    """No module over 500 lines, no function over 80, anywhere in the package."""
    too_long = []
    for module, path in package_modules().items():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 500:
            too_long.append(f"{module}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.end_lineno is None:
                continue
            if node.end_lineno - node.lineno + 1 > 80:
                too_long.append(f"{module}.{node.name}: {node.end_lineno - node.lineno + 1} lines")
    assert too_long == []
