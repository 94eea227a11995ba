"""Issue 20 #19: self-test reports the real content error, not a start-page failure after it."""

import shutil

from courseware_app.cli import main
from tests.conftest import TEST_CONTENT


def test_a_content_error_skips_the_start_page_check(capsys, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    first = content / "modules" / "alpha" / "en.md"  # the start module fails to load
    first.write_text(first.read_text(encoding="utf-8").replace('version: "1.2.0"', "version: 1.2"))
    code = main(["self-test", "--content", str(content)])
    out, err = capsys.readouterr()
    failures = [line for line in err.splitlines() if line.startswith("FAIL ")]
    assert code == 1 and failures and all("content error:" in f for f in failures), failures
    assert "start page shown" not in err
    assert "SKIP start-up with a start page: the content has errors" in err
    assert f"{len(failures)} failed, 1 skipped" in out


def test_a_failed_check_is_one_line_unless_verbose(capsys):
    from courseware_app.commands.selftest import Checks

    def broken() -> None:
        raise ValueError("the page did not open")

    quiet = Checks()
    quiet.check("open the page", broken)
    assert quiet.failures == ["open the page: ValueError: the page did not open"]
    loud = Checks()
    loud.verbose = True
    loud.check("open the page", broken)
    assert "Traceback" in loud.failures[0] and "broken" in loud.failures[0]


def test_the_glossary_is_checked_when_the_content_has_one(capsys, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    (content / "glossary.yaml").write_text("- id: Not An Id\n  source: s\n", encoding="utf-8")
    main(["self-test", "--content", str(content)])
    out, err = capsys.readouterr()
    assert "FAIL read the glossary: AssertionError:" in err and "glossary-entry" in err
    assert "FAIL open and search the glossary" in err  # nothing to show in the window
