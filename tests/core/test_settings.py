"""Where local data lives: one setting, TRADELEADS_VAR_DIR, moves the embedded database, index and mail folder."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.config import PROJECT_ROOT, Settings


def test_the_var_dir_holds_the_embedded_database_unless_a_url_is_given(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRADELEADS_DATABASE_URL", raising=False)
    moved = Settings(var_dir=tmp_path, _env_file=None)
    assert moved.database_url == f"sqlite+aiosqlite:///{tmp_path / 'tradeleads.db'}"
    assert moved.embedded_index_path == tmp_path / "search.sqlite3"

    given = Settings(var_dir=tmp_path, database_url="postgresql+asyncpg://u:p@db/tradeleads", _env_file=None)
    assert given.database_url == "postgresql+asyncpg://u:p@db/tradeleads"


def test_migrate_with_only_the_var_dir_set_writes_there_and_nowhere_else(tmp_path: Path) -> None:
    repo_database = PROJECT_ROOT / "var" / "tradeleads.db"
    before = repo_database.stat().st_mtime_ns if repo_database.exists() else None
    environment = {name: value for name, value in os.environ.items() if not name.startswith("TRADELEADS_")}
    environment["TRADELEADS_VAR_DIR"] = str(tmp_path)

    done = subprocess.run([str(Path(sys.executable).parent / "tradeleads"), "migrate"], env=environment, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stderr
    assert (tmp_path / "tradeleads.db").stat().st_size > 0
    assert (repo_database.stat().st_mtime_ns if repo_database.exists() else None) == before
