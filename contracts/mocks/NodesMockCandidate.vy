# pragma version ~=0.4.3
"""
@title NodesMockCandidate: an RNode that is a contract
@custom:contract-name NodesMockCandidate
@license GNU Affero General Public License v3.0 only
@notice Registers itself with the proposer committee (`enter`), and as an
        attacker tries to draw the seed and elect in the same transaction
        (`draw_and_elect`), i.e. to elect while it can still see the seed
        before committing to it. NodesMockCrowd clones it to fill a term
        with many candidates.
"""


from interfaces import IProposerCommittee


@external
def enter(committee: address, term: uint256):
    """
    @dev Registers this contract for `term`.
    @param committee The ProposerCommittee.
    @param term The next term.
    """
    extcall IProposerCommittee(committee).register(term)


@external
def draw_and_elect(committee: address, term: uint256):
    """
    @dev Draws the seed block and elects in one transaction.
    @param committee The ProposerCommittee.
    @param term The term.
    """
    extcall IProposerCommittee(committee).draw(term)
    extcall IProposerCommittee(committee).elect(term)
