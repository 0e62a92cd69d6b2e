# pragma version ~=0.4.3
"""
@title Test double: a bidder that tries to re-enter an MToken vault
@custom:contract-name VaultAttacker
@license GNU Affero General Public License v3.0 only
@notice Bids on a vault in the native coin. When paid its refund
        (`receive`) it calls `withdraw` again; when it receives the won
        NFT (`onERC721Received`) it calls `settle`, `withdraw` and `claim`
        again. Each re-entry is a low-level call whose outcome is recorded,
        so the outer operation completes and the test reads what the
        re-entry achieved. With `refuse_nft` set, its ERC-721 hook reverts
        (a winner that cannot receive). `forge_lot` makes it a forged
        collection: it calls the vault's ERC-721 hook itself, naming the
        creator as operator; the vault's later transfer of that lot lands
        in `__default__`, which reverts while `refuse_nft` is set. Tests only
        (tests/nft/vault/test_attacks.py).
"""


from interfaces import IMTokenVault


# @dev The vault attacked.
vault: public(immutable(address))
# @dev The lot whose settlement the ERC-721 hook re-enters.
slot: public(uint256)
# @dev Re-entries attempted so far.
attempts: public(uint256)
# @dev Re-entries that succeeded (the vault must keep this at 0).
successes: public(uint256)
# @dev Whether the ERC-721 hook reverts.
refuse_nft: public(bool)


@deploy
def __init__(vault_: address):
    """
    @dev Fixes the vault.
    @param vault_ The MToken vault.
    """
    vault = vault_


@external
@payable
def bid(slot_: uint256):
    """
    @dev Bids all the value sent on `slot_`.
    @param slot_ The lot.
    """
    self.slot = slot_
    extcall IMTokenVault(vault).bid(slot_, msg.value, value=msg.value)


@external
def withdraw():
    """
    @dev Takes the refunds (the vault pays to `__default__`).
    """
    extcall IMTokenVault(vault).withdraw()


@external
def forge_lot(creator: address, token_id: uint256):
    """
    @dev Deposits a lot of nothing: calls the vault's ERC-721 hook as if
         `creator` had sent token `token_id` of this contract.
    @param creator The vault's creator (forged as operator and sender).
    @param token_id Any id.
    """
    extcall IMTokenVault(vault).onERC721Received(creator, creator, token_id, b"")


@external
def set_refuse_nft(refuse: bool):
    """
    @dev Makes the ERC-721 hook revert or accept.
    @param refuse Whether to revert.
    """
    self.refuse_nft = refuse


@internal
def _try(data: Bytes[100]):
    """
    @dev Calls the vault with `data`, recording the attempt and its outcome.
    @param data The calldata.
    """
    self.attempts += 1
    if raw_call(vault, data, revert_on_failure=False):
        self.successes += 1


@external
@payable
def __default__():
    """
    @dev A refund arrives: tries to withdraw again. A call without value
         from the vault is a transfer of a forged lot: reverts while
         `refuse_nft` is set.
    """
    if msg.sender == vault:
        assert msg.value != 0 or not self.refuse_nft, "vault_attacker: refused"
        self._try(method_id("withdraw()"))


@external
def onERC721Received(
    operator: address, sender: address, token_id: uint256, data: Bytes[1024]
) -> bytes4:
    """
    @dev The won NFT arrives: tries to settle it again, withdraw and claim.
    @param operator Who transferred.
    @param sender The previous owner.
    @param token_id The id.
    @param data Ignored.
    @return bytes4 The acceptance selector.
    """
    assert not self.refuse_nft, "vault_attacker: refused"
    self._try(abi_encode(self.slot, method_id=method_id("settle(uint256)")))
    self._try(method_id("withdraw()"))
    self._try(method_id("claim()"))
    return 0x150B7A02
