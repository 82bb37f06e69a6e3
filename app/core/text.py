"""Plain-text helpers shared by domains and engines."""

EXCERPT_CHARS = 160


def excerpt(text: str, length: int = EXCERPT_CHARS) -> str:
    """The first `length` characters of `text`, cut at a word, with an ellipsis when something was left out."""
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(maxsplit=1)[0] if " " in text[:length] else text[:length]
    return cut.rstrip(" ,;:.") + "…"
