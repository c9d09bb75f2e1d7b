"""Scenes and painters: what both forms are drawn with."""
