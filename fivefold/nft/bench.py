"""The NFT domain's gas operations: importing each part's bench module registers its keys."""

from fivefold.nft import bench_farm, bench_mall, bench_vault  # noqa: F401  (farm.*, mining.*, mall.*, mtoken.*)
