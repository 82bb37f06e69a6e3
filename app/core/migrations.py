"""Alembic, driven from code: the configuration shared by `tradeleads migrate` and the test harness."""

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from app.core.config import PROJECT_ROOT


def alembic_config() -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False
    return config


def upgrade_to_head() -> str:
    """Applies every pending migration (none when the database is current); returns the head revision."""
    config = alembic_config()
    command.upgrade(config, "head")
    return ScriptDirectory.from_config(config).get_current_head() or "base"
