"""Speed and memory benchmarks (see benchmarks/scale.py) and the synthetic data generator they use."""
