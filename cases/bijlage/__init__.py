"""The dossier's Documenten tab (issue 15): every letter made for the dossier (kernel `Document` rows
with its `dossier_id`) and every document a werkcoach uploaded (`DossierBijlage`)."""
