"""PDash data market (contracts/datamarket/, tests/datamarket/, docs/datamarket.md): listings with a
key commitment and a slashable deposit, escrowed purchases, CPC-staked proxies that deliver keys, and
disputes the contract decides (CPChain 2.2.3, 3.3.1).

model.py   the Python mirror: purchase ids, the delivery's ECDH encryption and its decryption, fee,
           least deposit, PR score
flow.py    deploy plan (CPC's home chain), USDT listing, parameters, exercise (list, buy, deliver,
           confirm; a wrong key disputed; a silent buyer finalised after the window)
bench.py   gas of buy, deliver and confirm
report.py  `ape run datamarket listings`: the chain's listings as a table
"""
