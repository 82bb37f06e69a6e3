"""Moderation: the admin queue of everything pending review, and a record of every decision."""
