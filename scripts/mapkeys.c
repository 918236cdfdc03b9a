#include <X11/Xlib.h>
/* mapkeys KEYSYM…: binds each keysym to a keycode that has none. */
int main(int argc, char **argv) {
	Display *d = XOpenDisplay(0);
	int min, max, per, a = 1;
	if (!d) return 1;
	XDisplayKeycodes(d, &min, &max);
	KeySym *map = XGetKeyboardMapping(d, min, max - min + 1, &per);
	for (int kc = max; kc >= min && a < argc; kc--) {
		int empty = 1;
		for (int i = 0; i < per; i++) if (map[(kc - min) * per + i] != NoSymbol) empty = 0;
		if (!empty) continue;
		KeySym syms[2];
		syms[0] = syms[1] = XStringToKeysym(argv[a++]);
		XChangeKeyboardMapping(d, kc, 2, syms, 1);
	}
	XSync(d, False);
	XCloseDisplay(d);
	return a < argc;
}
