# Sourced by wine-check.sh and wine-shots.sh (which set $script and
# $shots_dir first): the build's paths, a private Xvfb display, and a
# throw-away HOME with a Windows 10 Wine prefix, all removed on exit; and
# the helpers that find, shoot and time Wine's windows.
export LANG=vi_VN.UTF-8
# Wine turns Windows file names and window titles into Unix ones through
# the locale's character set: vi_VN.UTF-8 is often not installed, and the
# C fallback would mangle "Sổ Đoàn.lnk". C.UTF-8 always exists. (Under
# Wine, Fyne reads the Windows locale, which this makes en-US: the window
# must speak Vietnamese all the same.)
export LC_ALL=C.UTF-8
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
BIN=${BIN:-bin}
GO=${GO:-go}
out=$root/$BIN/windows
linux_cli=$root/$BIN/sodoan-cli
shots=$out/$shots_dir
eval "$($GO run ./windows/winres -env)" # VERSION, FILEVERSION, COMPANY
setup=$out/SoDoan-Setup-$VERSION.exe
rm -rf "$shots"
mkdir -p "$shots"

source scripts/xvfb.sh # $work, $DISPLAY, cleanup on exit
finish() {
	wineserver -k 2>/dev/null || true
	cleanup
}
trap finish EXIT

export HOME=$work/home WINEPREFIX=$work/home/.wine WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko installer dialogs, no menu entries in the real desktop.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
mkdir -p "$HOME"
t0=$SECONDS
step() { printf '\n== %s (%d s)\n' "$*" $((SECONDS - t0)); }
# wine_state: what the next failure needs to explain itself: the load,
# the memory, the Wine servers and processes alive, and the prefix.
wine_state() {
	echo "--- trạng thái khi lỗi ($(date -u '+%F %T UTC'), $(uptime | sed 's/.*load/load/'), $(wine --version 2>&1))"
	free -m | sed -n 2p
	echo "wineserver và tiến trình Wine: $(pgrep -c -f 'wineserver|\.exe' || true)"
	pgrep -a -f 'wineserver|\.exe' | cut -c1-160 | head -15 || true
	echo "prefix $WINEPREFIX: $(ls "$WINEPREFIX" 2>&1 | tr '\n' ' ')"
	ls -l "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" "$WINEPREFIX/system.reg" 2>&1 || true
	echo "tệp trong $work/win: $(ls "$work/win" 2>&1 | tr '\n' ' ')"
	echo "cửa sổ đang hiện: $(for w in $(xdotool search --onlyvisible --name . 2>/dev/null); do printf '%s [%s]; ' "$(xdotool getwindowname "$w" 2>/dev/null)" "$w"; done)"
}
# fail REASON: the reason, what the machine was doing, the ends of the
# program's log and output, and the reason again as the very last line:
# CI shows only the end of a long log.
fail() {
	echo "$script: LỖI: $*" >&2
	if [ -z "${in_fail:-}" ]; then
		in_fail=1
		wine_state >&2
		tail_of "${data:-}/sodoan.log" >&2
		tail_of "$work/gui.out" >&2
		echo "$script: LỖI: $*" >&2
	fi
	exit 1
}
# tail_of FILE: its last lines, if it exists.
tail_of() {
	[ -s "$1" ] || return 0
	echo "--- cuối $1:"
	tail -n 6 "$1" | cut -c1-300
}
ok() { echo "  đạt: $*"; }
# since T0 T1: seconds from T0 to T1 (date +%s.%N), one decimal.
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

step "Wine prefix"
timeout 300 wine wineboot -i >"$work/wineboot.log" 2>&1 || { cat "$work/wineboot.log"; fail "wineboot"; }
# Wine 8.0 lacks bcryptprimitives.dll (ProcessPrng, which every Go program
# loads): a stand-in over RtlGenRandom, for this prefix only.
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	windows/wine/bcryptprimitives.c -ladvapi32
# Wine 8.0's new prefix says Windows 7; the program's log and the
# installer's check need 10. Asked again (once) if Wine did not take it.
winver() { wine cmd /c ver 2>/dev/null | tr -d '\r' | grep -m1 Windows || true; }
for _ in 1 2; do
	wine winecfg -v win10 >/dev/null 2>&1 || true
	wineserver -w
	ver=$(winver)
	[[ $ver == *" 10."* ]] && break
done
[[ $ver == *" 10."* ]] || fail "Wine không nhận Windows 10 (winecfg -v win10): '$ver'"
winuser=$WINEPREFIX/drive_c/users/$(id -un)
appdata=$winuser/AppData/Roaming
data=$appdata/SoDoan
ok "$ver"

# window_of TITLE [CLASS]: the id of a mapped window whose title holds
# TITLE and whose X class (Wine names it after the .exe) matches the
# regular expression CLASS (default: sodoan), or nothing.
window_of() {
	local id
	for id in $(xdotool search --onlyvisible --class "${2:-sodoan}" 2>/dev/null); do
		[[ $(xdotool getwindowname "$id" 2>/dev/null) == *"$1"* ]] && { echo "$id"; return 0; }
	done
	return 0
}
# wait_window TITLE SECONDS [CLASS]: waits for it and prints its id.
wait_window() {
	local id=""
	for _ in $(seq $((${2} * 10))); do
		id=$(window_of "$1" "${3:-}")
		[ -n "$id" ] && { echo "$id"; return 0; }
		sleep 0.1
	done
	return 1
}
# close_window WIN PID: Alt+F4 to the window, as its user presses it, then
# up to 10 s for the program to end; returns 1 if it never does. Xvfb has
# no window manager: a key that comes before Wine has made the window the
# active one is lost, so the window is given the X focus first and the
# key is pressed again (at most three times, each a warning) while the
# program is still there.
close_window() {
	local win=$1 pid=$2 try
	for try in 1 2 3; do
		timeout 3 xdotool windowfocus --sync "$win" 2>/dev/null || true
		xdotool key --window "$win" alt+F4 2>/dev/null || true
		for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
		[ "$try" = 3 ] || warnings+=("Alt+F4 lần $try không đóng cửa sổ $win ($(xdotool getwindowname "$win" 2>&1)): bấm lại")
	done
	return 1
}
# shoot FILE: the whole display, retried while it is still black.
shoot() {
	for _ in $(seq 20); do
		import -window root "$1"
		[ "$(convert "$1" -format '%[fx:mean>0.02]' info:)" = 1 ] && return 0
		sleep 0.5
	done
	fail "$1: màn hình vẫn đen"
}
