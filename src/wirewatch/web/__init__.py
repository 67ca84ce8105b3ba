"""The static web UI (map, timeline, tracks, evidence), served by `wirewatch.api`."""
