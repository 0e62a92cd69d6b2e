"""Payouts (contracts/payouts/, tests/payouts/, docs/payouts.md): red packets and airdrop rounds.

model.py   the Python mirror: fees, shares, packet ids, password keys and claim signatures, airdrop
           leaves and unlock times
merkle.py  the 160-bit sorted-pair Merkle trees the contracts verify
airdrop.py the CSV tool behind `ape run airdrop` (rows, tree, proofs JSON, publish)
flow.py    deploy plan, treasury / feeds / fees / operators, exercise
bench.py   gas of create, claim, refund, publish, draw, claim from a 1,000,000-leaf tree, sweep
"""
