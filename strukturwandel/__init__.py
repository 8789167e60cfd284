"""Reusable Wagtail apps for the Strukturwandel alliance in the Mitteldeutsches Revier."""
