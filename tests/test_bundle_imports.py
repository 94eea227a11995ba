"""The frozen bundle holds only the modules PyInstaller finds through import statements: a module
loaded by name at run time (importlib) is missing from it unless build.spec names it."""

import ast

from courseware_app.commands import COMMAND_MODULES
from tests.conftest import ROOT


def dynamic_imports() -> list[str]:
    found = []
    for path in sorted((ROOT / "courseware_app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_modules_are_imported_by_statements_pyinstaller_can_see():
    # the one exception: the command line loads its sub-commands by name, and build.spec
    # lists exactly those (COMMAND_MODULES) as hidden imports
    assert [place.split(":")[0] for place in dynamic_imports()] == ["courseware_app/cli.py"]
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "COMMAND_MODULES" in spec and COMMAND_MODULES
