"""Quotes: suppliers answer open RFQs; buyers compare, award and rate them."""
