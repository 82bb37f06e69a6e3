"""Where a page may send the browser next: only a path on this site."""


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: never another host (//host, /\\host) nor a scheme, so no open redirect."""
    if not target or not target.isprintable() or " " in target or "\\" in target:
        return None
    return target if target.startswith("/") and not target.startswith("//") else None
