"""The drills area of the GUI."""
