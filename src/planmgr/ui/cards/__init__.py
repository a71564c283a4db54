"""The cards area of the GUI."""
