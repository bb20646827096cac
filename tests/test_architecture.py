"""The layout's rules, read from the source: no import cycle between packages, and the floors.

Every `import newsgraph…` in a module counts, inside functions too: an import made lazy to
dodge a cycle is still a cycle in the design. Packages are compared at every level: the
top-level packages (`nlp`, `batch`, `store`…) with each other, and the subpackages of one
package (`nlp.quotes`, `nlp.cues`…) with each other.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from tests.conftest import REPO

SOURCE = REPO / "src"
ROOT = "newsgraph"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    base = SOURCE.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _imports(path: Path, *, typing_only: bool = True) -> set[str]:
    """The modules `path` imports; with `typing_only=False`, not those it imports for type
    checking alone (`if TYPE_CHECKING:`), which never load at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if not typing_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from newsgraph.nlp import model": the imported name may be a module, and then
            # only that module is imported, not its package's __init__.
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            modules = {name for name in names if _is_module(name)}
            found |= modules
            if len(modules) < len(names):
                found.add(node.module)
    return found


def _modules() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in (SOURCE / ROOT).rglob("*.py")}
    return {
        name: {m for m in _imports(path) if m == ROOT or m.startswith(ROOT + ".")}
        for name, path in modules.items()
    }


def _known(name: str, modules: dict[str, set[str]]) -> str:
    """The longest prefix of an imported name that is one of our modules."""
    while name not in modules and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _edges_by_level() -> dict[str, dict[str, set[str]]]:
    """For each package, the import edges between its direct children."""
    modules = _modules()
    edges: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for source, imported in modules.items():
        for target in (_known(name, modules) for name in imported):
            a, b = source.split("."), target.split(".")
            depth = 0
            while depth < min(len(a), len(b)) and a[depth] == b[depth]:
                depth += 1
            if depth == 0 or depth >= min(len(a), len(b)):
                continue  # the root facade, or a package importing its own module
            parent = ".".join(a[:depth])
            edges[parent][a[depth]].add(b[depth])
    return edges


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_packages_at_any_level() -> None:
    for parent, graph in _edges_by_level().items():
        graph = {node: targets - {node} for node, targets in graph.items()}
        cycle = _cycle(graph)
        assert cycle is None, f"import cycle in {parent}: {' -> '.join(cycle or [])}"


def _reaches(module_prefix: str) -> set[str]:
    """Every newsgraph module imported by the modules under `module_prefix`."""
    modules = _modules()
    return {
        _known(name, modules)
        for source, imported in modules.items()
        if source == module_prefix or source.startswith(module_prefix + ".")
        for name in imported
    }


def test_store_and_web_stay_clear_of_spacy_and_the_pipeline() -> None:
    for package in ("newsgraph.store", "newsgraph.web"):
        imported = _reaches(package)
        forbidden = {m for m in imported if m.startswith(("newsgraph.nlp", "newsgraph.pipeline"))}
        assert not forbidden, (package, forbidden)
        for path in (SOURCE / package.replace(".", "/")).rglob("*.py"):
            assert not any(m.split(".")[0] in {"spacy", "thinc"} for m in _imports(path)), path


def test_the_ground_floor_imports_nothing_above_it() -> None:
    assert _reaches("newsgraph.errors") == set()
    assert _reaches("newsgraph.records") == set()
    assert _reaches("newsgraph._version") == set()
    assert _reaches("newsgraph.lang") <= {m for m in _modules() if m.startswith("newsgraph.lang")}
    assert _reaches("newsgraph.settings") <= {"newsgraph.errors"}


def test_only_the_root_facade_imports_the_root_package() -> None:
    for source, imported in _modules().items():
        if source != ROOT:
            assert ROOT not in imported, f"{source} imports the package root"


def test_training_is_never_on_the_run_time_path() -> None:
    for source, imported in _modules().items():
        if not source.startswith(("newsgraph.train", "newsgraph.cli")):
            assert not any(m.startswith("newsgraph.train") for m in imported), source


def test_spacy_stays_inside_nlp_and_training() -> None:
    # The Extractor (pipeline.py) owns the loaded pipeline and names its type, but builds it
    # through nlp/: it imports spaCy for type checking only.
    allowed = ("newsgraph.nlp", "newsgraph.train")
    for path in (SOURCE / ROOT).rglob("*.py"):
        name = _module_name(path)
        if not name.startswith(allowed):
            spacy = {m for m in _imports(path, typing_only=False) if m.split(".")[0] == "spacy"}
            assert not spacy, f"{name} imports spaCy"
