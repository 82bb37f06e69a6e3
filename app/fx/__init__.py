"""Exchange rates with dates (table fx_rates), loaded by an admin or the CLI, used to compare quotes."""
