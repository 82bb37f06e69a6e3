"""E-mail domains that hand out throwaway addresses: a buyer writing from one is less likely to be a real company.
A short list of the best-known services (no network lookup at run time); a platform extends it as it learns."""

DISPOSABLE_DOMAINS = frozenset({
    "10minutemail.com", "20minutemail.com", "33mail.com", "dispostable.com", "emailondeck.com", "fakeinbox.com",
    "getairmail.com", "getnada.com", "guerrillamail.biz", "guerrillamail.com", "guerrillamail.de",
    "guerrillamail.net", "guerrillamail.org", "harakirimail.com", "incognitomail.org", "mailcatch.com",
    "maildrop.cc", "mailinator.com", "mailinator.net", "mailnesia.com", "mintemail.com", "mohmal.com",
    "mytemp.email", "sharklasers.com", "spambox.us", "spamgourmet.com", "temp-mail.org", "tempail.com",
    "tempmail.com", "tempmail.net", "tempmailo.com", "tempr.email", "throwawaymail.com", "trashmail.com",
    "trashmail.de", "yopmail.com", "yopmail.fr", "yopmail.net",
})


def is_disposable(email: str) -> bool:
    """The address's domain, or a domain it is under, is a throwaway service."""
    domain = email.rpartition("@")[2].strip().lower()
    parts = domain.split(".")
    return any(".".join(parts[index:]) in DISPOSABLE_DOMAINS for index in range(len(parts) - 1))
