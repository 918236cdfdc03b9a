# Sổ Đoàn. `make run` and `make test` set up a fresh Debian/Ubuntu machine
# themselves: missing system packages are installed with apt-get.
SHELL := /bin/bash
export LANG := vi_VN.UTF-8
export CGO_ENABLED := 1
GO ?= go
BIN := bin
DATA ?= $(HOME)/.local/share/sodoan
DEMO_DB ?= $(DATA)/demo.db
# Every Go source of the module, whatever package a change adds.
GOFILES = $(shell find . -name '*.go' -not -path './bin/*' -not -path './.git/*')

# Debian packages each target needs: Fyne (OpenGL, X11), the Windows
# cross-compiler, the PDF checks, and the headless display for UI shots.
PKGS_GUI  := libgl1-mesa-dev xorg-dev
PKGS_WIN  := gcc-mingw-w64-x86-64
PKGS_TEST := poppler-utils xvfb xdotool imagemagick fonts-liberation2

# The version has one place, FyneApp.toml; the build date is the day of the
# build (UTC). Both reach the binaries through sodoan/version.
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILD_DATE ?= $(shell date -u +%Y-%m-%d)
VERSION_LDFLAGS := -X sodoan/version.Version=$(VERSION) -X sodoan/version.Date=$(BUILD_DATE)

APT_MISSING = $(shell for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done)
define apt_install
	@missing="$(call APT_MISSING,$(1))"; if [ -n "$$missing" ]; then \
		echo "Cài gói hệ thống: $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
endef

.PHONY: all deps deps-test deps-win build cli gui run test bench fuzz windows screenshots unikey vet fmt clean

all: build

deps:
	$(call apt_install,$(PKGS_GUI))

deps-test: deps
	$(call apt_install,$(PKGS_TEST))

deps-win: deps
	$(call apt_install,$(PKGS_WIN))

cli:
	$(GO) build -ldflags "$(VERSION_LDFLAGS)" -o $(BIN)/sodoan-cli ./cmd/sodoan-cli

gui: deps
	$(GO) build -ldflags "$(VERSION_LDFLAGS)" -o $(BIN)/sodoan ./cmd/sodoan

build: cli gui

# The app on the user's register; on a demo ward when there is none yet
# (DB=FILE opens another register).
USER_DB := $(DATA)/so-doan.db
run: build
	@if [ -n "$(DB)" ]; then db="$(DB)"; \
	elif [ -f "$(USER_DB)" ]; then db="$(USER_DB)"; \
	else db="$(DEMO_DB)"; [ -f "$$db" ] || { echo "Tạo phường mẫu $$db"; $(BIN)/sodoan-cli --db "$$db" demo --members 1500; }; fi; \
	echo "Mở $$db"; $(BIN)/sodoan --db "$$db"

# go vet and staticcheck (a tool dependency in go.mod: the version is
# pinned and a fresh clone fetches it through the module proxy; its
# default checks, all passing), each also with the uitrace tag that
# builds the window's test mode (ui/trace.go); go.mod and go.sum tidy;
# gofmt.
vet:
	$(GO) vet ./...
	$(GO) vet -tags uitrace ./ui/ ./cmd/sodoan/
	$(GO) tool staticcheck ./...
	$(GO) tool staticcheck -tags uitrace ./ui/ ./cmd/sodoan/
	$(GO) mod tidy -diff
	@test -z "$$(gofmt -l $(GOFILES))" || (gofmt -l $(GOFILES); echo "gofmt: các tệp trên chưa định dạng"; exit 1)

# Every test of every package, after installing every program a test
# needs. The packages that start goroutines run under the race detector
# (RACE_PKGS); at the same time the others run without it: the command
# line's process tests start the test binary as a child again and again
# (20 s plain, 6 minutes under race), and nothing they run in-process
# starts a goroutine that the race run does not already check. The
# real-window test (cmd/sodoan, TestRealWindow) runs four sessions of the
# app under Xvfb side by side (-parallel 4) for about three minutes, mostly
# waiting for the window, while the other packages run (-p 3).
# scripts/testreport then prints what go test prints, the ten
# slowest tests, and fails if any test skipped; bin/test-*.json keep the
# events.
RACE_PKGS := sodoan/cmd/sodoan sodoan/ui sodoan/store sodoan/report sodoan/sheet
PLAIN_PKGS = $(filter-out $(RACE_PKGS),$(shell $(GO) list ./...))
TEST_FLAGS := -count=1 -timeout 30m -json
test: deps-test deps-win vet
	@mkdir -p $(BIN)
	$(GO) build -o $(BIN)/testreport ./scripts/testreport
	@echo "go test -race $(RACE_PKGS) và go test các gói còn lại, cùng lúc: kết quả in khi cả hai xong"
	@$(GO) test -race -p 3 -parallel 4 $(TEST_FLAGS) $(RACE_PKGS) > $(BIN)/test-race.json & race=$$!; \
	$(GO) test $(TEST_FLAGS) $(PLAIN_PKGS) > $(BIN)/test-plain.json; plain=$$?; \
	wait $$race; race=$$?; \
	$(BIN)/testreport $(BIN)/test-race.json $(BIN)/test-plain.json && [ $$race = 0 ] && [ $$plain = 0 ]

# Benchmarks on a 100,000-member demo register (figures for the closing notes).
bench: deps-test
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 10x ./store/ ./report/ ./issuing/ ./sheet/ ./ui/ ./wardpkg/ ./cmd/...

# Bounded fuzzing of the parsers of user input (dates, names, text rules,
# the PDF text path, the command line's arguments, the spreadsheet
# readers); `make test` runs their seed corpus. FUZZTIME=2m for a longer
# run.
FUZZTIME ?= 20s
FUZZ_TARGETS := domain:FuzzParseDate domain:FuzzNames store:FuzzTextRule report:FuzzPDFText cmd/sodoan-cli:FuzzCLIArgs \
	sheet:FuzzFastReader sheet:FuzzReadCSV sheet:FuzzReadXLS
fuzz: deps-test
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; fn=$${t##*:}; echo "fuzz $$fn ./$$pkg ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) ./$$pkg/ || exit 1; done

# The Windows programs, with their icon, version information and manifest
# (windows/winres, from FyneApp.toml) and a PE header that declares Windows
# 10: Go 1.24+ needs it (ProcessPrng), and an older Windows then refuses the
# program with a message instead of a silent exit. windows/checkpe checks
# the result.
WIN_ENV := CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64
WIN_EXTLDFLAGS := -Wl,--major-os-version=10,--minor-os-version=0,--major-subsystem-version=10,--minor-subsystem-version=0
WIN_LDFLAGS := -s -w $(VERSION_LDFLAGS) -linkmode=external -extldflags=$(WIN_EXTLDFLAGS)

windows: deps-win
	$(GO) run ./windows/winres -ico $(BIN)/windows/sodoan.ico cmd/sodoan=gui cmd/sodoan-cli=cli
	$(WIN_ENV) $(GO) build -trimpath -ldflags "$(WIN_LDFLAGS) -H=windowsgui" -o $(BIN)/windows/sodoan.exe ./cmd/sodoan
	$(WIN_ENV) $(GO) build -trimpath -ldflags "$(WIN_LDFLAGS)" -o $(BIN)/windows/sodoan-cli.exe ./cmd/sodoan-cli
	$(GO) run ./windows/checkpe $(BIN)/windows/sodoan.exe=gui $(BIN)/windows/sodoan-cli.exe=cli

.PHONY: windows-installer wine-check windows-screenshots
PKGS_WINE := wine64 xvfb xdotool x11-utils imagemagick

# bin/windows/SoDoan-Setup-<version>.exe (NSIS: per user, no administrator
# rights) and SoDoan-<version>-portable.zip.
windows-installer: windows
	$(call apt_install,nsis zip)
	BIN=$(BIN) bash windows/package.sh

# The Windows build under Wine (installed from Debian when missing): the
# command line against the Linux build, the window under Xvfb, the
# installer and uninstaller.
wine-check: windows-installer cli deps-test
	$(call apt_install,$(PKGS_WINE))
	BIN=$(BIN) bash windows/wine-check.sh

# docs/windows/*.png for the README: the installer's pages and the app under
# Wine.
windows-screenshots: windows-installer deps-test
	$(call apt_install,$(PKGS_WINE))
	BIN=$(BIN) bash windows/wine-shots.sh

screenshots: build deps-test
	bash scripts/screenshots.sh

# Unikey/EVKey-style typing into the real window, checked by xdotool.
unikey: build deps-test
	bash scripts/xdotool-unikey.sh

fmt:
	gofmt -w $(GOFILES)

clean:
	rm -rf $(BIN)
