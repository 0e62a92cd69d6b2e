"""NFTs (contracts/nft/, tests/nft/, docs/nft.md): MToken vaults, the mall, and liquidity on the
chain's Uniswap-v2-compatible DEX with LP farming.

dex.py         the DEX of each chain (configured, or Uniswap v2 deployed from its npm artifacts on
               local chains): seeding pools, prices from reserves, swaps through the router
model_farm.py  the Python mirror of LiquidityFarm's streams (the tests' oracle)
bench_farm.py  gas of farming (farm.stake, farm.claim) and lending liquidity mining (mining.claim)
"""
