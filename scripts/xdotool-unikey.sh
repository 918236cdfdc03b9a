#!/usr/bin/env bash
# Replays, against the real window under Xvfb, the keys a Vietnamese input
# method such as Unikey or EVKey sends on Windows: each tone or accent takes
# back the letters it changes with BackSpace and types the composed ones.
# Checks what the search box and a form entry were left holding (the app
# prints each entry's text after every key when SODOAN_TRACE is
# set), then saves a screenshot to docs/screenshots/unikey-search.png.
# Needs bin/sodoan, bin/sodoan-cli, Xvfb, xdotool and ImageMagick. xdotool
# reads the text in the C library's locale, hence LC_ALL=C.UTF-8 (always
# present) for it rather than vi_VN, which few machines generate.
set -euo pipefail
cd "$(dirname "$0")/.."
XVFB_FIRST=97
source scripts/xvfb.sh

# xdotool types a letter missing from the keyboard map by remapping a
# spare key just for that press and mapping it back at once; the window
# may look the key up after the change back and lose the letter. So the
# composed letters get spare keys of their own before the app starts, and
# xdotool finds them in the map. (xkbcomp cannot upload a map to this
# Xvfb and xmodmap is seldom installed: a few lines of Xlib do it.)
gcc -o "$work/mapkeys" scripts/mapkeys.c -lX11
syms=()
for ch in $(LC_ALL=C.UTF-8 grep -o . <<<"êễĐăặươớ"); do
	syms+=("$(LC_ALL=C.UTF-8 printf 'U%04X' "'$ch")")
done
"$work/mapkeys" "${syms[@]}"

export HOME="$work/home" LANG=vi_VN.UTF-8 SODOAN_TRACE=1
mkdir -p "$HOME"
bin/sodoan-cli --db "$work/demo.db" demo --members 1500 >/dev/null
bin/sodoan --db "$work/demo.db" --screen members >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 200); do
	win=$(xdotool search --pid "$app_pid" 2>/dev/null | head -1) && [ -n "$win" ] && break
	sleep 0.1
done
sleep 3

# ime STEP…: plain text is typed as is; "-N:X" sends N BackSpaces then the
# letters X, as the input method does when a tone key changes the last N
# letters. All the keys of a word go through one xdotool call, 150 ms
# apart, as a typist's would: one xdotool process a key (a new X
# connection opened and closed around each press) lost a letter in about
# one word in three, while one call has typed every letter in every run.
ime() {
	local step rest ch keys=()
	for step in "$@"; do
		if [[ $step =~ ^-([0-9]+):(.*)$ ]]; then
			for _ in $(seq "${BASH_REMATCH[1]}"); do keys+=(BackSpace); done
			rest=${BASH_REMATCH[2]}
		else
			rest=$step
		fi
		for ch in $(LC_ALL=C.UTF-8 grep -o . <<<"$rest"); do
			keys+=("$(LC_ALL=C.UTF-8 printf 'U%04X' "'$ch")")
		done
	done
	xdotool key --delay 150 "${keys[@]}"
}

# last_text: what the focused entry held after the last key.
last_text() { grep '^sodoan-typing: ' "$work/app.log" | tail -1 | sed 's/^sodoan-typing: //'; }

# attempt WANT NAME STEP…: types the steps into the focused entry and
# checks the result, up to three times (clearing the entry in between),
# reporting each miss: a retry guards against a stray lost key on a loaded
# machine, and any miss is printed. The app's own handling of BackSpace and
# composed letters is also checked deterministically by TestUnikeyReplay.
fail=0
attempt() {
	local want=$1 name=$2 got n
	shift 2
	for n in 1 2 3; do
		ime "$@"
		sleep 0.3
		got=$(last_text)
		if [ "$got" = "\"$want\"" ]; then
			echo "ĐÚNG  $name: $got (lần thử $n)"
			return
		fi
		echo "      $name, lần thử $n: $got, cần \"$want\""
		xdotool key ctrl+a BackSpace
		sleep 0.3
	done
	echo "SAI   $name"
	fail=1
}

# The search box (Ctrl+F): Telex "Nguyeenx" → Nguyễn.
xdotool key ctrl+f
sleep 0.3
attempt "Nguyễn" "ô tìm kiếm" "Nguye" "-1:ê" "-1:ễ" "n"
sleep 1.5
mkdir -p docs/screenshots
import -window root docs/screenshots/unikey-search.png

# A form entry (Ctrl+N, the focus is on Họ): "Ddawjng" → Đặng; then Tab
# twice to Tên: "Huowngs" → Hướng (the tone takes back the whole "ương").
xdotool key Escape ctrl+n
sleep 1
attempt "Đặng" "ô Họ" "D" "-1:Đ" "a" "-1:ă" "-1:ặ" "ng"
xdotool key Tab Tab
sleep 0.3
attempt "Hướng" "ô Tên" "Huo" "-2:ươ" "ng" "-4:ướng"
sleep 0.5
import -window root docs/screenshots/unikey-form.png
if [ $fail != 0 ]; then
	echo "Các lần gõ:"
	grep '^sodoan-typing: ' "$work/app.log"
fi
exit $fail
