"""Errors that stop rktc (a missing template, an unwritable output), as catalog messages.

A mistake in the plan is a Diagnostic, never an exception; these are for what
keeps rktc from continuing at all. The CLI prints them in the reader's language.
"""

from __future__ import annotations

from typing import Any

from rktc.core.messages import Message, msg


class RktcError(Exception):
    def __init__(self, key: str, /, **params: Any) -> None:
        self.message: Message = msg(key, **params)
        super().__init__(self.message.render("en"))
