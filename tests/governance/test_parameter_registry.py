"""ParameterRegistry: named parameters with bounds, written through their contract's setter, and the
`tunable` guard that makes the registry the only writer once a contract names it.

The airdrop registry's fee (`AirdropRounds.set_fee_bps`, a tunable setter) is the number under test;
contracts owned by the registry show the other shapes: a setter of two values (LocalPriceFeed's
`set_answer(answer, updated_at)`) and a keyed setter mixing an address and a number (RedPacket's
`set_price_feed(asset, feed, heartbeat)`).
"""

import ape
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from fivefold.governance.registry import entry
from tests.tests_support import write_slot_holding

FEE = "airdrop_rounds.fee_bps"
MAX_FEE_BPS = 1_000


@pytest.fixture(scope="module")
def registry(project, deployer, owner):
    return project.ParameterRegistry.deploy(owner, sender=deployer)


@pytest.fixture(scope="module")
def rounds(project, deployer, owner, registry):
    """AirdropRounds owned by governance, its fee handed to the registry (5% at deployment)."""
    contract = project.AirdropRounds.deploy(owner, sender=deployer)
    contract.set_parameter_registry(registry, sender=owner)
    return contract


def _register_fee(registry, rounds, owner, minimum=0, maximum=MAX_FEE_BPS, value=500):
    """The fee as a parameter: `rounds.set_fee_bps(value)`, unkeyed, one value."""
    fee = entry(FEE, rounds, "set_fee_bps", minimum=minimum, maximum=maximum, value=value)
    return registry.register(fee, sender=owner)


def test_register__fee__written_through_at_once_and_readable(registry, rounds, owner):
    """Registering writes the initial value through the setter, so registry and contract agree."""
    receipt = _register_fee(registry, rounds, owner, value=300)
    assert rounds.fee_bps() == 300
    parameter = registry.parameter(FEE)
    assert (parameter.name, parameter.target, parameter.minimum, parameter.maximum, parameter.value) == (
        FEE,
        rounds.address,
        0,
        MAX_FEE_BPS,
        300,
    )
    assert registry.count() == 1 and registry.value_of(FEE) == 300
    assert [log.event_name for log in receipt.events] == [
        "ParameterRegistered",
        "ParameterSet",
        "FeeSet",
    ]


def test_set_parameter__within_bounds__contract_and_registry_agree(registry, rounds, owner):
    _register_fee(registry, rounds, owner)
    receipt = registry.set_parameter(FEE, 250, sender=owner)
    assert rounds.fee_bps() == 250 and registry.value_of(FEE) == 250
    log = receipt.events[0]
    assert (log.name, log.previous_value, log.value) == (FEE, 500, 250)


@pytest.mark.parametrize(
    "value, reason",
    [(99, "parameter_registry: below minimum"), (601, "parameter_registry: above maximum")],
)
def test_set_parameter__outside_bounds__reverts(registry, rounds, owner, value, reason):
    _register_fee(registry, rounds, owner, minimum=100, maximum=600)
    with ape.reverts(reason):
        registry.set_parameter(FEE, value, sender=owner)


def test_set_parameter__bounds_wider_than_the_contract_cap__setter_reason_bubbles(registry, rounds, owner):
    """The contract's own cap still holds: a registry bound is never the last line of defence."""
    _register_fee(registry, rounds, owner, maximum=5_000)
    with ape.reverts("airdrop_rounds: fee above cap"):
        registry.set_parameter(FEE, MAX_FEE_BPS + 1, sender=owner)


def test_attack__proposal_calls_the_setter_directly__refused(registry, rounds, owner):
    """Once the registry is named, the owner (the timelock: a proposal) cannot bypass its bounds."""
    with ape.reverts("tunable: caller is not the parameter registry"):
        rounds.set_fee_bps(900, sender=owner)


def test_set_fee_bps__no_registry_named__owner_writes(project, deployer, owner):
    """A contract deployed alone (no registry named) keeps its owner-only setter."""
    contract = project.AirdropRounds.deploy(owner, sender=deployer)
    contract.set_fee_bps(100, sender=owner)
    assert contract.fee_bps() == 100 and contract.parameter_registry() == ape.utils.ZERO_ADDRESS


def test_set_parameter_registry__an_account__reverts(rounds, owner, non_owner):
    with ape.reverts("tunable: registry is not a contract"):
        rounds.set_parameter_registry(non_owner, sender=owner)


def test_set_parameter_registry__non_owner__reverts(rounds, registry, non_owner):
    with ape.reverts("ownable: caller is not the owner"):
        rounds.set_parameter_registry(registry, sender=non_owner)


@pytest.mark.parametrize("call", ["register", "set_parameter", "set_bounds"])
def test_owner_only__non_owner__reverts(registry, rounds, owner, non_owner, call):
    _register_fee(registry, rounds, owner)
    args = {
        "register": (entry("other", rounds, "set_fee_bps", maximum=1),),
        "set_parameter": (FEE, 1),
        "set_bounds": (FEE, 0, 600),
    }[call]
    with ape.reverts("ownable: caller is not the owner"):
        getattr(registry, call)(*args, sender=non_owner)


def test_register__bad_input__reverts(registry, rounds, owner, non_owner):
    """Each refusal of `register`, with its reason."""
    fee = entry("x", rounds, "set_fee_bps", maximum=1)
    cases = [
        ({**fee, "name": ""}, "parameter_registry: empty name"),
        ({**fee, "target": non_owner.address}, "parameter_registry: target is not a contract"),
        ({**fee, "minimum": 2, "value": 2}, "parameter_registry: minimum above maximum"),
        ({**fee, "is_address": True}, "parameter_registry: bounds on an address"),
        ({**fee, "arity": 0}, "parameter_registry: bad arity"),
        ({**fee, "arity": 5}, "parameter_registry: bad arity"),
        ({**fee, "position": 1}, "parameter_registry: bad position"),
    ]
    for parameter, reason in cases:
        with ape.reverts(reason):
            registry.register(parameter, sender=owner)
    _register_fee(registry, rounds, owner)
    with ape.reverts("parameter_registry: name taken"):
        _register_fee(registry, rounds, owner)
    with ape.reverts("parameter_registry: position taken"):
        registry.register({**fee, "name": "again"}, sender=owner)


def test_unknown_parameter__every_read_and_write__reverts(registry, owner):
    for call in (
        lambda: registry.set_parameter("nope", 1, sender=owner),
        lambda: registry.set_bounds("nope", 0, 1, sender=owner),
        lambda: registry.parameter("nope"),
        lambda: registry.value_of("nope"),
    ):
        with ape.reverts("parameter_registry: unknown parameter"):
            call()
    with ape.reverts("parameter_registry: no such index"):
        registry.parameter_at(0)


def test_set_bounds__value_stays_inside__moved(registry, rounds, owner):
    _register_fee(registry, rounds, owner, value=500)
    registry.set_bounds(FEE, 400, 500, sender=owner)
    assert (registry.parameter(FEE).minimum, registry.parameter(FEE).maximum) == (400, 500)
    with ape.reverts("parameter_registry: value outside new bounds"):
        registry.set_bounds(FEE, 0, 499, sender=owner)
    with ape.reverts("parameter_registry: minimum above maximum"):
        registry.set_bounds(FEE, 501, 500, sender=owner)


def test_register__two_value_setter__called_once_both_are_registered(project, deployer, registry, owner):
    """`set_answer(answer, updated_at)`: two parameters of one setter; the first waits for the second,
    then each write calls the setter with both values."""
    feed = project.LocalPriceFeed.deploy(8, "TEST / USD", registry, sender=deployer)
    answer = entry("feed.answer", feed, "set_answer", arity=2, position=0, maximum=10**12, value=123_456)
    updated = entry("feed.updated_at", feed, "set_answer", arity=2, position=1, minimum=1, maximum=2**40)
    registry.register(answer, sender=owner)
    assert feed.round_id() == 0  # not called yet: its second value is missing
    with ape.reverts("parameter_registry: arity differs"):
        registry.register({**updated, "arity": 3}, sender=owner)
    registry.register({**updated, "value": 1_000}, sender=owner)
    assert feed.latestRoundData()[1:4] == (123_456, 1_000, 1_000)
    registry.set_parameter("feed.answer", 7, sender=owner)
    assert (feed.answer(), feed.updated_at(), feed.round_id()) == (7, 1_000, 2)


def test_register__keyed_setter_with_an_address__key_then_values(
    project, deployer, registry, owner, non_owner
):
    """`RedPacket.set_price_feed(asset, feed, heartbeat)` for one asset: the key, then an address
    value (the feed) and a number (the heartbeat)."""
    packets = project.RedPacket.deploy(registry, sender=deployer)
    feed = project.LocalPriceFeed.deploy(8, "USDT / USD", owner, sender=deployer)
    feed.set_answer(10**8, ape.chain.pending_timestamp, sender=owner)
    asset = project.MockStablecoin.deploy(sender=deployer)
    shape = dict(key=asset.address, arity=2)
    feed_parameter = entry("rp.feed.usdt", packets, "set_price_feed", position=0, is_address=True, **shape)
    heartbeat = entry("rp.heartbeat.usdt", packets, "set_price_feed", position=1, minimum=60, **shape)
    with ape.reverts("parameter_registry: not a contract"):
        registry.register({**feed_parameter, "value": int(non_owner.address, 16)}, sender=owner)
    with ape.reverts("parameter_registry: not an address"):
        registry.register({**feed_parameter, "value": 2**160}, sender=owner)
    registry.register({**feed_parameter, "value": int(feed.address, 16)}, sender=owner)
    registry.register({**heartbeat, "maximum": 86_400, "value": 3_600}, sender=owner)
    config = packets.asset_config(asset)
    assert (config.feed, config.heartbeat) == (feed.address, 3_600)
    assert registry.parameter("rp.heartbeat.usdt").key == bytes.fromhex(asset.address[2:].rjust(64, "0"))
    with ape.reverts("parameter_registry: bounds on an address"):
        registry.set_bounds("rp.feed.usdt", 0, 1, sender=owner)


def test_parameters__several__all_in_one_call(project, deployer, registry, rounds, owner):
    _register_fee(registry, rounds, owner)
    feed = project.LocalPriceFeed.deploy(8, "TEST / USD", registry, sender=deployer)
    for position, value in enumerate((5, 9)):
        shape = dict(arity=2, position=position, minimum=1, maximum=10, value=value)
        registry.register(entry(f"feed.{position}", feed, "set_answer", **shape), sender=owner)
    assert [(p.name, p.value) for p in registry.parameters()] == [(FEE, 500), ("feed.0", 5), ("feed.1", 9)]
    assert registry.parameter_at(2).position == 1


class RegistryMachine(RuleBasedStateMachine):
    """Whatever the owner tries, the contract's value equals the registry's, and lies in its bounds."""

    def __init__(self):
        super().__init__()
        self.snapshot = ape.chain.snapshot()
        self.model = {"value": 500, "minimum": 0, "maximum": MAX_FEE_BPS}

    def teardown(self):
        ape.chain.restore(self.snapshot)

    @initialize()
    def register(self):
        _register_fee(self.registry, self.rounds, self.owner)

    @rule(value=st.integers(0, 1_200))
    def set_value(self, value):
        ok = self.model["minimum"] <= value <= self.model["maximum"]
        if ok:
            self.registry.set_parameter(FEE, value, sender=self.owner)
            self.model["value"] = value
        else:
            with ape.reverts():
                self.registry.set_parameter(FEE, value, sender=self.owner)

    @rule(minimum=st.integers(0, 600), width=st.integers(0, 600))
    def move_bounds(self, minimum, width):
        maximum = minimum + width
        if minimum <= self.model["value"] <= maximum:
            self.registry.set_bounds(FEE, minimum, maximum, sender=self.owner)
            self.model.update(minimum=minimum, maximum=maximum)
        else:
            with ape.reverts("parameter_registry: value outside new bounds"):
                self.registry.set_bounds(FEE, minimum, maximum, sender=self.owner)

    @invariant()
    def agree(self):
        parameter = self.registry.parameter(FEE)
        assert self.rounds.fee_bps() == parameter.value == self.model["value"]
        assert parameter.minimum <= parameter.value <= parameter.maximum


def test_registry__random_writes_and_bound_moves__contract_matches_registry(registry, rounds, owner):
    RegistryMachine.registry, RegistryMachine.rounds, RegistryMachine.owner = registry, rounds, owner
    # A small budget: two rules over one word each, so a few sequences cover them (the suite's
    # time budget): 6 x 12 under `ci`, and a quarter of the profile's examples under `deep`.
    budget = settings.default
    RegistryMachine.TestCase.settings = settings(
        budget, max_examples=max(6, budget.max_examples // 4), stateful_step_count=12
    )
    RegistryMachine.TestCase().runTest()


def test_deploy__zero_owner__reverts(project, deployer):
    with ape.reverts("parameter_registry: zero owner"):
        project.ParameterRegistry.deploy(ape.utils.ZERO_ADDRESS, sender=deployer)


def test_register__arity_four_and_bounds_of_one_value__accepted_and_logged_from_zero(registry, rounds, owner):
    """A setter may take up to four values (the group waits for the other three before calling it);
    bounds may pin a single value; the registration's ParameterSet starts from 0."""
    assert registry.MAX_ARITY() == 4
    pinned = entry("pinned", rounds, "set_fee_bps", arity=4, position=3, minimum=7, maximum=7, value=7)
    receipt = registry.register(pinned, sender=owner)
    parameter = registry.parameter("pinned")
    assert (parameter.arity, parameter.position, parameter.minimum, parameter.maximum) == (4, 3, 7, 7)
    [log] = receipt.decode_logs(registry.ParameterSet)
    assert (log.previous_value, log.value) == (0, 7)


def test_set_bounds__both_at_the_current_value__accepted_and_the_value_still_settable(
    registry, rounds, owner
):
    """Bounds may close on the current value; writing that value again is within them."""
    _register_fee(registry, rounds, owner, value=500)
    registry.set_bounds(FEE, 500, 500, sender=owner)
    parameter = registry.parameter(FEE)
    assert (parameter.minimum, parameter.maximum) == (500, 500)
    registry.set_parameter(FEE, 500, sender=owner)
    assert rounds.fee_bps() == 500


def test_register__128th_parameter_accepted_then_the_registry_full(registry, rounds, owner, chain):
    """The registry holds 128 parameters: index 127 is accepted, the next is refused. The count is
    written in storage (the slot holding its value that `count()` then reads as written)."""
    _register_fee(registry, rounds, owner)
    write_slot_holding(chain, registry, registry.count, 127)
    assert registry.count() == 127
    registry.register(entry("last", rounds, "set_treasury", arity=2, position=1, maximum=1), sender=owner)
    assert registry.count() == 128
    with ape.reverts("parameter_registry: registry full"):
        registry.register(
            entry("one more", rounds, "set_treasury", arity=2, position=0, maximum=1), sender=owner
        )


def test_register__address_parameter__zero_accepted_and_the_largest_word_not_a_contract(
    project, deployer, registry, owner
):
    """An address parameter may be 0 (a feed removed: RedPacket prices the asset no more); the
    largest 160-bit word is an address, and refused as one with no code."""
    packets = project.RedPacket.deploy(registry, sender=deployer)
    asset = project.MockStablecoin.deploy(sender=deployer)
    shape = dict(key=asset.address, arity=2)
    feed = entry("rp.feed.usdt", packets, "set_price_feed", position=0, is_address=True, **shape)
    with ape.reverts("parameter_registry: not a contract"):
        registry.register({**feed, "value": 2**160 - 1}, sender=owner)
    registry.register({**feed, "value": 0}, sender=owner)
    registry.register(
        entry("rp.heartbeat.usdt", packets, "set_price_feed", position=1, **shape), sender=owner
    )
    config = packets.asset_config(asset)
    assert (config.feed, config.heartbeat) == (ape.utils.ZERO_ADDRESS, 0)
