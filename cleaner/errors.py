"""Exceptions raised by cleaner: one base class so callers can catch everything we raise."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error cleaner raises on purpose."""


class InputError(CleanerError, ValueError):
    """The input cannot be cleaned: undecodable bytes, not HTML, unreadable file."""


class RuleError(CleanerError, ValueError):
    """A rule pack is invalid; the message names the file, the rule and the fix."""


class Stopped(KeyboardInterrupt):
    """The run was told to stop by a signal (SIGTERM); like Ctrl-C, with the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class HtmlLimitError(InputError):
    """An HTML page over a cap (elements, attributes) or one the parser could not read whole."""
