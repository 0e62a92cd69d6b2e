"""Token sale (contracts/sale/, tests/sale/, docs/sale.md): CC's sale rounds bought into vesting.

model.py  the Python mirror: rounds of the CC table (price, plan), quote, phase, the whitelist tree
flow.py   deploy plan (SaleVesting, TokenSale) on CC's home chain, rounds and assets, exercise
bench.py  gas of a first purchase (`sale.buy`, `sale.buy.whitelisted`)
report.py `ape run sale status`: rounds, price, raised, cap, phase
"""
