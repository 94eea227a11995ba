"""The frozen bundle can sign and verify: PyNaCl's compiled module loads cffi's backend from
C, where PyInstaller does not look, so build.spec names it."""

import subprocess
import sys

from tests.conftest import ROOT


def test_build_spec_names_the_module_pynacl_loads_from_c():
    script = "import sys, nacl._sodium; print('_cffi_backend' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.strip() == "True", out.stderr
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"_cffi_backend"' in spec
