#!/usr/bin/env bash
# make windows-screenshots: the pictures of the README's Windows section,
# docs/windows/*.png, taken under Wine and Xvfb like wine-check: the
# installer's pages (welcome, folder, finish), Sổ Đoàn on a demo ward
# started from the finish page, the message box for a missing OpenGL 2.1,
# and the uninstaller's confirmation.
set -euo pipefail
script=wine-shots
shots_dir=shots
source "$(dirname "$0")/wine-lib.sh"
[ -f "$setup" ] || fail "thiếu $setup (make windows-installer)"
docs=$root/docs/windows
mkdir -p "$docs"
instdir=$winuser/AppData/Local/Programs/SoDoan

# window_shot ID FILE: one window, once it has drawn.
window_shot() {
	sleep 1
	import -window "$1" "$2"
	echo "  $2: $(identify -format '%wx%h' "$2")"
}

step "Phường mẫu trong %AppData%\\SoDoan"
wine "$out/sodoan-cli.exe" demo --members 1500 >/dev/null

step "Trình cài đặt"
wine "$setup" >"$work/setup.out" 2>&1 &
setup_pid=$!
w=$(wait_window 'Sổ Đoàn' 60) || fail "không thấy trình cài đặt"
window_shot "$w" "$docs/cai-dat-1-chao.png"
xdotool key --window "$w" Return 2>/dev/null # Tiếp
window_shot "$w" "$docs/cai-dat-2-thu-muc.png"
xdotool key --window "$w" Return 2>/dev/null # Cài đặt
for _ in $(seq 600); do [ -f "$instdir/uninstall.exe" ] && break; sleep 0.1; done
sleep 2
window_shot "$w" "$docs/cai-dat-3-xong.png"
xdotool key --window "$w" Return 2>/dev/null # Kết thúc, and "Mở Sổ Đoàn ngay" is ticked
wait "$setup_pid" || true

step "Sổ Đoàn mở từ trang cuối"
app=$(wait_window 'Sổ Đoàn —' 120) || fail "cửa sổ không hiện"
sleep 4 # the dashboard's figures load off the UI goroutine
window_shot "$app" "$docs/sodoan-wine.png"
xdotool key --window "$app" alt+F4 2>/dev/null
wineserver -w

step "Hộp thoại khi thiếu OpenGL 2.1"
MESA_GL_VERSION_OVERRIDE=1.4 wine "$instdir/sodoan.exe" >/dev/null 2>&1 &
box=$(wait_window 'không khởi động được' 60) || fail "không có hộp thoại"
window_shot "$box" "$docs/loi-opengl.png"
xdotool key --window "$box" Return 2>/dev/null
wineserver -w

step "Gỡ cài đặt"
# _?= runs the uninstaller in place (not from a copy in %TEMP%).
wine "$instdir/uninstall.exe" "_?=$(winepath -w "$instdir")" >/dev/null 2>&1 &
u=$(wait_window 'Sổ Đoàn' 60 'uninstall') || {
	xdotool search --onlyvisible --name . getwindowname %@ 2>/dev/null || true
	fail "không thấy trình gỡ"
}
window_shot "$u" "$docs/go-cai-dat.png"
xdotool key --window "$u" Escape 2>/dev/null
step "xong"
