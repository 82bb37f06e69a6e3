"""Bulk import in a real browser: the supplier uploads a CSV from /my/listings, watches the progress page reload
itself until the import is done, and reads the refused rows by line; the good rows are in My listings."""

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from app.imports.service import work_off_imports
from tests.conftest import ActorFactory
from tests.imports.test_uploaded_imports import CSV
from tests.support.browser import log_in

pytestmark = pytest.mark.browser


async def test_a_supplier_imports_a_file_and_reads_the_refused_rows(page: Page, app: FastAPI,
                                                                   make_actor: ActorFactory) -> None:
    await log_in(page, await make_actor("supplier"))
    await page.goto("/my/listings")
    await page.get_by_role("link", name="Import them from a CSV or JSON Lines file").click()
    await page.get_by_label("File (.csv or .jsonl)").set_input_files(
        {"name": "boards.csv", "mimeType": "text/csv", "buffer": CSV.encode()})
    await page.get_by_role("button", name="Import").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Import of boards.csv")
    # The web process's background task runs it on the embedded default; with OpenSearch a worker does: this one.
    await work_off_imports(app.state.sessionmaker, app.state.files, "browser-test")

    await expect(page.get_by_role("status")).to_have_text("Done: 3 of 5 rows imported, 2 refused.")
    rows = page.locator("table.import-errors tbody tr")
    await expect(rows).to_have_count(2)
    await expect(rows.first).to_contain_text("3")
    await page.get_by_role("link", name="See my listings").click()
    await expect(page.get_by_role("row").filter(has_text="Bamboo cutting board")).to_have_count(3)
