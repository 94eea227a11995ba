"""Properties of ``results merge`` on any CSV or JSON input (issue 20, keep it fixed): either a
merged file that reads back with every attempt, or one line naming the bad file, exit 1 and
nothing written (an earlier output left as it was, no temporary file left beside it); never an
uncaught exception, never a moment's wait."""

import contextlib
import csv
import io
import json
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from courseware_app.cli import main
from courseware_app.core.results import CSV_COLUMNS, REQUIRED_COLUMNS, read_export

GOOD = {
    "attempt_id": st.uuids().map(str),
    "profile": st.sampled_from(["Ann", "Борис", "=HYPERLINK(1)", "-2+3"]),
    "module": st.sampled_from(["m1", "rm-01"]),
    "module_version": st.sampled_from(["1", "1.0.0"]),
    "lang": st.sampled_from(["en", "ru", "fr"]),
    "score": st.integers(0, 100),
    "passed": st.booleans(),
    "finished_at": st.sampled_from(["2025-01-01T00:00:00Z", "2025-03-01T09:30:00+03:00"]),
    "profile_id": st.uuids().map(str),
    "device": st.sampled_from(["laptop-1", "@SUM(1)", ""]),
    "quiz": st.sampled_from(["m1-quiz", ""]),
    "started_at": st.sampled_from(["2025-01-01T00:00:00Z", ""]),
    "points": st.integers(-2, 10),
    "max_points": st.integers(0, 10),
    "pass_mark": st.integers(0, 100),
}
JSON_LEAF = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
ANY_JSON = st.recursive(
    JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)
# A field: mostly a value of its kind, sometimes anything (a wrong type, odd text, a formula).
CELL = st.one_of(st.text(max_size=30), JSON_LEAF)


@st.composite
def attempts(draw: st.DrawFn, spoilt: bool) -> dict[str, object]:
    """An attempt as an export holds it; a spoilt one may miss fields or hold anything."""
    rec: dict[str, object] = {}
    for column in CSV_COLUMNS:
        choice = draw(st.sampled_from(["good", "good", "other", "missing"])) if spoilt else "good"
        if choice == "good":
            rec[column] = draw(GOOD[column])
        elif choice == "other":
            rec[column] = draw(CELL)
    if draw(st.booleans()):
        rec[draw(st.sampled_from(["responses", "results", "extra"]))] = draw(ANY_JSON)
    return rec


def csv_text(value: object) -> str:
    return json.dumps(value) if isinstance(value, bool | None) else str(value)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    spoilt = draw(st.booleans())
    columns = list(REQUIRED_COLUMNS) + draw(st.lists(st.sampled_from(CSV_COLUMNS[8:]), unique=True))
    headers = [columns, columns[::-1], [*columns, columns[0]]] if spoilt else [columns]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\r\n", "\n"])))
    writer.writerow(draw(st.sampled_from(headers)))
    for rec in draw(st.lists(attempts(spoilt), max_size=4)):
        writer.writerow([csv_text(rec.get(c, "")) for c in columns])
    text = draw(st.sampled_from(["", "\ufeff"])) + buffer.getvalue()
    if not spoilt:
        return text.encode("utf-8")
    cut = draw(st.integers(0, 3))  # a file cut short, a character or a line end lost
    text = text[: len(text) - cut] if cut else text
    return text.encode(draw(st.sampled_from(["utf-8", "utf-16"])))


@st.composite
def json_files(draw: st.DrawFn) -> bytes:
    spoilt = draw(st.booleans())
    doc: dict[str, object] = {
        "format": draw(st.sampled_from(["courseware-results", "x"])) if spoilt else FORMAT,
        "version": draw(st.sampled_from([1, 2, "1", None])) if spoilt else 1,
        "attempts": draw(st.lists(attempts(spoilt), max_size=4)),
    }
    if spoilt and draw(st.booleans()):
        doc[draw(st.sampled_from(["device", "merged_from", "attempts"]))] = draw(ANY_JSON)
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    cut = draw(st.sampled_from([0, 1, 10])) if spoilt else 0
    return text[: len(text) - cut].encode("utf-8")


FORMAT = "courseware-results"
RAW = st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode))
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def merge_files(suffix: str, inputs: list[bytes], earlier: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = [folder / f"in{i}.{suffix}" for i in range(len(inputs))]
        for path, data in zip(paths, inputs, strict=True):
            path.write_bytes(data)
        out = folder / f"merged.{suffix}"
        if earlier:
            out.write_bytes(b"an earlier file")
        code, err, seconds = run_merge([*paths, out])
        assert seconds < 3 and "Traceback" not in err
        event(f"exit {code}")
        assert sorted(folder.iterdir()) == sorted([*paths, out] if code == 0 or earlier else paths)
        if code == 0:
            merged = read_export(out)  # a merged file is a good export
            read = sum(len(read_export(p).records) for p in paths)
            assert 0 < len(merged.records) <= read or read == len(merged.records) == 0
        else:
            assert code == 1 and err.count("\n") == 1 and "nothing was written" in err, err
            assert any(f"{p}: " in err for p in paths), err
            assert not earlier or out.read_bytes() == b"an earlier file"


def run_merge(paths: list[Path]) -> tuple[int, str, float]:
    stdout, stderr = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["results", "merge", *[str(p) for p in paths[:-1]], "-o", str(paths[-1])])
    return code, stderr.getvalue(), time.perf_counter() - start


@SETTINGS
@given(st.lists(st.one_of(csv_files(), csv_files(), RAW), min_size=1, max_size=3), st.booleans())
def test_any_csv_inputs_merge_or_are_refused_with_nothing_written(inputs, earlier):
    merge_files("csv", inputs, earlier)


@SETTINGS
@given(st.lists(st.one_of(json_files(), json_files(), RAW), min_size=1, max_size=3), st.booleans())
def test_any_json_inputs_merge_or_are_refused_with_nothing_written(inputs, earlier):
    merge_files("json", inputs, earlier)
