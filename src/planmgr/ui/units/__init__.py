"""单位: the unit hierarchy, the unit editor and each unit's plans."""
