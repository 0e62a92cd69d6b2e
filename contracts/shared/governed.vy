# pragma version ~=0.4.3
"""
@title The suite's three controls in one: owner, tunable numbers, pause
@custom:contract-name governed
@license GNU Affero General Public License v3.0 only
@notice A contract that takes deposits and has tunable numbers answers to
        three controls (docs/governance.md): its owner, the suite's
        Timelock (two-step ownership, contracts/shared/owner_2step.vy);
        the parameter registry, alone writer of its tunable numbers once
        named (contracts/shared/tunable.vy); and a guardian who may stop
        new deposits at once (contracts/shared/pausable.vy). This module
        wires the three once, the same way for every such contract, and
        exports their external functions.

        A contract writes `initializes: governed`, `exports:
        governed.__interface__`, calls `governed.__init__(owner_)` in its
        constructor, and guards with the modules' own internal functions
        through this one: `governed.owner_2step.ownable._check_owner()`,
        `governed.tunable._check_writer()`,
        `governed.pausable._check_not_paused()`. They are the same
        functions as when a contract wires the modules itself: the
        runtime code is the same, byte for byte, and so is the gas of every
        call (the constructor's frame alone moves).
        `renounce_ownership` is not exported (owner_2step's notice): a
        contract without an owner could never be tuned or resumed again.
@custom:security Reverts are the three modules' ("ownable: ...",
        "tunable: ...", "pausable: ...").
"""


from contracts.shared import owner_2step
from contracts.shared import pausable
from contracts.shared import tunable

initializes: owner_2step
initializes: tunable[owner_2step := owner_2step]
initializes: pausable[owner_2step := owner_2step]


exports: (owner_2step.__interface__, tunable.__interface__, pausable.__interface__)


@deploy
def __init__(owner_: address):
    """
    @dev Makes `owner_` the owner at once (owner_2step's constructor);
         the registry and the guardian start unset. The caller checks
         that `owner_` is not zero, with its own revert prefix.
    @param owner_ The first owner.
    """
    owner_2step.__init__(owner_)
