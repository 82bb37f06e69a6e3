"""Discovery: searching listings, suppliers and buying leads (RFQs) through the search engine."""
