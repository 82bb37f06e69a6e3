"""The interface every payment provider offers the billing engine."""

from dataclasses import dataclass
from typing import Protocol

from app.models import Invoice
from app.models.enums import PaymentProviderName


@dataclass(frozen=True)
class ChargeAttempt:
    """What asking for the money did: `reference` of the provider's charge, if any; the outcome arrives later
    (an admin marking a bank transfer paid, or a signed webhook from the card gateway)."""

    reference: str | None
    status: str


class PaymentProvider(Protocol):
    name: PaymentProviderName

    def payment_instructions(self, invoice: Invoice) -> str | None:
        """Text printed on the invoice telling the customer how to pay; None when nothing needs doing."""
        ...

    async def collect(self, invoice: Invoice) -> ChargeAttempt:
        """Asks for the money of an open invoice."""
        ...
