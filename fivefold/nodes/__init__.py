"""CPChain's node economy (contracts/nodes/, tests/nodes/, docs/nodes.md; issue 15).

model_pools.py      the Economy and RNode pools' season index math (the tests' oracle)
bench_pools.py      gas of the pools (pool.economy.*, pool.rnode.*)
model_committee.py  reputation (RPT), the proposer committee's election and the slot rewards
bench_committee.py  gas of the election and of a maintenance-reward claim
model_board.py      the board: calendar, election rules, income ledger
bench_board.py      gas of the board (board.stand, board.vote, board.claim)
"""
