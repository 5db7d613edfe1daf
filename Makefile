# The two commands: `make pdf` builds every sample PDF into dist/,
# `make test` runs the tests.
GO ?= go
BRIEFS = bin/briefs

.PHONY: pdf test build check bench dicts clean

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

# Regenerate the word lists from Debian's libicu72 (needs libicu72 installed).
dicts:
	$(GO) run ./tools/mkdicts

clean:
	rm -rf bin dist
