"""Pure-Python domain: enums with Chinese labels, rules, calendar, validators, errors.

Nothing here imports SQLAlchemy, Qt, ReportLab or pandas (import-linter checks it).
"""
