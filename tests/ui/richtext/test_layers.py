"""The editor's package imports in layers: no cycle among its modules, counting the
imports under TYPE_CHECKING and those inside functions (read with ast, no Qt)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "beslut.ui.richtext"
ROOT = Path(__file__).resolve().parents[3] / "src" / "beslut" / "ui" / "richtext"


def _module_name(path: Path) -> str:
    return PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"


def _imported(tree: ast.Module, here: str, modules: set[str]) -> set[str]:
    """The package's modules ``here`` imports anywhere in its text."""
    found: set[str] = set()
    package = here if here == PACKAGE else here.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            # "from package import module" imports the module; any other name is of base.
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found.update(name for name in names if name in modules)
    found.discard(here)
    return found


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Each module of the package and the package's modules it imports."""
    paths = {_module_name(p): p for p in sorted(root.glob("*.py"))}
    modules = set(paths)
    return {
        name: _imported(ast.parse(path.read_text(encoding="utf-8")), name, modules)
        for name, path in paths.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph`` (its modules in order, the first again at the end),
    or [] when there is none."""
    done: set[str] = set()
    path: list[str] = []

    def visit(name: str) -> list[str]:
        if name in path:
            return [*path[path.index(name) :], name]
        if name in done:
            return []
        path.append(name)
        for target in sorted(graph[name]):
            cycle = visit(target)
            if cycle:
                return cycle
        path.pop()
        done.add(name)
        return []

    for name in sorted(graph):
        cycle = visit(name)
        if cycle:
            return cycle
    return []


def test_the_package_has_its_modules() -> None:
    graph = import_graph()
    assert f"{PACKAGE}.editor" in graph and len(graph) > 5


def test_no_import_cycle_in_the_editor_package() -> None:
    cycle = find_cycle(import_graph())
    assert cycle == [], "import cycle: " + " -> ".join(cycle)


def test_a_cycle_is_found_also_under_type_checking_and_in_a_function(tmp_path: Path) -> None:
    (tmp_path / "__init__.py").write_text('"""p"""\n', encoding="utf-8")
    (tmp_path / "low.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        f"    from {PACKAGE}.high import High\n",
        encoding="utf-8",
    )
    (tmp_path / "high.py").write_text(
        f"def f():\n    from {PACKAGE} import low\n", encoding="utf-8"
    )
    assert find_cycle(import_graph(tmp_path)) == [
        f"{PACKAGE}.high",
        f"{PACKAGE}.low",
        f"{PACKAGE}.high",
    ]
