from tests.billing.conftest import gateway_settings
from tests.cli.conftest import run_cli
from tests.support.actors import cast_fixture

cast = cast_fixture("supplier")

__all__ = ["cast", "gateway_settings", "run_cli"]
