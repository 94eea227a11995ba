"""The course read again (editor mode's save, a content update): search finds the new text."""

import shutil
from pathlib import Path

from courseware_app.core.loader import load_course
from courseware_app.ui.search import install_search

SEARCH_CONTENT = Path(__file__).resolve().parents[2] / "tests" / "data" / "search"


def test_search_follows_a_course_read_again(make_window, qtbot, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SEARCH_CONTENT, content)
    w = make_window(content=content)
    c = install_search(w, tmp_path / "index.sqlite", start_delay_ms=0)
    with qtbot.waitSignal(c.indexReady, timeout=20000):
        pass
    c.box.setText("zanzibarite")
    c.run_query()
    assert c.hits == []
    page = content / "modules" / "release" / "en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new word: zanzibarite.\n", "utf-8")
    with qtbot.waitSignal(c.indexReady, timeout=20000) as ready:
        w.reader.replace_course(load_course(content), ["release"])
    assert ready.args[0].reindexed == [("release", "en")]  # only what changed
    c.run_query()
    assert [hit.module for hit in c.hits] == ["release"]
    c.shutdown()
