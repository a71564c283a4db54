"""Storage: SQLModel tables, opening databases, migrations, audit trail, backups, blobs."""
