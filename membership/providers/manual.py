"""Bank transfer: the invoice shows the payment instructions, and an administrator marks it paid on receipt."""

from app.models import Invoice
from app.models.enums import PaymentProviderName
from membership.money import Money
from membership.providers.base import ChargeAttempt


class ManualProvider:
    name = PaymentProviderName.MANUAL

    def __init__(self, instructions: str) -> None:
        self._instructions = instructions

    def payment_instructions(self, invoice: Invoice) -> str | None:
        amount = Money(invoice.total, invoice.currency)
        # Plain replacement, not str.format: the text comes from configuration and may contain braces.
        return self._instructions.replace("{number}", invoice.number).replace("{amount}", str(amount))

    async def collect(self, invoice: Invoice) -> ChargeAttempt:
        return ChargeAttempt(reference=None, status="awaiting_transfer")
