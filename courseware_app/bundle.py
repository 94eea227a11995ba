"""What goes into the PyInstaller bundle: data files mirroring the runtime paths, and trims.

build.spec reads this module; tests check it against courseware_app.core.paths.
"""

from __future__ import annotations

import re
from pathlib import Path

from courseware_app.core.fingerprint import BUILD_ID_FILE
from courseware_app.core.languages import LANGUAGES as UI_LANGUAGES

# Modules the app never uses: network, QML/Quick, 3D, multimedia, web engine, Tk, test tools.
EXCLUDED_MODULES = [
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtStateMachine",
    "PySide6.QtSvgWidgets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "tkinter",
    "unittest",
    "pytest",
    "pytestqt",
    "hypothesis",
    "IPython",
    "numpy",
    "PIL",
    "pydoc",
    "xmlrpc",
    "ftplib",
    "http.server",
    "lib2to3",
    # Pulled in only through fallbacks we never reach, yet each brings a runtime hook that runs
    # at every start: pkg_resources (Babel's entry-point fallback for Python < 3.10) costs about
    # 100 ms, multiprocessing (concurrent.futures' process pool) about 10 ms.
    "pkg_resources",
    "multiprocessing",
]

_BABEL_LOCALE = re.compile(r"babel[/\\]locale-data[/\\]([^/\\]+)\.dat$")
_QT_TRANSLATION = re.compile(r"translations[/\\](qt\w*?)_([a-z]{2}(?:_[A-Za-z]+)?)\.qm$")
# Plugins nobody at a border post needs, and that would pull network or extra system libraries.
_DROPPED_PLUGINS = re.compile(
    r"plugins[/\\](tls|networkinformation|wayland[^/\\]*|egldeviceintegrations|platforminputcontexts|"
    r"sqldrivers|qmltooling|designer|generic|vectorimageformats)[/\\]"
    r"|plugins[/\\]platformthemes[/\\][^/\\]*gtk"
    r"|plugins[/\\]platforms[/\\][^/\\]*(wayland|eglfs|linuxfb|vnc|minimalegl|vkkhrdisplay)"
    r"|plugins[/\\]imageformats[/\\][^/\\]*(pdf|tiff|webp|icns|tga|wbmp)"
)
_DROPPED_LIBRARIES = re.compile(
    r"(Qt6(Network|Qml|Quick|Pdf|Wayland|Wl|EglF[Ss]|Sql|OpenGL|VirtualKeyboard|Multimedia|WebEngine)\w*\.so|"
    r"Qt6(Network|Qml|Quick|Pdf|Sql|OpenGL)\w*\.dll|libssl|libcrypto|libwayland)"
)
# Print support (File > Print) keeps Qt's CUPS plugin, so the system's printers are listed; the
# CUPS library and the TLS stack it brings (GnuTLS and its helpers, 6.4 MiB) are the system's:
# a bundled copy would not match its daemon, and without CUPS the plugin does not load while PDF
# export still works (it needs no plugin).
_SYSTEM_PRINTING = re.compile(
    r"(^|[/\\])lib(cups|avahi-client|avahi-common|gnutls|gmp|hogweed|nettle|idn2|p11-kit|"
    r"tasn1|unistring)\.so"
)


def keep_data(destination: str) -> bool:
    """Keep Babel locale data for root/en/ru/fr only, and Qt translations for our languages."""
    m = _BABEL_LOCALE.search(destination)
    if m:
        name = m.group(1)
        return name == "root" or name.split("_")[0] in UI_LANGUAGES and "_" not in name
    m = _QT_TRANSLATION.search(destination)
    if m:
        return m.group(2).split("_")[0] in UI_LANGUAGES and m.group(1) in ("qt", "qtbase")
    return not _DROPPED_PLUGINS.search(destination)


def keep_binary(destination: str) -> bool:
    return not (
        _DROPPED_PLUGINS.search(destination)
        or _DROPPED_LIBRARIES.search(destination)
        or _SYSTEM_PRINTING.search(destination)
    )


def compiled_catalogs(root: Path) -> list[Path]:
    return sorted((root / "locales").glob("*/LC_MESSAGES/courseware.mo"))


def build_id_file(root: Path) -> Path:
    """Where ``python -m courseware_app.build`` writes the build id before bundling."""
    return root / "build" / BUILD_ID_FILE


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source, destination folder) pairs that mirror core.paths at run time.

    content/ -> content/, locales/<lang>/LC_MESSAGES/*.mo -> locales/<lang>/LC_MESSAGES/,
    courseware_app/resources/ -> courseware_app/resources/, build/build-id -> courseware_app/
    (when built; core.fingerprint reads it). Fails without compiled catalogs.
    """
    missing = [
        lang
        for lang in UI_LANGUAGES
        if not (root / "locales" / lang / "LC_MESSAGES" / "courseware.mo").is_file()
    ]
    if missing:
        raise SystemExit(
            f"compiled catalogs missing for {', '.join(missing)}: run 'python3 dev.py setup' first"
        )
    pairs = [
        (str(root / "content"), "content"),
        (str(root / "courseware_app" / "resources"), "courseware_app/resources"),
    ]
    for mo in compiled_catalogs(root):
        pairs.append((str(mo), str(mo.parent.relative_to(root)).replace("\\", "/")))
    if build_id_file(root).is_file():
        pairs.append((str(build_id_file(root)), "courseware_app"))
    return pairs
