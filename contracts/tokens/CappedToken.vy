# pragma version ~=0.4.3
"""
@title Capped ERC-20 with EIP-2612 permit, contract-only minters and
       ERC-7281 bridges
@custom:contract-name CappedToken
@license GNU Affero General Public License v3.0 only
@notice One bytecode serves the suite's five tokens (CMDT, CC, HPC,
        CPC, CARTY); each is this contract deployed with its own name,
        symbol, cap and home chain, at the same CREATE2 address on the
        four chains (`home_chain_id` is the same on all four).

        Supply enters in exactly three ways:
        1. `initialize_supply`: one batch of mints by the owner, on the
           token's home chain only, at deployment, for the allocations
           of SPEC.md (CC's table, CPC's three shares, CMDT's initial
           distribution). It is an initializer: it closes for good
           when it runs, when the owner calls `close_initial_supply`
           (deployment does so on every chain where the token has no
           distribution: off its home chain, and for the emitted HPC
           and CARTY everywhere), or when a minter is first granted,
           so it can never run twice nor after any other mint.
        2. `mint` by a minter contract (emitters, reward contracts), on
           the home chain only: `set_minter` refuses an address without
           code, an EOA that delegated its code with EIP-7702, and any
           grant off the home chain; the owner itself is never a minter
           (unlike snekmate's stock `erc20`, whose owner mints).
        3. `mint` by an ERC-7281 bridge (xERC20): governance gives each
           bridge a minting and a burning limit (`setLimits`) that
           refill linearly over one day (contracts/tokens/rate_limit.vy);
           a bridge mints and burns (`burn(user, amount)`, with the
           user's allowance) within them.

        Home accounting. `bridged_out` counts, on the home chain, what
        bridges burnt there and did not bring back: a bridge burn adds
        to it, a bridge mint there may only bring back what went out
        (and subtracts it). Every mint checks
            totalSupply + bridged_out <= cap
        so what the home chain released (its supply plus what is out)
        never exceeds the cap; off home `bridged_out` is 0 and only
        bridges mint, so the supply off home is at most what the home
        chain let out. Sum over chains <= cap is provable on the home
        chain alone (docs/bridge-token.md).

        Transfers, approvals and permits are snekmate's `erc20`
        unchanged, so their gas is snekmate's. Supply changes (mints and
        burns) are this contract's: the supply and `bridged_out` share
        one storage word, so the cap rule reads nothing more than
        snekmate's `totalSupply` did.
@custom:security The owner is an explicit constructor argument rather
        than `msg.sender`, because deterministic deployment runs the
        constructor from the CREATE2 factory; binding the owner into
        the init code also binds it into the address. Bridge limits
        bound a compromised bridge to its minting limit per day (and,
        on the home chain, to what went out).
@custom:kill A token is never paused: transfers, permits and holder
        burns always work. In an emergency the owner stops all new
        supply by revoking every minter (`set_minter(minter, False)`)
        and setting every bridge's limits to zero; a bridge is paused
        (no new transfers out, in-flight messages still land) by a
        burning limit of zero with its minting limit kept. The cap
        bounds the damage of a minter until then, a limit that of a
        bridge. Ownership moves in two steps and cannot be renounced.
"""


from ethereum.ercs import IERC20
from ethereum.ercs import IERC20Detailed

from contracts.tokens import rate_limit
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
    # last, `transfer` costs 23 gas more than snekmate's own erc20). With
    # the ERC-7281 functions, `approve` shares a bucket with
    # `transferFrom`: listed first, it costs what snekmate's costs.
    erc20.permit,
    erc20.transfer,
    erc20.approve,
    erc20.transferFrom,
    erc20.balanceOf,
    erc20.allowance,
    erc20.name,
    erc20.symbol,
    erc20.decimals,
    erc20.nonces,
    erc20.is_minter,
    erc20.DOMAIN_SEPARATOR,
    erc20.eip712Domain,
    ownable.owner,
    ownable_2step.pending_owner,
    ownable_2step.transfer_ownership,
    ownable_2step.accept_ownership,
    # Deliberately not exported: `erc20.mint` and `erc20.set_minter`
    # (replaced below by cap-, home- and code-checked versions),
    # `erc20.totalSupply`, `erc20.burn` and `erc20.burn_from` (the supply
    # lives in one word with `bridged_out`, so this contract counts it;
    # ERC-7281's `burn(user, amount)` takes the name `burn`, and a holder
    # burns its own tokens with `burn(itself, amount)`),
    # erc20's own ownership transfer and renouncing (they would make the
    # owner a minter), and renouncing ownership at all (a renounced token
    # could never revoke a minter or zero a bridge's limits again: a
    # compromised bridge would mint for good).
)


# @dev Largest batch `initialize_supply` accepts (CC's table has ten rows).
MAX_ALLOCATIONS: constant(uint256) = 16


# @dev EIP-7702 delegation designator: an EOA that delegated its code
#      shows exactly `0xef0100 ++ delegate` (23 bytes). EIP-3541 forbids
#      deploying code that starts with 0xef, so only such an EOA has it.
_DELEGATION_PREFIX: constant(Bytes[3]) = b"\xef\x01\x00"
_DELEGATION_CODE_SIZE: constant(uint256) = 23


# Supply word, low bits first: total supply (128) | bridged out (128).
# Both are at most the cap, below 2**128 (checked at deployment).
_TOTAL_MASK: constant(uint256) = 2**128 - 1
_OUT_SHIFT: constant(uint256) = 128
_OUT_MASK: constant(uint256) = 2**128 - 1


# @dev Maximum of `totalSupply + bridged_out`, in wei, on this chain.
cap: public(immutable(uint256))


# @dev The chain where the token's supply is minted and `bridged_out`
#      counted; the same on every chain, so the CREATE2 address is too.
home_chain_id: public(immutable(uint256))


# @dev True once the initial mint is closed: `initialize_supply` ran,
#      `close_initial_supply` was called, or a minter was granted.
initial_supply_closed: public(bool)


# @dev The parameter registry that alone sets bridge limits once named
#      (zero: the owner does), as contracts/shared/tunable.vy.
parameter_registry: public(address)


# @dev The supply word (see `_pack_supply`).
_supply: uint256


# @dev Bridge -> its minting limit word (contracts/tokens/rate_limit.vy).
_minting: HashMap[address, uint256]


# @dev Bridge -> its burning limit word; zero for an account that was
#      never a bridge (such an account's `burn` is a holder's own burn).
_burning: HashMap[address, uint256]


@deploy
def __init__(
    name_: String[25],
    symbol_: String[5],
    cap_: uint256,
    owner_: address,
    name_eip712_: String[50],
    version_eip712_: String[20],
    home_chain_id_: uint256,
):
    """
    @dev Deploys the token with no supply, no minter and no bridge.
    @param name_ The token's name.
    @param symbol_ The token's symbol.
    @param cap_ The maximum total supply, in wei (18 decimals), below
           2**128.
    @param owner_ The account that may initialize supply and manage
           minters and bridges; ownership goes to governance after
           deployment.
    @param name_eip712_ The EIP-712 domain name used by `permit`.
    @param version_eip712_ The EIP-712 domain version used by `permit`.
    @param home_chain_id_ The chain id of the token's home chain (the
           same argument on every chain).
    """
    assert cap_ != 0, "capped_token: zero cap"
    assert cap_ <= _TOTAL_MASK, "capped_token: cap too large"
    assert owner_ != empty(address), "capped_token: zero owner"
    assert home_chain_id_ != 0, "capped_token: zero home chain"
    cap = cap_
    home_chain_id = home_chain_id_
    ownable.__init__()
    ownable_2step.__init__()
    erc20.__init__(name_, symbol_, 18, name_eip712_, version_eip712_)
    # snekmate makes the deployer a minter; the deployer here is the
    # CREATE2 factory or the deploying account, and neither may mint.
    erc20.is_minter[msg.sender] = False
    log erc20.RoleMinterChanged(minter=msg.sender, status=False)
    ownable_2step._transfer_ownership(owner_)


@external
def mint(owner: address, amount: uint256):
    """
    @dev Mints `amount` to `owner`: by a minter within the cap, by a
         bridge within its minting limit and the cap (on the home chain:
         at most what went out, `bridged_out`).
    @notice Minter contracts (see `set_minter`) and bridges (ERC-7281,
            see `setLimits`); a minter that is also a bridge mints as a
            minter.
    @param owner The recipient.
    @param amount The amount, in wei.
    """
    by_minter: bool = erc20.is_minter[msg.sender]
    word: uint256 = 0
    if not by_minter:
        word = self._minting[msg.sender]
        assert word != 0, "capped_token: caller is not a minter"
    assert owner != empty(address), "capped_token: zero recipient"
    assert amount != 0, "capped_token: zero amount"
    supply: ICappedToken.Supply = self._unpack_supply(self._supply)
    if not by_minter:
        limit: rate_limit.Limit = rate_limit._unpack(word)
        available: uint256 = rate_limit._available(limit)
        assert amount <= available, "capped_token: minting limit exceeded"
        self._minting[msg.sender] = rate_limit._spent(limit, available, amount)
        if chain.id == home_chain_id:
            # Back home: only what went out may come back, and it leaves
            # totalSupply + bridged_out unchanged, so the cap holds.
            assert amount <= supply.bridged_out, "capped_token: mint exceeds bridged out"
            supply.bridged_out = unsafe_sub(supply.bridged_out, amount)
            supply.total = unsafe_add(supply.total, amount)
            self._mint_to(owner, amount, supply)
            return
    # totalSupply + bridged_out + amount <= cap (bridged_out is 0 off home).
    # Both terms are below 2**128: the sum cannot overflow before the check.
    assert supply.total + supply.bridged_out + amount <= cap, "capped_token: cap exceeded"
    supply.total = unsafe_add(supply.total, amount)
    self._mint_to(owner, amount, supply)


@external
def burn(user: address, amount: uint256):
    """
    @dev ERC-7281: a bridge burns `amount` of `user`'s tokens within its
         burning limit, spending `user`'s allowance to it unless `user`
         is the bridge; on the home chain the amount is added to
         `bridged_out`. An account that was never a bridge burns its own
         tokens (`user` = itself; holder burns free room under the cap).
    @notice A bridge whose burning limit is zero (paused) cannot burn:
            no transfer out is sent, so none is burnt and then stuck.
    @param user The account whose tokens are burnt.
    @param amount The amount, in wei.
    """
    assert amount != 0, "capped_token: zero amount"
    word: uint256 = self._burning[msg.sender]
    if word == 0:
        assert user == msg.sender, "capped_token: caller is not a bridge"
        self._burn_holder(user, amount)
        return
    if user != msg.sender:
        erc20._spend_allowance(user, msg.sender, amount)
    limit: rate_limit.Limit = rate_limit._unpack(word)
    available: uint256 = rate_limit._available(limit)
    assert amount <= available, "capped_token: burning limit exceeded"
    self._burning[msg.sender] = rate_limit._spent(limit, available, amount)
    supply: ICappedToken.Supply = self._unpack_supply(self._supply)
    self._debit(user, amount)
    # The burnt amount is within the supply (a balance is part of it).
    supply.total = unsafe_sub(supply.total, amount)
    if chain.id == home_chain_id:
        # It went out: it stays in what the home chain released.
        supply.bridged_out = unsafe_add(supply.bridged_out, amount)
    self._supply = self._pack_supply(supply)


@external
def burn_from(owner: address, amount: uint256):
    """
    @dev Destroys `amount` of `owner`'s tokens within the caller's
         allowance (snekmate's `burn_from`, counted in this contract's
         supply word). Not a bridge burn: no limit, no `bridged_out`.
    @param owner The holder.
    @param amount The amount, in wei.
    """
    erc20._spend_allowance(owner, msg.sender, amount)
    self._burn_holder(owner, amount)


@external
def setLimits(bridge: address, mintingLimit: uint256, burningLimit: uint256):
    """
    @dev ERC-7281: sets `bridge`'s max minting and burning limits; each
         current limit moves by the difference between the old and the
         new max (never below zero) and refills over one day.
    @notice Only the parameter registry once named, the owner until then
            (as contracts/shared/tunable.vy). A bridge given a nonzero
            limit must be a contract, never an EOA nor one that delegated
            its code (EIP-7702). Limits of zero remove a bridge; a burning
            limit of zero alone pauses it (in-flight messages still land).
    @param bridge The bridge (its adapter, e.g. Hyperlane's HypXERC20).
    @param mintingLimit The max it may mint per day, in wei.
    @param burningLimit The max it may burn per day, in wei.
    """
    self._check_limits_writer()
    assert bridge != empty(address), "capped_token: zero bridge"
    assert mintingLimit <= rate_limit.MAX_LIMIT, "capped_token: limit too large"
    assert burningLimit <= rate_limit.MAX_LIMIT, "capped_token: limit too large"
    if mintingLimit != 0 or burningLimit != 0:
        assert bridge.is_contract, "capped_token: bridge is not a contract"
        assert not self._is_delegated_eoa(bridge), "capped_token: bridge is a delegated EOA"
    self._minting[bridge] = rate_limit._with_max(
        rate_limit._unpack(self._minting[bridge]), mintingLimit
    )
    self._burning[bridge] = rate_limit._with_max(
        rate_limit._unpack(self._burning[bridge]), burningLimit
    )
    log ICappedToken.BridgeLimitsSet(
        mintingLimit=mintingLimit, burningLimit=burningLimit, bridge=bridge
    )


@external
def set_parameter_registry(registry: address):
    """
    @dev Names the parameter registry, which alone sets bridge limits
         from now on (contracts/shared/tunable.vy's rule, written here
         because the token imports nothing of the suite).
    @notice Only the owner. The registry must be a contract; there is no
            way back to owner writes.
    @param registry The suite's `ParameterRegistry`.
    """
    ownable._check_owner()
    assert registry.is_contract, "capped_token: registry is not a contract"
    self.parameter_registry = registry
    log ICappedToken.ParameterRegistrySet(registry=registry)


@external
def initialize_supply(recipients: DynArray[address, MAX_ALLOCATIONS], amounts: DynArray[uint256, MAX_ALLOCATIONS]):
    """
    @dev Mints the initial allocations within the cap and closes the
         initial mint for good.
    @notice Only the owner, only on the home chain, only while the
            initial mint is open: once, and never after
            `close_initial_supply` or a minter grant (so never after any
            other mint).
    @param recipients The allocation holders (vesting vaults, treasury, ...).
    @param amounts The amount for each recipient, in wei.
    """
    ownable._check_owner()
    assert not self.initial_supply_closed, "capped_token: initial supply closed"
    assert chain.id == home_chain_id, "capped_token: not the home chain"
    assert len(recipients) == len(amounts), "capped_token: length mismatch"
    assert len(recipients) != 0, "capped_token: empty allocation"
    total: uint256 = 0
    for i: uint256 in range(len(recipients), bound=MAX_ALLOCATIONS):
        assert amounts[i] != 0, "capped_token: zero amount"
        assert recipients[i] != empty(address), "capped_token: zero recipient"
        total += amounts[i]
        # The cap check below bounds every balance; checked addition.
        erc20.balanceOf[recipients[i]] += amounts[i]
        log IERC20.Transfer(sender=empty(address), receiver=recipients[i], value=amounts[i])
    # Nothing was minted before (the initial mint is the first supply).
    assert total <= cap, "capped_token: cap exceeded"
    self._supply = total
    self._close_initial_supply(total)


@external
def close_initial_supply():
    """
    @dev Closes the initial mint without minting: from now on only
         minter contracts and bridges can create supply.
    @notice Only the owner, only while the initial mint is open.
            Deployment calls it on every chain where the token has no
            initial distribution (off its home chain; HPC and CARTY
            everywhere).
    """
    ownable._check_owner()
    assert not self.initial_supply_closed, "capped_token: initial supply closed"
    self._close_initial_supply(0)


@external
def set_minter(minter: address, status: bool):
    """
    @dev Grants or revokes the minter role.
    @notice Only the owner; a minter must be a contract (an emitter or
            a reward contract), never an EOA, including an EOA that
            delegated its code with EIP-7702 (it would still mint from
            ordinary transactions signed with its key). Grants only on
            the home chain: off home only bridges mint, within their
            limits, so the home chain's count bounds every chain.
    @param minter The contract.
    @param status True to grant, False to revoke.
    """
    ownable._check_owner()
    assert minter != empty(address), "capped_token: zero minter"
    if status:
        assert chain.id == home_chain_id, "capped_token: not the home chain"
        assert minter.is_contract, "capped_token: minter is not a contract"
        assert not self._is_delegated_eoa(minter), "capped_token: minter is a delegated EOA"
        # A minter can mint at once: the owner's initial mint closes
        # here if it is still open, so it can never follow another mint.
        if not self.initial_supply_closed:
            self._close_initial_supply(0)
    erc20.is_minter[minter] = status
    log erc20.RoleMinterChanged(minter=minter, status=status)


@external
@view
def totalSupply() -> uint256:
    """
    @dev Tokens in existence on this chain, in wei.
    @return uint256 The total supply.
    """
    return self._supply & _TOTAL_MASK


@external
@view
def bridged_out() -> uint256:
    """
    @dev On the home chain, what bridges burnt here and have not brought
         back: the supply on the other chains plus what is in flight
         (less what holders burnt there). Zero off the home chain.
    @return uint256 The amount, in wei.
    """
    return (self._supply >> _OUT_SHIFT) & _OUT_MASK


@external
@view
def mintingMaxLimitOf(bridge: address) -> uint256:
    """
    @dev ERC-7281: the max minting limit of `bridge`.
    @param bridge The bridge.
    @return uint256 What it may mint per day, in wei.
    """
    return rate_limit._unpack(self._minting[bridge]).max


@external
@view
def burningMaxLimitOf(bridge: address) -> uint256:
    """
    @dev ERC-7281: the max burning limit of `bridge`.
    @param bridge The bridge.
    @return uint256 What it may burn per day, in wei.
    """
    return rate_limit._unpack(self._burning[bridge]).max


@external
@view
def mintingCurrentLimitOf(bridge: address) -> uint256:
    """
    @dev ERC-7281: what `bridge` may mint now.
    @param bridge The bridge.
    @return uint256 The current minting limit, in wei.
    """
    return rate_limit._available(rate_limit._unpack(self._minting[bridge]))


@external
@view
def burningCurrentLimitOf(bridge: address) -> uint256:
    """
    @dev ERC-7281: what `bridge` may burn now.
    @param bridge The bridge.
    @return uint256 The current burning limit, in wei.
    """
    return rate_limit._available(rate_limit._unpack(self._burning[bridge]))


@internal
def _mint_to(owner: address, amount: uint256, supply: ICappedToken.Supply):
    """
    @dev Credits `owner` and stores the supply word already counted.
    @param owner The recipient (not zero).
    @param amount The amount, in wei.
    @param supply The supply after the mint.
    """
    self._supply = self._pack_supply(supply)
    # A balance is part of the supply, below the cap < 2**128.
    erc20.balanceOf[owner] = unsafe_add(erc20.balanceOf[owner], amount)
    log IERC20.Transfer(sender=empty(address), receiver=owner, value=amount)


@internal
def _burn_holder(owner: address, amount: uint256):
    """
    @dev A holder's burn: the supply shrinks, `bridged_out` does not
         (the room frees under the cap).
    @param owner The holder.
    @param amount The amount, in wei.
    """
    self._debit(owner, amount)
    # The amount was in a balance, so within the supply (low 128 bits).
    self._supply = unsafe_sub(self._supply, amount)


@internal
def _debit(owner: address, amount: uint256):
    """
    @dev Takes `amount` out of `owner`'s balance and logs the burn.
    @param owner The holder.
    @param amount The amount, in wei.
    """
    balance: uint256 = erc20.balanceOf[owner]
    assert balance >= amount, "capped_token: burn amount exceeds balance"
    erc20.balanceOf[owner] = unsafe_sub(balance, amount)
    log IERC20.Transfer(sender=owner, receiver=empty(address), value=amount)


@internal
def _check_limits_writer():
    """
    @dev Lets the registry through, or the owner while no registry is
         named (contracts/shared/tunable.vy's `_check_writer`).
    """
    registry: address = self.parameter_registry
    if registry == empty(address):
        ownable._check_owner()
    else:
        assert msg.sender == registry, "capped_token: caller is not the parameter registry"


@internal
@pure
def _pack_supply(supply: ICappedToken.Supply) -> uint256:
    """
    @dev The supply as its storage word (both fields below 2**128).
    @param supply The supply.
    @return uint256 The word.
    """
    return supply.total | (supply.bridged_out << _OUT_SHIFT)


@internal
@pure
def _unpack_supply(word: uint256) -> ICappedToken.Supply:
    """
    @dev The storage word as the supply.
    @param word The word.
    @return Supply The supply.
    """
    return ICappedToken.Supply(
        total=word & _TOTAL_MASK, bridged_out=(word >> _OUT_SHIFT) & _OUT_MASK
    )


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
