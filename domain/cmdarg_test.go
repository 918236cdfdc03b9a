package domain

import "testing"

// TestCmdArg: a path in a command hint is one the user's terminal reads
// back as that path: one backslash each on Windows, quoted where spaces
// or the shell's own characters would split or change it.
func TestCmdArg(t *testing.T) {
	tests := []struct {
		p       string
		windows bool
		want    string
	}{
		{`C:\Users\An\AppData\Roaming\SoDoan\so-doan.db`, true, `"C:\Users\An\AppData\Roaming\SoDoan\so-doan.db"`},
		{`C:\Users\An\Documents\Sổ Đoàn\so.db`, true, `"C:\Users\An\Documents\Sổ Đoàn\so.db"`},
		{"/home/an/Sổ-Đoàn/so.db", false, "/home/an/Sổ-Đoàn/so.db"},
		{"/home/an/Sổ Đoàn/so.db", false, "'/home/an/Sổ Đoàn/so.db'"},
		{"/home/an/it's/so.db", false, `'/home/an/it'\''s/so.db'`},
		{"/tmp/$HOME.db", false, "'/tmp/$HOME.db'"},
		{"", false, "''"},
	}
	for _, tt := range tests {
		if got := cmdArgFor(tt.p, tt.windows); got != tt.want {
			t.Errorf("%s (windows %v): %s, want %s", tt.p, tt.windows, got, tt.want)
		}
	}
}
