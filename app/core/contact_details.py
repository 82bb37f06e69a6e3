"""Contact details in a text (a quote's message, an RFQ's description): an e-mail address, a phone number, a web
address or a messenger id. Trade platforms hold such quotes for review so that buyer and supplier do not take the
deal off the platform, and count them against an RFQ's lead quality."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|biz|info|io|co|cn|hk|tw|in|vn|de|uk|ru)\b",
                 re.IGNORECASE)
MESSENGER = re.compile(
    r"\b(?:whats\s?app|wechat|skype|telegram|viber|qq)\b(?:\s*(?:id|number|no\.?))?"
    r"(?:\s*[:=]\s*@?[\w.:+-]{3,}|\s+@?(?=[\w.+-]*[\d_@])[\w.+-]{3,})",
    re.IGNORECASE)
# A run of digits with the separators people write phone numbers with; it is a phone number at 7+ digits.
NUMBER_RUN = re.compile(r"(?<![\w.,])\+?(?:\(?\d[\d\s()-]*\d\)?)(?![\w.,]?\d)")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")
PHONE_DIGITS = 7

# In this order: an e-mail address is not also reported as a web address, nor a messenger's number as a phone.
KINDS = (("e-mail address", EMAIL), ("web address", URL), ("messenger id", MESSENGER))


def _has_phone_number(text: str) -> bool:
    text = ISO_DATE.sub(" ", text)
    for match in NUMBER_RUN.finditer(text):
        run = match.group().strip()
        if THOUSANDS.fullmatch(run):  # "1 000 000 pcs" is a quantity
            continue
        if sum(char.isdigit() for char in run) >= PHONE_DIGITS:
            return True
    return False


def contact_details_in(text: str) -> list[str]:
    """The kinds of contact details found in the text, in a fixed order; empty when there are none."""
    found = []
    for kind, pattern in KINDS:
        if pattern.search(text):
            found.append(kind)
            text = pattern.sub(" ", text)
    if _has_phone_number(text):
        found.append("phone number")
    return found
