# Cordon — the two commands: `make run` and `make test`. Everything else here serves them.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Tools this machine kind is known to build with (see docs/toolchain.md). The browser bundle
# is built by tools/site.sh with cargo, wasm-bindgen and npm's wasm-opt: cargo-leptos (which
# took most of a newcomer's first run to compile) is an optional developer tool.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
DSFR := node_modules/@gouvfr/dsfr/dist

# npm's binaryen (wasm-opt) must come before Debian's: the old one breaks hydration.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# The server and the browser bundle agree on the bundle's file names through this.
export LEPTOS_OUTPUT_NAME := cordon

.PHONY: run test tools assets release lint bundle-budget clean rust-target wasm-bindgen-cli python-tools server-dev server-release site-release front-release

## make run: install what is missing, build, serve http://127.0.0.1:3000 with the demo.
## The server is built unoptimised (Cargo's dev profile, the one `make test` builds too: a
## newcomer's first `make test` reuses it), the browser bundle as the release bundle CI's
## budget measures; side by side (2 jobs): on 2 cores the bundle's single-threaded steps
## overlap the server's compilation. `make release` builds the optimised server production
## runs and the benchmarks measure (docs/decisions.md, "What make run builds").
run: node_modules/.installed rust-target assets
	@echo "== $$(date +%H:%M:%S)  building the server and the browser bundle, side by side"
	@$(MAKE) --no-print-directory -j3 server-dev site-release
	@echo "== $$(date +%H:%M:%S)  built: serving http://127.0.0.1:3000 (demo accounts below)"
	@mkdir -p data
	LEPTOS_SITE_ROOT=target/site ./target/debug/cordon serve --demo

server-dev:
	cargo build -p cordon

## make release: the fully optimised server (target/release/cordon, what production runs and
## the benchmarks measure) and the release browser bundle (target/site).
release: node_modules/.installed rust-target assets
	@$(MAKE) --no-print-directory -j2 XX:
	cargo build --release -p cordon

# The bundle compiles while wasm-bindgen-cli installs (both are needed only for the binding).
site-release: wasm-bindgen-cli front-release
	bash tools/site.sh --release

front-release:
	bash tools/site.sh --release --compile-only

## make test: every suite (unit, property, store on SQLite and PostgreSQL, HTTP, browser).
test: tools assets
	bash tests/run-all.sh

## Code style and lints, as CI runs them.
lint: tools
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p app --lib --features hydrate --target wasm32-unknown-unknown -- -D warnings

## The browser bundle's size against its budget (release build; CI runs it after the tests).
bundle-budget: tools assets
	bash tests/bench/bundle-budget.sh

tools: node_modules/.installed rust-target wasm-bindgen-cli python-tools

rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# The CLI must match the wasm-bindgen of Cargo.lock exactly (compiled once per machine).
# Unoptimised it compiles in about half the time and still binds the bundle in seconds
# (docs/toolchain.md).
wasm-bindgen-cli:
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || \
		{ echo "== $$(date +%H:%M:%S)  installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
		  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); }

python-tools:
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
