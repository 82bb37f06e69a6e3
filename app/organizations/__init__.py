"""Organisations as others see them: a supplier's storefront (profile, badges, trust signals, its products)."""
