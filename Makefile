# The two commands of the README: `make run` and `make test`. Everything else is a step of them.
#
# `make run` installs only what building and serving the binary needs (scripts/packages-run.txt) and
# builds only the `kinerja` target; `make test` installs the rest too (scripts/packages-test.txt:
# LibreOffice, Chromium, GoogleTest, ...) and builds everything. Both use $(BUILD), so there is one
# build/kinerja and nothing is compiled twice: a tree that `make run` configures first gets
# KINERJA_TESTS=OFF (CMake then never looks for GoogleTest or Google Benchmark, which are not
# installed yet), and `make test` turns the option ON in that cache before building. `make run` leaves
# an existing tree as it is (ON stays ON: its configure finds what `make test` installed) and builds
# its kinerja target only.
BUILD      ?= build
BUILD_ASAN ?= build-asan
JOBS       ?= $(shell nproc)
DB         ?= data/kinerja.db
PORT       ?= 8080
CMAKE_LAUNCHER := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

.PHONY: deps deps-run build build-run build-asan run test bench format format-check clean fuzz
SOURCES = $(shell find core app adapters platform apps tests bench -name '*.cpp' -o -name '*.h')

deps:
	@bash scripts/install-deps.sh test

deps-run:
	@bash scripts/install-deps.sh run

CONFIGURE = cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_LAUNCHER)

$(BUILD_ASAN)/build.ninja:
	cmake -S . -B $(BUILD_ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKINERJA_SANITIZE=ON -DKINERJA_BENCH=OFF $(CMAKE_LAUNCHER)

# The binary only (see the top of this file for why an existing tree is left as configured).
build-run: deps-run
	[ -f $(BUILD)/build.ninja ] || $(CONFIGURE) -DKINERJA_TESTS=OFF
	cmake --build $(BUILD) -j $(JOBS) --target kinerja

# Everything; reconfigures only a tree whose cache does not say KINERJA_TESTS=ON.
build: deps
	[ -f $(BUILD)/build.ninja ] && grep -qx 'KINERJA_TESTS:BOOL=ON' $(BUILD)/CMakeCache.txt || $(CONFIGURE) -DKINERJA_TESTS=ON
	cmake --build $(BUILD) -j $(JOBS)

build-asan: deps $(BUILD_ASAN)/build.ninja
	cmake --build $(BUILD_ASAN) -j $(JOBS)

# Serves the web application on the demo database (created on the first run).
run: build-run
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then $(BUILD)/kinerja demo --db $(DB); fi
	@echo "Login demo (kata sandi semua: kinerja-demo): admin, reviewer.sumsel, planner.prabumulih, head.prabumulih, operator.rendatin, viewer.prabumulih"
	$(BUILD)/kinerja serve --db $(DB) --bind 127.0.0.1 --port $(PORT)

test: format-check build build-asan
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(BUILD_ASAN) && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ctest --output-on-failure -j $(JOBS)

bench: build
	bash bench/run.sh $(BUILD)

format:
	clang-format -i $(SOURCES)

# The style is .clang-format's; a file out of style fails the tests (run `make format`).
format-check: deps
	clang-format --dry-run --Werror $(SOURCES)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN)

# The readers' libFuzzer targets (tests/fuzz) in their own clang build, each run for FUZZ_SECONDS over
# a copy of its corpus (tests/fuzz/run.sh). `make test` only replays the corpora.
BUILD_FUZZ   ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_TARGETS = fuzz_text_reader fuzz_docx_reader fuzz_xlsx_reader fuzz_pdf_reader fuzz_understand

$(BUILD_FUZZ)/build.ninja:
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKINERJA_FUZZ=ON -DKINERJA_BENCH=OFF $(CMAKE_LAUNCHER)

fuzz: deps $(BUILD_FUZZ)/build.ninja
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target $(FUZZ_TARGETS)
	bash tests/fuzz/run.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)
