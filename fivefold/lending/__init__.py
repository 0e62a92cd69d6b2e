"""Lending (contracts/lending/, tests/lending/, docs/lending.md): pledge markets, controller, rate models.

model.py the Python mirror of every formula, a complete local system for tests and the bench, and
         the markets table behind `ape run markets` (market_rows, markets_table, controller_address)
flow.py  deploy plan, controller wiring, one market per asset, exercise (supply, borrow, liquidate)
bench.py gas of supply, borrow, repay, withdraw, liquidate
"""
