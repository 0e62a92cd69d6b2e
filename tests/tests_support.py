"""Small helpers shared by test modules (tests/ is on sys.path under pytest's rootdir conftest)."""

from contextlib import contextmanager

from eth_utils import keccak

from fivefold import addressbook, deployment, manifest

ZERO = "0x0000000000000000000000000000000000000000"


@contextmanager
def isolated(chain):
    """What `chain.isolate()` is meant to be: the chain reverted to where the block began, and any
    failure inside it raised. Ape's own swallows every exception raised in its block, a failed
    assertion or `ape.reverts` included, so a test's checks there could never fail."""
    snapshot = chain.snapshot()
    try:
        yield
    finally:
        chain.restore(snapshot)


def storage_word(chain, contract, slot: int) -> int:
    """`contract`'s storage word at `slot`, as an integer."""
    return int.from_bytes(chain.provider.get_storage(contract.address, slot), "big")


def set_storage_word(chain, contract, slot: int, value: int) -> None:
    """Writes `value` into `contract`'s storage word at `slot` (a state no transaction reaches soon)."""
    chain.provider.set_storage(contract.address, slot, value.to_bytes(32, "big"))


def map_entry_slot(base: int, key) -> int:
    """The slot of entry `key` (an integer, or an account or address) of the Vyper HashMap declared at
    slot `base`: keccak256(base ++ key), each 32 bytes."""
    key = key if isinstance(key, int) else int(getattr(key, "address", key), 16)
    return int.from_bytes(keccak(base.to_bytes(32, "big") + key.to_bytes(32, "big")), "big")


def write_slot_holding(chain, contract, view, value: int, slots: int = 16) -> int:
    """Write `value` into the storage word of `contract` that `view()` reads, and return its slot:
    a counter or a token's decimals set at a limit that transactions would take hours to reach. The
    slot is the first of `slots` holding the view's current value whose write the view then reads
    back (the layout moves with the EVM version's reentrancy lock); a slot that only held the same
    number is put back."""
    current = view()
    for slot in range(slots):
        if storage_word(chain, contract, slot) != current:
            continue
        set_storage_word(chain, contract, slot, value)
        if view() == value:
            return slot
        set_storage_word(chain, contract, slot, current)
    raise AssertionError(f"no storage slot of {contract.address} below {slots} is read by the view")


def deploy_suite(project, chain, accounts, book: bool = False, salt_namespace: str | None = None):
    """The whole suite deployed as `ape run deploy` does it with deploy/local.yaml (plan, pre-flight,
    every CREATE2 deployment, configure, handoff), into the manifest directory the caller set.
    `book` also records the chain and the address book in the manifest, as the command does for
    `ape run export`. `salt_namespace` gives the suite addresses of its own, so that a suite another
    module left on the worker's chain is not adopted. Returns (ctx, planned, manifest)."""
    ctx = deployment.make_context(project, chain, accounts[0], "local", users=list(accounts)[:8])
    if salt_namespace:
        ctx.config["salt_namespace"] = salt_namespace
    m = manifest.load(ctx.chain_id)
    if book:
        m.update({"chain_id": ctx.chain_id, "chain": ctx.config["chain"], "deployer": ctx.deployer.address})
    planned = deployment.plan(ctx)
    deployment.preflight(ctx, planned, m)
    for item in planned:
        deployment.deploy_one(ctx, item, m)
    deployment.adopt_created(ctx, m)
    deployment.configure(ctx)
    deployment.handoff(ctx)
    if book:
        addressbook.record(ctx, m)
    return ctx, planned, m


def machine_settings(
    share: int, at_least: int = 2, min_steps: int = 0, steps_share: int = 1, round_up: bool = True
):
    """The loaded hypothesis profile (ci for `make test`, deep for `make fuzz`) scaled to one state
    machine's cost: 1/`share` of its examples, rounded up (down with `round_up=False`) and at least
    `at_least`; its steps a sequence divided by `steps_share`, at least `min_steps`. Read when
    called: a machine run inside its test (`run_state_machine_as_test`) calls it there."""
    import math

    from hypothesis import settings

    profile = settings()
    examples = math.ceil(profile.max_examples / share) if round_up else profile.max_examples // share
    return settings(
        profile,
        max_examples=max(at_least, examples),
        stateful_step_count=max(min_steps, profile.stateful_step_count // steps_share),
    )
