# pragma version ~=0.4.3
"""
@title Test helper: a proposer committee whose term locks a test sets
@custom:contract-name NodesMockCommittee
@license GNU Affero General Public License v3.0 only
@notice Tests of RNodePool only: stands in for the nodes domain's
        ProposerCommittee, answering `locked_until(node)` with what
        `set_locked_until` stored.
"""


# @dev The timestamp until which each node is held to a term.
locked_until: public(HashMap[address, uint256])


@external
def set_locked_until(node: address, until: uint256):
    """
    @dev Holds `node` to a term until `until` (0: none).
    @param node The RNode.
    @param until The timestamp.
    """
    self.locked_until[node] = until
