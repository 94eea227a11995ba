"""Build the offline bundle: ``python -m courseware_app.build [--floor]``.

Compiles the UI catalogs, runs PyInstaller on build.spec (one folder, two executables) and
zips ``dist/courseware/`` into ``dist/courseware-<version>-<platform>.zip``. ``--floor``
also builds the size and start-up floor: a bare PySide6 QtWidgets "hello", bundled by the
same PyInstaller with default settings, into ``build/floor/dist/floor/``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from courseware_app import __version__
from courseware_app.bundle import build_id_file

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
FLOOR_SOURCE = """\
import sys
import time
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("hello")
label.show()
if "--exit" in sys.argv:  # for benchmarks/run.py: report when painted, then quit
    from PySide6.QtCore import QTimer

    def report():
        label.repaint()
        print(f"VISIBLE {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
app.exec()
"""


def compile_catalogs() -> None:
    from courseware_app.core.i18n import UI_LANGUAGES, catalog_po, compile_catalog

    for lang in UI_LANGUAGES:
        po = catalog_po(ROOT / "locales", lang)
        if not po.is_file():
            raise SystemExit(f"missing catalog {po}")
        compile_catalog(po, po.with_suffix(".mo"))


def build_id(package: Path) -> str:
    """A hash of the version and of the name and bytes of every file that shapes cached output
    (core.fingerprint.build_files): the bundle's stand-in for its source files' listing."""
    import hashlib

    from courseware_app.core.fingerprint import build_files

    digest = hashlib.sha256(__version__.encode("utf-8"))
    for path in build_files(package):
        digest.update(f"\0{path.relative_to(package).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_build_id(root: Path) -> Path:
    """Write the build id where bundle.data_files puts it into the bundle."""
    from courseware_app.core.atomic import write_text

    target = build_id_file(root)
    write_text(target, build_id(root / "courseware_app") + "\n", parents=True)
    return target


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def pyinstaller(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", *args], cwd=cwd, check=True
    )


def make_zip(folder: Path, target: Path) -> Path:
    """Zip the folder; symbolic links stay links (as unzip restores them), broken ones are left out."""
    target.unlink(missing_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(folder.rglob("*")):
            name = str(Path(folder.name) / path.relative_to(folder))
            if path.is_symlink():
                if not path.exists():
                    continue
                info = zipfile.ZipInfo(name)
                info.external_attr = 0o120777 << 16  # S_IFLNK | 0777
                zf.writestr(info, os.readlink(path))
            elif path.is_file():
                zf.write(path, name)
    return target


def remove_broken_links(folder: Path) -> None:
    """Links PyInstaller made to libraries the trims removed."""
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()


def build_app() -> Path:
    compile_catalogs()
    write_build_id(ROOT)
    pyinstaller(
        "--distpath",
        str(DIST),
        "--workpath",
        str(ROOT / "build" / "pyinstaller"),
        str(ROOT / "build.spec"),
        cwd=ROOT,
    )
    folder = DIST / "courseware"
    remove_broken_links(folder)
    archive = make_zip(folder, DIST / f"courseware-{__version__}-{platform_tag()}.zip")
    print(f"built {folder} and {archive}")
    return folder


def build_floor() -> Path:
    work = ROOT / "build" / "floor"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "floor.py").write_text(FLOOR_SOURCE, encoding="utf-8")
    pyinstaller("--onedir", "--name", "floor", "floor.py", cwd=work)
    folder = work / "dist" / "floor"
    make_zip(folder, work / "dist" / "floor.zip")
    print(f"built the floor in {folder}")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m courseware_app.build", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--floor", action="store_true", help="also build the bare PySide6 floor for benchmarks"
    )
    args = parser.parse_args(argv)
    build_app()
    if args.floor:
        build_floor()
    return 0


if __name__ == "__main__":
    sys.exit(main())
