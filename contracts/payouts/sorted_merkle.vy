# pragma version ~=0.4.3
"""
@title Sorted-pair Merkle proofs with 160-bit nodes and a bounded depth
@custom:contract-name sorted_merkle
@license GNU Affero General Public License v3.0 only
@notice snekmate's `merkle_proof_verification` rule (each parent hashes
        its two children in ascending order, a proof lists the siblings
        from the leaf upwards), narrowed to 160-bit nodes: a parent is
        the low 160 bits of `keccak256(min ++ max)` over 32-byte words.
        A sibling word then carries 12 zero bytes, 144 gas less calldata
        each; forging a proof against a fixed tree takes a 160-bit second
        preimage, but whoever controls a leaf before the tree is fixed can
        prepare a collision in about 2**81 work (docs/payouts.md, "Leaves
        and nodes").
        Our buffer is sized for `MAX_PROOF_DEPTH` siblings (2**32
        leaves) where snekmate's is sized for 255, whose memory every
        call would pay for. `fivefold/payouts/merkle.py` builds the trees;
        AirdropRound inlines the same loop (an internal call copies the
        proof).
@custom:security Leaves must never be 64 bytes before hashing, or an
        internal node could be passed off as a leaf: the payout
        contracts hash a leaf twice over an `abi.encode`, so a leaf's
        last preimage is 32 bytes and a node's 64.
"""


from contracts.shared import constants


# @dev Longest proof accepted: a tree of up to 2**32 leaves.
MAX_PROOF_DEPTH: constant(uint256) = 32
# @dev Nodes are the low 160 bits of their hash.
NODE_MASK: constant(uint256) = constants.MASK_160


@internal
@pure
def _root(proof: DynArray[uint256, MAX_PROOF_DEPTH], leaf: uint256) -> uint256:
    """
    @dev Folds `proof` into `leaf` and returns the root it leads to.
    @param proof The sibling hashes from the leaf up to the root.
    @param leaf The leaf hash.
    @return uint256 The root the proof leads to.
    """
    node: uint256 = leaf
    for sibling: uint256 in proof:
        if node < sibling:
            node = convert(keccak256(abi_encode(node, sibling)), uint256) & NODE_MASK
        else:
            node = convert(keccak256(abi_encode(sibling, node)), uint256) & NODE_MASK
    return node
