"""First start: pick the interface language, asked in all three languages at once."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout

from courseware_app.core.languages import native_name

PROMPT = "Choose your language\nВыберите язык\nChoisissez votre langue"


class LanguageDialog(QDialog):
    def __init__(self, preselected: str, parent=None):
        super().__init__(parent)
        self.setObjectName("languageDialog")
        self.setWindowTitle("Language · Язык · Langue")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(PROMPT, self))
        self.buttons: dict[str, QRadioButton] = {}
        for lang in ("ru", "en", "fr"):
            button = QRadioButton(native_name(lang), self)
            button.setObjectName(f"lang_{lang}")
            button.setChecked(lang == preselected)
            layout.addWidget(button)
            self.buttons[lang] = button
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText("OK")
        box.accepted.connect(self.accept)
        layout.addWidget(box)

    def chosen(self) -> str:
        return next((lang for lang, b in self.buttons.items() if b.isChecked()), "en")
