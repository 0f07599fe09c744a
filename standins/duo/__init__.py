"""DUO stand-in: the gemeente ↔ DUO M2M contracts (contracten/duo-m2m) served from synthetic state."""
