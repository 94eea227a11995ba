"""Every hostile input of issue 20, run as the command a user would run, in a child process under
a memory cap and a timeout: each ends with its exit code and a diagnostic, never a traceback, a
signal (a crash, or the kernel's answer to a cap) or a timeout.

The cases run in parallel, once per module (the ``outcomes`` fixture); each test checks one."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.core.helpers import COURSE, body, front, good_module, write_tree
from tests.core.test_trainer_notes import HIDDEN, NEAR_MISSES, SECRET
from tests.test_cli_results_hostile import GOOD_CSV, GOOD_JSON, HEADER, ROW

MIB = 2**20
# Address space, not resident memory: Python and the pure commands peak under 300 MiB (measured:
# validate of a good tree runs under a 256 MiB cap); Qt maps much more for its libraries, fonts
# and threads (self-test measured to run under 1 GiB). The caps leave room without hiding a
# runaway: the cases took 2.6 to 17.9 GB before their fixes.
PURE_CAP = 1024 * MIB
QT_CAP = 2048 * MIB
TIMEOUT = 60


@dataclass(frozen=True)
class Run:
    """One command: its arguments ({dir} is the case's folder), the exit codes it may end
    with, text its output must hold (the diagnostic) and text it must not."""

    argv: tuple[str, ...]
    codes: frozenset[int]
    says: str
    never: str = "\x00never"
    qt: bool = False


@dataclass(frozen=True)
class Case:
    files: Callable[[Path], None]
    runs: tuple[Run, ...]
    prepare: Callable[[Path], None] = field(default=lambda folder: None)  # before the runs


@dataclass(frozen=True)
class Outcome:
    run: Run
    code: int
    out: str
    err: str
    seconds: float


def run(*argv: str, codes: tuple[int, ...] = (1,), says: str = "", **kw: str | bool) -> Run:
    return Run(tuple(argv), frozenset(codes), says, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- content folders


def tree_with(m1_en: str | None = None, course: str = COURSE, **files: str | bytes):
    """A good two-module tree with m1's English file (or course.yaml, or other files) replaced."""

    def write(folder: Path) -> None:
        tree = {**good_module("m1"), **good_module("m2"), **files}
        if m1_en is not None:
            tree["modules/m1/en.md"] = m1_en
        write_tree(folder / "c", tree, course)

    return write


def module(text: str) -> str:
    """m1's English file with ``text`` after its sections (the translations keep theirs)."""
    return front() + body(text)


def content_runs(
    code: str, validate=(1,), render=(1,), self_test=(1,), never: str = SECRET, outline=(0,)
) -> tuple[Run, ...]:
    """validate, render (trainee page), outline and self-test on the case's tree: each may end
    with the codes given; the page and the outline never hold ``never``."""
    content = ("--content", "{dir}/c", "--data-dir", "{dir}/data")
    return (
        run("validate", "{dir}/c", "--data-dir", "{dir}/data", codes=validate, says=code),
        run("render", "m1", *content, codes=render, never=never),
        run("outline", *content, codes=outline, says="course", never=never),
        run("self-test", *content, codes=self_test, says="self-test:", qt=True),
    )


LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)
TALL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="760" height="3000000"><rect/></svg>'
OUTSIDE = "zqoutsidemodule"


def outside_module(folder: Path) -> None:
    for name in ("outside-mod", "etc"):
        write_tree(folder / name, {"en.md": front(module=name).replace("Title en", OUTSIDE)})
    tree_with(course=COURSE.replace("[m1, m2]", "[m1, ../../../outside-mod, /etc, m2]"))(folder)


def leaking_notes() -> str:
    return "\n\n".join(["Lead.", *NEAR_MISSES.values()])


CONTENT: dict[str, Case] = {
    "good-content-self-test-twice-in-one-data-folder": Case(
        tree_with(),
        (
            *content_runs("0 error(s)", (0,), (0,), (0,)),
            run(
                "self-test", "--content", "{dir}/c", "--data-dir", "{dir}/data", codes=(0,), qt=True
            ),
        ),
    ),
    "billion-laughs-front-matter": Case(
        tree_with(front().replace("---\nid:", "---\n" + LAUGHS + "title2: *i\nid:", 1)),
        content_runs("yaml-alias"),
    ),
    "billion-laughs-course-yaml": Case(
        tree_with(course=COURSE + LAUGHS + "extra: *i\n"), content_runs("yaml-alias", outline=(1,))
    ),
    "module-ids-outside-the-tree": Case(
        outside_module, content_runs("module-bad-id", never=OUTSIDE, outline=(1,))
    ),
    "module-id-a-mapping": Case(
        tree_with(course=COURSE.replace("[m1, m2]", "[m1, {a: b}, m2]")),
        content_runs("module-bad-id", outline=(1,)),
    ),
    "languages-a-number": Case(
        tree_with(course=COURSE.replace("languages: [en, ru, fr]", "languages: 5")),
        content_runs("course-field", outline=(1,)),
    ),
    "50000-nested-emphasis": Case(
        tree_with(module("*a " * 50_000 + "x" + " a*" * 50_000)),
        content_runs("limit-inline-nesting"),
    ),
    "10-mb-token": Case(tree_with(module("x" * 10_000_000)), content_runs("limit-")),
    "20000-footnotes": Case(
        tree_with(
            module(
                "".join(f"t[^{i}] " for i in range(20_000))
                + "\n\n"
                + "".join(f"[^{i}]: n\n\n" for i in range(20_000))
            )
        ),
        content_runs("limit-footnotes"),
    ),
    "20000-column-table": Case(
        tree_with(module("|" + "a|" * 20_000 + "\n|" + "-|" * 20_000 + "\n|" + "1|" * 20_000)),
        content_runs("limit-table-columns"),
    ),
    "5000-level-list": Case(
        tree_with(module("".join("    " * i + "- x\n" for i in range(5_000)))),
        content_runs("limit-"),  # 50 MB of indentation: limit-file-size comes first
    ),
    "svg-3000000-px-tall": Case(
        tree_with(module("![tall](tall.svg)"), **{"modules/m1/tall.svg": TALL_SVG}),
        content_runs("image-too-large", (0,), (0,), (0,)),
    ),
    "raw-html-remote-image": Case(
        tree_with(module('<img src="http://zqremote.example/x.png">')),
        content_runs("image-remote", (0,), (0,), (0,), never='src="http://zqremote'),
    ),
    "trainer-notes-that-would-leak": Case(
        tree_with(module(leaking_notes())), content_runs("trainer-note-shown")
    ),
    "trainer-notes-in-every-hidden-spelling": Case(
        tree_with(module("\n\n".join(HIDDEN.values()))),
        content_runs("trainer-note", (0,), (0,), (0,)),
    ),
}


# ---------------------------------------------------------------- GIFT files


def big_gift(folder: Path) -> None:
    """50 MB of questions, written quickly: one block repeated."""
    block = b"::Q::What is 2+2? {=4 ~3 ~5}\n\n"
    with open(folder / "big.gift", "wb") as f:
        f.write(block * (50_000_000 // len(block) + 1))


def gift_file(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


GIFT_QUESTION = "::Q1:: Ответ? {=да ~нет}\n\n::Q2:: 2+2? {#4}\n"
GIFT = ("import-gift", "--lang", "en", "--data-dir", "{dir}/data")

GIFT_CASES: dict[str, Case] = {
    "gift-50-mb": Case(big_gift, (run(*GIFT, "{dir}/big.gift", says="larger than"),)),
    "gift-utf-16-without-bom": Case(
        gift_file("q.gift", GIFT_QUESTION.encode("utf-16-le")),
        (run(*GIFT, "{dir}/q.gift", codes=(0,), says="Ответ"),),
    ),
    "gift-encoding-rot13": Case(
        gift_file("q.gift", GIFT_QUESTION.encode("utf-8")),
        (run(*GIFT, "--encoding", "rot13", "{dir}/q.gift", codes=(2,), says="rot13"),),
    ),
}


# ---------------------------------------------------------------- results files and profiles


BAD_RESULTS = {
    "field-of-200-kb.csv": f"{HEADER},started_at\r\n{ROW.format(n=2, started='x' * 200_000)}\r\n",
    "json-10000-deep.json": GOOD_JSON % (', "responses": ' + "[" * 10_000 + "]" * 10_000),
    "json-wrong-types.json": GOOD_JSON.replace('"score": 50', '"score": {"a": [1]}') % "",
    "truncated-row.csv": f"{HEADER},started_at\r\n{ROW.format(n=2, started='2')}",
}


def results_case(name: str) -> Case:
    good = "good" + Path(name).suffix

    def write(folder: Path) -> None:
        (folder / good).write_text(GOOD_JSON % "" if name.endswith(".json") else GOOD_CSV)
        (folder / name).write_text(BAD_RESULTS[name], encoding="utf-8")

    merge = ("results", "merge", f"{{dir}}/{good}", f"{{dir}}/{name}", "--data-dir", "{dir}/data")
    out = f"{{dir}}/merged{Path(name).suffix}"
    return Case(write, (run(*merge, "-o", out, says="nothing was written"),))


def stored_control_character(folder: Path) -> None:
    """A progress file from before names were checked: an attempt by a name holding a control
    character."""
    from courseware_app.core.progress import ProgressStore
    from tests.core.test_progress import make_attempt

    store = ProgressStore.open(folder / "data")
    try:
        store.record_attempt(store.create_profile("Bob").id, make_attempt())
        store.flush()
        path = store.path
    finally:
        store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE profiles SET name = ? WHERE name = ?", ("Bob\x01", "Bob"))
    conn.close()


PROFILES = ("profiles", "create", "--data-dir", "{dir}/data")
EXPORT = ("results", "export", "--data-dir", "{dir}/data", "-o", "{dir}/x.xlsx")
PROFILE_CASES: dict[str, Case] = {
    "profile-name-control-character-then-xlsx-export": Case(
        lambda folder: None,
        (
            run(*PROFILES, "Bob\x01", says="control characters"),
            run(*PROFILES, "Ann", codes=(0,), says="Ann"),
            run(*EXPORT, codes=(0,), says="x.xlsx"),
        ),
    ),
    "stored-control-character-then-xlsx-export": Case(
        lambda folder: None,
        (run(*EXPORT, codes=(0,), says="exported 1 attempt(s) of 1 profile(s)"),),
        prepare=stored_control_character,
    ),
}

CASES: dict[str, Case] = {
    **CONTENT,
    **GIFT_CASES,
    **{f"merge-{name}": results_case(name) for name in BAD_RESULTS},
    **PROFILE_CASES,
}


# ---------------------------------------------------------------- running them


def capped(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def child_env(folder: Path) -> dict[str, str]:
    """Qt offscreen, and every user folder inside the case's own."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(folder / "home"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        env[name] = str(folder / "home" / name.lower())
    return env


def run_one(step: Run, folder: Path) -> Outcome:
    argv = [a.replace("{dir}", str(folder)) for a in step.argv]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "courseware_app", *argv],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TIMEOUT,
            env=child_env(folder),
            cwd=folder,
            preexec_fn=capped(QT_CAP if step.qt else PURE_CAP),
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else ""
        return Outcome(step, -999, out, "timeout", TIMEOUT)
    return Outcome(step, done.returncode, done.stdout, done.stderr, time.perf_counter() - start)


def run_case(case: Case, folder: Path) -> list[Outcome]:
    """A case's steps one after the other (a later one may need an earlier one's data)."""
    folder.mkdir(parents=True)
    (folder / "home").mkdir()
    case.files(folder)
    case.prepare(folder)
    return [run_one(step, folder) for step in case.runs]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, list[Outcome]]:
    root = tmp_path_factory.mktemp("hostile")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(run_case, case, root / name) for name, case in CASES.items()}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("name", CASES)
def test_hostile_input_ends_with_a_diagnostic_and_an_exit_code(outcomes, name):
    for outcome in outcomes[name]:
        step, code, both = outcome.run, outcome.code, outcome.out + outcome.err
        where = (
            f"{' '.join(step.argv)}: exit {code} in {outcome.seconds:.1f} s\n{outcome.err[-2000:]}"
        )
        assert code >= 0, f"killed by signal {-code} (or timed out): {where}"
        assert "Traceback" not in both, where
        assert code in step.codes, where
        assert step.says in both, where
        assert step.never not in both, where
        if code:
            assert outcome.err.strip(), f"exit {code} with no message: {where}"
