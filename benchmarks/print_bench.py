"""Print benchmark: the whole course's trainer guide in one language, built and written as a PDF
(core.documents, then courseware_app.printing), in a child process with its own QGuiApplication.

    python benchmarks/print_bench.py [--lang en]      (also a section of benchmarks/run.py)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.harness import json_child  # noqa: E402

PRINT_SCRIPT = r"""
import json, os, sys, time
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from courseware_app.core.loader import load_course
from courseware_app.core.documents import DocumentRequest, build_document
from courseware_app.printing import write_pdf
course = load_course(sys.argv[1])
t0 = time.perf_counter()
document = build_document(course, DocumentRequest("trainer-guide", (), sys.argv[2]))
t1 = time.perf_counter()
target = Path(sys.argv[3]) / "guide.pdf"
pages = write_pdf(document, target)
t2 = time.perf_counter()
print(json.dumps({"lang": sys.argv[2], "modules": len(document.parts) - 1, "pages": pages,
                  "build_s": round(t1 - t0, 2), "pdf_s": round(t2 - t1, 2),
                  "total_s": round(t2 - t0, 2), "mib": round(target.stat().st_size / 2**20, 1)}))
"""


def print_numbers(lang: str = "en") -> dict[str, object]:
    """The whole-course trainer guide in ``lang``: seconds (target < 60 s) and pages."""
    work = tempfile.mkdtemp(prefix="cw-bench-print-")
    cmd = [sys.executable, "-c", PRINT_SCRIPT, str(ROOT / "content"), lang, work]
    result, rss = json_child(cmd, timeout=300)
    return result | {"peak_rss_mib": round(rss, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=("en", "ru", "fr"))
    print(json.dumps(print_numbers(parser.parse_args(argv).lang), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
