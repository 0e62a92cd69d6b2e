# pragma version ~=0.4.3
"""
@title NodesMockCrowd: many RNode candidates in a few transactions
@custom:contract-name NodesMockCrowd
@license GNU Affero General Public License v3.0 only
@notice Clones NodesMockCandidate (`create_many`, each clone with a
        deposit in the mock RNode pool) and, in a later second (the
        committee reads deposits at the previous second), registers a
        range of the clones for a term (`enter_many`; the committee sees
        each clone as the caller).
"""


interface ICandidate:
    def enter(committee: address, term: uint256): nonpayable


interface IMockPool:
    def set_deposit(node: address, amount: uint256): nonpayable


# @dev Most clones.
MAX_CLONES: constant(uint256) = 128


# @dev The NodesMockCandidate every clone runs.
target: public(immutable(address))
# @dev Clones by creation index.
clones: public(HashMap[uint256, address])
# @dev Clones created.
clone_count: public(uint256)


@deploy
def __init__(target_: address):
    """
    @dev Fixes the candidate code.
    @param target_ A deployed NodesMockCandidate.
    """
    target = target_


@external
def create_many(n: uint256, pool: address, deposit: uint256):
    """
    @dev Creates `n` more candidates with `deposit` each in `pool`.
    @param n How many (at most MAX_CLONES in all).
    @param pool The NodesMockPool standing for the RNodePool.
    @param deposit Each clone's deposit, in wei.
    """
    count: uint256 = self.clone_count
    assert count + n <= MAX_CLONES, "nodes_mock_crowd: too many clones"
    for i: uint256 in range(n, bound=MAX_CLONES):
        clone: address = create_minimal_proxy_to(target)
        extcall IMockPool(pool).set_deposit(clone, deposit)
        self.clones[count + i] = clone
    self.clone_count = count + n


@external
def enter_many(committee: address, term: uint256, first: uint256, n: uint256):
    """
    @dev Registers clones `first` to `first + n - 1` for `term`.
    @param committee The ProposerCommittee.
    @param term The next term.
    @param first The first clone's index.
    @param n How many.
    """
    for i: uint256 in range(n, bound=MAX_CLONES):
        extcall ICandidate(self.clones[first + i]).enter(committee, term)
