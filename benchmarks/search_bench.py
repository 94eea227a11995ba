"""Search benchmarks: query times on the bundled curriculum and on a generated corpus.

Numbers, not pass/fail tests. Run ``python -m benchmarks.search_bench`` (or call
``run_search_benchmarks()``); the targets from the issue are printed beside each number.
"""

from __future__ import annotations

import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from courseware_app.core import paths
from courseware_app.core.languages import LANGUAGES
from courseware_app.core.loader import load_course
from courseware_app.core.search import WORD_RE, SearchIndex

MODULES, SECTIONS = 150, 20  # 3,000 sections per language
PARAGRAPH_WORDS = (50, 110)
PARAGRAPHS = 5  # about 400 words a section, the bundled curriculum's average
REPEAT = 7  # each query is timed this many times
TARGETS = {
    "bundled_median_ms": 10.0,
    "synthetic_median_ms": 30.0,
    "synthetic_p95_ms": 100.0,
    "synthetic_build_s": 30.0,
    "synthetic_reindex_one_module_s": 1.0,
}
BUNDLED_QUERIES = {
    "en": [
        "risk",
        "declaration",
        "released goods",
        '"risk profile"',
        "decl*",
        "post-clearance audit",
        "median release time",
        "selectivity",
    ],
    "ru": ["декларации", "риск", "выпуск товаров", '"профиль риска"', "контрол*", "ёмкость"],
    "fr": ["mainlevee", "contrôles", "déclaration", '"gestion des risques"', "risq*"],
}


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def time_queries(index: SearchIndex, queries: list[tuple[str, str | None]]) -> list[float]:
    """Milliseconds per query run (each query REPEAT times, after one warm-up run)."""
    for query, lang in queries:
        index.search(query, lang)
    times = []
    for _ in range(REPEAT):
        for query, lang in queries:
            started = time.perf_counter()
            index.search(query, lang)
            times.append((time.perf_counter() - started) * 1000)
    return times


# ---------------------------------------------------------------- the synthetic corpus


def vocabulary(content: Path) -> dict[str, list[str]]:
    """Every word of the bundled curriculum per language, with repeats (Zipf-like sampling)."""
    words: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for path in sorted((content / "modules").glob("*/*.md")):
        lang = path.stem
        if lang in words:
            text = path.read_text(encoding="utf-8").split("\n---", 1)[-1]
            words[lang].extend(WORD_RE.findall(re.sub(r"\{#[^}]*\}|[#*`]", " ", text)))
    for lang, found in words.items():
        if not found:
            words[lang] = words["en"] or ["risk", "customs", "release"]
    return words


def paragraph(rng: random.Random, vocab: list[str]) -> str:
    words = rng.choices(vocab, k=rng.randint(*PARAGRAPH_WORDS))
    lines, line = [], []
    for w in words:
        line.append(w)
        if len(line) == 12:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines).strip().capitalize() + "."


def module_text(rng: random.Random, vocab: list[str], module: str, lang: str) -> str:
    tf = '\ntranslated_from: "1.0.0"' if lang != "en" else ""
    out = [
        f'---\nid: {module}\nversion: "1.0.0"{tf}\ntitle: {" ".join(rng.choices(vocab, k=5))}\n'
        f"summary: {' '.join(rng.choices(vocab, k=20))}\nduration_minutes: 60\n"
        f"objectives:\n  - {' '.join(rng.choices(vocab, k=10))}\n---\n"
    ]
    for s in range(SECTIONS):
        title = " ".join(rng.choices(vocab, k=rng.randint(2, 5))).capitalize()
        out.append(f"\n## {title} {{#s{s:02d}}}\n")
        out.extend(f"\n{paragraph(rng, vocab)}\n" for _ in range(PARAGRAPHS))
        if s % 4 == 1:
            note = paragraph(rng, vocab).replace("\n", "\n    ")
            out.append(f'\n!!! trainer "Exercise"\n    {note}\n')
    return "".join(out)


def make_corpus(root: Path, content: Path | None = None, seed: int = 6) -> Path:
    """Write MODULES modules x SECTIONS sections x 3 languages under ``root``."""
    vocab = vocabulary(content or paths.content_dir())
    rng = random.Random(seed)
    ids = [f"syn-{i:03d}" for i in range(MODULES)]
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.yaml").write_text(
        'id: synthetic\nversion: "1.0.0"\ntitle: {en: Synthetic, ru: Синтетический, fr: Synthétique}\n'
        f"source_language: en\nlanguages: [{', '.join(LANGUAGES)}]\ntracks:\n"
        "  - id: risk-management\n"
        "    title: {en: Synthetic, ru: Синтетический, fr: Synthétique}\n"
        f"    modules: [{', '.join(ids)}]\n",
        encoding="utf-8",
    )
    for module in ids:
        folder = root / "modules" / module
        folder.mkdir(parents=True, exist_ok=True)
        for lang in LANGUAGES:
            text = module_text(rng, vocab[lang], module, lang)
            (folder / f"{lang}.md").write_text(text, encoding="utf-8")
    return root


def synthetic_queries(content: Path) -> list[tuple[str, str | None]]:
    """Frequent words, rare words, two words, phrases, prefixes, and all languages at once."""
    vocab = vocabulary(content)
    rng = random.Random(7)
    queries: list[tuple[str, str | None]] = []
    for lang in LANGUAGES:
        common = [w for w in vocab[lang] if len(w) > 4][:4000]
        for _ in range(6):
            queries.append((rng.choice(common), lang))
            queries.append((f"{rng.choice(common)} {rng.choice(common)}", lang))
        queries.append((f'"{rng.choice(common)} {rng.choice(common)}"', lang))
        queries.append((rng.choice(common)[:4] + "*", lang))
    queries.append((rng.choice(vocab["en"]), None))
    return queries


# ---------------------------------------------------------------- the runs


def timed(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def bundled_benchmark(tmp: Path) -> dict:
    content = paths.content_dir()
    course = load_course(content)
    with SearchIndex(tmp / "bundled.sqlite") as index:
        build, _stats = timed(lambda: index.update(course))
        queries = [(q, lang) for lang, qs in BUNDLED_QUERIES.items() for q in qs]
        times = time_queries(index, queries)
    return {
        "bundled_build_s": build,
        "bundled_median_ms": statistics.median(times),
        "bundled_p95_ms": percentile(times, 95),
    }


def synthetic_benchmark(tmp: Path) -> dict:
    root = make_corpus(tmp / "synthetic")
    load, course = timed(lambda: load_course(root))
    with SearchIndex(tmp / "synthetic.sqlite") as index:
        build, _stats = timed(lambda: index.update(course))
        times = time_queries(index, synthetic_queries(paths.content_dir()))
        path = root / "modules" / "syn-042" / "en.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        course = load_course(root)
        reindex, stats = timed(lambda: index.update(course))
        docs = index.document_count()
    return {
        "synthetic_sections": docs,
        "synthetic_load_s": load,
        "synthetic_build_s": build,
        "synthetic_median_ms": statistics.median(times),
        "synthetic_p95_ms": percentile(times, 95),
        "synthetic_reindex_one_module_s": reindex,
        "synthetic_reindexed": ", ".join(f"{m}/{lang}" for m, lang in stats.reindexed),
    }


def run_search_benchmarks() -> dict:
    """All search numbers, in seconds or milliseconds as their names say."""
    tmp = Path(tempfile.mkdtemp(prefix="courseware-search-bench-"))
    try:
        return {**bundled_benchmark(tmp), **synthetic_benchmark(tmp)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    results = run_search_benchmarks()
    print(f"{'measure':34} {'value':>12} {'target':>10}")
    for key, value in results.items():
        target = TARGETS.get(key)
        shown = f"{value:12.3f}" if isinstance(value, float) else f"{value!s:>12}"
        print(f"{key:34} {shown} {('< ' + format(target, 'g')) if target else '':>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
