"""CPChain's node economy (contracts/nodes/, tests/nodes/, docs/nodes-*.md; issue 15).

model_board.py  the Python mirror of the board (contracts/nodes/Board.vy): calendar, election rules,
                income ledger (the tests' oracle)
bench_board.py  gas of the board (board.stand, board.vote, board.claim)
"""
