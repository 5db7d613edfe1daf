# The two commands: `make pdf` builds every sample PDF into dist/,
# `make test` runs the tests.
GO ?= go
GOFMT ?= $(shell $(GO) env GOROOT)/bin/gofmt
BRIEFS = bin/briefs

.PHONY: pdf test lint build release check bench fuzz dicts tries symbol-fonts clean

# The version stamped into the binary: the nearest tag and the revision.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
# runtime.godebugDefault=memprofilerate=0: the runtime samples no allocation
# from its first one, where main's setting came after each core's first
# allocations and then made each core record one more sample (the
# profiler's bucket table and its stacks, 1-3 % of a one-PDF build's
# CPU). BRIEFS_MEMPROFILE still turns sampling on (profile.go).
LDFLAGS = -s -w -X main.buildVersion=$(VERSION) -X runtime.godebugDefault=memprofilerate=0

# CGO_ENABLED=0: briefs needs no C, and a static binary starts without
# the dynamic loader (a millisecond of every one-PDF build). The tag leaves
# out urfave/cli's Markdown and man-page converters, which every start
# initialised (0.7 ms); `briefs man` writes its page itself (man.go).
TAGS = urfave_cli_no_docs
build:
	CGO_ENABLED=0 $(GO) build -tags $(TAGS) -trimpath -ldflags '$(LDFLAGS)' -o $(BRIEFS) ./cmd/briefs

# Static binaries for the platforms networks use, with SHA-256 checksums
# and the manual page, in bin/release/.
PLATFORMS = linux/amd64 linux/arm64 darwin/arm64 windows/amd64
release:
	rm -rf bin/release && mkdir -p bin/release
	for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -tags $(TAGS) -trimpath -ldflags '$(LDFLAGS)' \
	    -o bin/release/briefs-$(VERSION)-$$os-$$arch$$ext ./cmd/briefs || exit 1; \
	done
	$(GO) run ./cmd/briefs man > bin/release/briefs.1
	cd bin/release && sha256sum briefs-* briefs.1 > SHA256SUMS

pdf: build
	$(BRIEFS) build --out dist

check: build
	$(BRIEFS) check

# gofmt, go vet and staticcheck (pinned as a tool in go.mod) fail on any
# finding; then every test.
test: lint
	$(GO) test ./...

lint:
	@out=$$($(GOFMT) -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt -l:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

# Go benchmarks (segmenting, line breaking, typesetting one brief per
# language), then the whole sample matrix built N times. BASE=older/briefs
# adds ratios against an older binary; TYPST=1 times Typst 0.14 on the same
# documents (installs the pinned node package under tools/benchbuild/typst).
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./internal/...
	$(if $(TYPST),cd tools/benchbuild/typst && npm ci --no-audit --no-fund)
	$(GO) run ./tools/benchbuild -briefs $(BRIEFS) -n 5 $(if $(BASE),-base $(BASE)) $(if $(TYPST),-typst tools/benchbuild/typst)

# Each fuzz target for FUZZTIME; failures are kept under testdata/fuzz as
# regression tests. Each new interesting input is minimised for at most
# FUZZMINTIME: Go's default (60 s) let one minimisation of a slow target
# (FuzzBuild, ~5 execs/s) use all of a 60 s FUZZTIME with its exec count
# standing still, which looked like a stall.
FUZZTIME ?= 20s
FUZZMINTIME ?= 5s
fuzz:
	@set -e; for t in \
	  internal/source:FuzzLoad internal/catalog:FuzzParseMessages internal/text:FuzzParseInline \
	  internal/layout:FuzzLayout internal/press:FuzzTypeset internal/orthography:FuzzCheck \
	  internal/zawgyi:FuzzToUnicode internal/linebreak:FuzzBreaks internal/po:FuzzParse \
	  internal/xliff:FuzzParse internal/catfile:FuzzParse internal/catfile:FuzzSetOwned \
	  internal/tomlpos:FuzzIndex internal/source:FuzzFigure internal/catalog:FuzzTemplate internal/catalog:FuzzCanonical cmd/briefs:FuzzBuild; do \
	  echo "fuzz $$t"; $(GO) test ./$${t%%:*} -run '^$$' -fuzz "^$${t##*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME); \
	done

# Regenerate the word lists from Debian's libicu72 (needs libicu72 installed),
# then the packed tries the binary embeds.
dicts:
	$(GO) run ./tools/mkdicts
	$(MAKE) tries

# The packed tries (internal/linebreak/dicts/*.trie) from the word lists
# beside them; run after changing a list (TestPackedDictionaries fails until then).
tries:
	$(GO) run ./tools/mktries

# The symbol faces (fonts.Symbols): subsets of Debian 12's fonts-noto-core
# (20201225-1) to the blocks briefs falls back to for characters Noto Sans
# lacks, with every layout feature; the MATH table (math layout, unused)
# is dropped. Needs fonts-noto-core and python3-fonttools.
NOTO := /usr/share/fonts/truetype/noto
SYMBOLS_OUT ?= fonts
SUBSET := /usr/bin/python3 -m fontTools.subset --layout-features='*' --notdef-outline --glyph-names \
	--name-IDs='*' --name-languages='*' --name-legacy --drop-tables+=MATH
symbol-fonts:
	$(SUBSET) $(NOTO)/NotoSansMath-Regular.ttf --unicodes=U+2032-2037,U+2190-21FF,U+2200-22FF,U+2300-23FF \
		--output-file=$(SYMBOLS_OUT)/NotoSansMath-Regular.ttf
	$(SUBSET) $(NOTO)/NotoSansSymbols-Regular.ttf --unicodes=U+2100-218F,U+2460-24FF,U+2600-26FF \
		--output-file=$(SYMBOLS_OUT)/NotoSansSymbols-Regular.ttf
	$(SUBSET) $(NOTO)/NotoSansSymbols2-Regular.ttf \
		--unicodes=U+2190-21FF,U+2300-23FF,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+2B00-2BFF \
		--output-file=$(SYMBOLS_OUT)/NotoSansSymbols2-Regular.ttf

clean:
	rm -rf bin dist
