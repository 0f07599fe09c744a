"""Kalender: the date conventions every termijn uses (DOMAIN.md §8).

`datums` holds the pure arithmetic; `models` the editable data it needs (days equated with holidays
by Royal Decree, and per termijn kind whether the Algemene termijnenwet applies).
"""
