"""Massage Trainer: a step-by-step guide through a back massage."""

__version__ = "0.1.0"
