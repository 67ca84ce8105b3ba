"""One schema module per data table: `wirewatch.kb.tables.<name>.Table` validates
`kb/data/<name>.yaml` and carries the lookups that table serves."""
