"""The shape of the code: no import circles, no reaching into another module's private names, and the CMS
using only ``chinar.contract`` of the static build.

Every import counts, including those inside functions (a local import that only hides a circle from
Python's loader still ties the two modules together).
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = {"chinar": REPO / "site" / "chinar", "chinar_cms": REPO / "cms" / "chinar_cms"}


def module_name(path: Path, package: str, root: Path) -> str:
    parts = [package, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, tuple[Path, ast.Module]]:
    found = {}
    for package, root in PACKAGES.items():
        for path in sorted(root.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            found[module_name(path, package, root)] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return found


def imports(name: str, path: Path, tree: ast.Module, known: set[str]) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import in the module, absolute names."""
    is_package = path.name == "__init__.py"
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((alias.name, [], node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[:len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [alias.name for alias in node.names]
            # ``from . import x`` imports the submodule x when there is one.
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in known]
            if subs:
                out.extend((sub, [], node.lineno) for sub in subs)
                names = [n for n in names if f"{target}.{n}" not in known]
            if names or not subs:
                out.append((target, names, node.lineno))
    return out


def graph() -> tuple[dict[str, set[str]], list[str]]:
    """Module -> the project modules it imports; and every import of another module's private name."""
    found = modules()
    known = set(found)
    edges: dict[str, set[str]] = {name: set() for name in found}
    private = []
    for name, (path, tree) in found.items():
        for target, names, line in imports(name, path, tree, known):
            while target and target not in known and "." in target:
                target = target.rsplit(".", 1)[0]  # a name inside a module: the module
            if target not in known or target == name:
                continue
            edges[name].add(target)
            for imported in names:
                if imported.startswith("_") and not imported.startswith("__"):
                    private.append(f"{path.relative_to(REPO)}:{line} imports {target}.{imported}")
    return edges, private


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def without_packages(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """Edges between modules, leaving out a package's ``__init__`` importing its own submodules (that
    is how a package exposes them, and what a submodule's ``from . import x`` does not close)."""
    return {name: {t for t in targets if not t.startswith(name + ".")} for name, targets in edges.items()}


def test_no_import_circles() -> None:
    edges, _ = graph()
    assert cycles(without_packages(edges)) == []


def test_no_module_imports_another_modules_private_names() -> None:
    _, private = graph()
    assert private == []


def test_the_cms_uses_only_the_contract_seam_of_the_build() -> None:
    edges, _ = graph()
    reached = {(name, t) for name, targets in edges.items() if name.startswith("chinar_cms")
               for t in targets if t.split(".")[0] == "chinar"}
    assert reached and {t for _n, t in reached} == {"chinar.contract"}, sorted(reached)


def test_the_static_build_never_imports_django_or_wagtail() -> None:
    found = modules()
    offenders = []
    for name, (path, tree) in found.items():
        if not name.startswith("chinar."):
            continue
        for target, _names, line in imports(name, path, tree, set(found)):
            if target.split(".")[0] in ("django", "wagtail", "chinar_cms"):
                offenders.append(f"{path.relative_to(REPO)}:{line} {target}")
    assert offenders == []


def test_the_checker_finds_a_circle_and_a_private_import() -> None:
    """The graph code itself: a circle of three and a private import are reported."""
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]
    tree = ast.parse("from .b import _hidden, shown\nfrom . import c\n")
    found = imports("pkg.a", Path("a.py"), tree, {"pkg.a", "pkg.b", "pkg.c"})
    assert ("pkg.b", ["_hidden", "shown"], 1) in found and ("pkg.c", [], 2) in found


def test_no_test_module_imports_another() -> None:
    """Shared test code lives in helper modules (``chromium``, ``axe_check``, ``page_weight``, ``sites``...),
    not in a test module another one imports: importing a test module runs its collection-time code twice
    and ties the two files' fixtures together."""
    tests = Path(__file__).resolve().parent
    found = []
    for path in sorted(tests.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [f"{path.relative_to(tests)}: {name}" for name in names if name.split(".")[-1].startswith("test_")]
    assert found == []
