"""Writes of the editorial workflow, one module per entity; every write checks the actor's role."""
