"""The shape of the code: `website` is the core the apps plug into, and imports point one way.

Imports are read from the source with `ast`, function-local ones included: a deferred import is
still a dependency.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = "website"
APPS = ("projects", "campaigns", "petitions", "donations", "giving", "elections", "coalitions")


def module_files():
    """{dotted module name: path} of the project's modules, migrations and settings left out."""
    modules = {}
    for package in (CORE, *APPS):
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts or parts[:2] == (CORE, "settings"):
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imported_names(name, path):
    """Every dotted name `name` imports (`from a import b` gives `a.b`: b may be a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph():
    """{module: the project's modules it imports}."""
    modules = module_files()

    def resolve(dotted):
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted

    graph = {}
    for name, path in modules.items():
        graph[name] = {resolve(imported) for imported in imported_names(name, path)} - {"", name}
    return graph


def import_cycles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm, iteratively)."""
    index, low, on_stack, stack, cycles = {}, {}, set(), [], []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        cycles.append(sorted(group))
    return cycles


def test_the_core_imports_none_of_the_apps():
    offending = {
        name: sorted(imported for imported in imported_names(name, path) if imported.split(".")[0] in APPS)
        for name, path in module_files().items()
        if name.split(".")[0] == CORE
    }
    assert {name: imports for name, imports in offending.items() if imports} == {}


def test_there_are_no_import_cycles():
    assert import_cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert import_cycles(graph) == [["a", "b", "c"]]


def test_function_local_and_relative_imports_count(tmp_path):
    path = tmp_path / "tasks.py"
    path.write_text("from . import models\n\ndef run():\n    from .views import page\n")
    assert {"app.models", "app.views.page", "app.views"} <= imported_names("app.tasks", path)


def test_editors_can_add_under_the_home_page_the_apps_pages_that_say_they_live_there():
    from website.models import HomePage

    assert {model._meta.label for model in HomePage.creatable_subpage_models()} == {
        "website.StandardPage",
        "projects.ProjectIndexPage",
        "projects.ReturnProgrammeIndexPage",
        "campaigns.CampaignIndexPage",
        "elections.ElectionComparisonPage",
        "giving.DonatePage",
    }


def test_each_app_registers_its_demo_content_after_the_apps_whose_pages_it_builds_on():
    from website.seeding import DEMO_SEEDERS

    order = [path.split(".")[0] for path in DEMO_SEEDERS]
    assert sorted(order) == sorted([CORE, *APPS])
    assert order[:3] == [CORE, "projects", "campaigns"]  # campaigns use project pages; the rest campaign pages
