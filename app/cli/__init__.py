"""The `tradeleads` command. Each command module parses options and calls services; later command groups
(worker, reindex, search, eval) register here as sub-apps the way `import` does."""

import typer

from app.cli.ads import ads_app
from app.cli.billing import billing_app
from app.cli.database import migrate, seed
from app.cli.eval_commands import eval_app
from app.cli.fx import fx_app
from app.cli.imports import import_app
from app.cli.ledger import ledger_app
from app.cli.mail import mail_app
from app.cli.matching_commands import register as register_matching_commands
from app.cli.rfqs import rfqs_app
from app.cli.search_commands import register as register_search_commands
from app.cli.serve import serve
from app.cli.verifications import verifications_app

cli = typer.Typer(help="tradeleads: cross-border B2B trade leads.", no_args_is_help=True,
                  pretty_exceptions_show_locals=False)
cli.command()(migrate)
cli.command()(seed)
cli.command()(serve)
cli.add_typer(import_app, name="import")
cli.add_typer(billing_app, name="billing")
cli.add_typer(mail_app, name="mail")
cli.add_typer(rfqs_app, name="rfqs")
cli.add_typer(fx_app, name="fx")
cli.add_typer(eval_app, name="eval")
cli.add_typer(verifications_app, name="verifications")
cli.add_typer(ledger_app, name="ledger")
cli.add_typer(ads_app, name="ads")
register_matching_commands(eval_app)
register_search_commands(cli)


def main() -> None:
    cli()
