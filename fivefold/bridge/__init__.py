"""The bridge domain, messaging side: Hyperlane's own contracts (compiled from the pinned npm
package by `build_hyperlane`), deployed per local chain by `hyperlane`, and the local relay
(`relay`) that delivers their messages as Hyperlane's validators and relayers would. Gas keys live
in `bench`."""
