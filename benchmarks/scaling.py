"""Scaling: how loading, start-up, the outline and search grow with the number of modules.

    python benchmarks/scaling.py [--sizes 12,120,1200] [--runs 7] [--json]
    (benchmarks/run.py prints the same table after its own numbers)

A synthetic course of N modules in every language of ``core.languages.LANGUAGES`` is written
into a temporary folder from the bundled curriculum: module i is bundled module i mod 12, copy
i // 12, re-identified (the folder, the front matter's id and every link to a module of the same
copy), so text, diagrams and quizzes are the real ones. Copy 0 keeps the bundled ids, so the
12-module course is today's curriculum. Each step runs in a child process of its own, which
reports its time and its peak RSS (``ru_maxrss``); start-up is the app itself, spawned on that
content as run.py spawns it on the bundled course. Times are medians; the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.harness import app_command, json_child, timed_spawn  # noqa: E402
from courseware_app.core.languages import LANGUAGES  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTreeWidgetItem

CONTENT = ROOT / "content"
DEFAULT_SIZES = (12, 120, 1200)
MIB = 2**20
REPEAT_BUDGET = 360  # modules loaded per step, over its repetitions (keeps a run near 5 min)
Result = dict[str, float]


class Scaling(TypedDict):
    """What ``scaling_numbers`` returns (run.py's --json prints it under "scaling")."""

    sizes: list[int]
    languages: list[str]
    runs: int
    seconds: float
    by_size: dict[str, Result]  # str(size) -> measure -> value (seconds, MiB, counts)


# ---------------------------------------------------------------- the synthetic course


def copy_id(module_id: str, copy: int) -> str:
    """The id of ``module_id`` in copy ``copy`` (copy 0 keeps the bundled id)."""
    return module_id if copy == 0 else f"{module_id}-x{copy:03d}"


def _copy_module(source: Path, target: Path, rewrite: Callable[[str], str]) -> None:
    target.mkdir(parents=True)
    for path in sorted(source.iterdir()):
        if path.suffix == ".md":
            if path.stem in LANGUAGES:
                text = rewrite(path.read_text(encoding="utf-8"))
                (target / path.name).write_text(text, encoding="utf-8")
        elif path.is_file():
            shutil.copyfile(path, target / path.name)


def _manifest(source: Path, tracks: dict[str, list[str]], modules: int) -> str:
    import yaml

    data = yaml.safe_load((source / "course.yaml").read_text(encoding="utf-8"))
    data["id"] = f"{data['id']}-x{modules}"
    data["languages"] = list(LANGUAGES)
    for track in data["tracks"]:
        track["modules"] = tracks[track["id"]]
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def make_course(root: Path, modules: int, source: Path = CONTENT) -> Path:
    """Write a course of ``modules`` modules under ``root`` (see the module's docstring)."""
    from courseware_app.core.loader import load_course

    bundled = load_course(source)
    order = [m.id for m in bundled.ordered_modules()]
    refs = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, order)) + r")(?![\w-])")
    tracks: dict[str, list[str]] = {t.id: [] for t in bundled.tracks}
    for i in range(modules):
        copy, original = divmod(i, len(order))
        module = bundled.modules[order[original]]
        tracks[module.track].append(copy_id(module.id, copy))

        def rewrite(text: str, copy: int = copy) -> str:
            return refs.sub(lambda m: copy_id(m[1], copy), text)

        _copy_module(module.folder, root / "modules" / copy_id(module.id, copy), rewrite)
    (root / "course.yaml").write_text(_manifest(source, tracks, modules), encoding="utf-8")
    return root


# ---------------------------------------------------------------- the steps, in child processes


def _timed(work: Callable[[], object], repeats: int) -> float:
    """Median seconds of ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _course_cache(work: Path) -> Path:
    return work / "course-cache"


def step_cold(root: Path, work: Path, repeats: int) -> Result:
    """load_course with no cache; then (after measuring) the course cache is written."""
    import yaml  # noqa: F401 - imported by the first load; not what this step measures

    from courseware_app.core.coursecache import load_course_cached
    from courseware_app.core.loader import load_course

    result = {"s": _timed(lambda: load_course(root), repeats), "rss_mib": _rss_mib()}
    load_course_cached(root, _course_cache(work))
    cached = sum(p.stat().st_size for p in _course_cache(work).iterdir())
    return result | {"course_cache_mib": cached / MIB}


def step_cached(root: Path, work: Path, repeats: int) -> Result:
    """load_course_cached with the cache step_cold wrote."""
    from courseware_app.core.coursecache import load_course_cached

    before = _listing(_course_cache(work))
    seconds = _timed(lambda: load_course_cached(root, _course_cache(work)), repeats)
    # A rewritten cache was a miss: the source tree changed meanwhile (the app build is part
    # of the cache's key), so this was not a cached load.
    return {
        "s": seconds,
        "rss_mib": _rss_mib(),
        "missed": float(_listing(_course_cache(work)) != before),
    }


def _listing(folder: Path) -> list[tuple[str, int]]:
    return sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir())


def step_outline(root: Path, work: Path, repeats: int) -> Result:
    """OutlineTree.populate on a shown tree, offscreen, and the paint that follows."""
    from PySide6.QtWidgets import QApplication

    from courseware_app.core.coursecache import load_course_cached
    from courseware_app.ui.outline import OutlineTree

    app = QApplication([])
    course = load_course_cached(root, _course_cache(work))
    tree = OutlineTree()
    tree.resize(360, 720)
    tree.show()
    app.processEvents()

    def build() -> None:
        tree.populate(course, "en")
        app.processEvents()

    seconds = _timed(build, repeats)
    items = sum(_rows(tree.topLevelItem(i)) for i in range(tree.topLevelItemCount()))
    return {"s": seconds, "rss_mib": _rss_mib(), "items": items}


def _rows(item: QTreeWidgetItem | None) -> int:
    """The item and everything below it."""
    if item is None:
        return 0
    return 1 + sum(_rows(item.child(i)) for i in range(item.childCount()))


def step_index(root: Path, work: Path, _repeats: int) -> Result:
    """SearchIndex.update from empty: every module in every language (built once)."""
    from courseware_app.core.coursecache import load_course_cached
    from courseware_app.core.search import SearchIndex

    course = load_course_cached(root, _course_cache(work))
    path = work / "index.sqlite"
    with SearchIndex(path) as index:
        seconds = _timed(lambda: index.update(course), 1)
        sections = index.document_count()
    return {
        "s": seconds,
        "rss_mib": _rss_mib(),
        "sections": sections,
        "index_mib": path.stat().st_size / MIB,
    }


def step_query(_root: Path, work: Path, _repeats: int) -> Result:
    """The median of typical queries in every language (search_bench's), on step_index's file."""
    from benchmarks.search_bench import BUNDLED_QUERIES, time_queries
    from courseware_app.core.search import SearchIndex

    queries: list[tuple[str, str | None]] = [
        (q, lang) for lang, qs in BUNDLED_QUERIES.items() for q in qs
    ]
    with SearchIndex(work / "index.sqlite") as index:
        times = time_queries(index, queries)
    return {"ms": statistics.median(times), "rss_mib": _rss_mib(), "queries": len(queries)}


STEPS: dict[str, Callable[[Path, Path, int], Result]] = {
    "cold": step_cold,
    "cached": step_cached,
    "outline": step_outline,
    "index": step_index,
    "query": step_query,
}


def child_main(argv: list[str]) -> int:
    """``scaling.py step NAME ROOT WORK REPEATS``: run one step, print its result as JSON."""
    name, root, work, repeats = argv
    print(json.dumps(STEPS[name](Path(root), Path(work), int(repeats))), flush=True)
    return 0


# ---------------------------------------------------------------- the parent: one size, all sizes


def run_step(name: str, root: Path, work: Path, repeats: int) -> Result:
    cmd = [sys.executable, str(Path(__file__)), "step", name, str(root), str(work), str(repeats)]
    result, _rss = json_child(cmd)
    return {k: float(v) for k, v in result.items() if isinstance(v, int | float)}


def repeats_for(runs: int, modules: int) -> int:
    """Repetitions of a step whose cost grows with the course: about REPEAT_BUDGET modules
    loaded in all (``runs`` for today's course, 3 for 120 modules, 1 for 1,200)."""
    return max(1, min(runs, REPEAT_BUDGET // modules))


def startup_numbers(root: Path, work: Path, runs: int, repeats: int) -> Result:
    """The app spawned on ``root``: a first start on a fresh data folder (no caches, no start
    page recorded), then later starts on the folder the first one left."""
    first = [timed_spawn(app_command(work / f"data-{i}", root)) for i in range(repeats)]
    data = work / "data-0"
    timed_spawn(app_command(data, root))  # settles the caches, as run.py's warm-up does
    second = [timed_spawn(app_command(data, root)) for _ in range(runs)]
    ready = [timed_spawn(app_command(data, root), "READY") for _ in range(repeats)]
    out: Result = {}
    for key, spawns in (("first_start", first), ("second_start", second), ("ready", ready)):
        out[f"{key}_s"] = statistics.median(s for s, _rss in spawns)
        out[f"{key}_rss_mib"] = statistics.median(rss for _s, rss in spawns)
    return out


def _prefixed(prefix: str, result: Result) -> Result:
    return {f"{prefix}_{k}": v for k, v in result.items()}


def folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / MIB


def measure(modules: int, runs: int, work: Path) -> Result:
    """Every number for a course of ``modules`` modules, built under ``work``."""
    root = make_course(work / "course", modules)
    repeats = repeats_for(runs, modules)
    out: Result = {"modules": modules, "content_mib": folder_mib(root), "repeats": repeats}
    out |= _prefixed("cold_load", run_step("cold", root, work, repeats))
    out |= _prefixed("cached_load", run_step("cached", root, work, repeats))
    if out["cached_load_missed"]:
        print("scaling: the course cache missed (source edited?)", file=sys.stderr, flush=True)
    out |= startup_numbers(root, work, runs, repeats)
    out |= _prefixed("outline", run_step("outline", root, work, max(repeats, 3)))
    out |= _prefixed("index", run_step("index", root, work, 1))
    out |= _prefixed("query", run_step("query", root, work, runs))
    return out


def scaling_numbers(sizes: list[int], runs: int) -> Scaling:
    """Every measure for each size (see ``Scaling``)."""
    started = time.perf_counter()
    by_size: dict[str, Result] = {}
    for modules in sizes:
        print(f"scaling: {modules} modules...", file=sys.stderr, flush=True)
        work = Path(tempfile.mkdtemp(prefix=f"cw-scaling-{modules}-"))
        try:
            by_size[str(modules)] = {
                k: round(v, 4) for k, v in measure(modules, runs, work).items()
            }
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return {
        "sizes": sizes,
        "languages": list(LANGUAGES),
        "runs": runs,
        "seconds": round(time.perf_counter() - started, 1),
        "by_size": by_size,
    }


# ---------------------------------------------------------------- the table

ROWS = (  # (label, key, unit): "s" is shown in ms or s, "ms" in ms, "mib" in MiB, "n" as is
    ("content on disk", "content_mib", "mib"),
    ("cold load (load_course, no cache)", "cold_load_s", "s"),
    ("  peak RSS", "cold_load_rss_mib", "mib"),
    ("course cache (JSON)", "cold_load_course_cache_mib", "mib"),
    ("cached load (load_course_cached, warm)", "cached_load_s", "s"),
    ("  peak RSS", "cached_load_rss_mib", "mib"),
    ("first start to first paint (fresh data)", "first_start_s", "s"),
    ("  peak RSS", "first_start_rss_mib", "mib"),
    ("second start to first paint (caches)", "second_start_s", "s"),
    ("  peak RSS", "second_start_rss_mib", "mib"),
    ("second start to everything attached", "ready_s", "s"),
    ("  peak RSS", "ready_rss_mib", "mib"),
    ("outline build (populate + paint)", "outline_s", "s"),
    ("  peak RSS (course loaded)", "outline_rss_mib", "mib"),
    ("  outline rows", "outline_items", "n"),
    ("search index build (all languages)", "index_s", "s"),
    ("  peak RSS", "index_rss_mib", "mib"),
    ("  sections indexed", "index_sections", "n"),
    ("  index file", "index_index_mib", "mib"),
    ("one query (median of typical queries)", "query_ms", "ms"),
    ("  peak RSS", "query_rss_mib", "mib"),
)


def shown(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "mib":
        return f"{value:.0f} MiB" if value >= 10 else f"{value:.1f} MiB"
    return f"{value:.0f}"


def growth(before: float, after: float) -> str:
    return f"×{after / before:.1f}" if before > 0 else "-"


def table(scaling: Scaling) -> list[str]:
    """The scaling numbers as text lines: one row a measure, one column a size, then the
    growth factor between each size and the next."""
    sizes, by_size = [str(s) for s in scaling["sizes"]], scaling["by_size"]
    steps = [f"{a}→{b}" for a, b in zip(sizes, sizes[1:], strict=False)]
    head = [f"{s} modules" for s in sizes] + steps
    rows = [("scaling (×3 languages; medians)", head)]
    for label, key, unit in ROWS:
        values = [by_size[s].get(key, math.nan) for s in sizes]
        factors = [growth(a, b) for a, b in zip(values, values[1:], strict=False)]
        rows.append((label, [shown(v, unit) for v in values] + factors))
    width = max(len(label) for label, _cells in rows)
    lines = [label.ljust(width) + "".join(c.rjust(13) for c in cells) for label, cells in rows]
    return lines + [f"(whole scaling run: {scaling['seconds']} s; machine shared, numbers noisy)"]


def parse_sizes(text: str) -> list[int]:
    """'12,120,1200' -> [12, 120, 1200] (argparse type)."""
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of module counts: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"module counts must be positive: {text!r}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["step"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = scaling_numbers(args.sizes, args.runs)
    print(json.dumps(results, indent=2) if args.json else "\n".join(table(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
