"""The README is the operator's manual: it documents every setting and starts with the two commands."""

from pathlib import Path

from app.core.config import PROJECT_ROOT, Settings

README = Path(PROJECT_ROOT) / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`TRADELEADS_{name.upper()}`" not in text]
    assert missing == []


def test_readme_starts_with_the_two_commands() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    fence = lines.index("```sh")
    commands = [line.split("#")[0].strip() for line in lines[fence + 1: fence + 3]]
    assert commands == ["make run", "make test"]
