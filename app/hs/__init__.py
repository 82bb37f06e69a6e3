"""The HS domain: look-ups in the stored HS table shared by listings and RFQs."""
