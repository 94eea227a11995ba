"""Languages in the running app: live switching, and nothing cut off in any language."""

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QToolBar,
    QWidget,
)

from courseware_app.core.loader import load_course
from courseware_app.ui.language_dialog import LanguageDialog
from courseware_app.ui.quiz_widget import QuizDialog
from courseware_app.ui.retranslate import LanguageController, suggested_language
from tests.conftest import TEST_CONTENT


@pytest.fixture
def languages(qapp):
    controller = LanguageController(qapp, None)
    yield controller
    controller.switch("en")


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def cut_off(root: QWidget) -> list[str]:
    """Every visible label and button whose text does not fit its widget."""
    problems = []
    for label in root.findChildren(QLabel):
        if (
            label.isVisibleTo(root)
            and not label.wordWrap()
            and label.text()
            and "<" not in label.text()
        ):
            need = max(
                label.fontMetrics().horizontalAdvance(line)
                for line in plain(label.text()).split("\n")
            )
            if need > label.contentsRect().width() + 1:
                problems.append(f"label {label.text()!r}: {need} > {label.contentsRect().width()}")
    for button in root.findChildren(QAbstractButton):
        if (
            button.isVisibleTo(root)
            and button.text()
            and button.width() < button.minimumSizeHint().width()
        ):
            problems.append(
                f"button {button.text()!r}: {button.width()} < {button.minimumSizeHint().width()}"
            )
    for toolbar in root.findChildren(QToolBar):
        hidden = [
            a.text()
            for a in toolbar.actions()
            if not a.isSeparator()
            and toolbar.widgetForAction(a)
            and not toolbar.widgetForAction(a).isVisible()
        ]
        if hidden:
            problems.append(f"toolbar overflows, hidden: {hidden}")
    return problems


def wait_until_it_fits(qtbot, widget) -> None:
    """Until the widget is shown and laid out with nothing cut off (else fail with what is)."""

    def fits() -> None:
        assert widget.isVisible()
        assert cut_off(widget) == [], type(widget).__name__

    qtbot.waitUntil(fits, timeout=2000)


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
def test_main_window_fits_1366x768_in_every_language(make_window, languages, qtbot, lang):
    languages.switch(lang)
    w = make_window()
    w.retranslate_ui()
    w.resize(1366, 740)
    wait_until_it_fits(qtbot, w)
    assert w.menu("file").title() != "" and "&" in w.menu("file").title()


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
def test_dialogs_fit_in_every_language(qtbot, languages, lang):
    languages.switch(lang)
    quiz = load_course(TEST_CONTENT).modules["alpha"].source.quiz
    for dialog in (
        LanguageDialog("ru"),
        QuizDialog(
            quiz, module_id="alpha", module_version="1", lang=lang, trainer=True, one_per_page=False
        ),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        wait_until_it_fits(qtbot, dialog)
        dialog.close()


def test_switching_language_live_changes_menus_banners_and_standard_buttons(
    make_window, languages, qtbot
):
    w = make_window(languages=languages)
    w.reader.set_content_language("fr")
    english_menu = w.menu("view").title()
    english_tip = w.outline.item_for("alpha").toolTip(0)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    english_cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text()

    w.act_ui_lang["ru"].trigger()
    QApplication.processEvents()
    assert w.menu("view").title() == "&Вид"
    assert w.outline.item_for("alpha").toolTip(0) != english_tip
    assert "старой" in w.outline.item_for("alpha").toolTip(0) or "устарев" in w.outline.item_for(
        "alpha"
    ).toolTip(0)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    assert "Модуль" not in english_menu and english_cancel == "Cancel"

    w.act_ui_lang["en"].trigger()
    QApplication.processEvents()
    assert w.menu("view").title() == english_menu
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_a_language_switch_renders_and_shows_the_page_once(make_window, languages, qtbot):
    w = make_window(languages=languages)
    pages, module = w.reader.pages, w.reader.location.module
    pages.shutdown()  # no pre-rendering still running from the first page
    shown, rendered = [], []
    show_page, render = w.view.show_page, pages.disk.render
    w.view.show_page = lambda html, ids: (shown.append(html), show_page(html, ids))
    pages.disk.render = lambda course, key: (rendered.append(key), render(course, key))[1]
    w.act_ui_lang["fr"].trigger()
    QApplication.processEvents()  # Qt's LanguageChange for the new translator, if posted
    qtbot.waitUntil(lambda: not pages.tasks.pool.activeThreadCount())
    assert w.menu("view").title() == "&Affichage"
    assert len(shown) == 1
    assert [k for k in rendered if k.module == module] == [w.reader.key(module)]
    assert w.reader.key(module).ui_lang == "fr"


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("ru_RU", "ru"),
        ("fr_FR", "fr"),
        ("en_GB", "en"),
        ("kk_KZ", "ru"),
        ("uz_UZ", "ru"),
        ("hy_AM", "ru"),
        ("ka_GE", "ru"),
        ("az_AZ", "ru"),
        ("de_DE", "en"),
    ],
)
def test_first_start_picker_preselects(system, expected):
    assert suggested_language(system) == expected


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
def test_progress_dialogs_fit_in_every_language(make_window, languages, qtbot, tmp_path, lang):
    from courseware_app.core.progress import ProgressStore
    from courseware_app.ui.dashboard import DashboardDialog
    from courseware_app.ui.profiles_dialog import ProfilesDialog
    from courseware_app.ui.progress_ui import NoteDialog, install_progress
    from courseware_app.ui.results_dialog import ExportDialog, MergeDialog

    languages.switch(lang)
    data = tmp_path / "data"
    window = make_window(start=False, settings_path=data / "settings.ini")
    controller = install_progress(window, ProgressStore.open(data), data, pick=False)
    window.reader.open_start()
    dialogs = [
        DashboardDialog(controller, window),
        ProfilesDialog(controller, window),
        ExportDialog(controller, window),
        MergeDialog(controller, window),
        NoteDialog("alpha · intro", "", window),
    ]
    for dialog in dialogs:
        dialog.show()
        wait_until_it_fits(qtbot, dialog)
        assert dialog.width() <= 1366 and dialog.height() <= 768, type(dialog).__name__
        dialog.close()
    controller.store.flush()


def file_dialog_texts():
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog Qt draws itself
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
    dialog.deleteLater()
    return [t for t in texts if t]


@pytest.mark.parametrize("lang", ["ru", "fr"])
def test_the_file_dialog_qt_draws_speaks_the_interface_language(languages, lang):
    english = file_dialog_texts()
    assert "&Look in:" in english and "Files of &type:" in english
    languages.switch(lang)
    translated = file_dialog_texts()
    assert len(translated) == len(english)
    assert not set(translated) & set(english), set(translated) & set(english)
