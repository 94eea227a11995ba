"""A laptop switched off mid-install: a child process installing a pack is SIGKILLed at every
durable step (each fsync, rename and replace), and each time the content the app uses is
wholly the old or wholly the new, never a mix; the next install then completes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from courseware_app.core.packs import active_content, install_pack
from tests.core.packs.helpers import content_hashes, pack_of, trusted, write_course

CHILD = """\
import os, signal, sys
from pathlib import Path

kill_at, pack, data, bundled = int(sys.argv[1]), *map(Path, sys.argv[2:5])
seen = 0

def step(real):
    def counted(*args, **kwargs):
        global seen
        seen += 1
        if seen == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return counted

for name in ("fsync", "replace", "rename"):
    setattr(os, name, step(getattr(os, name)))

from courseware_app.core.packs import install_pack

install_pack(pack, data, bundled=bundled)
print(seen)
"""
ROOT = Path(__file__).resolve().parents[3]


def run_child(
    kill_at: int, pack: Path, data: Path, bundled: Path
) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-c", CHILD, str(kill_at), str(pack), str(data), str(bundled)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)


def test_a_kill_at_any_step_leaves_the_old_or_the_new_content(tmp_path: Path) -> None:
    bundled = write_course(tmp_path / "bundled", {"m-01": "1.0.0", "m-02": "1.0.0"})
    template = tmp_path / "template"
    key = trusted(template)
    old = write_course(tmp_path / "old", {"m-01": "1.1.0", "m-02": "1.0.0"}, extra_files=30)
    install_pack(pack_of(old, key).write(tmp_path / "old.cwpack"), template, bundled=bundled)
    new = write_course(tmp_path / "new", {"m-01": "1.2.0", "m-02": "1.1.0"}, extra_files=60)
    pack = pack_of(new, key).write(tmp_path / "new.cwpack")
    states = {"old": content_hashes(old), "new": content_hashes(new)}

    whole = tmp_path / "whole"
    shutil.copytree(template, whole)
    done = run_child(0, pack, whole, bundled)
    assert done.returncode == 0, done.stderr
    points = int(done.stdout)
    assert points >= 60

    def killed_at(n: int) -> str:
        data = tmp_path / f"kill-{n}"
        shutil.copytree(template, data)
        child = run_child(n, pack, data, bundled)
        assert child.returncode == -signal.SIGKILL, child.stderr
        found = content_hashes(active_content(data, bundled))
        state = next((name for name, hashes in states.items() if hashes == found), "a mix")
        install_pack(pack, data, bundled=bundled)  # what was left behind does not get in the way
        assert content_hashes(active_content(data, bundled)) == states["new"]
        shutil.rmtree(data)
        return state

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(killed_at, range(1, points + 1)))
    assert len(results) >= 50
    assert set(results) <= {"old", "new"}, results
    assert results[0] == "old" and results[-1] == "new"
