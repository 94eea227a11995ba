"""Every menu of the full window (every part attached) gives each action its own underlined
letter, in every interface language: Alt+letter reaches one item, not the first of two."""

import os
import subprocess
import sys
import textwrap

from tests.conftest import ROOT

PROBE = textwrap.dedent(
    """
    import argparse, re, sys, tempfile
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QMenu
    from courseware_app.app import attach_everything
    from courseware_app.core import paths
    from courseware_app.core.i18n import set_language
    from courseware_app.ui.main_window import MainWindow
    from courseware_app.ui.settings import Settings

    app = QApplication([])
    data = Path(tempfile.mkdtemp())
    for lang in ("en", "ru", "fr"):
        set_language(lang, paths.locales_dir())
        window = MainWindow(None, Settings(data / "s.ini"), content_root=paths.content_dir(None, data))
        args = argparse.Namespace(content=None, open=None, lang=lang, trainer=False, editor=False)
        attach_everything(window, args, data, None, log_to_file=False)
        window.retranslate_ui()
        menus = window.menuBar().findChildren(QMenu)
        print("MENUS", lang, len(menus))
        for menu in menus:
            letters = {}
            for action in menu.actions():
                m = re.search(r"&(\\w)", action.text())
                if m:
                    letters.setdefault(m.group(1).lower(), []).append(action.text())
            for letter, texts in letters.items():
                if len(texts) > 1:
                    print("CLASH", lang, menu.title(), letter, texts)
        window.close()
    """
)


def test_no_menu_has_two_items_on_one_letter_in_any_language(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COURSEWARE_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert [line for line in done.stdout.splitlines() if line.startswith("CLASH")] == []
    counts = [int(line.split()[2]) for line in done.stdout.splitlines() if line.startswith("MENUS")]
    assert len(counts) == 3 and min(counts) >= 6  # file, view, go, tools, language, help...
