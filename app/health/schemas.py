"""Liveness and readiness answers."""

from pydantic import BaseModel, Field


class Alive(BaseModel):
    status: str = Field(description="Always 'ok': the process answers")


class Check(BaseModel):
    ok: bool
    detail: str


class Readiness(BaseModel):
    """Ready when the database answers and is at the newest migration, and the search engine answers."""

    ready: bool
    database: Check
    migrations: Check
    search: Check
