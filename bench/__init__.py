"""Benchmarks: `make bench` writes JSON results under bench/results/."""
