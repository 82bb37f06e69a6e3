"""Bulk imports from files: reading rows (CSV, JSON Lines), validating each one, writing valid ones in batches."""
