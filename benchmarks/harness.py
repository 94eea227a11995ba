"""What the benchmarks share: the child environment, the app's command line, timed children."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 900  # a step of the 1,200-module course on a busy 2-core machine


def env(mode: str = "1") -> dict[str, str]:
    """Offscreen, with the app's benchmark hook on (mode "1": quit at the first paint)."""
    e = dict(os.environ, QT_QPA_PLATFORM="offscreen", COURSEWARE_BENCH_EXIT=mode)
    e.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    e.pop("PYTHONDONTWRITEBYTECODE", None)  # compiling every module at each start is not real
    e.pop("COURSEWARE_NO_CACHE", None)  # the app as installed keeps its caches
    return e


def app_command(data: Path, content: Path | None = None) -> list[str]:
    """The app from source, in English, on ``data`` (and on ``content`` instead of the bundle)."""
    cmd = [sys.executable, "-m", "courseware_app", "--lang", "en", "--data-dir", str(data)]
    return cmd + (["--content", str(content)] if content is not None else [])


@dataclass(frozen=True)
class Finished:
    """A child process that has ended: its standard output and error, its peak RSS."""

    stdout: str
    stderr: str
    returncode: int
    peak_rss_mib: float


def run_child(cmd: list[str], child_env: dict[str, str], timeout: float = TIMEOUT_S) -> Finished:
    """Run ``cmd`` to its end; the peak RSS is that one child's (wait4), not all children's."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=child_env, cwd=ROOT)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            assert proc.stdout is not None
            out = proc.stdout.read().decode("utf-8", "replace")
            proc.stdout.close()
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Finished(out, stderr, proc.returncode, usage.ru_maxrss / 1024)


def marked_time(finished: Finished, marker: str, start: float) -> float:
    """Seconds from ``start`` to the child's '<marker> <time>' line."""
    for line in finished.stdout.splitlines():
        if line.startswith(f"{marker} "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no {marker} line (exit {finished.returncode}): {finished.stderr[-800:]}")


def timed_spawn(cmd: list[str], marker: str = "VISIBLE") -> tuple[float, float]:
    """Seconds from spawn to the child's '<marker> <time>' line (READY: everything attached),
    and the child's peak RSS in MiB."""
    start = time.time()
    finished = run_child(cmd, env("ready" if marker == "READY" else "1"), timeout=120)
    return marked_time(finished, marker, start), finished.peak_rss_mib


def timed_process(cmd: list[str], marker: str = "VISIBLE") -> float:
    """Seconds from spawn to the child's '<marker> <time>' line."""
    return timed_spawn(cmd, marker)[0]


def json_child(cmd: list[str], timeout: float = TIMEOUT_S) -> tuple[dict[str, object], float]:
    """The last JSON object a child prints, and the child's peak RSS in MiB."""
    finished = run_child(cmd, env(), timeout)
    lines = [line for line in finished.stdout.splitlines() if line.startswith("{")]
    if finished.returncode != 0 or not lines:
        raise RuntimeError(f"{cmd[1:4]} failed ({finished.returncode}): {finished.stderr[-1500:]}")
    result: dict[str, object] = json.loads(lines[-1])
    return result, finished.peak_rss_mib
