"""Showcase picks: the listings a supplier puts in its plan's showcase slots (the rules: promotion.showcase)."""
