"""Development tools: evaluation, benchmarks, load test, synthetic corpora."""
