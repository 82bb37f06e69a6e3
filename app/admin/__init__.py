"""Administration: the dashboard of platform figures (activity per day and month, revenue, moderation backlog)."""
