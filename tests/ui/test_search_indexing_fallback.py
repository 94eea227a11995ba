"""The GUI's index builder with an index file it cannot use: a warning signal for the status
bar, the index built in memory, never a failure or a traceback (issue 20 #11). The data
folder sits under a regular file, so it cannot be created (root ignores chmod)."""

from courseware_app.core.loader import load_course
from courseware_app.core.search import SearchIndex
from courseware_app.ui.search.indexing import IndexBuilder
from tests.conftest import ROOT

SEARCH_CONTENT = ROOT / "tests" / "data" / "search"


def test_an_unusable_index_file_is_a_warning_and_the_index_still_works(qtbot, tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    path = tmp_path / "a-file" / "cache" / "search" / "index.sqlite"
    reader = SearchIndex(path)  # the UI thread's connection, opened first as in the window
    builder = IndexBuilder(path)
    failures: list[str] = []
    builder.failed.connect(failures.append)
    try:
        with qtbot.waitSignal(builder.warned, timeout=30_000) as warned:
            assert builder.start(load_course(SEARCH_CONTENT))
        assert failures == [] and builder.error == ""
        assert str(path) in warned.args[0] and builder.warning == warned.args[0]
        assert reader.search("declaration", None)  # what the builder indexed, in memory
    finally:
        builder.stop()
        reader.close()
