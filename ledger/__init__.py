"""The ledger engine: double-entry accounts and journal, balances, and the check that the books balance (see
../shared/ARCHITECTURE.md). Ads balances and protected orders post their money here; nothing else writes it."""
