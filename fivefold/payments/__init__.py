"""Payments (contracts/payments/, tests/payments/, docs/payments.md): merchant invoices paid in any
listed asset (CartyCoin 3.1.3-3.1.5) and live-stream tipping (CloudChat 4.5).

invoices.py  the EIP-712 `Invoice` in Python: builder, signature, digest (what a checkout page does)
model.py     the Python mirror: platform shares, escrow and balances, the tippers' reward stream
flow.py      deploy plan, listing / router / treasury / platform shares, exercise
bench.py     gas of pay (direct and through the router) and tip (ERC-20, CC with reward weight)
"""
