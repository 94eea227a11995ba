"""courseware pdf: one module per kind through the command line, and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from courseware_app.cli import main
from courseware_app.core.i18n import translator
from tests.conftest import TEST_CONTENT
from tests.print.conftest import pdf_text

CONTENT = ["--content", str(TEST_CONTENT)]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("kind", "lang", "extra"),
    [
        ("handout", "ru", []),
        ("trainer-guide", "fr", []),
        ("quiz", "en", []),
        ("answer-key", "ru", []),
        ("session-plan", "fr", ["--start", "08:15"]),
    ],
)
def test_each_kind_writes_a_pdf(qapp, capsys, tmp_path, kind, lang, extra):
    out = tmp_path / f"{kind}.pdf"
    argv = ["pdf", "--kind", kind, "--modules", "alpha", "--lang", lang, *extra, "-o", str(out)]
    code, stdout, err = run(capsys, *CONTENT, *argv)
    assert (code, err) == (0, "")
    pages = len(PdfReader(out).pages)
    assert stdout.strip() == f"{out}: {pages} page" + ("s" if pages > 1 else "")
    text = pdf_text(out)
    numbering = translator(lang).gettext("Page {page} of {pages}")  # in the document's language
    assert numbering.format(page=pages, pages=pages) in text
    assert ("SECRET-TRAINER-TEXT" in text) == (kind == "trainer-guide")


def test_the_certificate_reads_the_data_folder(qapp, capsys, tmp_path, certified):
    out = tmp_path / "certificate.pdf"
    code, _out, err = run(
        capsys, "pdf", "--kind", "certificate", "--modules", "alpha", "--lang", "ru",
        "--profile", "Анна Петрова", "--paper", "letter", "-o", str(out),
        "--content", str(TEST_CONTENT), "--data-dir", str(certified),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Анна Петрова" in pdf_text(out)
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_the_global_lang_before_the_command_is_taken(qapp, capsys, tmp_path):
    out = tmp_path / "h.pdf"
    code, _out, err = run(capsys, "--lang", "fr", *CONTENT, "pdf", "--kind", "handout",
                          "--modules", "beta", "-o", str(out))  # fmt: skip
    assert (code, err) == (0, "")
    assert "Cours d’essai" in pdf_text(out)


def _refused(capsys, tmp_path: Path, *argv: str, code: int = 1) -> str:
    before = _files(tmp_path)
    got, out, err = run(capsys, *argv)
    assert got == code and out == ""
    assert err.startswith("courseware pdf: ") and err.count("\n") == 1
    assert _files(tmp_path) == before  # no partial file, no temporary file
    return err


def _files(folder: Path) -> set[Path]:
    """Every file but the progress store's (reading it may leave its journal files)."""
    return {p for p in folder.rglob("*") if "progress.sqlite3" not in p.name}


def test_unknown_module(qapp, capsys, tmp_path):
    out = str(tmp_path / "x.pdf")
    err = _refused(capsys, tmp_path, *CONTENT, "pdf", "--kind", "handout", "--modules",
                   "alpha,nope", "--lang", "en", "-o", out)  # fmt: skip
    assert "no module “nope”" in err


def test_a_module_with_errors(qapp, capsys, tmp_path):
    out = str(tmp_path / "x.pdf")
    err = _refused(capsys, tmp_path, *CONTENT, "pdf", "--kind", "handout", "--modules",
                   "gamma", "--lang", "en", "-o", out)  # fmt: skip
    assert "“gamma” has errors" in err


def test_unknown_profile_and_nothing_completed(qapp, capsys, tmp_path, certified):
    base = [*CONTENT, "--data-dir", str(certified), "pdf", "--kind", "certificate",
            "--modules", "alpha", "--lang", "en", "-o", str(tmp_path / "c.pdf")]  # fmt: skip
    assert "no profile “Zed”" in _refused(capsys, tmp_path, *base, "--profile", "Zed")
    assert "completed no module" in _refused(capsys, tmp_path, *base, "--profile", "Idle")


def test_unwritable_output(qapp, capsys, tmp_path):
    out = str(tmp_path / "no-such-folder" / "x.pdf")
    err = _refused(capsys, tmp_path, *CONTENT, "pdf", "--kind", "quiz", "--modules", "alpha",
                   "--lang", "en", "-o", out)  # fmt: skip
    assert f"cannot write {out}" in err


def test_a_folder_as_output_and_a_missing_language(qapp, capsys, tmp_path):
    argv = [*CONTENT, "pdf", "--kind", "quiz", "--modules", "alpha"]
    assert "is a folder" in _refused(
        capsys, tmp_path, *argv, "--lang", "en", "-o", str(tmp_path), code=2
    )
    assert "--lang" in _refused(capsys, tmp_path, *argv, "-o", str(tmp_path / "q.pdf"), code=2)


def test_a_bad_start_time(qapp, capsys, tmp_path):
    err = _refused(capsys, tmp_path, *CONTENT, "pdf", "--kind", "session-plan", "--modules",
                   "alpha", "--lang", "en", "--start", "25:00", "-o", str(tmp_path / "p.pdf"))  # fmt: skip
    assert "not HH:MM" in err
