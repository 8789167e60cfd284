"""Apps depend one way (docs/architecture.md): an app imports, includes and loads only from the
apps below it. A lower app offers a hook; a higher app registers into it."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "strukturwandel"

# Each app and the apps it may use. Apps not listed here (a new one) fail the test until
# they are placed.
BELOW = {
    "core": set(),
    "people": {"core"},
    "topics": {"core"},
    "events": {"core", "people", "topics"},
    "groups": {"core", "people", "topics", "events"},
    "documentation": {"core", "people", "topics", "events", "groups"},
    "importer": {"core", "people", "topics", "events", "groups", "documentation"},
    "registration": {"core", "people", "topics", "events"},
    "participation": {"core", "people", "topics", "events"},
}
# Template paths, {% load %} libraries and app labels name apps as strukturwandel_<app>.
TEMPLATE_REFERENCE = re.compile(r"\bstrukturwandel_([a-z]+)\b")
APP_DIRS = sorted(path for path in PACKAGE.iterdir() if (path / "apps.py").exists())


def python_references(path):
    """The strukturwandel apps a module imports, and those its strings name
    ("strukturwandel_events/…" templates, "strukturwandel_groups.WorkingGroupPage" models)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield from (match.group(1) for match in TEMPLATE_REFERENCE.finditer(node.value))
            continue
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "strukturwandel" and len(parts) > 1:
                yield parts[1]


def template_references(path):
    for tag in re.findall(r"{%.*?%}", path.read_text(), re.DOTALL):
        yield from (match.group(1) for match in TEMPLATE_REFERENCE.finditer(tag))


def references(app_dir):
    """(file, app) for every other app of the package that ``app_dir`` refers to."""
    for path in app_dir.rglob("*"):
        if "migrations" in path.parts or "locale" in path.parts:
            continue
        if path.suffix == ".py":
            found = python_references(path)
        elif path.suffix in {".html", ".txt"}:
            found = template_references(path)
        else:
            continue
        for app in set(found):
            if app != app_dir.name and (PACKAGE / app / "apps.py").exists():
                yield path.relative_to(PACKAGE), app


def test_every_app_has_its_place():
    assert {path.name for path in APP_DIRS} <= set(BELOW)


@pytest.mark.parametrize("app_dir", APP_DIRS, ids=lambda path: path.name)
def test_an_app_uses_only_the_apps_below_it(app_dir):
    upward = [
        f"{path} uses {app}"
        for path, app in references(app_dir)
        if app not in BELOW.get(app_dir.name, set())
    ]
    assert not upward


def test_the_check_finds_an_upward_reference(tmp_path):
    """The scan sees imports, template includes and loads, and template names in strings."""
    module = tmp_path / "m.py"
    module.write_text(
        "from strukturwandel.documentation import models\n"
        "TEMPLATE = 'strukturwandel_groups/x.html'\n"
    )
    template = tmp_path / "t.html"
    template.write_text(
        '{% load strukturwandel_people %}{% include "strukturwandel_topics/a.html" %}'
    )
    assert set(python_references(module)) == {"documentation", "groups"}
    assert set(template_references(template)) == {"people", "topics"}
