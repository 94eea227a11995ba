"""TRS lab benchmark: the analysis of 100,000 synthetic consignments with 6 milestones.

Numbers, not a pass/fail test. Run ``python -m benchmarks.trs_bench`` (or call
``run_trs_benchmark()``): it writes the extract to a temporary file, then times reading it,
recognising the columns and the whole analysis segmented by channel, three times, and prints
the median (wall clock and processor time, with the load average, since a busy machine
stretches the wall clock) beside the issue's target, and the time the JSON document adds.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from courseware_app.core.trs import analyse, make_plan, read_extract, to_document

CONSIGNMENTS = 100_000
REPEAT = 3
TARGET_S = 2.0
MILESTONES = (
    "arrival",
    "declaration_lodged",
    "registration",
    "inspection_start",
    "release",
    "exit",
)
CHANNELS = (("green", 0.6), ("yellow", 0.25), ("red", 0.15))
START = datetime(2025, 1, 1, 6, 0)


def _row(rng: random.Random, number: int) -> str:
    channel = rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
    t = START + timedelta(minutes=rng.randrange(365 * 24 * 60))
    stamps = [t]
    lodged = t + timedelta(minutes=rng.gauss(45, 30) if rng.random() > 0.1 else -120)
    stamps.append(lodged)
    t = max(t, lodged)
    for mean in (5, 40 if channel != "green" else 2, 30 if channel == "red" else 20, 15):
        t += timedelta(minutes=rng.expovariate(1 / mean))
        stamps.append(t)
    cells = [s.strftime("%Y-%m-%dT%H:%M") for s in stamps]
    if rng.random() < 0.005:
        cells[4] = ""  # still under control
    return ",".join([f"C-{number:06d}", channel, "road", *cells])


def synthetic_csv(count: int = CONSIGNMENTS, seed: int = 18) -> bytes:
    """A synthetic extract: id, channel, mode and six ISO timestamps per consignment."""
    rng = random.Random(seed)
    lines = [",".join(["consignment_id", "channel", "mode", *MILESTONES])]
    lines += [_row(rng, n) for n in range(count)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def time_analysis(path: Path) -> tuple[float, float, float]:
    """Seconds (wall clock, processor) to read the file at ``path``, recognise its columns and
    analyse it by channel; and the wall-clock seconds to build and dump the JSON document."""
    wall, cpu = time.perf_counter(), time.process_time()
    extract = read_extract(path)
    analysis = analyse(extract, make_plan(extract, by=["channel"]))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    started = time.perf_counter()
    json.dumps(to_document(analysis), ensure_ascii=False)
    return wall, cpu, time.perf_counter() - started


def run_trs_benchmark(count: int = CONSIGNMENTS) -> dict[str, float]:
    """Medians of REPEAT timed analyses of ``count`` consignments, and the target."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.csv"
        path.write_bytes(synthetic_csv(count))
        runs = [time_analysis(path) for _ in range(REPEAT)]
    return {
        "consignments": count,
        "median_s": statistics.median(r[0] for r in runs),
        "median_cpu_s": statistics.median(r[1] for r in runs),
        "json_s": statistics.median(r[2] for r in runs),
        "target_s": TARGET_S,
    }


def main() -> int:
    result = run_trs_benchmark()
    if "--json" in sys.argv[1:]:
        print(json.dumps(result))
        return 0
    verdict = "ok" if result["median_s"] < TARGET_S else "SLOW"
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(
        f"TRS analysis, {result['consignments']:,} consignments x {len(MILESTONES)} milestones "
        f"(read, recognise, analyse by channel): median of {REPEAT} {result['median_s']:.2f} s "
        f"(processor {result['median_cpu_s']:.2f} s{load}; target < {TARGET_S:.0f} s) {verdict}; "
        f"JSON document {result['json_s']:.2f} s more"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
