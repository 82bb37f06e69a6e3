"""Supplier verification: requests with evidence, the admins' review, and the badges approved ones give."""
