"""Documents are not in the admin: beschikkingen and letters hold personal data, and the beheerder sees
no dossier data (DESIGN.md "Access"). They are reached, with their access checks, from the dossier."""
