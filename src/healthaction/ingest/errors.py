"""Errors a user can act on: each names the file and, where it applies, the place."""

from __future__ import annotations


class IngestError(Exception):
    """A document that cannot be read; the message is one line for the terminal."""


class UnsupportedFormat(IngestError):
    pass


class UnreadableDocument(IngestError):
    pass
