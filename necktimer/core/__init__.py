"""Pure-Python heart of necktimer: rules, clock, store, settings and tips. Never imports Qt."""
