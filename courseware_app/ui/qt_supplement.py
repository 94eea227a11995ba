"""Words Qt's own catalogs leave in English: the Qt 6 file dialog's "&Look in:" and
"Files of &type:" have no Russian or French in qtbase_ru/fr.qm (6.11), so a trainee would see
them half in English. This translator fills in exactly those, after Qt's own."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

# (Qt's context, Qt's source text) -> our translation, per language
SUPPLEMENT: dict[str, dict[tuple[str, str], str]] = {
    "ru": {
        ("QFileDialog", "&Look in:"): "&Папка:",
        ("QFileDialog", "Files of &type:"): "&Тип файлов:",
    },
    "fr": {
        ("QFileDialog", "&Look in:"): "&Regarder dans\u00a0:",
        ("QFileDialog", "Files of &type:"): "&Type de fichier\u00a0:",
    },
}


class SupplementTranslator(QTranslator):
    """Answers only for the strings in ``SUPPLEMENT``; Qt asks it before its own catalog (the
    last translator installed is asked first) and falls back when it answers nothing."""

    def __init__(self, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.table = SUPPLEMENT.get(lang, {})

    def translate(  # noqa: D102 - Qt override
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return self.table.get((context, source_text))  # type: ignore[return-value]  # None: a null QString, "not mine"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.table
