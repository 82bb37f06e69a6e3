"""Who is asking: the viewer of a request and the role checks that follow from it (below http and every domain)."""
