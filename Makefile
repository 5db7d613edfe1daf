# The two commands: `make pdf` builds every sample PDF into dist/,
# `make test` runs the tests.
GO ?= go
BRIEFS = bin/briefs

.PHONY: pdf test build check bench fuzz dicts clean

build:
	$(GO) build -o $(BRIEFS) ./cmd/briefs

pdf: build
	$(BRIEFS) build --out dist

check: build
	$(BRIEFS) check

test:
	$(GO) vet ./...
	$(GO) test ./...

# Go benchmarks (segmenting, line breaking, typesetting one brief per
# language), then the whole sample matrix built N times.
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./internal/...
	$(GO) run ./tools/benchbuild -briefs $(BRIEFS) -n 5

# Each fuzz target for FUZZTIME; failures are kept under testdata/fuzz as
# regression tests.
FUZZTIME ?= 20s
fuzz:
	$(GO) test ./internal/source -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME)
	$(GO) test ./internal/catalog -run '^$$' -fuzz FuzzParseMessages -fuzztime $(FUZZTIME)
	$(GO) test ./internal/text -run '^$$' -fuzz FuzzParseInline -fuzztime $(FUZZTIME)
	$(GO) test ./internal/layout -run '^$$' -fuzz FuzzLayout -fuzztime $(FUZZTIME)
	$(GO) test ./internal/press -run '^$$' -fuzz FuzzTypeset -fuzztime $(FUZZTIME)
	$(GO) test ./internal/orthography -run '^$$' -fuzz FuzzCheck -fuzztime $(FUZZTIME)
	$(GO) test ./internal/zawgyi -run '^$$' -fuzz FuzzToUnicode -fuzztime $(FUZZTIME)
	$(GO) test ./internal/tomlpos -run '^$$' -fuzz FuzzIndex -fuzztime $(FUZZTIME)
	$(GO) test ./internal/source -run '^$$' -fuzz FuzzFigure -fuzztime $(FUZZTIME)
	$(GO) test ./internal/catalog -run '^$$' -fuzz FuzzTemplate -fuzztime $(FUZZTIME)
	$(GO) test ./cmd/briefs -run '^$$' -fuzz FuzzBuild -fuzztime $(FUZZTIME)

# Regenerate the word lists from Debian's libicu72 (needs libicu72 installed).
dicts:
	$(GO) run ./tools/mkdicts

clean:
	rm -rf bin dist
