"""Search engines behind one interface: OpenSearch and an embedded SQLite FTS5 index, fed by the outbox."""
