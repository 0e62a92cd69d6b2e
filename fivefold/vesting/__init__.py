"""Vesting (contracts/vesting/, tests/vesting/, docs/vesting.md): one VestingVault per vesting table.

model.py the Python mirror: plans from the spec, vested(t), unlock times, the CC and CPC tables
flow.py  deploy plan (CCVesting, CPCVesting), plans and schedules on the home chain, exercise
bench.py gas of release and create_schedules
"""
