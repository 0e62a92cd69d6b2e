# pragma version ~=0.4.3
"""
@title Tunable: a contract's parameter setters answer to the parameter registry
@custom:contract-name tunable
@license GNU Affero General Public License v3.0 only
@notice The suite's parameter registry (contracts/governance/
        ParameterRegistry.vy) is the single writer of every tunable
        number. A contract with tunable numbers takes it through
        contracts/shared/governed.vy or tuned.vy (`initializes: tuned`,
        which wires it, and `exports: tuned.__interface__`), and guards
        each tunable setter with `tuned.tunable._check_writer()`
        instead of the owner check.

        Until the owner names the registry, the owner writes directly (a
        contract deployed alone, as in its own tests, behaves as before).
        Once named, only the registry writes: a proposal that called the
        setter directly would bypass the registry's bounds, so it reverts.
        The owner can move to another registry (a proposal, delayed like
        any other) but never back to none.
@custom:security Reverts carry this module's name: "tunable: ...". The
        registry is checked to be a contract, so no account can be named
        a writer by mistake.
"""


from contracts.shared import owner_2step

uses: owner_2step


# @dev The registry that alone writes the tunable numbers (zero: the owner does).
parameter_registry: public(address)


# @dev Emitted when the owner names the registry.
event ParameterRegistrySet:
    registry: indexed(address)


@external
def set_parameter_registry(registry: address):
    """
    @dev Names the parameter registry, which alone writes the tunable
         numbers from now on.
    @notice Only the owner. The registry must be a contract; there is no
            way back to owner writes.
    @param registry The suite's `ParameterRegistry`.
    """
    owner_2step.ownable._check_owner()
    assert registry.is_contract, "tunable: registry is not a contract"
    self.parameter_registry = registry
    log ParameterRegistrySet(registry=registry)


@internal
def _check_writer():
    """
    @dev Lets the registry through, or the owner while no registry is named.
    """
    registry: address = self.parameter_registry
    if registry == empty(address):
        owner_2step.ownable._check_owner()
    else:
        assert msg.sender == registry, "tunable: caller is not the parameter registry"
