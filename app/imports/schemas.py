"""What the listing-import API returns."""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field


class ImportStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class RowErrorOut(BaseModel):
    line: int = Field(description="Line of the file (CSV: counting the header; JSON Lines: the object's line)")
    field: str = Field(description="The listing field, or `row` for the row as a whole")
    message: str


class ImportOut(BaseModel):
    id: int
    file_name: str
    file_format: str
    submit: bool = Field(description="Each imported listing is submitted for review")
    status: ImportStatus
    total_rows: int
    handled_rows: int
    imported: int
    failed_rows: int
    errors: list[RowErrorOut]
    created_at: datetime
    finished_at: datetime | None
