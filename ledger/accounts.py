"""The chart of accounts: the codes of the accounts the platform's books use, in one place.

An organisation's ad balance is money it prepaid for advertising: top-ups are credited to it from the platform's
bank account, clicks are charged from it, admins adjust it. Its balance is the sum of its lines."""

PLATFORM_BANK = "platform:bank"
"""Money received (bank transfers, card payments) for prepaid services."""
PLATFORM_AD_REVENUE = "platform:ad_revenue"
"""What charged clicks earned: each click's price moves from the advertiser's ad balance to here."""
PLATFORM_ADJUSTMENTS = "platform:adjustments"
"""The other side of an administrator's correction of a balance (a goodwill credit, a correction)."""


AD_BALANCES = "ads:organization:%"
"""Every organisation's ad balance (a LIKE pattern)."""


def ad_balance(organization_id: int) -> str:
    return f"ads:organization:{organization_id}"
