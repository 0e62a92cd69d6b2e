"""fivefold.payouts.merkle: the 160-bit sorted-pair trees the payouts contracts verify."""

import pytest

from fivefold.payouts import merkle
from fivefold.payouts import model as payouts


def _leaves(n):
    return [merkle.low160(merkle.keccak(i.to_bytes(32, "big"))) for i in range(n)]


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 100])
def test_tree__every_leaf__proof_verifies(n):
    tree = merkle.MerkleTree(_leaves(n))
    for i in range(n):
        assert merkle.verify(tree.proof(i), tree.root, tree.levels[0][i])
    assert all(int.from_bytes(node, "big") < 2**160 for level in tree.levels for node in level)


def test_tree__odd_last_leaf__carried_without_sibling():
    tree = merkle.MerkleTree(_leaves(5))
    assert len(tree.proof(4)) == 1 and tree.levels[1][2] == tree.levels[0][4]


def test_tree__wrong_leaf__does_not_verify():
    tree = merkle.MerkleTree(_leaves(8))
    assert not merkle.verify(tree.proof(3), tree.root, tree.levels[0][4])


def test_tree__empty__refused():
    with pytest.raises(ValueError):
        merkle.MerkleTree([])


def test_tree__proof_index_out_of_range__refused():
    with pytest.raises(IndexError):
        merkle.MerkleTree(_leaves(3)).proof(3)


def test_airdrop_leaves__match_the_abi_encoded_mirror():
    accounts = ["0x" + f"{i:040x}" for i in range(1, 6)]
    raw = [bytes.fromhex(a[2:]) for a in accounts]
    key = payouts.RoundKey(56, "0x" + "ab" * 20, 7, b"\x11" * 32)
    leaves = merkle.airdrop_leaves(key.prefix, raw, [10 * i for i in range(5)], first=3)
    assert leaves == [payouts.airdrop_leaf(key, 3 + i, a, 10 * i) for i, a in enumerate(accounts)]
    # ...and the mirror is abi.encode as eth_abi writes it: chain id, registry, round, salt, index,
    # account, amount
    from eth_abi import encode

    types = ["uint256", "address", "uint256", "bytes32", "uint256", "address", "uint256"]
    preimage = encode(types, [56, key.registry, 7, key.salt, 3, accounts[0], 0])
    assert leaves[0] == merkle.low160(merkle.keccak(merkle.keccak(preimage)))


def test_address_leaf__double_hash_of_abi_encoded_address():
    account = "0x" + "ab" * 20
    inner = merkle.keccak(bytes(12) + bytes.fromhex("ab" * 20))
    assert merkle.address_leaf(account) == merkle.low160(merkle.keccak(inner))


def test_ints__proof_as_uint256_list():
    tree = merkle.MerkleTree(_leaves(4))
    assert merkle.ints(tree.proof(0)) == [int.from_bytes(p, "big") for p in tree.proof(0)]
