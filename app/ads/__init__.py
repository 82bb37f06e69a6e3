"""The ads domain: an organisation's prepaid ad balance (top-ups through billing, admins' adjustments), read from the
ledger. Campaigns, keyword bids and clicks (issue 12) are to build on it."""
