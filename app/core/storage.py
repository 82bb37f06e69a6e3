"""Where uploaded files live: one interface (put, read, delete by key) and its default, a folder on disk under
var/. Object storage would be another implementation of the same interface; callers only see keys."""

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_.-]*)*$")


class FileStore(Protocol):
    def put(self, key: str, data: bytes) -> None: ...

    def read(self, key: str) -> bytes | None:
        """The file's bytes, or None when no file has this key."""
        ...

    def delete(self, key: str) -> None: ...


class DiskStore:
    """Files under one folder, a key being a relative path; written to a temporary file and renamed into place,
    so a reader never sees half a file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not KEY.match(key) or ".." in key:
            raise ValueError(f"not a storage key: {key!r}")
        return self.root / key

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def read(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


def after_transaction(session: AsyncSession, *, committed: Callable[[], None] | None = None,
                       rolled_back: Callable[[], None] | None = None) -> None:
    """Runs `committed` or `rolled_back` once, by how the session's transaction ends: files go only once their
    row's removal is committed (a rolled-back request keeps its files whole), and files written for a row that is
    never committed go with it."""
    ended = False

    def end(action: Callable[[], None] | None) -> None:
        nonlocal ended
        if not ended:
            ended = True
            if action is not None:
                action()

    event.listen(session.sync_session, "after_commit", lambda _: end(committed))
    event.listen(session.sync_session, "after_rollback", lambda _: end(rolled_back))
