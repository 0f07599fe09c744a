"""BRP stand-in: serves the BRP API Personen contract (openapi.yaml) from synthetic persons. See README.md."""
