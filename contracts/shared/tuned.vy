# pragma version ~=0.4.3
"""
@title Two controls in one: owner and tunable numbers
@custom:contract-name tuned
@license GNU Affero General Public License v3.0 only
@notice For a contract with tunable numbers and no deposits to pause
        (docs/governance.md): its owner, the suite's Timelock (two-step
        ownership, contracts/shared/owner_2step.vy), and the parameter
        registry, alone writer of its tunable numbers once named
        (contracts/shared/tunable.vy). This module wires the two once, the
        same way for every such contract, and exports their external
        functions; contracts/shared/governed.vy adds the guardian's pause.

        A contract writes `initializes: tuned`, `exports:
        tuned.__interface__`, calls `tuned.__init__(owner_)` in its
        constructor, and guards with the modules' own internal functions
        through this one: `tuned.owner_2step.ownable._check_owner()`,
        `tuned.tunable._check_writer()`. They are the same functions as
        when a contract wires the modules itself: the runtime code is the
        same, byte for byte, and so is the gas of every call (the
        constructor's frame alone moves). `renounce_ownership` is not
        exported (owner_2step's notice).
@custom:security Reverts are the two modules' ("ownable: ...",
        "tunable: ...").
"""


from contracts.shared import owner_2step
from contracts.shared import tunable

initializes: owner_2step
initializes: tunable[owner_2step := owner_2step]


exports: (owner_2step.__interface__, tunable.__interface__)


@deploy
def __init__(owner_: address):
    """
    @dev Makes `owner_` the owner at once (owner_2step's constructor);
         the registry starts unset. The caller checks that `owner_` is
         not zero, with its own revert prefix.
    @param owner_ The first owner.
    """
    owner_2step.__init__(owner_)
