# pragma version ~=0.4.3
"""
@title Parameter registry: the one writer of the suite's tunable numbers
@custom:contract-name ParameterRegistry
@license GNU Affero General Public License v3.0 only
@notice Every tunable number of the suite (fee rates, heartbeats, lending
        factors and caps, staking and farming rates, ...) is a named
        parameter here: the contract and setter it is written through,
        on-chain bounds, and the value last written. The owner, which is
        the suite's timelock after deployment (so a change is a passed,
        queued and delayed proposal), writes a value within its bounds
        with `set_parameter`, and the registry calls the setter in the
        same transaction. The contracts keep their own copy of each value:
        no hot path pays for a registry read.

        A contract accepts its tunable setters from this registry alone
        once the registry is named there (contracts/shared/tunable.vy), so
        a proposal cannot set a value outside its bounds by calling the
        setter directly. Moving bounds is itself a proposal
        (`set_bounds`), and the current value must stay inside.

        A setter is `target.<selector>(v_0, .., v_(n-1))`, or
        `target.<selector>(key, v_0, .., v_(n-1))` for per-market or
        per-asset values (`keyed`), with `key` the market's or asset's
        address left-padded, and n = `arity` (1 to `MAX_ARITY`). Each
        value is a parameter of its own (`position` i of the setter's
        values), with its own name and bounds; the parameters of one
        setter (same target, selector and key) form a group, and a write
        of one calls the setter with the group's values. Contracts keep
        their setters as they are (`set_fee_rates(low, mid, high)`,
        `set_caps(market, supply, borrow)`), and the registry calls a
        group's setter once all of its values are registered. An address
        parameter (`is_address`: a rate model, a feed) has no bounds; its
        value is a contract, or zero for none (a feed removed).
@custom:security Owner-only writes; the call goes to a target the owner
        registered, with the selector it registered, so the registry
        cannot be made to call anything its owner did not name. A failing
        setter reverts the whole write with the setter's reason.
@custom:kill Nothing to stop: the registry holds no funds, and each value
        stays in its contract. Ownership moves in two steps and cannot be
        renounced.
"""


from contracts.shared import owner_2step
from interfaces import IParameterRegistry

implements: IParameterRegistry

initializes: owner_2step


exports: (
    owner_2step.__interface__,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: an ownerless registry could never change a parameter again.
)


# @dev Most parameters the registry holds (bounds `parameters`' return size).
MAX_PARAMETERS: public(constant(uint256)) = 128


# @dev Most parameters one `register_many` takes.
MAX_BATCH: public(constant(uint256)) = 32


# @dev Most values one setter takes.
MAX_ARITY: public(constant(uint256)) = 4


# @dev How many parameters are registered; indexes run 0 .. count - 1.
count: public(uint256)


# @dev Parameter by registration index.
_parameters: HashMap[uint256, IParameterRegistry.Parameter]


# @dev keccak256(name) -> index + 1 (0: no such parameter).
_index: HashMap[bytes32, uint256]


# @dev Group (one setter: target, selector, key) -> index + 1 of the parameter at each position.
_members: HashMap[bytes32, uint256[MAX_ARITY]]


@deploy
def __init__(owner_: address):
    """
    @dev The deployer registers the suite's parameters, then hands
         ownership to the timelock.
    @param owner_ The first owner (the deploying account, then the timelock).
    """
    assert owner_ != empty(address), "parameter_registry: zero owner"
    owner_2step.__init__(owner_)


@external
def register(parameter: IParameterRegistry.Parameter):
    """
    @dev Adds a parameter with its initial `value`. Once every value its
         setter takes is registered (at once for a one-value setter), the
         registry writes the group through the setter, so the registry and
         the contract agree from then on.
    @notice Only the owner. Names are unique; at most `MAX_PARAMETERS`.
            The parameters of one setter agree on its arity and take
            distinct positions.
    @param parameter Name, target, selector, key, arity and position,
           kind, bounds, and the initial value.
    """
    owner_2step.ownable._check_owner()
    self._register(parameter)


@external
def register_many(parameters: DynArray[IParameterRegistry.Parameter, MAX_BATCH]):
    """
    @dev `register` for each of `parameters`, in order: a deployment
         registers the suite's parameters in a few transactions.
    @notice Only the owner.
    @param parameters Up to `MAX_BATCH` parameters.
    """
    owner_2step.ownable._check_owner()
    for parameter: IParameterRegistry.Parameter in parameters:
        self._register(parameter)


@external
def set_parameter(name: String[64], new_value: uint256):
    """
    @dev Writes `value` through the parameter's setter.
    @notice Only the owner; `value` within the bounds (an address: a
            contract). Reverts with the setter's reason if it refuses.
    @param name The parameter's name.
    @param new_value The new value.
    """
    owner_2step.ownable._check_owner()
    name_hash: bytes32 = keccak256(name)
    self._write(self._find(name_hash), name_hash, new_value)


@external
def set_bounds(name: String[64], minimum: uint256, maximum: uint256):
    """
    @dev Moves a number parameter's bounds.
    @notice Only the owner. The current value must stay within the new
            bounds (change the value first).
    @param name The parameter's name.
    @param minimum The new smallest value.
    @param maximum The new largest value.
    """
    owner_2step.ownable._check_owner()
    name_hash: bytes32 = keccak256(name)
    index: uint256 = self._find(name_hash)
    parameter: IParameterRegistry.Parameter = self._parameters[index]
    assert not parameter.is_address, "parameter_registry: bounds on an address"
    assert minimum <= maximum, "parameter_registry: minimum above maximum"
    assert minimum <= parameter.value and parameter.value <= maximum, "parameter_registry: value outside new bounds"
    self._parameters[index].minimum = minimum
    self._parameters[index].maximum = maximum
    log IParameterRegistry.BoundsChanged(name_hash=name_hash, name=name, minimum=minimum, maximum=maximum)


@external
@view
def parameter(name: String[64]) -> IParameterRegistry.Parameter:
    """
    @dev One parameter, by name.
    @param name The parameter's name.
    @return Parameter Its target, setter, bounds and value.
    """
    return self._parameters[self._find(keccak256(name))]


@external
@view
def parameter_at(index: uint256) -> IParameterRegistry.Parameter:
    """
    @dev One parameter, by registration index.
    @param index From 0 to `count` - 1.
    @return Parameter Its name, target, setter, bounds and value.
    """
    assert index < self.count, "parameter_registry: no such index"
    return self._parameters[index]


@external
@view
def value_of(name: String[64]) -> uint256:
    """
    @dev A parameter's current value, by name.
    @param name The parameter's name.
    @return uint256 The value last written (an address as a number).
    """
    return self._parameters[self._find(keccak256(name))].value


@external
@view
def parameters() -> DynArray[IParameterRegistry.Parameter, MAX_PARAMETERS]:
    """
    @dev Every parameter, in registration order, for dApps and auditors.
    @return DynArray[Parameter, MAX_PARAMETERS] Names, targets, setters,
            bounds and values.
    """
    result: DynArray[IParameterRegistry.Parameter, MAX_PARAMETERS] = []
    for index: uint256 in range(self.count, bound=MAX_PARAMETERS):
        result.append(self._parameters[index])
    return result


@internal
@view
def _find(name_hash: bytes32) -> uint256:
    """
    @dev The registration index of a name.
    @param name_hash keccak256 of the name.
    @return uint256 The index.
    """
    stored: uint256 = self._index[name_hash]
    assert stored != 0, "parameter_registry: unknown parameter"
    # safe: stored != 0 checked just above
    return unsafe_sub(stored, 1)


@internal
def _register(parameter: IParameterRegistry.Parameter):
    """
    @dev Checks and stores a new parameter, then writes its value.
    @param parameter The parameter, with its initial value.
    """
    assert len(parameter.name) != 0, "parameter_registry: empty name"
    name_hash: bytes32 = keccak256(parameter.name)
    assert self._index[name_hash] == 0, "parameter_registry: name taken"
    index: uint256 = self.count
    assert index < MAX_PARAMETERS, "parameter_registry: registry full"
    assert parameter.target.is_contract, "parameter_registry: target is not a contract"
    assert parameter.arity != 0 and parameter.arity <= MAX_ARITY, "parameter_registry: bad arity"
    assert parameter.position < parameter.arity, "parameter_registry: bad position"
    if parameter.is_address:
        assert parameter.minimum == 0 and parameter.maximum == 0, "parameter_registry: bounds on an address"
    else:
        assert parameter.minimum <= parameter.maximum, "parameter_registry: minimum above maximum"
    stored: IParameterRegistry.Parameter = parameter
    # The value is written below (checked, logged, and the setter called).
    stored.value = 0
    if not parameter.keyed:
        stored.key = empty(bytes32)
    group: bytes32 = self._group(stored)
    members: uint256[MAX_ARITY] = self._members[group]
    assert members[parameter.position] == 0, "parameter_registry: position taken"
    for member: uint256 in members:
        if member != 0:
            # safe: member != 0
            assert self._parameters[unsafe_sub(member, 1)].arity == parameter.arity, "parameter_registry: arity differs"
    self._members[group][parameter.position] = index + 1
    self._parameters[index] = stored
    self._index[name_hash] = index + 1
    self.count = index + 1
    log IParameterRegistry.ParameterRegistered(
        name_hash=name_hash,
        name=stored.name,
        target=stored.target,
        selector=stored.selector,
        key=stored.key,
        minimum=stored.minimum,
        maximum=stored.maximum,
    )
    self._write(index, name_hash, parameter.value)


@internal
@pure
def _group(parameter: IParameterRegistry.Parameter) -> bytes32:
    """
    @dev The group of a parameter: its setter, on its target, for its key.
    @param parameter The parameter.
    @return bytes32 keccak256(target, selector, key).
    """
    return keccak256(abi_encode(parameter.target, parameter.selector, parameter.key))


@internal
def _write(index: uint256, name_hash: bytes32, new_value: uint256):
    """
    @dev Checks `new_value`, records it and, once the group is complete,
         calls the setter with the group's values.
    @param index The parameter's registration index.
    @param name_hash keccak256 of its name (for the log).
    @param new_value The value to write.
    """
    parameter: IParameterRegistry.Parameter = self._parameters[index]
    if parameter.is_address:
        assert new_value <= convert(max_value(uint160), uint256), "parameter_registry: not an address"
        # Zero is "none" (a feed removed); anything else must be a contract.
        assert new_value == 0 or convert(convert(new_value, uint160), address).is_contract, "parameter_registry: not a contract"
    else:
        assert new_value >= parameter.minimum, "parameter_registry: below minimum"
        assert new_value <= parameter.maximum, "parameter_registry: above maximum"
    # Effects before the call: the setter cannot observe a stale registry.
    self._parameters[index].value = new_value
    log IParameterRegistry.ParameterSet(
        name_hash=name_hash, name=parameter.name, previous_value=parameter.value, value=new_value
    )
    # The setter's values, in position order; a position not registered yet holds the call back.
    members: uint256[MAX_ARITY] = self._members[self._group(parameter)]
    values: uint256[MAX_ARITY] = empty(uint256[MAX_ARITY])
    for position: uint256 in range(parameter.arity, bound=MAX_ARITY):
        member: uint256 = members[position]
        if member == 0:
            return
        # safe: member != 0
        values[position] = self._parameters[unsafe_sub(member, 1)].value
    # abi_encode of a static array is its words in order; keep the first `arity`.
    encoded: Bytes[32 * MAX_ARITY] = slice(abi_encode(values), 0, 32 * parameter.arity)
    if parameter.keyed:
        raw_call(parameter.target, concat(parameter.selector, parameter.key, encoded))
    else:
        raw_call(parameter.target, concat(parameter.selector, encoded))
