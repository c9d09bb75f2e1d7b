"""The lampiran: the identity sheet and the flowchart table, laid out and routed by flowgen alone."""
