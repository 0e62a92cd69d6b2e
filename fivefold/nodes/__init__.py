"""CPChain's node economy (issue 15): the Economy and RNode pools and NodeVotes (model_pools, bench_pools);
the proposer committee, maintenance rewards and the board come in their own parts."""
