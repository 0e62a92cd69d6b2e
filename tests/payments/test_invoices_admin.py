"""MerchantInvoices' owner functions, constructor and ownership."""

import ape

from tests.payments.conftest import NATIVE


def test_constructor__zero_owner__reverts(project, deployer):
    """An owner is required."""
    with ape.reverts("merchant_invoices: zero owner"):
        project.MerchantInvoices.deploy(NATIVE, sender=deployer)


def test_set_asset_listed__owner__lists_and_delists(pay_invoices, pay_fot, owner, outsider):
    """Only the owner lists; the event says what changed."""
    with ape.reverts("ownable: caller is not the owner"):
        pay_invoices.set_asset_listed(pay_fot, True, sender=outsider)
    tx = pay_invoices.set_asset_listed(pay_fot, True, sender=owner)
    assert pay_invoices.listed(pay_fot)
    assert tx.events.filter(pay_invoices.AssetListed)[0].listed
    pay_invoices.set_asset_listed(pay_fot, False, sender=owner)
    assert not pay_invoices.listed(pay_fot)


def test_set_router__owner__reads_the_wrapped_native(pay_invoices, pay_dex, owner, outsider):
    """The router's WETH is read from it; not a contract or not the owner is refused."""
    assert pay_invoices.router() == pay_dex.router.address
    assert pay_invoices.wrapped_native() == pay_dex.weth.address
    with ape.reverts("ownable: caller is not the owner"):
        pay_invoices.set_router(pay_dex.router, sender=outsider)
    with ape.reverts("merchant_invoices: router is not a contract"):
        pay_invoices.set_router(outsider, sender=owner)


def test_ownership__two_steps__no_renounce(pay_invoices, owner, outsider):
    """Ownership moves only when accepted; renounce_ownership is not exported."""
    pay_invoices.transfer_ownership(outsider, sender=owner)
    assert pay_invoices.owner() == owner
    pay_invoices.accept_ownership(sender=outsider)
    assert pay_invoices.owner() == outsider
    assert not hasattr(pay_invoices, "renounce_ownership")


def test_pause__guardian__pauses_only_owner_unpauses(pay_invoices, owner, outsider):
    """The guardian pauses; only the owner resumes."""
    pay_invoices.set_guardian(outsider, sender=owner)
    pay_invoices.pause(sender=outsider)
    assert pay_invoices.paused()
    with ape.reverts("ownable: caller is not the owner"):
        pay_invoices.unpause(sender=outsider)
    pay_invoices.unpause(sender=owner)
    assert not pay_invoices.paused()
