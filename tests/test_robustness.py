"""Hostile and broken input: every case answered clearly, in a subprocess, within bounds.

The corpus lives in tests/corpus/ (expected.tsv says what each file must produce);
docs/robustness.md is generated from the same table.
"""

import csv
import os
import re
import resource
import select
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import PLANS, ROOT

CORPUS = Path(__file__).parent / "corpus"
TIME_LIMIT = 60  # seconds per process; most take under a second
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space


def corpus() -> list[dict[str, str]]:
    with (CORPUS / "expected.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def rktc(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rktc", *args, "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=bounded,
        cwd=cwd,
        check=False,
        env={**os.environ, "RKTC_LANG": "en"},
    )


def run_case(
    case: dict[str, str], out: Path
) -> tuple[dict[str, str], subprocess.CompletedProcess[str]]:
    path = CORPUS / case["file"]
    if case["code"] == "build":
        return case, rktc("build", str(path), "-o", str(out / (case["file"] + ".docx")))
    return case, rktc("validate", str(path))


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("robust")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(lambda c: run_case(c, out), corpus()))


def test_corpus_has_at_least_50_bad_inputs():
    assert sum(c["exit"] != "0" for c in corpus()) >= 50
    assert sorted(p.name for p in CORPUS.glob("*.yaml")) == sorted(c["file"] for c in corpus())


def test_every_case_gets_its_answer(results):
    wrong = []
    for case, done in results:
        output = done.stdout + done.stderr
        if "Traceback" in output or done.returncode != int(case["exit"]):
            wrong.append((case["file"], done.returncode, output[-300:]))
            continue
        if case["code"] not in ("-", "build"):
            # the finding itself, code and position exactly (other findings may come too)
            expected = str(CORPUS / case["file"])
            found = {
                (f["code"], f"{f['line']}:{f['col']}")
                for f in findings(done.stdout)
                if f["path"] == expected
            }
            if (case["code"], case["at"]) not in found:
                wrong.append((case["file"], "missing", case["code"], case["at"], sorted(found)))
        if case["code"] == "build" and "rktc:" not in done.stderr:
            wrong.append((case["file"], "no one-line error", output[-300:]))
    assert wrong == []


FINDING = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>RKT\d{3}) \[")


def findings(stdout: str) -> list[re.Match[str]]:
    """The findings of `rktc validate`'s text report: path:line:col: CODE [severity] ..."""
    return [m for line in stdout.splitlines() if (m := FINDING.match(line))]


def test_findings_are_matched_whole():
    report = "a.yaml:10:7: RKT0031 [error] x\nb.yaml:2:3: RKT010 [warning] y\n  hint: RKT003"
    assert [(f["path"], f["line"], f["col"], f["code"]) for f in findings(report)] == [
        ("b.yaml", "2", "3", "RKT010")
    ]


def test_robustness_doc_is_current():
    assert (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8") == robustness_doc(), (
        "run: python tests/test_robustness.py > docs/robustness.md"
    )


def test_fifty_megabyte_file(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(b"rktc: 1\nkata_pengantar: |\n")
        line = b"  " + b"x" * 98 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line)):
            handle.write(line)
    done = rktc("validate", str(big))
    assert done.returncode == 1
    assert "RKT006" in done.stdout


def test_output_in_a_missing_or_unwritable_place(tmp_path):
    plan = PLANS / "kpu-oku-2023.yaml"
    missing = rktc("build", str(plan), "-o", str(tmp_path / "no" / "such" / "x.docx"))
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    not_a_folder = rktc("build", str(plan), "-o", str(blocker / "x.docx"))
    for done in (missing, not_a_folder):
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().count("\n") == 0  # one line


# A child that writes `target` and stops at one moment of the write (printing its name) to be
# killed there with SIGKILL. The moments are hooks on the calls an atomic write makes:
# os.fdopen's writes (half the data written and flushed), os.fsync, os.replace.
KILL_CHILD = r"""
import os, sys, time
from pathlib import Path

moment, target, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]

def stop(here):
    if here == moment:
        print(here, flush=True)
        time.sleep(60)  # killed here

def ours(fd):
    return Path(os.readlink(f"/proc/self/fd/{fd}")).parent == target.parent

class Halting:
    def __init__(self, handle):
        self.handle = handle
    def write(self, data):
        half = len(data) // 2
        self.handle.write(data[:half])
        self.handle.flush()
        stop("mid-write")
        return half + self.handle.write(data[half:])
    def __getattr__(self, name):
        return getattr(self.handle, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)

real_fdopen, real_fsync, real_replace = os.fdopen, os.fsync, os.replace

def fdopen(fd, *args, **kwargs):
    handle = real_fdopen(fd, *args, **kwargs)
    return Halting(handle) if ours(fd) and "w" in (args[0] if args else "r") else handle

def fsync(fd):
    if ours(fd):
        stop("before-fsync")
    real_fsync(fd)

def replace(src, dst, *args, **kwargs):
    mine = Path(dst) == target
    if mine:
        stop("before-replace")
    real_replace(src, dst, *args, **kwargs)
    if mine:
        stop("after-replace")

os.fdopen, os.fsync, os.replace = fdopen, fsync, replace
if mode == "write_atomic":
    from rktc.core.output import write_atomic
    write_atomic(target, b"new version " * 100_000)
elif mode == "naive":  # what the test must catch: the target truncated, then written
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    with os.fdopen(fd, "wb") as handle:
        handle.write(b"new version " * 100_000)
else:  # the build command itself
    from rktc.cli.app import main
    sys.argv = ["rktc", "build", sys.argv[4], "-o", str(target), "--force"]
    main()
print("finished", flush=True)
"""
OLD = b"previous version"
NEW = b"new version " * 100_000


def killed_at(tmp_path: Path, moment: str, mode: str, *extra: str) -> bytes:
    """The target's content after the child writing it was killed at `moment`."""
    target = tmp_path / "out" / "rkt.docx"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(OLD)
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_CHILD, moment, str(target), mode, *extra],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "RKTC_SERIAL": "1"},
    )
    try:
        assert child.stdout is not None
        ready, _, _ = select.select([child.stdout], [], [], TIME_LIMIT)
        reached = child.stdout.readline().strip() if ready else "(timed out)"
        assert reached == moment, f"the write never reached {moment}: {reached}"
        child.send_signal(signal.SIGKILL)
        child.wait(TIME_LIMIT)
        assert child.returncode == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()
        child.stdout.close()  # type: ignore[union-attr]
    return target.read_bytes()


@pytest.mark.parametrize(
    ("moment", "left"),
    [
        ("mid-write", "old"),
        ("before-fsync", "old"),
        ("before-replace", "old"),
        ("after-replace", "new"),
    ],
)
def test_a_write_killed_at_any_moment_leaves_the_old_file_or_the_new(tmp_path, moment, left):
    assert killed_at(tmp_path, moment, "write_atomic") == {"old": OLD, "new": NEW}[left]


def test_the_kill_test_catches_a_write_that_is_not_atomic(tmp_path):
    torn = killed_at(tmp_path, "mid-write", "naive")
    assert torn not in (OLD, NEW)  # half written: what the test above would report


@pytest.mark.parametrize("moment", ["mid-write", "before-replace", "after-replace"])
def test_a_killed_build_leaves_the_previous_document_or_the_whole_new_one(tmp_path, moment):
    import zipfile

    content = killed_at(tmp_path, moment, "build", str(PLANS / "kpu-oku-2023.yaml"))
    if moment == "after-replace":
        assert zipfile.ZipFile(tmp_path / "out" / "rkt.docx").testzip() is None  # complete
    else:
        assert content == OLD


def test_internal_error_is_one_line_unless_debug(monkeypatch, capsys):
    from rktc.cli import app as cli

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("rktc.cli.commands.validate", broken)
    monkeypatch.setattr(sys, "argv", ["rktc", "validate", str(PLANS / "kpu-oku-2023.yaml")])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "simulated bug" in err
    assert "Traceback" not in err
    assert err.strip().count("\n") == 0
    monkeypatch.setattr(sys, "argv", ["rktc", "--debug", "validate", "x.yaml"])
    with pytest.raises(RuntimeError):
        cli.main()


def robustness_doc() -> str:
    lines = [
        "# Robustness: bad input and what rktc answers",
        "",
        "<!-- Generated by `python tests/test_robustness.py > docs/robustness.md` from",
        "     tests/corpus/expected.tsv; tests/test_robustness.py keeps it current. -->",
        "",
        "Every file below is in `tests/corpus/`. The test suite runs `rktc validate` (or",
        (
            "`rktc build` for the logo cases) on each in a separate process limited to "
            f"{TIME_LIMIT} s and"
        ),
        "1 GiB of memory, and checks the exit code, that the rule code is reported at the",
        "line:col given (the code matched whole; other findings may come too), and that no",
        "traceback is ever printed. Generated cases not kept as files: a 50 MB plan (RKT006),",
        "an output folder that does not exist or is a file (one-line error, exit 1), a write",
        "(and a build) killed with SIGKILL halfway through writing, before the flush to disk",
        "and right before and right after the rename (the previous document or the whole new",
        "one survives: output is written to a temporary file and renamed when complete; the",
        "test is shown to catch a write that is not atomic), hostile templates (see",
        "tests/test_build.py) and random mutations of the example plans (tests/test_fuzz.py).",
        "",
        "| file | what | exit | answer |",
        "|---|---|---:|---|",
    ]
    for case in corpus():
        answer = {"-": "accepted", "build": "one-line error from `rktc build`"}.get(
            case["code"], f"{case['code']} at {case['at']}"
        )
        lines.append(f"| `{case['file']}` | {case['what']} | {case['exit']} | {answer} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(robustness_doc())


@pytest.mark.parametrize(
    ("lang", "key_words"), [("en", "internal error"), ("id", "galat internal")]
)
def test_internal_error_speaks_the_language_asked_for(monkeypatch, capsys, lang, key_words):
    from rktc.cli import app as cli

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.delenv("RKTC_LANG", raising=False)
    monkeypatch.setattr("rktc.cli.commands.validate", broken)
    plan = str(PLANS / "kpu-oku-2023.yaml")
    monkeypatch.setattr(sys, "argv", ["rktc", "validate", plan, "--lang", lang])
    with pytest.raises(SystemExit):
        cli.main()
    from rktc.core.messages import text

    assert capsys.readouterr().err.strip() == "rktc: " + text(
        "cli.internal_error", lang, error="RuntimeError: simulated bug"
    )
