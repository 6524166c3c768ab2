"""Run one function in a forked child process while this process does other work.

A build has two large, independent pieces of pure-Python work once the plan is
read: the consistency rules and the rendering. The GIL keeps threads from
running them at once; a forked child can, because it starts with the parent's
memory (the plan, its tables) instead of receiving a copy through a pipe. Only
the child's result, pickled, comes back.

Forking is used only where it is safe and cheap: Linux (macOS system libraries
are not fork-safe, Windows has no fork), with a second CPU available, and when
the caller judges the work large enough. Anything that goes wrong in the child
is reported to the caller as `ForkFailed`, who then does the work itself.
`RKTC_SERIAL=1` turns forking off.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_STATUS_OK = 0
_STATUS_FAILED = 3


class ForkFailed(Exception):
    """The child did not deliver a result (it raised, crashed or was killed)."""


def can_fork() -> bool:
    """Whether running work in a forked child can make this process finish sooner."""
    if os.environ.get("RKTC_SERIAL", "").strip() not in ("", "0"):
        return False
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    return len(os.sched_getaffinity(0)) > 1


class ForkedCall(Generic[T]):
    """`function()` running in a child process; `result()` waits for its return value."""

    def __init__(self, function: Callable[[], T]) -> None:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise ForkFailed from None
        if pid == 0:  # the child never returns from here
            os.close(read_end)
            _run_child(function, write_end)
        os.close(write_end)
        self._pid = pid
        self._read_end: int | None = read_end

    def result(self) -> T:
        """The child's return value; ForkFailed if it has none to give."""
        if self._read_end is None:
            raise ForkFailed
        with os.fdopen(self._read_end, "rb") as pipe:
            self._read_end = None
            payload = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        value: T = _delivered(payload, status)
        return value

    def abandon(self) -> None:
        """Stop the child (its result is no longer needed). It is killed: closing the pipe
        alone would not stop it where a later fork holds the pipe's read end too, and
        waiting for it could then wait for ever."""
        if self._read_end is not None:
            os.close(self._read_end)
            self._read_end = None
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)


def _delivered(payload: bytes, status: int) -> Any:
    """What a child that exited with `status` sent; ForkFailed if it has nothing to give."""
    if os.waitstatus_to_exitcode(status) != _STATUS_OK or not payload:
        raise ForkFailed
    try:
        return pickle.loads(payload)  # our own child's bytes
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        raise ForkFailed from exc


def _run_child(function: Callable[[], object], write_end: int) -> None:
    status = _STATUS_FAILED
    try:
        payload = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        status = _STATUS_OK
    except BaseException:  # noqa: BLE001 -- anything: the parent falls back to doing the work
        status = _STATUS_FAILED
    finally:
        # Leave at once: no atexit handlers, no flushing of the parent's buffered output.
        os._exit(status)


A = TypeVar("A")


def map_in_two(
    function: Callable[[A], T],
    items: Sequence[A],
    weights: Sequence[int],
    least: int,
    child_cost: float = 1.0,
) -> list[T]:
    """`[function(item) for item in items]`, the later items computed in a forked child
    while this process computes the earlier ones: cut where the longer part takes the
    least, a unit of weight taking `child_cost` times as long in the child (which sends
    its results back). Done here alone when the items weigh less than `least` in all (a
    fork would not pay for itself), when forking cannot help, or for what a failing child
    left.

    `function` must not touch a file the two processes share by its position (an open
    ZIP archive): read such things first."""
    total = sum(weights)
    if len(items) < 2 or total < least or not can_fork():
        return [function(item) for item in items]
    cut, least_longer, before = 1, float("inf"), 0
    for i in range(1, len(items)):  # the cut whose longer side takes least
        before += weights[i - 1]
        longer = max(before, (total - before) * child_cost)
        if longer <= least_longer:  # a tie: more here, less to send
            cut, least_longer = i, longer
    later = items[cut:]
    try:
        child = ForkedCall(lambda: [function(item) for item in later])
    except ForkFailed:
        return [function(item) for item in items]
    try:
        done = [function(item) for item in items[:cut]]
    except BaseException:
        child.abandon()
        raise
    try:
        return done + child.result()
    except ForkFailed:
        return done + [function(item) for item in later]


_LENGTH = 8  # bytes of a request's length, before the request


class ForkedWorker(Generic[A, T]):
    """A child forked now, while this process is small, that runs `prepare()` (imports a
    library) at once and then waits for one request: `work(request)`, with the
    preparation done, while this process goes on.

    The point is the time `prepare` takes: it passes on the second core while this process
    reads its input. A request is sent with its length (the child never waits for an
    end of file, which a later fork would keep open). `result()` gives `work`'s value or
    raises ForkFailed, as ForkedCall does; a worker never asked is `abandon`ed.
    """

    def __init__(self, prepare: Callable[[], None], work: Callable[[A], T]) -> None:
        requests_read, requests_write = os.pipe()
        results_read, results_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for end in (requests_read, requests_write, results_read, results_write):
                os.close(end)
            raise ForkFailed from None
        if pid == 0:  # the child never returns from here
            os.close(requests_write)
            os.close(results_read)
            _serve(prepare, work, requests_read, results_write)
        os.close(requests_read)
        os.close(results_write)
        self._requests: int | None = requests_write
        self._pid: int | None = pid
        self._results: int | None = results_read

    def ask(self, request: A) -> None:
        """Send the one request; ForkFailed if the child cannot take it."""
        if self._requests is None:
            raise ForkFailed
        payload = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with os.fdopen(self._requests, "wb") as pipe:
                self._requests = None
                pipe.write(len(payload).to_bytes(_LENGTH, "big") + payload)
        except OSError as exc:  # the child has gone
            raise ForkFailed from exc

    def result(self) -> T:
        """`work(request)`, computed in the child; ForkFailed if it has none to give."""
        if self._results is None or self._pid is None:
            raise ForkFailed
        with os.fdopen(self._results, "rb") as pipe:
            self._results = None
            payload = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        value: T = _delivered(payload, status)
        return value

    def abandon(self) -> None:
        """Stop the child, whatever it is doing (nothing more is wanted of it)."""
        for end in (self._requests, self._results):
            if end is not None:
                os.close(end)
        self._requests = self._results = None
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None


def _serve(
    prepare: Callable[[], None], work: Callable[[A], object], requests: int, results: int
) -> None:
    status = _STATUS_FAILED
    try:
        prepare()
        with os.fdopen(requests, "rb") as pipe:
            length = int.from_bytes(_read_exactly(pipe, _LENGTH), "big")
            request = pickle.loads(_read_exactly(pipe, length))  # from our own parent
        payload = pickle.dumps(work(request), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(results, "wb") as pipe:
            pipe.write(payload)
        status = _STATUS_OK
    except BaseException:  # noqa: BLE001 -- anything: the parent does the work itself
        status = _STATUS_FAILED
    finally:
        os._exit(status)


def _read_exactly(pipe: Any, size: int) -> bytes:
    data = pipe.read(size)
    if len(data) != size:
        raise EOFError("the request ended early")
    return bytes(data)
