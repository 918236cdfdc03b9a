#!/usr/bin/env bash
# Writes one PNG of each main screen of Sổ Đoàn to docs/screenshots/: runs
# bin/sodoan under Xvfb on a fresh demo ward (bin/sodoan-cli demo), opening
# each screen with --screen. Needs Xvfb, xdotool and ImageMagick (make
# deps-test). Fyne's preferences go to a throw-away HOME so the user's own
# window size and last screen are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
source scripts/xvfb.sh

export HOME="$work/home" LANG=vi_VN.UTF-8
mkdir -p "$HOME"
bin/sodoan-cli --db "$work/demo.db" demo --members 1500 >/dev/null

# shoot FILE: a screenshot of the display, retried while the window has
# not been drawn yet (an all-black frame).
shoot() {
	for _ in $(seq 10); do
		import -window root "$1"
		# The app's dark theme is grey, never pure black.
		[ "$(convert "$1" -format '%[fx:mean>0.02]' info:)" = 1 ] && return
		sleep 1
	done
	echo "$1: cửa sổ vẫn đen" >&2
}

# start_app SCREEN: runs the window on SCREEN and waits until it is drawn.
start_app() {
	bin/sodoan --db "$work/demo.db" --screen "$1" --reports "$work/reports" >>"$work/app.log" 2>&1 &
	app_pid=$!
	# Wait (at most 20 s) for the window; there is no window manager, so
	# look for any window of the process rather than a visible title.
	for _ in $(seq 200); do
		xdotool search --pid "$app_pid" >/dev/null 2>&1 && break
		sleep 0.1
	done
	sleep 3 # the first draw, and tables load off the UI goroutine
}

stop_app() {
	kill "$app_pid" 2>/dev/null || true
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}

i=1
for screen in dashboard members federation branches clubs coops plan reports settings; do
	start_app "$screen"
	shoot "$out/$(printf %02d $i)-$screen.png"
	stop_app
	i=$((i + 1))
done

# The member form (Ctrl+N on the members screen).
start_app members
xdotool key ctrl+n
sleep 1.5
shoot "$out/$(printf %02d $i)-member-form.png"
stop_app

# A member's page (a click on the first row of the table).
start_app members
xdotool mousemove 320 176 click 1
sleep 1.5
shoot "$out/$(printf %02d $((i + 1)))-member-page.png"
stop_app

# The plan editor on a new plan (Ctrl+N on the plan screen), the current
# plan's indicators copied.
start_app plan
xdotool key ctrl+n
sleep 1.5
shoot "$out/$(printf %02d $((i + 2)))-plan-editor.png"
stop_app

# The standard-branch checklist editor (the button above the branches).
start_app branches
xdotool mousemove 350 61 click 1
sleep 1.5
shoot "$out/$(printf %02d $((i + 3)))-criteria-editor.png"
stop_app

# The register of outgoing documents (second tab of the reports screen),
# after two documents were issued from the command line.
bin/sodoan-cli --db "$work/demo.db" report annual --year "$(date +%Y)" --out "$work/reports/bao-cao-nam.pdf" >/dev/null
bin/sodoan-cli --db "$work/demo.db" report clubs --out "$work/reports/danh-sach-clb.pdf" >/dev/null
start_app reports
xdotool mousemove 420 218 click 1
sleep 1.5
shoot "$out/$(printf %02d $((i + 4)))-documents.png"
stop_app

# An open dropdown: the status filter of the members list.
start_app members
xdotool mousemove 730 62 click 1
sleep 1
shoot "$out/15-dropdown.png"
stop_app

# The member form showing the store's messages: saved with no name and an
# impossible birth date.
start_app members
xdotool key ctrl+n
sleep 1.5
xdotool key Tab Tab Tab Tab
xdotool type --delay 60 "31/02/2005"
xdotool key ctrl+s
sleep 1
shoot "$out/16-form-messages.png"
stop_app

# A saved confirmation: a new member typed in and saved with Ctrl+S; the
# list scrolls to her row and the foot of the window says so.
start_app members
xdotool key ctrl+n
sleep 1.5
xdotool type --delay 60 "Le"; xdotool key Tab
xdotool type --delay 60 "Thi"; xdotool key Tab
xdotool type --delay 60 "Hoa"; xdotool key Tab space
sleep 0.5
xdotool key Down Down Return
sleep 0.3
xdotool key Tab
xdotool type --delay 60 "05/06/2004"
xdotool mousemove 990 377 click 1 # Ngày vào Đoàn
xdotool type --delay 60 "26/03/2020"
xdotool key ctrl+s
sleep 2
shoot "$out/17-saved.png"
stop_app

# One English screen: the dashboard after choosing English in Settings.
prefs="$HOME/.config/fyne/vn.doanthanhnien.sodoan/preferences.json"
mkdir -p "$(dirname "$prefs")"
echo '{"language":"en"}' >"$prefs"
start_app members
shoot "$out/18-english.png"
stop_app
rm -f "$prefs"

# The welcome screen of a first start, on an empty register.
bin/sodoan --db "$work/empty.db" >>"$work/app.log" 2>&1 &
app_pid=$!
sleep 3
shoot "$out/00-welcome.png"
stop_app

echo "Ảnh chụp màn hình: $out/"
ls "$out"
