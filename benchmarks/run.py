"""Performance harness: numbers measured against a floor in the same run, not pass/fail tests.

    python benchmarks/run.py [--runs 7] [--json] [--skip-search] [--skip-print] [--skip-editor]
                             [--skip-trs] [--skip-scaling] [--scaling-sizes 12,120,1200]

Start-up is measured as whole processes (spawn to first module painted), for our app and for
a bare PySide6 script showing the same HTML in a QTextBrowser (the floor), offscreen. The app
paints the page the last session ended on before it loads the rest (core/startpage.py); "ready"
is spawn to everything attached (outline, progress, menus) with that page open. Both processes
may cache bytecode (PYTHONDONTWRITEBYTECODE is cleared), as an installed app would.
The print section (benchmarks/print_bench.py, ~5 s) builds the whole course's trainer guide in
English and writes it as a PDF: seconds (target < 60 s) and pages; --skip-print leaves it out.
The editor section (benchmarks/save_to_repaint.py, ~10 s): in editor mode, a save of the largest
module to its page painted again (target < 300 ms); --skip-editor leaves it out.
The TRS section (benchmarks/trs_bench.py, ~10 s): the TRS lab's analysis of 100,000 synthetic
consignments with 6 milestones (target < 2 s); --skip-trs leaves it out.
Then the scaling table (benchmarks/scaling.py, docs/scaling.md): the same course 10 and 100
times larger (--scaling-sizes), ~5 minutes on 2 cores; --skip-scaling leaves it out.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.harness import app_command, json_child, timed_process  # noqa: E402
from benchmarks.print_bench import print_numbers  # noqa: E402
from benchmarks.scaling import DEFAULT_SIZES, parse_sizes, scaling_numbers, table  # noqa: E402

CONTENT = ROOT / "content"


def first_page_html() -> str:
    from courseware_app.core.loader import load_course
    from courseware_app.core.render import module_page

    course = load_course(CONTENT)
    first = course.ordered_modules()[0]
    return module_page(course, first.id, "en")[0]


def startup(runs: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="cw-bench-"))
    page = work / "page.html"
    page.write_text(first_page_html(), encoding="utf-8")
    floor_cmd = [sys.executable, str(ROOT / "benchmarks" / "floor_app.py"), str(page)]
    app_cmd = app_command(work / "data")
    # warm-up: file caches, bytecode, compiled catalogs, the course and page caches, the record
    timed_process(floor_cmd), timed_process(app_cmd), timed_process(app_cmd)
    floor, app, ready = [], [], []
    for _ in range(runs):
        floor.append(timed_process(floor_cmd))
        app.append(timed_process(app_cmd))
        ready.append(timed_process(app_cmd, "READY"))
    f, a = statistics.median(floor), statistics.median(app)
    return {
        "floor_s": round(f, 3),
        "app_s": round(a, 3),
        "ratio": round(a / f, 2),
        "ready_s": round(statistics.median(ready), 3),
        "runs": runs,
        "floor_all": [round(x, 3) for x in floor],
        "app_all": [round(x, 3) for x in app],
    }


def render_times(repeats: int = 10) -> dict:
    from courseware_app.core.loader import load_course
    from courseware_app.core.render import render_translation

    course = load_course(CONTENT)
    translations = [t for m in course.modules.values() for t in m.translations.values()]
    largest = max(translations, key=lambda t: len(t.body))
    render_translation(largest)  # import and engine set-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        render_translation(largest)
        times.append(time.perf_counter() - t0)
    return {
        "module": f"{largest.module_id}/{largest.lang}",
        "chars": len(largest.body),
        "render_ms": round(1000 * statistics.median(times), 1),
    }


GUI_SCRIPT = r"""
import json, resource, statistics, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from courseware_app.core.history import Location
from courseware_app.core.loader import load_course
from courseware_app.ui.main_window import MainWindow
from courseware_app.ui.settings import Settings
course = load_course(sys.argv[1])
largest = max((t for m in course.modules.values() for t in m.translations.values()), key=lambda t: len(t.body))
w = MainWindow(course, Settings(Path(sys.argv[2]) / "settings.ini"))
r = w.reader  # navigation and pages (ui.reader); its pages come from ui.pages.PageProvider
r.set_content_language(largest.lang)
w.resize(1280, 720); w.show(); r.navigate(Location(course.ordered_modules()[0].id)); app.processEvents()
r.pages.tasks.clear(); r.pages.tasks.wait(); r.pages.memory.clear()
other = next(m.id for m in course.ordered_modules() if m.id != largest.module_id)
def switch(target):
    r.navigate(Location(other)); app.processEvents()
    t0 = time.perf_counter(); r.navigate(Location(target)); app.processEvents()
    return time.perf_counter() - t0
cold = switch(largest.module_id)
r.prerender(); r.pages.tasks.wait(); app.processEvents()
warm = statistics.median(switch(largest.module_id) for _ in range(7))
for lang in course.languages:
    r.set_content_language(lang)
    for m in course.ordered_modules():
        r.navigate(Location(m.id)); app.processEvents()
    r.pages.tasks.wait(); app.processEvents()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"module": f"{largest.module_id}/{largest.lang}", "switch_uncached_ms": round(cold * 1000, 1),
                  "switch_prerendered_ms": round(warm * 1000, 1), "peak_rss_mib": round(rss, 1)}))
"""


def gui_numbers() -> dict:
    work = tempfile.mkdtemp(prefix="cw-bench-gui-")
    return json_child([sys.executable, "-c", GUI_SCRIPT, str(CONTENT), work])[0]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def spawn_to_visible(cmd: list[str], runs: int, marker: str = "VISIBLE") -> float:
    times = [timed_process(cmd, marker) for _ in range(runs + 2)]
    return statistics.median(times[2:])  # the first runs warm the file cache and the caches


def frozen_numbers(runs: int) -> dict | None:
    """Bundle size and frozen start-up against the floor built by `python -m courseware_app.build --floor`."""
    app = ROOT / "dist" / "courseware"
    floor = ROOT / "build" / "floor" / "dist" / "floor"
    if not (app / "courseware").exists() or not (floor / "floor").exists():
        return None
    zips = sorted((ROOT / "dist").glob("courseware-*.zip"))
    floor_zip = floor.parent / "floor.zip"
    work = tempfile.mkdtemp(prefix="cw-bench-frozen-")
    app_s = spawn_to_visible([str(app / "courseware"), "--lang", "en", "--data-dir", work], runs)
    floor_s = spawn_to_visible([str(floor / "floor"), "--exit"], runs)
    ready_s = spawn_to_visible(
        [str(app / "courseware"), "--lang", "en", "--data-dir", work], runs, "READY"
    )
    sizes = {"app_mib": folder_size(app) / 2**20, "floor_mib": folder_size(floor) / 2**20}
    result = {
        "folder_mib": round(sizes["app_mib"], 1),
        "floor_folder_mib": round(sizes["floor_mib"], 1),
        "folder_ratio": round(sizes["app_mib"] / sizes["floor_mib"], 2),
        "startup_s": round(app_s, 3),
        "floor_startup_s": round(floor_s, 3),
        "startup_ratio": round(app_s / floor_s, 2),
        "ready_s": round(ready_s, 3),
    }
    if zips and floor_zip.exists():
        result |= {
            "zip_mib": round(zips[-1].stat().st_size / 2**20, 1),
            "floor_zip_mib": round(floor_zip.stat().st_size / 2**20, 1),
            "zip_ratio": round(zips[-1].stat().st_size / floor_zip.stat().st_size, 2),
        }
    return result


def search_numbers() -> dict | None:
    try:
        from benchmarks.search_bench import run_search_benchmarks
    except ImportError:
        return None
    return run_search_benchmarks()


def chart_cost() -> dict[str, object]:
    """What the TRS lab's charts cost: they are QPainter drawings (QtSvg, already in the bundle
    for the course's diagrams, writes their SVG), so no library is added; and nothing of the
    lab or of QtSvg is imported until the lab opens (checked in a fresh interpreter)."""
    code = (
        "import json, sys; import courseware_app.ui.trs_part;"
        "print(json.dumps({'loaded_at_attach': sorted(m for m in sys.modules if m.startswith("
        "('courseware_app.ui.trs_lab', 'PySide6.QtSvg')))}))"
    )
    found = json_child([sys.executable, "-c", code])[0]
    return {"library_added_mib": 0, **found}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--skip-print", action="store_true")
    parser.add_argument("--skip-editor", action="store_true")
    parser.add_argument("--skip-trs", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument(
        "--scaling-sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        metavar="N,N,...",
        help="module counts of the synthetic courses (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    results = {
        "startup": startup(args.runs),
        "render": render_times(),
        "gui": gui_numbers(),
        "frozen": frozen_numbers(args.runs),
    }
    if not args.skip_search:
        results["search"] = search_numbers()
    if not args.skip_print:
        results["print"] = print_numbers("en")
    if not args.skip_editor:  # each in a process of its own, as the app would run it
        results["editor"] = json_child(
            [sys.executable, "-m", "benchmarks.save_to_repaint", "--json"]
        )[0]
    if not args.skip_trs:
        results["trs"] = json_child([sys.executable, "-m", "benchmarks.trs_bench", "--json"])[0]
        results["trs"]["charts"] = chart_cost()
    scaling = None if args.skip_scaling else scaling_numbers(args.scaling_sizes, args.runs)
    if scaling is not None:
        results["scaling"] = dict(scaling)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    s, r, g = results["startup"], results["render"], results["gui"]
    rows = [
        ("start-up, floor (bare QTextBrowser)", f"{s['floor_s'] * 1000:.0f} ms", ""),
        (
            "start-up, courseware",
            f"{s['app_s'] * 1000:.0f} ms",
            f"ratio {s['ratio']} (target ≤ 1.5)",
        ),
        ("start-up, courseware, everything attached", f"{s['ready_s'] * 1000:.0f} ms", ""),
        (f"render largest module ({r['module']})", f"{r['render_ms']} ms", "core only, uncached"),
        ("switch to largest module, not pre-rendered", f"{g['switch_uncached_ms']} ms", ""),
        (
            "switch to largest module, pre-rendered",
            f"{g['switch_prerendered_ms']} ms",
            "target < 60 ms",
        ),
        (
            "peak RSS, every module opened in every language",
            f"{g['peak_rss_mib']} MiB",
            "target < 150 MiB",
        ),
    ]
    for key, value in (results.get("frozen") or {}).items():
        rows.append(
            (
                f"bundle: {key}",
                str(value),
                "ratios: target ≤ 1.1 size, ≤ 1.5 start-up" if "ratio" in key else "",
            )
        )
    for key, value in (results.get("search") or {}).items():
        rows.append((f"search: {key}", str(value), ""))
    printed = results.get("print")
    if printed:
        rows.append(
            (
                f"print: whole-course trainer guide ({printed['lang']}, {printed['pages']} pages)",
                f"{printed['total_s']} s",
                "target < 60 s",
            )
        )
    editor = results.get("editor")
    if editor:
        label = f"editor: save to repaint, largest module ({editor['file']})"
        rows.append((label, f"{editor['total_ms']} ms", "target < 300 ms"))
    trs = results.get("trs")
    if trs:
        label = f"TRS lab: analysis of {trs['consignments']:,} consignments"
        rows.append((label, f"{trs['median_s']:.2f} s", "target < 2 s"))
        charts = trs["charts"]
        loaded = ", ".join(charts["loaded_at_attach"]) or "nothing"
        rows.append(
            (
                "TRS lab charts (QPainter, SVG by QtSvg): bundle added / loaded at attach",
                f"{charts['library_added_mib']} MiB",
                f"loaded when the window attaches its parts: {loaded}",
            )
        )
    width = max(len(a) for a, _b, _c in rows)
    for a, b, c in rows:
        print(f"{a.ljust(width)}  {b:>12}  {c}")
    if scaling is not None:
        print("\n" + "\n".join(table(scaling)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
