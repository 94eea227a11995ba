"""Guard against the PySide6 6.12.0 reference bug: many signals to Python slots, then a clean exit."""

import subprocess
import sys

SCRIPT = r"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
app = QApplication([])
class S(QObject):
    done = Signal(object)
s = S(); got = []
s.done.connect(lambda v: got.append(v))
for i in range(2000):
    s.done.emit((i, True, None))
print(len(got))
"""


def test_emitting_many_signals_then_exiting_does_not_abort():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "2000"
