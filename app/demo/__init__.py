"""A believable demo catalogue (suppliers, buyers, listings, RFQs), created through the services."""
