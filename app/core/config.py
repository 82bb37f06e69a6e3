"""Settings read from the environment (prefix TRADELEADS_) or a .env file."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_VAR_DIR = PROJECT_ROOT / "var"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TRADELEADS_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite+aiosqlite:///{DEFAULT_VAR_DIR / 'tradeleads.db'}",
        description="SQLAlchemy async URL: sqlite+aiosqlite:///PATH or postgresql+asyncpg://USER:PW@HOST/DB",
    )
    secret_key: str = Field(
        default="dev-insecure-change-me",
        description="Signs session cookies and CSRF tokens; set a long random value in production",
    )
    session_max_age_seconds: int = Field(default=14 * 24 * 3600, description="Lifetime of a login session")
    secure_cookies: bool = Field(default=False, description="Mark cookies Secure (behind HTTPS)")
    login_max_failures: int = Field(default=5, description="Failed logins allowed per window")
    login_window_seconds: int = Field(default=15 * 60, description="Window for counting failed logins")
    opensearch_url: str | None = Field(default=None, description="OpenSearch URL; unset = embedded search")
    var_dir: Path = Field(default=DEFAULT_VAR_DIR, description="Folder for the embedded database and index")
    page_size_max: int = Field(default=100, description="Largest page size the API accepts")


@lru_cache
def get_settings() -> Settings:
    return Settings()
