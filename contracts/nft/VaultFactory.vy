# pragma version ~=0.4.3
"""
@title MToken vault factory: one minimal proxy per fractionalization
@custom:contract-name VaultFactory
@license GNU Affero General Public License v3.0 only
@notice `create_vault` deploys an EIP-1167 minimal proxy (45 bytes of
        code) of one MTokenVault implementation and initialises it with
        the caller as creator, in one transaction, so nobody can
        initialise a clone before its creator. Creating a vault costs
        less than a quarter of deploying a full MTokenVault (see
        docs/nft.md for the figures): a blueprint would still pay
        the code deposit of the whole vault (200 gas a byte), the proxy
        pays it for 45 bytes and one DELEGATECALL (about 2,700 gas) on
        every later call.
        The implementation is locked by its own constructor (its creator
        is itself): it can neither be initialised nor receive a lot.
@custom:security The implementation has no owner, no self-destruct and
        no delegatecall of its own, so a clone's code can never change.
@custom:kill Nothing to stop: the factory holds nothing and has no owner.
        A vault cannot be stopped either (see MTokenVault).
"""


from interfaces import IMTokenVault
from interfaces import IVaultFactory

implements: IVaultFactory


# @dev The MTokenVault every vault delegates to (locked at its deployment).
implementation: public(immutable(address))

# @dev Vaults created here (dApps and indexers check a vault's origin).
is_vault: public(HashMap[address, bool])


@deploy
def __init__(implementation_: address):
    """
    @dev Fixes the implementation, which must be a locked MTokenVault.
    @param implementation_ The MTokenVault implementation.
    """
    assert implementation_.is_contract, "vault_factory: implementation is not a contract"
    assert staticcall IMTokenVault(implementation_).creator() == implementation_, \
        "vault_factory: implementation not locked"
    implementation = implementation_


@external
def create_vault() -> address:
    """
    @notice Creates a vault whose creator is the caller.
    @return address The new vault.
    """
    vault: address = create_minimal_proxy_to(implementation)
    extcall IMTokenVault(vault).initialize(msg.sender)
    self.is_vault[vault] = True
    log IVaultFactory.VaultCreated(vault=vault, creator=msg.sender)
    return vault
