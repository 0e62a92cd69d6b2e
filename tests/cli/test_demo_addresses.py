"""The demo's address check (fivefold/demo.py `addresses_table`): one address per contract on the four
chains, the Hyperlane contracts one per chain, and a contract that exists only where its token is at
home (TokenSale on BSC, ResourceMarket on Polygon, DataMarket on Ethereum) one address there."""

from fivefold import demo

SALE, POOL = "0x" + "11" * 20, "0x" + "22" * 20


def _manifests(contracts_by_chain: dict[int, dict[str, str]]) -> dict[int, dict]:
    return {
        chain_id: {"contracts": {n: {"address": a} for n, a in contracts_by_chain.get(chain_id, {}).items()}}
        for chain_id in demo.CHAIN_IDS
    }


def test_addresses_table__home_only_contract__one_address_passes():
    """TokenSale deployed on BSC alone, at one address, beside a contract on every chain: the check holds."""
    everywhere = {c: {"EconomyPool": POOL} for c in demo.CHAIN_IDS}
    everywhere[56]["TokenSale"] = SALE
    assert demo.addresses_table(_manifests(everywhere)) is True


def test_addresses_table__two_addresses_for_one_contract__fails():
    """A contract at one address on one chain and another address elsewhere fails the check."""
    split = {c: {"EconomyPool": POOL} for c in demo.CHAIN_IDS}
    split[137]["EconomyPool"] = SALE
    assert demo.addresses_table(_manifests(split)) is False
