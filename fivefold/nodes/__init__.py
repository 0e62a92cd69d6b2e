"""CPChain's node economy (issue 15): deposit pools, reputation, the proposer committee and its
maintenance rewards, the board. Models and benches per part (`model_<part>.py`, `bench_<part>.py`)."""
