# pragma version ~=0.4.3
"""
@title Test double: votes on an MToken vault with flash-borrowed MToken
@custom:contract-name VaultFlashVoter
@license GNU Affero General Public License v3.0 only
@notice Borrows MToken from an ERC-3156 lender (contracts/mocks/
        FlashLender.vy), locks it as votes on a lot, optionally tries to
        take the votes back, and approves the lender to pull the loan back
        in the same transaction. Tests only (tests/nft/vault/test_attacks.py).
"""


from interfaces import IMTokenVault


interface IFlashLender:
    def flashLoan(
        receiver: address, token: address, amount: uint256, data: Bytes[1024]
    ) -> bool: nonpayable


# @dev keccak256("ERC3156FlashBorrower.onFlashLoan"): accepts the loan.
CALLBACK_SUCCESS: constant(bytes32) = keccak256("ERC3156FlashBorrower.onFlashLoan")

# @dev The lender.
lender: public(immutable(address))
# @dev The vault (also the token lent).
vault: public(immutable(address))


@deploy
def __init__(lender_: address, vault_: address):
    """
    @dev Fixes the lender and the vault.
    @param lender_ The flash lender of the vault's MToken.
    @param vault_ The vault.
    """
    lender = lender_
    vault = vault_


@external
def attack(slot: uint256, amount: uint256, unvote: bool):
    """
    @dev Borrows `amount` MToken and votes it on `slot` (then unvotes if asked).
    @param slot The lot.
    @param amount The loan.
    @param unvote Whether to take the votes back before repaying.
    """
    extcall IFlashLender(lender).flashLoan(self, vault, amount, abi_encode(slot, unvote))


@external
def onFlashLoan(
    initiator: address, token: address, amount: uint256, fee: uint256, data: Bytes[1024]
) -> bytes32:
    """
    @dev Votes the loan, optionally unvotes it, approves the repayment.
    @param initiator Who asked for the loan.
    @param token The vault's MToken.
    @param amount The loan.
    @param fee Zero.
    @param data (slot, unvote).
    @return bytes32 CALLBACK_SUCCESS.
    """
    slot: uint256 = 0
    unvote: bool = False
    slot, unvote = abi_decode(data, (uint256, bool))
    extcall IMTokenVault(vault).vote(slot, amount)
    if unvote:
        extcall IMTokenVault(vault).unvote(slot, amount)
    extcall IMTokenVault(vault).approve(lender, amount + fee)
    return CALLBACK_SUCCESS
