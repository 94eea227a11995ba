"""courseware search with a data folder it cannot write: results from an index in memory
and one warning line (issue 20 #11). The data folder sits under a regular file, so its cache
folder cannot be created (chmod does not stop root, who runs these tests)."""

import json

from courseware_app.cli import main
from tests.conftest import ROOT

SEARCH_CONTENT = ROOT / "tests" / "data" / "search"


def test_search_with_an_unwritable_data_folder_warns_once_and_answers(capsys, tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    data = tmp_path / "a-file" / "data"
    argv = ["search", "declaration", "--json", "--content", str(SEARCH_CONTENT)]
    code = main([*argv, "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["results"]
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("courseware search: warning: ") and "in memory" in err
