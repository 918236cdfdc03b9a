package report

import (
	"io"
	"strings"
	"testing"
)

// TestTransferLetterWithEmoji is the command of finding 2 of issue 9,
// `report transfer --to "Phường 2 👨‍👩‍👧"`, which crashed: the letter is
// written, and a reader sees the text with a mark for each emoji.
func TestTransferLetterWithEmoji(t *testing.T) {
	tr := fixtureTransfer()
	tr.To = "Phường 2 👨‍👩‍👧"
	tr.Person.Address = "Khóm 3 🏠, Phường 1"
	path := pdfFile(t, "emoji", func(w io.Writer) error { return WriteTransfer(w, tr) })
	raw := rawText(t, path)
	for _, want := range []string{"Phường 2 □", "Khóm 3 □, Phường 1"} {
		if !strings.Contains(raw, want) {
			t.Errorf("text lacks %q:\n%s", want, raw)
		}
	}
}
