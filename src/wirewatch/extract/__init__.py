"""One small module per thing found; `registry` assembles them from `pipeline.yaml`."""
