"""The id in a URL: an integer within the database's range (PostgreSQL integer, SQLite's bound), so a larger one is
a 422 on its parameter and never reaches the driver (which would fail with an overflow, a 500)."""

from typing import Annotated

from fastapi import Path

MAX_ID = 2_147_483_647
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID, description="The object's id")]
# An organisation's address (app.accounts.service.slugify makes them): anything else names no organisation.
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,119}$"
Slug = Annotated[str, Path(pattern=SLUG_PATTERN, description="The organisation's address, as in /suppliers/{slug}")]
