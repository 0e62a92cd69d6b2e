# pragma version ~=0.4.3
"""
@title Emergency pause of new deposits and creations, by a guardian
@custom:contract-name pausable
@license GNU Affero General Public License v3.0 only
@notice The one change that bypasses a proposal (SPEC, governance): a
        guardian named by the owner (the suite's Timelock) stops what
        brings new funds in (a new red packet, a new airdrop round, a new
        stake) at once, without waiting out the timelock's delay. It never
        moves funds and never blocks a way out: claims, refunds,
        withdrawals, unstaking and income claims stay open, because the
        host guards only its entry points with `_check_not_paused()`.
        Only the owner resumes (a proposal, so the guardian cannot toggle
        the switch to front-run users).

        In the deployed suite the guardian is the CC Governor, whose
        committee members (seated only by proposals) call its
        `emergency_pause`: no account holds this role.

        A contract takes it through contracts/shared/governed.vy or
        guarded.vy (`initializes: governed`, which wires it) and calls
        `governed.pausable._check_not_paused()` first in each entry point.
@custom:security Reverts carry this module's name: "pausable: ...". The
        guardian may be zero (nobody but the owner pauses).
"""


from contracts.shared import owner_2step

uses: owner_2step


# @dev Who may pause beside the owner (zero: nobody).
guardian: public(address)
# @dev True while new deposits and creations are refused.
paused: public(bool)


# @dev Emitted when the owner names the guardian.
event GuardianSet:
    guardian: indexed(address)


# @dev Emitted when new deposits and creations stop or resume.
event PausedSet:
    paused: bool
    by: indexed(address)


@external
def set_guardian(guardian_: address):
    """
    @dev Names who may pause beside the owner.
    @notice Only the owner. Zero leaves the pause to the owner alone.
    @param guardian_ The guardian (the CC Governor in the deployed suite).
    """
    owner_2step.ownable._check_owner()
    self.guardian = guardian_
    log GuardianSet(guardian=guardian_)


@external
def pause():
    """
    @dev Refuses new deposits and creations from now on. Ways out stay
         open.
    @notice The guardian or the owner.
    """
    if msg.sender != owner_2step.ownable.owner:
        assert msg.sender == self.guardian and msg.sender != empty(address), "pausable: caller is not the owner or the guardian"
    self.paused = True
    log PausedSet(paused=True, by=msg.sender)


@external
def unpause():
    """
    @dev Accepts new deposits and creations again.
    @notice Only the owner (a proposal in the deployed suite).
    """
    owner_2step.ownable._check_owner()
    self.paused = False
    log PausedSet(paused=False, by=msg.sender)


@internal
@view
def _check_not_paused():
    """
    @dev Reverts while paused: the first line of each entry point that
         brings new funds in.
    """
    assert not self.paused, "pausable: new deposits and creations are paused"
