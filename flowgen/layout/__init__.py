"""Layouts: where every lane, symbol, row and arrow goes."""
