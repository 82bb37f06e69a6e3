"""Payment providers behind one interface; `provider_for` picks one by name."""

from app.core.config import Settings
from app.models import Invoice
from app.models.enums import PaymentProviderName
from membership.providers.base import ChargeAttempt, PaymentProvider
from membership.providers.card_gateway import CardGatewayProvider, FakeCardNetwork
from membership.providers.manual import ManualProvider

__all__ = ["ChargeAttempt", "PaymentProvider", "ask_for_payment", "provider_for"]


def provider_for(name: PaymentProviderName, settings: Settings) -> PaymentProvider:
    if name is PaymentProviderName.CARD_GATEWAY:
        return CardGatewayProvider(FakeCardNetwork())
    return ManualProvider(settings.bank_transfer_instructions)


async def ask_for_payment(invoice: Invoice, settings: Settings) -> None:
    """Asks the invoice's provider for its money (a transfer awaited, a card charged) and keeps the reference."""
    attempt = await provider_for(invoice.provider, settings).collect(invoice)
    invoice.payment_reference = attempt.reference
