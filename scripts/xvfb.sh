# Sourced by the scripts that drive the real window: a throw-away work
# folder and a private Xvfb display, both removed on exit. Sets $work,
# $DISPLAY and app_pid (which the caller fills with the app's process).
work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

# A display number nobody uses, counting down from ${XVFB_FIRST:-99}.
n=${XVFB_FIRST:-99}
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n - 1)); done
export DISPLAY=":$n"
Xvfb "$DISPLAY" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
