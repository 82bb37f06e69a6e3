"""Reproducible installs: requirements.lock pins every dependency pyproject.toml declares (the dev and train
extras included) to one version with the hashes of its files, and the environment the suite runs in is that one."""

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement

from app.core.config import PROJECT_ROOT

LOCK = Path(PROJECT_ROOT) / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)(.*?)\\?$")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, tuple[str, int]]:
    """Package -> (version, number of hashes)."""
    pins: dict[str, tuple[str, int]] = {}
    current = ""
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            current = _normal(match.group(1))
            pins[current] = (match.group(2), 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            pinned, hashes = pins[current]
            pins[current] = (pinned, hashes + 1)
    return pins


def _declared() -> set[str]:
    project = tomllib.loads((Path(PROJECT_ROOT) / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *(r for extra in project["optional-dependencies"].values()
                                                 for r in extra)]
    return {_normal(Requirement(r).name) for r in requirements} - {"tradeleads"}


def test_every_declared_dependency_is_pinned_with_hashes() -> None:
    pins = _pins()
    assert _declared() - set(pins) == set()
    assert [name for name, (_, hashes) in pins.items() if hashes == 0] == []


def test_the_suite_runs_on_the_locked_versions() -> None:
    pins = _pins()
    assert {name: version(name) for name in _declared()} == {name: pins[name][0] for name in _declared()}
