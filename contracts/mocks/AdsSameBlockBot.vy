# pragma version ~=0.4.3
"""
@title Test attacker: commits and reveals an ad keyword in one transaction
@custom:contract-name AdsSameBlockBot
@license GNU Affero General Public License v3.0 only
@notice Tests only. What a front-runner does with a keyword it read in a
        pending reveal: commit to it and reveal it at once, so its claim is
        mined in the same block as (and ahead of) the reveal it copied.
        AdCampaigns refuses a reveal whose commitment is in the same block.
"""


interface IAds:
    def commit(id: uint256, commitment: bytes32): nonpayable
    def claim(id: uint256, keyword: bytes32, salt: bytes32) -> uint256: nonpayable


@external
def commit_and_claim(ads: address, id: uint256, keyword: bytes32, salt: bytes32) -> uint256:
    """
    @dev Commits to `keyword` for this contract, then reveals it.
    @param ads The AdCampaigns.
    @param id The campaign.
    @param keyword The keyword digest.
    @param salt Any salt.
    @return uint256 The reward (never: the reveal reverts).
    """
    extcall IAds(ads).commit(id, keccak256(abi_encode(id, self, keyword, salt)))
    return extcall IAds(ads).claim(id, keyword, salt)


@external
@payable
def __default__():
    pass
