"""What a short command keeps alive until its process leaves.

The installed command leaves with os._exit, without tearing the heap down
(`rktc.cli.app.run`): freeing a large plan's objects one by one would take as long as
some of the work (measured after 10,000 indicators: 40-50 ms for a validation, 80 ms
for a Laporan Kinerja). But a command's results die before that, when the functions
holding them return. Those functions hand them to `keep_until_exit`, which keeps them
only in a process that will leave that way and builds one plan: a test, a preview
server or a batch of plans keeps nothing.
"""

from __future__ import annotations

_kept: list[object] = []
_keeping = [False]


def keep_until_exit(value: object) -> None:
    """Let `value` live until the process leaves (when it leaves without teardown)."""
    if _keeping[0]:
        _kept.append(value)


def leave_without_teardown() -> None:
    """This process ends with os._exit once its one command is done: keep its results."""
    _keeping[0] = True


def keep_nothing() -> None:
    """This process goes on to other work (a batch of plans): free everything as usual."""
    _keeping[0] = False
    _kept.clear()
