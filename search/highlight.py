"""Highlighted snippets as HTML-safe strings: the text escaped, the matches wrapped in <mark>."""

import html


def marked(text: str, start: str, stop: str) -> str:
    return html.escape(text).replace(start, "<mark>").replace(stop, "</mark>")
