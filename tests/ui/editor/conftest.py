"""A main window over a writable copy of the test content, in editor mode."""

import pytest


@pytest.fixture
def editing(make_window, content_copy, tmp_path, qtbot):
    """(window, workbench) with the first validation done."""
    from courseware_app.ui.editor.part import install_editor

    window = make_window(content=content_copy)
    window.resize(800, 420)  # a page longer than the view: sections reach its top
    part = install_editor(window, tmp_path / "data", editor=True)
    workbench = part.workbench
    assert workbench is not None
    qtbot.waitUntil(lambda: bool(workbench.problems), timeout=10000)
    yield window, workbench
    part.shutdown()
