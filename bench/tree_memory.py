"""Peak memory of a whole process tree, from /proc (Linux).

    python bench/tree_memory.py rktc build plans/ -o dist/

`ru_maxrss` (what `/usr/bin/time -v` prints) is the peak of the largest single process of
the tree, not of the tree: a batch build is a parent and its pool of workers. This polls
/proc every few milliseconds while the command runs and records, for the command itself
and each of its descendants, the high-water mark the kernel keeps (`VmHWM`, exact, however
briefly the peak lasted), and the sum of the resident sets of all of them at each poll
(sampled, so a peak shorter than the interval can be missed).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROC = Path("/proc")


@dataclass
class TreeMemory:
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # user + system of the command and its descendants
    returncode: int = 0
    root_peak_kb: int = 0  # the command's own VmHWM
    child_peaks_kb: dict[int, int] = field(default_factory=dict)  # pid -> VmHWM
    tree_peak_kb: int = 0  # largest sum of VmRSS over the tree at one poll
    polls: int = 0

    @property
    def largest_child_kb(self) -> int:
        return max(self.child_peaks_kb.values(), default=0)


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of `pid` in kB (empty once it has gone)."""
    found: dict[str, int] = {}
    try:
        text = (PROC / str(pid) / "status").read_text()
    except OSError:
        return found
    for line in text.splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, value = line.split(":", 1)
            found[key] = int(value.split()[0])
    return found


def _children(pid: int) -> list[int]:
    """Direct children of `pid` (every thread of it may have forked some)."""
    found: list[int] = []
    try:
        tasks = list((PROC / str(pid) / "task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _tree(root: int) -> list[int]:
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo += _children(pid)
    return pids


def measure(command: list[str], interval: float = 0.005, **popen: Any) -> TreeMemory:
    """Run `command` to its end, polling the memory of its process tree."""
    result = TreeMemory()
    started = time.perf_counter()
    process = subprocess.Popen(command, **popen)
    while True:
        rss_sum = 0
        for pid in _tree(process.pid):
            memory = _status(pid)
            if not memory:
                continue
            rss_sum += memory.get("VmRSS", 0)
            peak = memory.get("VmHWM", 0)
            if pid == process.pid:
                result.root_peak_kb = max(result.root_peak_kb, peak)
            else:
                result.child_peaks_kb[pid] = max(result.child_peaks_kb.get(pid, 0), peak)
        result.tree_peak_kb = max(result.tree_peak_kb, rss_sum)
        result.polls += 1
        # wait4 with WNOHANG reaps the command only once it has exited, after the last poll
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(interval)
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = usage.ru_utime + usage.ru_stime
    result.returncode = os.waitstatus_to_exitcode(status)
    process.returncode = result.returncode
    return result


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    found = measure(sys.argv[1:], stdout=subprocess.DEVNULL)
    workers = sorted(found.child_peaks_kb.values(), reverse=True)
    print(
        f"exit {found.returncode}; {found.seconds:.2f} s, cpu {found.cpu_seconds:.2f} s; "
        f"peak MB: command {found.root_peak_kb / 1024:.0f}, "
        f"largest descendant {found.largest_child_kb / 1024:.0f} "
        f"({len(workers)} descendants: {', '.join(f'{kb / 1024:.0f}' for kb in workers[:8])}), "
        f"tree (sampled sum) {found.tree_peak_kb / 1024:.0f}; {found.polls} polls"
    )


if __name__ == "__main__":
    main()
