"""The import graph: no cycle anywhere in smartprint (function-level imports included),
and the pure planning modules import neither reportlab nor any paint code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smartprint"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """Every smartprint module `name` imports, at any depth of its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        if isinstance(node, ast.ImportFrom | ast.Import) and _guarded_by_type_checking(tree, node):
            continue
        found |= {t for t in targets if t in MODULES and t != name}
    return found


def _guarded_by_type_checking(tree: ast.Module, node: ast.stmt) -> bool:
    """An import under `if TYPE_CHECKING:` runs for mypy only, never at run time."""
    for stmt in ast.walk(tree):
        if isinstance(stmt, ast.If) and isinstance(stmt.test, ast.Name) and stmt.test.id == "TYPE_CHECKING":
            if any(node is inner for inner in ast.walk(stmt)):
                return True
    return False


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle_not_even_through_a_function_level_import():
    assert _cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_a_kind_never_imports_another_kind():
    for name, imported in GRAPH.items():
        if name.startswith("smartprint.kinds.") and name.count(".") >= 3:
            own = ".".join(name.split(".")[:3])
            others = {m for m in imported if m.startswith("smartprint.kinds.") and m.count(".") >= 3}
            assert all(m.startswith(own + ".") for m in others), (name, others)


def test_parts_and_steps_never_import_a_kind():
    for name, imported in GRAPH.items():
        if not name.startswith(("smartprint.kinds", "smartprint.cli", "smartprint.pipeline")):
            kinds = {m for m in imported if m.startswith("smartprint.kinds.") and m != "smartprint.kinds.base"}
            assert not kinds, (name, kinds)


PURE = [
    name
    for name in MODULES
    if name.endswith(
        (".plan", ".board", ".track", ".face", ".fill", ".markers", ".tiling", ".geometry", ".impose", ".faces")
    )
    or name.startswith("smartprint.kinds.sheet.blocks")
    or name
    in (
        "smartprint.kinds.sheet.page",
        "smartprint.text.textfit",
        "smartprint.text.run",
        "smartprint.text.origin",
        "smartprint.write.document",
    )
]


@pytest.mark.parametrize("module", sorted(PURE))
def test_a_planning_module_imports_no_reportlab_and_no_paint_code(module):
    """Checked in a fresh interpreter, as a run would import it."""
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules\n"
        "             if m.startswith('reportlab') or m.endswith('.paint') or m.endswith('.ink'))\n"
        "print(' '.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "", f"{module} imports {out.stdout.strip()}"
