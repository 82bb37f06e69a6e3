"""`make test` sets up what the browser tests need: scripts/chromium.sh installs Debian's chromium as root, and
as any other user stops at once with the exact command to run. The package manager and the user id are the
machine's, an edge a test cannot reach: they are replaced by stand-ins on PATH that record how they were called."""

import os
import subprocess
from pathlib import Path

from app.core.config import PROJECT_ROOT

SCRIPT = Path(PROJECT_ROOT) / "scripts" / "chromium.sh"


def stand_ins(folder: Path, uid: int, installs_to: Path) -> dict[str, str]:
    """`id -u` answers `uid`; `apt-get` logs its arguments and, on install, creates the browser."""
    (folder / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (folder / "apt-get").write_text(
        f'#!/bin/sh\necho "$@" >> {folder / "apt.log"}\n'
        f'case "$*" in *install*) printf "#!/bin/sh\\n" > {installs_to}; chmod +x {installs_to};; esac\n')
    for name in ("id", "apt-get"):
        (folder / name).chmod(0o755)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}", "CHROMIUM": str(installs_to)}


def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=30, check=False)


def test_a_user_without_chromium_is_told_the_exact_command(tmp_path: Path) -> None:
    result = run(stand_ins(tmp_path, uid=1000, installs_to=tmp_path / "chromium"))

    assert result.returncode == 1
    assert "sudo sh -c 'apt-get update && apt-get install -y chromium'" in result.stderr
    assert not (tmp_path / "apt.log").exists()


def test_root_without_chromium_installs_debians_package(tmp_path: Path) -> None:
    result = run(stand_ins(tmp_path, uid=0, installs_to=tmp_path / "chromium"))

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "apt.log").read_text().splitlines() == ["update -qq", "install -y -qq chromium"]
    assert (tmp_path / "chromium").exists()


def test_nothing_happens_when_chromium_is_there(tmp_path: Path) -> None:
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)

    result = run(stand_ins(tmp_path, uid=1000, installs_to=browser))

    assert (result.returncode, result.stderr) == (0, "")
    assert not (tmp_path / "apt.log").exists()


def test_make_test_runs_the_set_up_before_the_suite() -> None:
    makefile = (Path(PROJECT_ROOT) / "Makefile").read_text()
    assert "pytest: install chromium\n" in makefile
    assert "\t@bash scripts/chromium.sh\n" in makefile
