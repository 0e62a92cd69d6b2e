"""Uniswap v2 from the pinned npm artifacts: the router's embedded pair init-code hash is the pair's
code hash, and the helpers of fivefold/nft/dex.py seed pools, read prices and swap through it."""

from eth_utils import keccak

from fivefold import abi
from fivefold.nft import dex
from fivefold.units import to_wei

from .conftest import SEED_CC, SEED_MTOKEN


def test_router_init_code_hash__pinned_artifacts__equals_keccak_of_the_pair_creation_code():
    """The router computes pair addresses with 0x96e8ac42...: exactly keccak256 of UniswapV2Pair's
    creation code, which the factory's CREATE2 commits to."""
    pair_code = abi.artifact_type(dex.PAIR_ARTIFACT).deployment_bytecode.bytecode
    assert dex.router_init_code_hash() == "0x" + keccak(hexstr=pair_code).hex()
    assert dex.check_artifacts() == dex.UNISWAP_V2_INIT_CODE_HASH


def test_router_init_code_hash__factory_embeds_the_same_pair_code__pairs_it_creates_match():
    """The factory deploys the pair code the hash is taken of (its creation code is inside it)."""
    factory_code = abi.artifact_type(dex.FACTORY_ARTIFACT).deployment_bytecode.bytecode
    pair_code = abi.artifact_type(dex.PAIR_ARTIFACT).deployment_bytecode.bytecode
    assert pair_code[2:] in factory_code


def test_push32_words__push_data_holding_a_push32_byte__not_read_as_an_opcode():
    """0x7f inside a PUSH1's data is data: only real PUSH32 immediates come back."""
    code = bytes.fromhex("607f") + b"\x7f" + bytes(range(32)) + b"\x00"
    assert dex.push32_words(code) == [bytes(range(32))]


def test_pair_address__seeded_pool__factory_pair_at_the_create2_address(uniswap, pair, mtoken, cc):
    """The offline CREATE2 computation (what a live chain's config hash feeds) finds the pair."""
    found = dex.pair_address(
        uniswap.factory.address, mtoken.address, cc.address, dex.UNISWAP_V2_INIT_CODE_HASH
    )
    assert found == pair.address
    assert (
        dex.pair_address(uniswap.factory.address, cc.address, mtoken.address, uniswap.init_code_hash) == found
    )


def test_price__seeded_pool__cc_per_mtoken_from_the_reserves(uniswap, pair, mtoken, cc):
    """Two providers at 100,000 MToken : 50,000 CC each: 0.5 CC per MToken, 2 MToken per CC."""
    assert dex.reserves(uniswap, mtoken, cc) == (2 * SEED_MTOKEN, 2 * SEED_CC)
    assert dex.price(uniswap, mtoken, cc) == to_wei(1) // 2
    assert dex.price(uniswap, cc, mtoken) == 2 * to_wei(1)


def test_swap__cc_for_mtoken__receives_get_amount_out_and_moves_the_price(uniswap, pair, mtoken, cc, trader):
    """A swap through the router pays exactly v2's getAmountOut (0.3% fee) and lifts the price."""
    amount = to_wei(1_000)
    r_cc, r_m = dex.reserves(uniswap, cc, mtoken)
    before = mtoken.balanceOf(trader)
    dex.swap(uniswap, amount, [cc, mtoken], trader)
    assert mtoken.balanceOf(trader) - before == dex.amount_out(amount, r_cc, r_m)
    assert dex.price(uniswap, mtoken, cc) > to_wei(1) // 2


def test_seed_native__token_and_coin__weth_pool_priced_in_coin(uniswap, cc, trader):
    """addLiquidityETH wraps the coin: a CC/WETH pool at 1,000 CC per coin, then a coin swap."""
    dex.seed_native(uniswap, cc, to_wei(10_000), to_wei(10), trader)
    assert dex.price(uniswap, uniswap.weth, cc) == to_wei(1_000)
    before = cc.balanceOf(trader)
    dex.swap_native(uniswap, to_wei(1), cc, trader)
    assert cc.balanceOf(trader) - before == dex.amount_out(to_wei(1), to_wei(10), to_wei(10_000))


def test_pair__no_pool__none_and_zero_price(uniswap, mtoken):
    """Without a pool there is no pair and no price (not a division by zero)."""
    assert uniswap.pair(mtoken, uniswap.weth) is None
    assert dex.price(uniswap, mtoken, uniswap.weth) == 0
