"""Use cases, one module per aggregate. Short sessions; plain data out (no live ORM objects)."""
