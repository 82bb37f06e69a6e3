"""`tradeleads migrate` and `tradeleads seed`: the database's schema and its demo catalogue."""

import typer
from rich.table import Table

from app.accounts.repository import has_organizations
from app.cli.runtime import FAILURE, Sessions, console, database_errors, fail, run_with_database
from app.core.config import get_settings
from app.core.errors import AppError
from app.core.migrations import upgrade_to_head
from app.core.storage import DiskStore
from app.demo.seed import DEMO_PASSWORD, SeedResult, seed_demo


def migrate() -> None:
    """Apply every pending database migration (Alembic upgrade head); safe to run again."""
    with database_errors():
        revision = upgrade_to_head()
    console.print(f"Database is at revision [bold]{revision}[/] (head).")


def seed(
    demo: bool = typer.Option(False, "--demo", help="Create the demo suppliers, buyers, listings and RFQs."),
    if_empty: bool = typer.Option(False, "--if-empty", help="Do nothing when any organization exists."),
) -> None:
    """Fill the database with a demo catalogue, created through the services (no network needed)."""
    if not demo:
        fail("Nothing to seed: pass --demo.")
    try:
        result = run_with_database(lambda sessions: _seed(sessions, if_empty))
    except AppError as exc:
        fail(f"Seeding failed and nothing was written: {exc}", FAILURE)
    if result is None:
        console.print("The database already has organizations; nothing seeded (--if-empty).")
        return
    _print_result(result)


async def _seed(sessions: Sessions, if_empty: bool) -> SeedResult | None:
    async with sessions.begin() as session:
        if if_empty and await has_organizations(session):
            return None
        settings = get_settings()
        return await seed_demo(session, DiskStore(settings.files_path), settings)


def _print_result(result: SeedResult) -> None:
    listings = ", ".join(f"{count} {status.value}" for status, count in sorted(result.listings.items()))
    rfqs = ", ".join(f"{count} {status.value}" for status, count in sorted(result.rfqs.items()))
    verifications = ", ".join(f"{count} {status.value}" for status, count in sorted(result.verifications.items()))
    console.print(f"Seeded {len(result.logins)} organizations, listings: {listings}; RFQs: {rfqs}; "
                  f"{result.quotes} quotes; verifications: {verifications}; "
                  f"{result.exchange_rates} reference exchange rates.")
    table = Table(title="Demo logins")
    for column in ("E-mail", "Organization", "Slug", "Role"):
        table.add_column(column)
    for login in result.logins:
        table.add_row(login.email, login.organization, login.slug, login.role)
    console.print(table)
    console.print(f"Every demo user's password is [bold]{DEMO_PASSWORD}[/]")
