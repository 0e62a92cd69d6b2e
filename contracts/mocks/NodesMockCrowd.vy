# pragma version ~=0.4.3
"""
@title NodesMockCrowd: many RNode candidates in one transaction
@custom:contract-name NodesMockCrowd
@license GNU Affero General Public License v3.0 only
@notice Clones NodesMockCandidate `n` times; each clone gets `deposit` in
        the mock RNode pool and registers for `term` itself (the
        committee sees each clone as the caller).
"""


interface ICandidate:
    def enter(committee: address, term: uint256): nonpayable


interface IMockPool:
    def set_deposit(node: address, amount: uint256): nonpayable


# @dev The NodesMockCandidate every clone runs.
target: public(immutable(address))


@deploy
def __init__(target_: address):
    """
    @dev Fixes the candidate code.
    @param target_ A deployed NodesMockCandidate.
    """
    target = target_


@external
def enter_many(n: uint256, committee: address, pool: address, deposit: uint256, term: uint256):
    """
    @dev Creates `n` candidates with `deposit` each and registers them.
    @param n How many (at most 128).
    @param committee The ProposerCommittee.
    @param pool The NodesMockPool standing for the RNodePool.
    @param deposit Each clone's deposit, in wei.
    @param term The next term.
    """
    for _: uint256 in range(n, bound=128):
        clone: address = create_minimal_proxy_to(target)
        extcall IMockPool(pool).set_deposit(clone, deposit)
        extcall ICandidate(clone).enter(committee, term)
