# pragma version ~=0.4.3
"""
@title Capped ERC-20 with EIP-2612 permit and contract-only minters
@custom:contract-name CappedToken
@license GNU Affero General Public License v3.0 only
@notice One bytecode serves the suite's five tokens (CMDT, CC, HPC,
        CPC, CARTY); each is this contract deployed with its own name,
        symbol and cap. The cap bounds `totalSupply` on every chain.

        Supply enters in exactly two ways:
        1. `initialize_supply`: one batch of mints by the owner, used
           on the token's home chain at deployment for the allocations
           of SPEC.md (CC's table, CPC's three shares, CMDT's initial
           distribution). It is an initializer: it closes for good
           when it runs, when the owner calls `close_initial_supply`
           (deployment does so on every chain where the token has no
           distribution: off its home chain, and for the emitted HPC
           and CARTY everywhere), or when a minter is first granted,
           so it can never run twice nor after any other mint.
        2. `mint`: by minter contracts only (emitters, reward
           contracts, a bridge). `set_minter` refuses an address
           without code and an EOA that delegated its code with
           EIP-7702, so no EOA can ever hold the minter role, and the
           owner itself is never a minter (unlike snekmate's stock
           `erc20`, whose owner mints).

        Transfers, approvals, permit and burns are snekmate's `erc20`
        unchanged, so their gas is snekmate's.
@custom:security The owner is an explicit constructor argument rather
        than `msg.sender`, because deterministic deployment runs the
        constructor from the CREATE2 factory; binding the owner into
        the init code also binds it into the address.
@custom:kill A token is never paused: transfers, permits and burns
        always work. In an emergency the owner stops all new supply by
        revoking every minter (`set_minter(minter, False)`); the cap
        bounds the damage of a minter until then. Ownership moves in two
        steps and cannot be renounced.
"""


from ethereum.ercs import IERC20
from ethereum.ercs import IERC20Detailed

from interfaces import ICappedToken
from snekmate.auth import ownable
from snekmate.auth import ownable_2step
from snekmate.tokens import erc20

implements: IERC20
implements: IERC20Detailed
implements: ICappedToken

initializes: ownable
initializes: ownable_2step[ownable := ownable]
initializes: erc20[ownable := ownable]


exports: (
    # The hot paths first: within a bucket of Vyper's selector table the
    # dispatcher tries functions in declaration order (measured: listed
    # last, `transfer` costs 23 gas more than snekmate's own erc20).
    erc20.permit,
    erc20.transfer,
    erc20.transferFrom,
    erc20.approve,
    erc20.totalSupply,
    erc20.balanceOf,
    erc20.allowance,
    erc20.name,
    erc20.symbol,
    erc20.decimals,
    erc20.nonces,
    erc20.is_minter,
    erc20.DOMAIN_SEPARATOR,
    erc20.eip712Domain,
    erc20.burn,
    erc20.burn_from,
    ownable.owner,
    ownable_2step.pending_owner,
    ownable_2step.transfer_ownership,
    ownable_2step.accept_ownership,
    # Deliberately not exported: `erc20.mint` and `erc20.set_minter`
    # (replaced below by cap- and code-checked versions),
    # erc20's own ownership transfer and renouncing (they would make the
    # owner a minter), and renouncing ownership at all (a renounced token
    # could never revoke a minter again: a compromised bridge would mint
    # for good).
)


# @dev Largest batch `initialize_supply` accepts (CC's table has ten rows).
MAX_ALLOCATIONS: constant(uint256) = 16


# @dev EIP-7702 delegation designator: an EOA that delegated its code
#      shows exactly `0xef0100 ++ delegate` (23 bytes). EIP-3541 forbids
#      deploying code that starts with 0xef, so only such an EOA has it.
_DELEGATION_PREFIX: constant(Bytes[3]) = b"\xef\x01\x00"
_DELEGATION_CODE_SIZE: constant(uint256) = 23


# @dev Maximum `totalSupply`, in wei, on this chain.
cap: public(immutable(uint256))


# @dev True once the initial mint is closed: `initialize_supply` ran,
#      `close_initial_supply` was called, or a minter was granted.
initial_supply_closed: public(bool)


@deploy
def __init__(
    name_: String[25],
    symbol_: String[5],
    cap_: uint256,
    owner_: address,
    name_eip712_: String[50],
    version_eip712_: String[20],
):
    """
    @dev Deploys the token with no supply and no minter.
    @param name_ The token's name.
    @param symbol_ The token's symbol.
    @param cap_ The maximum total supply, in wei (18 decimals).
    @param owner_ The account that may initialize supply and manage
           minters; ownership goes to governance after deployment.
    @param name_eip712_ The EIP-712 domain name used by `permit`.
    @param version_eip712_ The EIP-712 domain version used by `permit`.
    """
    assert cap_ != 0, "capped_token: zero cap"
    assert owner_ != empty(address), "capped_token: zero owner"
    cap = cap_
    ownable.__init__()
    ownable_2step.__init__()
    erc20.__init__(name_, symbol_, 18, name_eip712_, version_eip712_)
    # snekmate makes the deployer a minter; the deployer here is the
    # CREATE2 factory or the deploying account, and neither may mint.
    erc20.is_minter[msg.sender] = False
    log erc20.RoleMinterChanged(minter=msg.sender, status=False)
    ownable_2step._transfer_ownership(owner_)


@external
def initialize_supply(recipients: DynArray[address, MAX_ALLOCATIONS], amounts: DynArray[uint256, MAX_ALLOCATIONS]):
    """
    @dev Mints the initial allocations within the cap and closes the
         initial mint for good.
    @notice Only the owner, only while the initial mint is open: once,
            and never after `close_initial_supply` or a minter grant
            (so never after any other mint).
    @param recipients The allocation holders (vesting vaults, treasury, ...).
    @param amounts The amount for each recipient, in wei.
    """
    ownable._check_owner()
    assert not self.initial_supply_closed, "capped_token: initial supply closed"
    assert len(recipients) == len(amounts), "capped_token: length mismatch"
    assert len(recipients) != 0, "capped_token: empty allocation"
    total: uint256 = 0
    for i: uint256 in range(len(recipients), bound=MAX_ALLOCATIONS):
        assert amounts[i] != 0, "capped_token: zero amount"
        # `erc20._mint` rejects the zero address with its own reason;
        # check first so every revert carries this contract's prefix.
        assert recipients[i] != empty(address), "capped_token: zero recipient"
        total += amounts[i]
        erc20._mint(recipients[i], amounts[i])
    assert erc20.totalSupply <= cap, "capped_token: cap exceeded"
    self._close_initial_supply(total)


@external
def close_initial_supply():
    """
    @dev Closes the initial mint without minting: from now on only
         minter contracts can create supply.
    @notice Only the owner, only while the initial mint is open.
            Deployment calls it on every chain where the token has no
            initial distribution (off its home chain; HPC and CARTY
            everywhere).
    """
    ownable._check_owner()
    assert not self.initial_supply_closed, "capped_token: initial supply closed"
    self._close_initial_supply(0)


@external
def mint(owner: address, amount: uint256):
    """
    @dev Mints `amount` to `owner` within the cap.
    @notice Only minter contracts (see `set_minter`).
    @param owner The recipient.
    @param amount The amount, in wei.
    """
    assert erc20.is_minter[msg.sender], "capped_token: caller is not a minter"
    assert owner != empty(address), "capped_token: zero recipient"
    assert amount != 0, "capped_token: zero amount"
    assert erc20.totalSupply + amount <= cap, "capped_token: cap exceeded"
    erc20._mint(owner, amount)


@external
def set_minter(minter: address, status: bool):
    """
    @dev Grants or revokes the minter role.
    @notice Only the owner; a minter must be a contract (an emitter,
            a reward contract or a bridge), never an EOA, including an
            EOA that delegated its code with EIP-7702 (it would still
            mint from ordinary transactions signed with its key).
    @param minter The contract.
    @param status True to grant, False to revoke.
    """
    ownable._check_owner()
    assert minter != empty(address), "capped_token: zero minter"
    if status:
        assert minter.is_contract, "capped_token: minter is not a contract"
        assert not self._is_delegated_eoa(minter), "capped_token: minter is a delegated EOA"
        # A minter can mint at once: the owner's initial mint closes
        # here if it is still open, so it can never follow another mint.
        if not self.initial_supply_closed:
            self._close_initial_supply(0)
    erc20.is_minter[minter] = status
    log erc20.RoleMinterChanged(minter=minter, status=status)


@internal
@view
def _is_delegated_eoa(account: address) -> bool:
    """
    @dev True if `account`'s code is an EIP-7702 delegation designator.
    @param account An address with code.
    @return bool Whether it is an EOA that delegated its code.
    """
    if account.codesize != _DELEGATION_CODE_SIZE:
        return False
    return slice(account.code, 0, 3) == _DELEGATION_PREFIX


@internal
def _close_initial_supply(total: uint256):
    """
    @dev Closes the initial mint for good and logs what it minted.
    @param total The amount minted by the initial distribution (0 if
           it was closed without one).
    """
    self.initial_supply_closed = True
    log ICappedToken.SupplyInitialized(total=total)
