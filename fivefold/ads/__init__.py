"""Interactive ads (contracts/ads/, tests/ads/, docs/ads.md): campaigns that pay consumers per proven
interaction (CMDMAX 8.4).

model.py   the Python mirror: keyword digests, commitments, EIP-712 attestations, phases, a campaign's book
flow.py    deploy plan, asset listing, exercise (a native and a USDT campaign, a reveal, an attestation,
           the withdrawals after the end)
bench.py   gas of commit, the reveal's claim and the attested claim
report.py  `ape run ads campaigns`: the chain's campaigns as a table
"""
