"""Translating for someone else (a printed document, a projector) on one thread leaves the
interface's language, its generation and every other thread alone."""

import threading

from courseware_app.core import i18n


def test_in_language_is_this_threads_alone():
    assert i18n.current_language() == "en"
    generation = i18n.generation()
    seen = {}
    inside = threading.Event()
    leave = threading.Event()

    def other_thread() -> None:
        inside.wait(5)
        seen["other"] = (i18n.current_language(), i18n._("Learning objectives"))
        leave.set()

    worker = threading.Thread(target=other_thread)
    worker.start()
    with i18n.in_language("ru"):
        seen["here"] = (i18n.current_language(), i18n._("Learning objectives"))
        with i18n.in_language("fr"):
            seen["nested"] = i18n._("Learning objectives")
        seen["after nested"] = i18n.current_language()
        inside.set()
        leave.wait(5)
    worker.join(5)
    assert seen["here"] == ("ru", "Цели обучения")
    assert seen["nested"] == "Objectifs pédagogiques"
    assert seen["after nested"] == "ru"
    assert seen["other"] == ("en", "Learning objectives")
    assert i18n.current_language() == "en" and i18n.generation() == generation
