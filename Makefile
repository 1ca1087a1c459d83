# Cordon — the two commands: `make run` and `make test`. Everything else here serves them.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Tools this machine kind is known to build with (see docs/toolchain.md).
CARGO_LEPTOS_VERSION := 0.3.10
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
DSFR := node_modules/@gouvfr/dsfr/dist

# npm's binaryen (wasm-opt) must come before Debian's: the old one breaks hydration.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# The server and the browser bundle agree on the bundle's file names through this.
export LEPTOS_OUTPUT_NAME := cordon

.PHONY: run test tools assets release lint clean

## make run: install what is missing, build (release), serve http://127.0.0.1:3000 with the demo.
run: tools assets
	cargo leptos build --release
	@mkdir -p data
	LEPTOS_SITE_ROOT=target/site ./target/release/cordon serve --demo

## make test: every suite (unit, property, store on SQLite and PostgreSQL, HTTP, browser).
test: tools assets
	bash tests/run-all.sh

## Code style and lints, as CI runs them.
lint: tools
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p app --lib --features hydrate --target wasm32-unknown-unknown -- -D warnings

tools: node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@cargo leptos --version 2>/dev/null | grep -q "$(CARGO_LEPTOS_VERSION)" || \
		cargo install cargo-leptos --version $(CARGO_LEPTOS_VERSION) --locked --features no_downloads
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@python3 -c 'import icalendar' 2>/dev/null || python3 -m pip install -q -r tests/requirements.txt

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## The DSFR's stylesheet, fonts and icons, served from our own origin (no CDN).
assets: public/dsfr/dsfr.min.css

public/dsfr/dsfr.min.css: node_modules/.installed
	rm -rf public/dsfr
	mkdir -p public/dsfr/utility/icons
	cp -r $(DSFR)/fonts $(DSFR)/icons $(DSFR)/favicon public/dsfr/
	cp $(DSFR)/utility/icons/icons.min.css public/dsfr/utility/icons/
	cp $(DSFR)/dsfr.min.css public/dsfr/

clean:
	rm -rf target/site public/dsfr tests/output
