"""Storage: peewee models, opening the data file, schema migrations. No Qt."""
