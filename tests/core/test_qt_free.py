"""The core must import with PySide6 unavailable."""

import pkgutil
import subprocess
import sys

import courseware_app.core as core


def test_every_core_module_imports_without_pyside6():
    names = sorted(m.name for m in pkgutil.walk_packages(core.__path__, "courseware_app.core."))
    assert "courseware_app.core.render" in names and "courseware_app.core.loader" in names
    script = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "import importlib\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "assert not any(k.startswith('PySide6.') for k in sys.modules)\n"
        "print('ok', len(" + repr(names) + "))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok")
