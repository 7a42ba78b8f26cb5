# Lexo: `make run` serves the app on http://127.0.0.1:8080, `make test` runs every test.
# Both install whatever is missing first (see `setup`); versions are the ones known to work
# together on rustc 1.95 (trunk 0.21.14, wasm-bindgen 0.2.130, binaryen 132, Debian chromium).

SHELL := /bin/bash
TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
BINARYEN_VERSION := 132.0.0
TOOLS := $(CURDIR)/.tools/node_modules/.bin
export PATH := $(TOOLS):$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 30
export WASM_BINDGEN_TEST_TIMEOUT ?= 60

.PHONY: run test setup setup-web setup-browser setup-bench dist test-native test-wasm test-e2e eval bench engine-size clean fuzz quality-floor

run: setup-web
	trunk serve

## Every test layer: core + CLI + components natively, the app in headless Chromium, end to end.
test: setup test-native test-wasm dist test-e2e

test-native:
	cargo test --workspace --locked
	bash tests/parallel.sh
	bash tests/light-reader.sh
	$(MAKE) quality-floor

## Entity quality floor: 5-fold CV on ../shared's train sets must stay within 0.02 of the figures
## committed with the models (crates/lexo-core/models/cv-floor.tsv); skipped when ../shared is absent.
quality-floor:
	cargo run --release --locked -q -p lexo-cli -- eval-ner --cv --floor crates/lexo-core/models/cv-floor.tsv

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown -p lexo-web --test web

test-e2e:
	cd e2e && npm test

## Release build for static hosting under any sub-path (relative URLs): copy dist/ anywhere.
dist: setup-web
	trunk build --release --locked

## Quality figures on ../shared (skipped with a message when it is absent).
eval:
	cargo run --release --locked -q -p lexo-cli -- eval-lang
	cargo run --release --locked -q -p lexo-cli -- eval-ner
	cargo run --release --locked -q -p lexo-cli -- eval-ner --cv
	cargo run --release --locked -q -p lexo-cli -- eval-wikiann
	cargo run --release --locked -q -p lexo-cli -- eval-extraction

## Speed, natively and in Chromium, next to its peers in the same run: compromise.js (tagging),
## Readability.js (+ linkedom on node, and on Chromium's own DOMParser) and trafilatura (extraction,
## on ../shared's pages); drop → on screen for the seed, 2,000 and 10,000 words; the first visit's
## bytes and time to interactive. Every step prints its figures and `BENCH {json}` lines into
## target/bench.log; tools/bench_summary.py ends with one table of ratios to the peers and budgets.
bench: setup-browser setup-bench dist
	@set -o pipefail; { \
	  cargo run --release --locked -q -p lexo-cli -- bench $(CURDIR)/target/bench-article.txt $(CURDIR)/target/bench-article-long.txt && \
	  node e2e/bench-compromise.mjs $(CURDIR)/target/bench-article.txt && \
	  node e2e/bench-browser.mjs $(CURDIR)/target/bench-article.txt $(CURDIR)/target/bench-article-long.txt && \
	  cargo run --release --locked -q -p lexo-cli -- eval-extraction && \
	  node e2e/bench-readability.mjs && \
	  node e2e/bench-extraction-browser.mjs && \
	  { test -x .tools/py/bin/python && .tools/py/bin/python tools/bench_trafilatura.py || echo "trafilatura: skipped (it did not install)"; }; \
	} 2>&1 | tee $(CURDIR)/target/bench.log
	@python3 tools/bench_summary.py $(CURDIR)/target/bench.log

## trafilatura for the bench, in its own virtualenv (.tools/py); the bench goes on without it
## when PyPI or a wheel is missing.
setup-bench:
	@test -x .tools/py/bin/python && .tools/py/bin/python -c "import trafilatura" 2>/dev/null || \
	  { python3 -m venv .tools/py && .tools/py/bin/pip install -q trafilatura==2.3.1 lxml_html_clean==0.4.6; } || \
	  echo "trafilatura did not install: make bench runs without it"

## The entity engine alone as optimised wasm (tools/engine-size): its download cost in the app.
engine-size: setup-web
	cd tools/engine-size && cargo build --release --locked --target wasm32-unknown-unknown -q
	wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
	  --enable-sign-ext --enable-mutable-globals -o target/entity-engine.wasm \
	  tools/engine-size/target/wasm32-unknown-unknown/release/lexo_engine_size.wasm
	@echo "entity engine (language id + recognition + grouping + model/word-list install): $$(wc -c < target/entity-engine.wasm) bytes, $$(gzip -9c target/entity-engine.wasm | wc -c) gzipped"

setup: setup-web setup-browser

setup-web:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@test -x $(TOOLS)/wasm-opt || npm install --no-audit --no-fund --prefix .tools binaryen@$(BINARYEN_VERSION)

setup-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v parallel >/dev/null; then \
	  $$(command -v sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$(command -v sudo) apt-get install -y -qq chromium chromium-driver parallel; fi
	@test -d e2e/node_modules/playwright-core -a -d e2e/node_modules/compromise -a -d e2e/node_modules/axe-core -a -d e2e/node_modules/linkedom || (cd e2e && npm ci --no-audit --no-fund)

clean:
	cargo clean
	rm -rf dist .tools e2e/node_modules e2e/artifacts

## Fuzz the core (cargo-fuzz + libFuzzer, crates/lexo-core/fuzz): each target for FUZZ_SECONDS,
## then executions and crashes per target. Not part of `make test`. The toolchain is stable:
## RUSTC_BOOTSTRAP=1 lets it take cargo-fuzz's nightly flags (FUZZ_SANITIZER=none if ASan fails).
## Corpora grow in crates/lexo-core/fuzz/corpus/TARGET, crashes land in .../artifacts/TARGET.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= pipeline html markdown json text zipped decode tagger nesting
FUZZ_SANITIZER ?= address
FUZZ_FLAGS ?= -max_len=65536 -rss_limit_mb=2048 -timeout=10
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@cd crates/lexo-core && RUSTC_BOOTSTRAP=1 cargo fuzz build -s $(FUZZ_SANITIZER)
	@cd crates/lexo-core && mkdir -p fuzz/target/logs && fail=0 && summary="" && \
	for t in $(FUZZ_TARGETS); do \
	  case $$t in \
	    pipeline) seeds="fuzz/seeds/pipeline" ;; \
	    html|nesting) seeds="tests/fixtures/html" ;; \
	    markdown) seeds="tests/fixtures/markdown" ;; \
	    json) seeds="tests/fixtures/json" ;; \
	    zipped) seeds="tests/fixtures/docx tests/fixtures/epub" ;; \
	    *) seeds="tests/fixtures/text" ;; \
	  esac; \
	  log=fuzz/target/logs/$$t.log; mkdir -p fuzz/corpus/$$t; \
	  echo "== fuzz $$t: $(FUZZ_SECONDS) s (log: crates/lexo-core/$$log)"; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -s $(FUZZ_SANITIZER) $$t fuzz/corpus/$$t $$seeds -- \
	    -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) -print_final_stats=1 >$$log 2>&1; rc=$$?; \
	  runs=$$(grep -o 'stat::number_of_executed_units: *[0-9]*' $$log | tail -1 | grep -o '[0-9]*$$'); \
	  [ -n "$$runs" ] || runs=$$(grep -o '^Done [0-9]* runs' $$log | tail -1 | grep -o '[0-9][0-9]*'); \
	  if [ $$rc -eq 0 ]; then result="no crash"; else \
	    fail=1; \
	    kind=$$(grep -o 'SUMMARY: [A-Za-z]*: [A-Za-z -]*' $$log | head -1 | sed 's/^SUMMARY: //'); \
	    unit=$$(grep -o 'Test unit written to [^ ]*' $$log | tail -1 | sed 's/^Test unit written to //'); \
	    result="CRASH ($${kind:-exit $$rc}) $$unit"; \
	  fi; \
	  line=$$(printf '%-9s %5s s %12s runs  %s' $$t $(FUZZ_SECONDS) "$${runs:-?}" "$$result"); \
	  echo "$$line"; summary="$$summary$$line"$$'\n'; \
	done; \
	echo; echo "fuzz summary (target, seconds, executions, result):"; printf '%s' "$$summary"; \
	exit $$fail
