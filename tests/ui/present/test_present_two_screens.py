"""``courseware present`` on a laptop with a projector (an offscreen platform with two screens,
in a subprocess): the room's window fills the projector, the console stays on the laptop, and
when the projector is unplugged the room's window comes to the laptop with a warning."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[3]
PROBE = Path(__file__).with_name("present_probe.py")
LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}
PROJECTOR = {"name": "projector", "x": 1366, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96}


def test_the_room_sees_the_projector_and_follows_it_when_unplugged(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [LAPTOP, PROJECTOR]}))
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        LANGUAGE="en",
    )
    done = subprocess.run(
        [sys.executable, str(PROBE), "--data-dir", str(tmp_path / "data"), "--section", "process"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert seen["languages"] == ["ru", "en"] and seen["modal"] is False  # no dialog first
    assert seen["section"] == "process"
    placed = seen["placed"]
    assert placed["audience"] == {
        "geometry": [1366, 0, 1024, 768],
        "full_screen": True,
        "screen": "projector",
    }
    assert placed["console"]["screen"] == "laptop"
    unplugged = seen["unplugged"]
    assert unplugged["audience"]["screen"] == "laptop"
    assert unplugged["audience"]["full_screen"] is True
    assert unplugged["audience"]["geometry"] == [0, 0, 1366, 768]
    assert "mirror" in unplugged["warning"].lower() or "room" in unplugged["warning"].lower()
