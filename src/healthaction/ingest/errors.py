"""Errors a user can act on: each names the file and, where it applies, the place."""

from __future__ import annotations


class IngestError(Exception):
    """A document that cannot be read; the message is one line for the terminal,
    starting with the file's path."""


class UnsupportedFormat(IngestError):  # noqa: N818 — named for what the user is told
    """A format no reader takes (an unknown suffix, an old .xls, a zip that is no document)."""


class UnreadableDocument(IngestError):  # noqa: N818 — named for what the user is told
    """A file in a known format that cannot be read: missing, empty, too large, binary, corrupt."""
