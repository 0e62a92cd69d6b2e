# pragma version ~=0.4.3
"""
@title Test helper: many airdrop claims in one transaction
@custom:contract-name PayoutsBatchClaimer
@license GNU Affero General Public License v3.0 only
@notice Scaling table only (`airdrop.claim` in fivefold/assurance/scaling.py).
        Each claim is an ordinary `AirdropRound.claim` of a distinct leaf,
        paid to that leaf's own account (a claim is open to any submitter,
        as the gas bench's third-party claim is). The batch only saves
        transactions, not work: every claim costs what a user's would.
"""


from interfaces import IAirdropRound


struct Claim:
    index: uint256
    account: address
    amount: uint256
    proof: DynArray[uint256, 32]  # AirdropRound's own bound on a proof


# @dev Claims per call: 100 claims of ~90,000 gas each, with their proofs' calldata, stay under 30M.
MAX_BATCH: constant(uint256) = 100

# @dev Claims submitted so far.
claimed: public(uint256)


@external
def claim_many(round: address, claims: DynArray[Claim, MAX_BATCH]):
    """
    @dev Submits every claim of `claims` to `round`, in order; any
         failing claim reverts the batch.
    @param round The AirdropRound.
    @param claims The leaves, each with its proof.
    """
    for c: Claim in claims:
        extcall IAirdropRound(round).claim(c.index, c.account, c.amount, c.proof)
    self.claimed += len(claims)
