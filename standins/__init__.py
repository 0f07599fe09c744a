"""Stand-ins for external services the app talks to (run as their own processes; never imported by the app)."""
