"""`courseware search`: the exact command-line forms and the JSON shape."""

import json

import pytest

from courseware_app.cli import main
from courseware_app.core import paths
from courseware_app.core.search import default_index_path
from tests.conftest import ROOT

SEARCH_CONTENT = ROOT / "tests" / "data" / "search"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def search_json(capsys, *argv):
    code, out, err = run(capsys, "search", *argv, "--json", "--content", str(SEARCH_CONTENT))
    assert code == 0, err
    return json.loads(out)


def test_json_shape_and_order(capsys):
    data = search_json(capsys, "декларации", "--lang", "ru")
    assert data["query"] == "декларации"
    results = data["results"]
    assert results
    for r in results:
        assert {"module", "section", "lang", "score", "title", "snippet"} <= set(r)
        assert isinstance(r["score"], float) and r["score"] > 0
        assert r["lang"] == "ru" and "<mark>" in r["snippet"] + r.get("title_html", "")
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)  # best first, higher is better
    assert (results[0]["module"], results[0]["section"]) == ("declarations", "declarations")


def test_default_language_is_the_source_language(capsys):
    data = search_json(capsys, "declaration")
    assert {r["lang"] for r in data["results"]} == {"en"}


def test_all_languages(capsys):
    data = search_json(capsys, "declaration", "--all-languages")
    assert {r["lang"] for r in data["results"]} == {"en", "fr"}


def test_global_lang_option_also_works(capsys):
    code, out, _ = run(
        capsys, "--lang", "fr", "search", "mainlevee", "--json", "--content", str(SEARCH_CONTENT)
    )
    assert code == 0 and {r["lang"] for r in json.loads(out)["results"]} == {"fr"}


def test_trainer_option(capsys):
    assert search_json(capsys, "saffron")["results"] == []
    results = search_json(capsys, "saffron", "--trainer")["results"]
    assert [(r["module"], r["section"]) for r in results] == [("declarations", "profiles")]


def test_several_words_form_one_query(capsys):
    data = search_json(capsys, "risk", "profile")
    assert data["query"] == "risk profile" and data["results"]


def test_text_output_groups_by_module(capsys):
    code, out, _ = run(capsys, "search", "released", "--content", str(SEARCH_CONTENT))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("release  Time Release Study")
    assert any("[released]" in line for line in lines)
    assert all("<mark>" not in line for line in lines)


def test_no_results_exit_zero_and_say_what_to_try(capsys):
    code, out, err = run(capsys, "search", "zzyzx", "--content", str(SEARCH_CONTENT))
    assert code == 0 and out == "" and "zzyzx" in err and "*" in err


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "AND OR NOT", "\x01", "x" * 10_000, ""])
def test_hostile_queries(capsys, query):
    data = search_json(capsys, query, "--all-languages", "--trainer")
    assert data["query"] == query and isinstance(data["results"], list)


def test_lang_and_all_languages_exclude_each_other(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["search", "x", "--lang", "en", "--all-languages"])
    assert exc.value.code == 2


def test_missing_content_is_an_error(capsys, tmp_path):
    code, _out, err = run(capsys, "search", "x", "--content", str(tmp_path))
    assert code == 2 and "course.yaml" in err


def test_index_cached_in_the_data_folder(capsys, tmp_path):
    data = tmp_path / "mydata"
    search_json(capsys, "release", "--data-dir", str(data))
    index = default_index_path(data, SEARCH_CONTENT)
    assert index.is_file() and index.parent == paths.cache_dir(data) / "search"


def test_without_a_data_folder_nothing_is_written(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv(paths.DATA_ENV)
    monkeypatch.chdir(tmp_path)
    assert search_json(capsys, "release")["results"]
    assert list(tmp_path.iterdir()) == []
