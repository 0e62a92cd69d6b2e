"""TokenSale's owner functions, funding, the vault hand-over and the constructor's checks."""

import ape
import pytest

from fivefold.sale import model as sale_model
from fivefold.units import to_wei
from fivefold.vesting.model import PLANS

from .conftest import NATIVE, PUBLIC, PUBLIC_CAP, SEED

ZERO = "0x0000000000000000000000000000000000000000"
EMPTY_ROOT = b"\0" * 32
PUBLIC_PLAN = PLANS["cc.public"].encode_args()
PRICE = sale_model.ROUNDS["public"].price


@pytest.fixture(scope="module", autouse=True)
def sale_admin_fixtures(sale, non_owner, sale_usdt, sale_adapter, sale_cc, sale_vault, treasury):
    """Requests the module's session and module fixtures before its first test (ape's isolation would
    otherwise rebase them when a later test first asks for one)."""


def _add(sale, owner, chain, **over):
    start = chain.pending_timestamp + 100
    args = dict(
        start=start,
        end=start + 86_400,
        vesting_start=start + 86_400,
        price=PRICE,
        cap=PUBLIC_CAP,
        soft_cap=0,
        buyer_cap=PUBLIC_CAP,
        whitelist_root=EMPTY_ROOT,
        plan=PUBLIC_PLAN,
    )
    args.update(over)
    return sale.add_round(*args.values(), sender=owner)


def test_add_round__every_sale_row__plan_is_the_table_row(sale, sale_vault, owner, chain):
    """The five rounds, each with its row of the CC table, get the next ids (after the fixture's two)
    and the vault's plans of the same ids."""
    sale_bare = sale
    for rid, spec in enumerate(sale_model.ROUNDS.values(), start=sale.round_count()):
        assert (
            _add(sale_bare, owner, chain, price=spec.price, plan=spec.plan.encode_args()).return_value == rid
        )
        assert sale_vault.plan(rid) == spec.plan.encode_args()
        assert sale_bare.round(rid).price == spec.price
    assert sale_bare.round_count() == 7


@pytest.mark.parametrize(
    "over,reason",
    [
        (dict(start=1), "start in the past"),
        (dict(end=0), "end not after start"),
        (dict(vesting_start=0), "vesting start out of range"),
        (dict(vesting_start=2**40), "vesting start out of range"),
        (dict(price=0), "price out of range"),
        (dict(price=2**64), "price out of range"),
        (dict(end=2**40), "end out of range"),
        (dict(cap=0), "cap out of range"),
        (dict(cap=2**96), "cap out of range"),
        (dict(soft_cap=PUBLIC_CAP + 1), "soft cap above cap"),
        (dict(buyer_cap=0), "buyer cap out of range"),
        (dict(buyer_cap=PUBLIC_CAP + 1), "buyer cap out of range"),
    ],
)
def test_add_round__bad_settings__reverts(sale, owner, chain, over, reason):
    """Each setting is checked."""
    with ape.reverts(f"token_sale: {reason}"):
        _add(sale, owner, chain, **over)


def test_owner_functions__non_owner__reverts(sale, non_owner, sale_usdt, chain):
    """Only the owner adds rounds, lists assets, sets the whitelist, treasury and adapter."""
    for call in (
        lambda: _add(sale, non_owner, chain),
        lambda: sale.list_asset(sale_usdt, ZERO, sender=non_owner),
        lambda: sale.set_whitelist(PUBLIC, EMPTY_ROOT, sender=non_owner),
        lambda: sale.set_treasury(non_owner, sender=non_owner),
        lambda: sale.set_price_adapter(non_owner, sender=non_owner),
    ):
        with ape.reverts("ownable: caller is not the owner"):
            call()


def test_fund__twice_or_after_the_end__reverts(sale, sale_cc, treasury, chain, sale_times):
    """A round is funded once, before its end, with exactly its cap."""
    with ape.reverts("token_sale: round already funded"):
        sale.fund(SEED, sender=treasury)
    with ape.reverts("token_sale: unknown round"):
        sale.fund(9, sender=treasury)
    assert sale_cc.balanceOf(sale) == sale.round(SEED).cap + sale.round(PUBLIC).cap
    chain.mine(timestamp=sale_times[1])
    with ape.reverts("token_sale: round ended"):
        sale.fund(SEED, sender=treasury)


def test_set_whitelist__lift_and_after_end(sale, owner, chain, sale_times):
    """The owner lifts the seed whitelist (empty root); after the end it is frozen."""
    sale.set_whitelist(SEED, EMPTY_ROOT, sender=owner)
    assert sale.round(SEED).whitelist_root == EMPTY_ROOT
    chain.mine(timestamp=sale_times[1])
    with ape.reverts("token_sale: round ended"):
        sale.set_whitelist(SEED, EMPTY_ROOT, sender=owner)


def test_list_asset__delist_and_bad_keys(sale, owner, sale_usdt, sale_cc, sale_vault):
    """Delisting empties the key; CC itself is refused; a key the adapter cannot price reverts."""
    sale.list_asset(sale_usdt, ZERO, sender=owner)
    assert sale.price_key(sale_usdt) == ZERO
    with ape.reverts("token_sale: the sold token"):
        sale.list_asset(sale_cc, sale_cc, sender=owner)
    with ape.reverts("price_adapter: no feed"):
        sale.list_asset(sale_vault, sale_vault, sender=owner)


def test_set_treasury__moves_the_vault_treasury_too(sale, sale_vault, owner, non_owner):
    """Revoked CC follows the sale's treasury."""
    sale.set_treasury(non_owner, sender=owner)
    assert sale.treasury() == non_owner.address == sale_vault.treasury()
    with ape.reverts("token_sale: zero treasury"):
        sale.set_treasury(ZERO, sender=owner)


def test_set_price_adapter__owner__changes(sale, owner, non_owner):
    """The owner may point the sale at another adapter, never at nothing."""
    sale.set_price_adapter(non_owner, sender=owner)
    assert sale.price_adapter() == non_owner.address
    with ape.reverts("token_sale: zero price adapter"):
        sale.set_price_adapter(ZERO, sender=owner)


def test_views__unknown_ids__revert(sale):
    """Views refuse unknown rounds and purchases."""
    for call, reason in (
        (lambda: sale.round(9), "unknown round"),
        (lambda: sale.phase(9), "unknown round"),
        (lambda: sale.quote(9, NATIVE, 1), "unknown round"),
        (lambda: sale.purchase(1), "unknown purchase"),
    ):
        with ape.reverts(f"token_sale: {reason}"):
            call()
    assert sale.phase(SEED) == sale_model.BEFORE


def test_constructor__bad_arguments__revert(
    project, owner, treasury, sale_cc, sale_vault, sale_adapter, sale_usdt
):
    """Zero addresses and a vault of another token are refused."""
    for args, reason in (
        ((ZERO, sale_vault, sale_adapter, treasury, owner), "zero token"),
        ((sale_usdt, sale_vault, sale_adapter, treasury, owner), "vault of another token"),
        ((sale_cc, sale_vault, ZERO, treasury, owner), "zero price adapter"),
        ((sale_cc, sale_vault, sale_adapter, ZERO, owner), "zero treasury"),
        ((sale_cc, sale_vault, sale_adapter, treasury, ZERO), "zero owner"),
    ):
        with ape.reverts(f"token_sale: {reason}"):
            project.TokenSale.deploy(*args, sender=owner)


def test_accept_vault__nothing_offered__reverts(sale, non_owner):
    """The sale owns its vault; a second acceptance has nothing to take."""
    with ape.reverts("ownable_2step: caller is not the new owner"):
        sale.accept_vault(sender=non_owner)


def test_vault__owned_by_the_sale__owner_cannot_revoke(sale, sale_vault, owner):
    """Attack: the sale's owner tries to revoke a buyer's schedule through the vault: only the sale owns
    the vault, and the sale revokes only in a failed round's refund."""
    assert sale_vault.owner() == sale.address
    with ape.reverts("ownable: caller is not the owner"):
        sale_vault.revoke(1, sender=owner)
    assert to_wei(1) > 0
