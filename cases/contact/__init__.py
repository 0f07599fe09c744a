"""Contactmomenten: voortgangsgesprekken, huisbezoeken, telefonisch contact and no-shows."""
