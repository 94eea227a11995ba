"""The command line speaks the environment's language, as gettext programs do."""

import gettext
import json
import os
import subprocess
import sys

import pytest

from courseware_app.core.i18n import environment_language
from tests.conftest import ROOT
from tests.core.helpers import front, good_module, write_tree

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
DESCRIPTION = "Offline courseware viewer for customs risk management."


def catalog(lang: str) -> gettext.GNUTranslations:
    """The compiled catalog the command reads (tests/conftest.py compiles it)."""
    with (ROOT / "locales" / lang / "LC_MESSAGES" / "courseware.mo").open("rb") as f:
        return gettext.GNUTranslations(f)


def translated(lang: str, message: str) -> str:
    text = catalog(lang).gettext(message)
    assert text != message, f"{message!r} has no {lang} translation"
    return text


def courseware(*argv: str, **locale: str) -> subprocess.CompletedProcess:
    """Run the real command with only the given locale variables set."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(locale, COLUMNS="200")  # no wrapping inside the help texts we look for
    return subprocess.run(
        [sys.executable, "-m", "courseware_app", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
    )


@pytest.fixture
def broken_content(tmp_path):
    files = good_module("m1") | good_module("m2")
    files["modules/m1/en.md"] = front("en", version="3") + "\n## One {#one}\n\nText.\n"
    del files["modules/m2/fr.md"]  # a warning
    return write_tree(tmp_path / "content", files)


def test_validate_speaks_russian(broken_content, tmp_path):
    report = json.loads(courseware("validate", str(broken_content), "--format", "json").stdout)
    severities = [d["severity"] for d in report["diagnostics"]]
    errors, warnings = severities.count("error"), severities.count("warning")
    assert errors and warnings

    result = courseware("validate", str(broken_content), LANGUAGE="ru")
    summary = translated("ru", "{errors} error(s), {warnings} warning(s)")
    assert result.returncode == 1
    assert summary.format(errors=errors, warnings=warnings) in result.stderr

    missing = tmp_path / "nowhere"
    result = courseware("validate", str(missing), LANGUAGE="ru")
    assert result.returncode == 2
    assert translated("ru", "{path} does not exist").format(path=missing) in result.stderr


def test_help_in_french_from_language():
    result = courseware("--help", LANGUAGE="fr")
    assert result.returncode == 0
    assert result.stdout.startswith(translated("fr", "usage: ") + "courseware")
    assert translated("fr", DESCRIPTION) in result.stdout
    assert translated("fr", "show this help message and exit") in result.stdout
    assert translated("fr", "check the content and report problems with file:line") in result.stdout
    assert catalog("fr").gettext("options") + ":" in result.stdout  # the same word in French


def test_sub_command_help_and_errors_in_french_from_lang():
    result = courseware("validate", "--help", LANG="fr_FR.UTF-8")
    assert result.stdout.startswith(translated("fr", "usage: "))
    assert translated("fr", "warnings fail too") in result.stdout
    assert translated("fr", "positional arguments") + ":" in result.stdout

    result = courseware("validate", "--format", "xml", LANG="fr_FR.UTF-8")
    prefix = translated("fr", "{prog}: error: {message}").split("{message}")[0]
    assert result.returncode == 2
    assert prefix.format(prog="courseware validate") in result.stderr


def test_unsupported_language_falls_back_to_english():
    result = courseware("--help", LANGUAGE="de", LANG="ru_RU.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: courseware")
    assert DESCRIPTION in result.stdout


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LANG": "C"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_FR@euro", "LANG": "ru_RU"}, "fr"),
        ({"LANGUAGE": "de:fr:ru", "LANG": "ru_RU"}, "fr"),
        ({"LANGUAGE": "", "LC_ALL": "", "LANG": "ru"}, "ru"),
        ({"LANGUAGE": "de"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_environment_language(environ, lang):
    assert environment_language(environ) == lang
