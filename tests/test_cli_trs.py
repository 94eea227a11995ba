"""`courseware trs analyze`: trs-02's figures from the JSON, the command-line forms, errors."""

import json

import pytest

from courseware_app.cli import main
from tests.conftest import BUNDLED_CONTENT

TRS02 = BUNDLED_CONTENT / "modules" / "trs-02" / "consignments.csv"


def run(capsys, *argv):
    code = main(["trs", "analyze", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def by_channel(capsys):
    code, out, err = run(capsys, TRS02, "--by", "channel", "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def by_channel_and_mode(capsys):
    code, out, err = run(capsys, TRS02, "--by", "channel,mode", "--json")
    assert code == 0, err
    return json.loads(out)


def seg(doc, **by):
    return next(s for s in doc["segments"] if s["by"] == by)


def interval(segment, start):
    return next(i for i in segment["intervals"] if i["from"] == start)


def outlier_minutes(segment, ident, start, end):
    return next(
        o["minutes"]
        for o in segment["outliers"]
        if (o["id"], o["from"], o["to"]) == (ident, start, end)
    )


def pre(doc, declared, **by):
    segments = doc["pre_arrival"]["segments"]
    return next(s for s in segments if s["by"] == by and s["declared"] == declared)


# trs-02 en.md, "Step 1: clean" (lines 345-350) and the trainer's note (lines 229-232)
def test_trs02_cleaning(by_channel):
    excluded = {(e["id"], e["code"], e["column"]) for e in by_channel["excluded"]}
    assert excluded == {("ALT-015", "reversed", "release"), ("ALT-042", "missing", "release")}
    assert (by_channel["rows"], by_channel["used"]) == (42, 40)
    flagged = [f["id"] for f in by_channel["pre_arrival"]["flagged"]]
    assert flagged == ["ALT-002", "ALT-009", "ALT-019", "ALT-027", "ALT-035"]
    counts = {s["by"].get("channel", "all"): s["count"] for s in by_channel["segments"]}
    assert counts == {"all": 40, "green": 22, "yellow": 11, "red": 7}


def test_trs02_counts_by_mode(by_channel_and_mode):  # line 350: 31 by road and 9 by rail
    assert seg(by_channel_and_mode, mode="road")["count"] == 31
    assert seg(by_channel_and_mode, mode="rail")["count"] == 9


# "Step 2" table (lines 358-361), the week's 90th percentile (lines 329, 364), the quiz (569)
@pytest.mark.parametrize(
    ("channel", "mean", "median"),
    [(None, 266.6, 121.5), ("green", 116.1, 62.0), ("yellow", 223.6, 215.0), ("red", 807.1, 455.0)],
)
def test_trs02_total_release_time(by_channel, channel, mean, median):
    segment = seg(by_channel, **({"channel": channel} if channel else {}))
    assert (segment["total"]["mean_min"], segment["total"]["median_min"]) == (mean, median)


def test_trs02_90th_percentile_of_the_week(by_channel):
    assert seg(by_channel)["total"]["p90_min"] == 463.5
    assert by_channel["percentile_method"] == "inclusive"


# lines 366-372: the two long cases, and the means without them
def test_trs02_long_cases_are_outliers_and_the_means_without_them(by_channel):
    green, red = seg(by_channel, channel="green"), seg(by_channel, channel="red")
    assert outlier_minutes(green, "ALT-030", "arrival", "declaration_lodged") == 1160.0
    assert outlier_minutes(red, "ALT-018", "declaration_lodged", "release") == 47 * 60
    green_total = outlier_minutes(green, "ALT-030", "arrival", "release")
    red_total = outlier_minutes(red, "ALT-018", "arrival", "release")
    assert red_total > 48 * 60  # line 234: "took over 48 hours"
    without = (green["total"]["mean_min"] * 22 - green_total) / 21
    assert round(without) == 65
    without = (red["total"]["mean_min"] * 7 - red_total) / 6
    assert round(without) == 460
    assert red["total"]["max_min"] == 2890.0  # line 317's longest red total


# trs-02's "Step 3" table and its bottlenecks, over the forty complete consignments ("complete")
@pytest.mark.parametrize(
    ("channel", "median_a", "median_b", "share_a", "bottleneck"),
    [
        ("green", 40.0, 21.5, 0.82, "arrival"),
        ("yellow", 55.0, 155.0, 0.27, "declaration_lodged"),
        ("red", 60.0, 395.0, 0.08, "declaration_lodged"),
    ],
)
def test_trs02_intervals_shares_and_bottlenecks(
    by_channel, channel, median_a, median_b, share_a, bottleneck
):
    segment = seg(by_channel, channel=channel)
    a, b = interval(segment, "arrival"), interval(segment, "declaration_lodged")
    # The text computes interval medians over the 40 clean consignments: "complete".
    assert a["complete"]["median_min"] == median_a
    assert b["complete"]["median_min"] == b["median_min"] == median_b
    assert round(a["share"], 2) == share_a
    assert a["share"] + b["share"] == pytest.approx(1.0)
    assert segment["bottleneck"]["from"] == bottleneck


def test_trs02_interval_a_with_every_usable_pair(by_channel):
    # An interval counts every consignment with both its milestones usable: ALT-042 (no
    # release) is then in yellow's A, whose median is 52.5, the figure trs-02's table gives
    # (55 over the released consignments only, as the sentence under the table says).
    yellow_a = interval(seg(by_channel, channel="yellow"), "arrival")
    assert (yellow_a["count"], yellow_a["median_min"]) == (12, 52.5)
    green_a = interval(seg(by_channel, channel="green"), "arrival")
    assert (green_a["count"], green_a["median_min"]) == (22, 40.0)  # ALT-015 is out


def test_trs02_medians_do_not_add_up(by_channel):  # line 326
    green = seg(by_channel, channel="green")
    medians = [i["median_min"] for i in green["intervals"]]
    assert medians == [40.0, 21.5] and green["total"]["median_min"] == 62.0


def test_trs02_pre_arrival_in_the_green_channel(by_channel):  # lines 388-390
    before = pre(by_channel, "before_arrival", channel="green")
    after = pre(by_channel, "after_arrival", channel="green")
    assert (before["count"], before["total"]["median_min"]) == (4, 19.0)
    assert (after["count"], after["total"]["median_min"]) == (18, 67.5)


def test_trs02_by_mode_and_within_green(by_channel_and_mode):  # lines 440-443
    doc = by_channel_and_mode
    assert seg(doc, mode="road")["total"]["median_min"] == 74.0
    assert seg(doc, mode="rail")["total"]["median_min"] == 280.0
    road, rail = seg(doc, channel="green", mode="road"), seg(doc, channel="green", mode="rail")
    assert (road["total"]["median_min"], rail["total"]["median_min"]) == (58.5, 121.5)
    assert interval(road, "arrival")["median_min"] == 37.5
    assert interval(rail, "arrival")["median_min"] == 97.5


# ---------------------------------------------------------------- the command line


def test_text_summary_marks_the_bottleneck(capsys):
    code, out, err = run(capsys, TRS02, "--by", "channel")
    assert code == 0 and err == ""
    assert "42 rows, 40 with every milestone" in out
    assert "line 16 (ALT-015): release before declaration_lodged" in out
    green = out.split("channel = green")[1].split("\n\n")[0]
    assert "arrival → declaration_lodged" in green and green.count("*") == 1
    assert green.split("\n")[1].endswith("*")
    assert "5 consignments declared before arrival (pre-arrival):" in out
    assert "channel = green, before arrival  n=4  mean 18.8, median 19.0" in out


def test_content_and_data_dir_before_or_after(capsys, tmp_path):
    code = main(["--content", str(BUNDLED_CONTENT), "trs", "analyze", str(TRS02), "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["used"] == 40
    code, out, _err = run(capsys, TRS02, "--json", "--data-dir", str(tmp_path))
    assert code == 0 and json.loads(out)["rows"] == 42


def test_named_columns(capsys, tmp_path):
    data = tmp_path / "post.csv"
    data.write_text(
        "ref;gate;lodged;out;lane\n"
        "A;10.03.2025 08:00;10.03.2025 08:20;10.03.2025 09:00;1\n"
        "B;10.03.2025 08:00;10.03.2025 08:40;10.03.2025 10:00;2\n",
        encoding="cp1251",
    )
    code, out, err = run(
        capsys, data, "--id", "ref", "--milestones", "gate,lodged,out", "--by", "lane", "--json"
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["milestones"] == ["gate", "lodged", "out"]
    assert seg(doc, lane="2")["total"]["median_min"] == 120.0


def test_csv_report(capsys, tmp_path):
    report = tmp_path / "report.csv"
    code, out, err = run(capsys, TRS02, "--by", "channel", "-o", report)
    assert code == 0, err
    text = report.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b"channel = green" in text
    assert out  # the summary is still printed


def test_pdf_report(capsys, tmp_path, qapp):  # qapp: the one QApplication of the tests
    report = tmp_path / "report.pdf"
    code, _out, err = run(capsys, TRS02, "--by", "channel", "-o", report, "--json")
    assert code == 0, err
    assert report.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["missing.csv"], 1, "cannot read missing.csv"),
        ([TRS02, "--by", "nope"], 1, "no column nope"),
        ([TRS02, "--milestones", "arrival"], 1, "at least two"),
        ([TRS02, "-o", "report.txt"], 2, "a .csv or a .pdf"),
        ([TRS02, "-o", "/no-such-folder/report.csv"], 1, "cannot write /no-such-folder/report.csv"),
        ([TRS02, "--by", "channel,mode,consignment_id"], 1, "at most two"),
    ],
)
def test_errors_are_one_line(capsys, argv, code, message):
    found, out, err = run(capsys, *argv)
    assert (found, out) == (code, "")
    assert err.startswith("courseware trs: ") and message in err and err.count("\n") == 1


def test_an_ambiguous_date_column_is_reported_not_guessed_silently(capsys, tmp_path):
    data = tmp_path / "slashes.csv"
    data.write_text("id,arrival,release\nA,03/04/2025 07:40,03/04/2025 08:00\n", encoding="utf-8")
    code, out, err = run(capsys, data, "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["formats"] == {"arrival": "dd/mm/yyyy", "release": "dd/mm/yyyy"}
    assert len(doc["warnings"]) == 2
    assert err.count("courseware trs: warning: ") == 2 and "day/month" in err
