#!/usr/bin/env python3
"""Set up everything and run the app or the tests: ``python3 dev.py app`` / ``python3 dev.py test``.

``python3 dev.py i18n`` extracts UI messages and updates the catalogs (docs/translating.md).

Works on a fresh Debian 12 with only python3, python3-venv, pip and git: installs Qt's
system libraries with apt-get when they are missing (through sudo when not root), creates
.venv, installs the project with its test extra, compiles the UI catalogs, then runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from courseware_app.core.languages import LANGUAGES  # standard library only

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
QT_LIBS = [
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libxkbcommon0",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-dejavu-core",
]
SCREEN_LIBS = [
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
]


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def run(cmd: list[str], **kw) -> None:
    subprocess.run(cmd, check=True, **kw)


def missing_packages(names: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for name in names:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in out.stdout:
            missing.append(name)
    return missing


def install_system_libraries(screen: bool) -> None:
    need = missing_packages(QT_LIBS + (SCREEN_LIBS if screen else []))
    if not need:
        return
    if not shutil.which("apt-get"):
        say(f"please install these system libraries: {' '.join(need)}")
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    say(f"installing system libraries: {' '.join(need)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run([*sudo, "apt-get", "update", "-qq"], env=env)
    run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *need], env=env)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    py = venv_python()
    if not py.exists():
        say("creating the virtual environment .venv")
        run([sys.executable, "-m", "venv", str(VENV)])
    stamp = VENV / ".installed"
    pyproject = ROOT / "pyproject.toml"
    if not stamp.exists() or stamp.stat().st_mtime < pyproject.stat().st_mtime:
        say("installing Python packages")
        run([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"])
        run([str(py), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"])
        stamp.touch()
    return py


def compile_catalogs(py: Path) -> None:
    locales = ROOT / "locales"
    if any(locales.glob("*/LC_MESSAGES/*.po")):
        run(
            [
                str(py),
                "-m",
                "babel.messages.frontend",
                "--quiet",
                "compile",
                "-d",
                str(locales),
                "-D",
                "courseware",
            ]
        )


def update_catalogs(py: Path) -> None:
    """Extract messages into locales/courseware.pot and merge them into each language's .po."""
    babel = [str(py), "-m", "babel.messages.frontend"]
    pot = ROOT / "locales" / "courseware.pot"
    run(
        [
            *babel,
            "--quiet",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-o",
            str(pot),
            "--project",
            "courseware",
            "--copyright-holder",
            "The courseware authors",
            "--no-wrap",
            "--sort-by-file",
            "courseware_app",  # relative, so the .pot names files as translators see them
        ],
        cwd=ROOT,
    )
    for lang in LANGUAGES:
        po = ROOT / "locales" / lang / "LC_MESSAGES" / "courseware.po"
        action = "update" if po.exists() else "init"
        run(
            [
                *babel,
                "--quiet",
                action,
                "-i",
                str(pot),
                "-d",
                str(ROOT / "locales"),
                "-D",
                "courseware",
                "-l",
                lang,
                "--no-wrap",
            ]
            + (["--ignore-obsolete"] if action == "update" else [])
            # English is the msgid itself: a fuzzy guess there only makes i18n-status fail
            + (["--no-fuzzy-matching"] if lang == "en" else [])
        )


def main(argv: list[str]) -> int:
    what = argv[1] if len(argv) > 1 else "app"
    if what not in ("app", "test", "setup", "i18n"):
        print(__doc__)
        return 2
    install_system_libraries(screen=what == "app")
    py = ensure_venv()
    if what == "i18n":
        update_catalogs(py)
    compile_catalogs(py)
    if what in ("setup", "i18n"):
        return 0
    if what == "test":
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.run([str(py), "-m", "pytest", *argv[2:]], cwd=ROOT, env=env).returncode
    return subprocess.run([str(py), "-m", "courseware_app", *argv[2:]], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
