"""Lead reports: suppliers who quoted on an RFQ report it as fake; admins confirm or dismiss."""
