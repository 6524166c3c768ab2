"""`rktc preview`: the time from a save of the plan to the new page version being served.

Starts `rktc preview` on the seed plan (a copy) as a user would, then saves the file
again and again and asks /version, every 2 ms, until the new version is there. The time
includes noticing the save (the watcher polls every 0.1 s, so 0-0.1 s of it is waiting)
and the whole rebuild (read, schema, rules, HTML, page). Saves land at random moments
of the poll cycle, as a user's do. CPU and peak memory are the server's own, from /proc
(Linux; elsewhere they are left at 0).

    python bench/preview_rebuild.py --saves 30
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "kpu-oku-2023.yaml"
RKTC = [sys.executable, "-m", "rktc"]
NAME = "preview: rebuild after a save"


def _version(connection: http.client.HTTPConnection) -> int:
    connection.request("GET", "/version")
    return int(json.loads(connection.getresponse().read())["version"])


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def indicators(plan: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from rktc.pipeline.orchestrator import Pipeline

    document = Pipeline().validate(plan).document
    table = document.table("indikator") if document is not None else None
    return len(table.rows) if table is not None else 0


def measure(saves: int, env: dict[str, str] | None = None) -> tuple[list[float], float, int]:
    """Seconds from each save to its version; the server's CPU seconds per save; its peak KB."""
    with tempfile.TemporaryDirectory(prefix="rktc-bench-preview-") as tmp:
        plan = Path(tmp) / "plan.yaml"
        shutil.copyfile(SEED, plan)
        original = plan.read_bytes()
        server = subprocess.Popen(
            [*RKTC, "preview", str(plan), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        try:
            assert server.stdout is not None
            line = server.stdout.readline()
            url = line[line.index("http://") :].split()[0]
            host, port = url.removeprefix("http://").rstrip("/").split(":")
            connection = http.client.HTTPConnection(host, int(port), timeout=10)
            version = _version(connection)
            cpu_before = _cpu_seconds(server.pid)
            times: list[float] = []
            for n in range(saves):
                time.sleep(0.25 + random.random() * 0.1)
                started = time.perf_counter()
                plan.write_bytes(original + f"# save {n}\n".encode())
                while _version(connection) <= version:
                    time.sleep(0.002)
                times.append(time.perf_counter() - started)
                version += 1
            cpu = (_cpu_seconds(server.pid) - cpu_before) / saves
            peak = _peak_kb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return times, cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=30)
    args = parser.parse_args()
    times, cpu, peak = measure(args.saves)
    ordered = sorted(times)
    print(
        f"{NAME}: {len(times)} saves of {SEED.name} ({indicators(SEED)} indicators): "
        f"median {ordered[len(ordered) // 2] * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms, "
        f"server cpu {cpu * 1000:.0f} ms a save, peak {peak / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
