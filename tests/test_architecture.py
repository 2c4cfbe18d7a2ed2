"""The headless core never imports Textual: only `briefing/tui/` may.

The source of every module outside `tui/` is read and its imports checked;
then the core modules are imported in a fresh interpreter to be sure nothing
pulls Textual in indirectly."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import briefing

PACKAGE = Path(briefing.__file__).resolve().parent
CORE = ("briefing.model", "briefing.schema", "briefing.loader", "briefing.judged",
        "briefing.state", "briefing.errors", "briefing.text", "briefing.resources",
        "briefing.cli")


def _modules_outside_tui() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py")
                  if "tui" not in path.relative_to(PACKAGE).parts)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, package: str = "") -> list[tuple[int, str, bool]]:
    """(line, module, at module level) for every import in the file; relative
    imports are resolved against `package`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, id(node) in top_level)
                         for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolve against this module's package
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, module] if module else base)
            found.append((node.lineno, module, id(node) in top_level))
    return found


def _imports_of(path: Path) -> list[tuple[int, str, bool]]:
    name = _module_name(path)
    return _imports(path, name if path.name == "__init__.py" else name.rpartition(".")[0])


def test_the_walk_sees_the_core():
    names = {_module_name(path) for path in _modules_outside_tui()}
    assert set(CORE) <= names
    assert not any(name.startswith("briefing.tui") for name in names)


@pytest.mark.parametrize("path", _modules_outside_tui(),
                         ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_outside_tui_imports_textual(path):
    offending = [f"{path.name}:{line}: {module}" for line, module, _ in _imports_of(path)
                 if module == "textual" or module.startswith("textual.")]
    assert not offending, f"Textual imported outside tui/: {offending}"


@pytest.mark.parametrize("path", _modules_outside_tui(),
                         ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_outside_tui_imports_the_tui_at_load(path):
    # the CLI may start the app, but only inside the command that needs it
    offending = [f"{path.name}:{line}: {module}" for line, module, top in _imports_of(path)
                 if top and (module == "briefing.tui" or module.startswith("briefing.tui."))]
    assert not offending, f"briefing.tui imported at module level: {offending}"


def test_the_walk_would_catch_an_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\ndef f():\n    from textual.app import App\n"
                      "import textual\nfrom .tui import app\n", encoding="utf-8")
    found = sorted(_imports(sample, package="briefing"))
    assert found == [(1, "os", True), (3, "textual.app", False), (4, "textual", True),
                     (5, "briefing.tui", True)]


def test_importing_the_core_does_not_load_textual():
    modules = [*CORE, *(name for name in map(_module_name, _modules_outside_tui())
                        if name not in CORE and not name.endswith("__main__"))]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules, f'{name} loaded textual'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr


def test_reopening_a_briefing_needs_no_validator_or_argparse(tmp_path):
    """The reader's start-up path: a file opened for the first time is judged
    by pydantic-core alone (pydantic and its schema build would cost ~100 ms,
    measured in benchmarks/); the same bytes opened again skip even that and
    the TOML parser (what they made is read back), as they skip argparse
    (~15 ms)."""
    code = (
        "import sys\n"
        "from briefing import cli\n"
        "import briefing.tui.app as app\n"
        "cli._on_a_terminal = lambda: True\n"  # the test's pipes stand in for one
        "app.run_reader = lambda briefing, path, **_: print(briefing.title) or 0\n"
        "assert cli.main([]) == 0\n"
        "print(sorted(m for m in ('pydantic', 'pydantic_core', 'argparse', 'rtoml', "
        "'briefing.schema', 'briefing.schema_core') if m in sys.modules))\n"
    )
    env = {**__import__("os").environ, "BRIEFING_CACHE_DIR": str(tmp_path)}
    title = "Putin averse to Ukraine compromise ahead of crunch talks, says US official"
    seen = []
    for _ in ("first", "again"):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                timeout=60, env=env)
        assert result.returncode == 0, result.stderr
        seen.append(result.stdout.splitlines())
        assert len(list((tmp_path / "briefings").iterdir())) == 1
    assert seen == [[title, "['briefing.schema_core', 'pydantic_core', 'rtoml']"],
                    [title, "[]"]]


# --- the import contract: no cycles, anywhere in the package --------------------------

def _all_modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _import_graph() -> dict[str, set[str]]:
    """Which briefing modules each module imports, at any level (a function-
    level import is still a dependency: it only moves when it is paid)."""
    modules = _all_modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - (node.level - 1)]
                    base = ".".join([*parts, base] if base else parts)
                # `from briefing import judged` imports a module, not a name
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_in_the_package():
    graph = _import_graph()
    assert graph["briefing.loader"] >= {"briefing.model", "briefing.schema"}  # the walk sees
    assert _cycles(graph) == []


def test_the_cycle_check_would_catch_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_core_never_imports_the_app_even_inside_a_function():
    # Only the command line may start the app.
    offending = {name: sorted(t for t in targets if t.startswith("briefing.tui"))
                 for name, targets in _import_graph().items()
                 if not name.startswith("briefing.tui") and name != "briefing.cli"}
    assert {name: found for name, found in offending.items() if found} == {}


WEB_LIBRARIES = ("trafilatura", "httpx", "feedparser", "lxml", "justext", "htmldate")


def test_reading_a_briefing_never_loads_the_web_importers_libraries(tmp_path):
    """`briefing FILE` starts without trafilatura, httpx, feedparser or lxml
    (together ~0.6 s of imports): they belong to `briefing import` alone."""
    code = (
        "import sys\n"
        "from briefing import cli\n"
        "import briefing.tui.app as app\n"
        "cli._on_a_terminal = lambda: True\n"  # the test's pipes stand in for one
        "app.run_reader = lambda briefing, path, **_: print(briefing.title) or 0\n"
        "assert cli.main([sys.argv[1]]) == 0\n"
        f"print(sorted(m for m in {WEB_LIBRARIES!r} if m in sys.modules))\n"
    )
    from briefing.resources import bundled_briefing

    env = {**__import__("os").environ, "BRIEFING_CACHE_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code, str(bundled_briefing())],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_importing_a_text_article_loads_no_web_library(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Floods close the river road\n\nThe river rose two metres overnight "
                       "and closed the road, officials said.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from briefing import cli\n"
        "assert cli.main(['import', sys.argv[1], '-o', sys.argv[2]]) == 0\n"
        f"print(sorted(m for m in {WEB_LIBRARIES!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(article), str(tmp_path / "d.toml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
    assert (tmp_path / "d.toml").is_file()
