"""Marking text for the translation catalogs where it is written: N_ returns the text as it is and lets
`make translations` find it; the pages translate it when they show it (app.http.locale's gettext). Engines mark their
labels here, since they may not import the web layer."""


def N_(message: str) -> str:
    return message
