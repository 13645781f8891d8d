"""Vigil: a registry that documents political persecution from its sources."""

__version__ = "0.1.0"
