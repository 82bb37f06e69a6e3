"""Failures of the search layer. Engine messages are kept for logs, never shown to users."""


class SearchUnavailable(Exception):
    """The engine could not be reached or refused the request as a whole."""


class InvalidCursor(ValueError):
    """A pagination cursor that this query did not produce."""
