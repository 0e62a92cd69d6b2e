# pragma version ~=0.4.3
"""
@title Two-step ownership, exported the suite's way
@custom:contract-name owner_2step
@license GNU Affero General Public License v3.0 only
@notice snekmate's `ownable` and `ownable_2step`, wired and exported once
        for every owned contract of the suite: the owner offers ownership
        (`transfer_ownership`), the new owner takes it (`accept_ownership`),
        so a mistyped address never receives it. A contract writes
        `initializes: owner_2step`, `exports: owner_2step.__interface__`,
        calls `owner_2step.__init__(owner_)` in its constructor and guards
        owner-only functions with `owner_2step.ownable._check_owner()` (the
        same internal function as before, so no extra call and no extra gas).
        `renounce_ownership` is deliberately not exported, in every
        contract that uses this module: an ownerless contract could never
        change its configuration again. Each contract's exports comment
        says what exactly it would lose.
        The token (`CappedToken`) wires the same two modules itself:
        snekmate's `erc20` needs `ownable` handed to it
        (`initializes: erc20[ownable := ownable]`), and its exports order
        is tuned for the transfer path's gas.
@custom:security Reverts are snekmate's ("ownable: caller is not the owner",
        "ownable_2step: caller is not the new owner").
"""


from snekmate.auth import ownable
from snekmate.auth import ownable_2step

initializes: ownable
initializes: ownable_2step[ownable := ownable]


exports: (
    ownable.owner,
    ownable_2step.pending_owner,
    ownable_2step.transfer_ownership,
    ownable_2step.accept_ownership,
    # Deliberately not exported: renouncing ownership (see the module's
    # notice).
)


@deploy
def __init__(owner_: address):
    """
    @dev Makes `owner_` the owner at once (no acceptance at deployment:
         the deployer is a CREATE2 factory or the deploying account). The
         caller checks that `owner_` is not zero, with its own revert
         prefix.
    @param owner_ The first owner.
    """
    ownable.__init__()
    ownable_2step.__init__()
    ownable_2step._transfer_ownership(owner_)
