"""Inquiries: a buyer asks the supplier of a listing; a thread between the two organizations."""
