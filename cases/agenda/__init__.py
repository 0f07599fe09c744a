"""The agenda (issue 20 item 2): appointments on a dossier, the werkcoach's day and week view and each
user's iCalendar feed."""
