package report

import (
	"fmt"
	"strings"
)

// outline numbers a report's parts (I/., II/.) and sections (1/., 2/.) as
// they are printed, leaving out a section with no text and a part with no
// section: an issued document carries no dotted lines to fill by hand
// (QA finding 6). A section whose body is a table or figures is always
// printed.
type outline struct {
	d         *doc
	part, sec int
}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}

// heading prints the next part's heading, unless every one of its texts
// is empty (no texts: a part that always prints). It says whether it did.
func (o *outline) heading(title string, texts ...string) bool {
	if len(texts) > 0 && !anyText(texts) {
		return false
	}
	o.part++
	o.sec = 0
	n := fmt.Sprint(o.part)
	if o.part <= len(romans) {
		n = romans[o.part-1]
	}
	o.d.heading(n + "/. " + title)
	return true
}

// section prints the next section's heading and its text, unless the
// text is empty and always is false.
func (o *outline) section(title, text string, always bool) bool {
	if !always && !anyText([]string{text}) {
		return false
	}
	o.sec++
	o.d.subheading(fmt.Sprintf("%d/. %s", o.sec, title))
	if anyText([]string{text}) {
		o.d.texts(text)
	}
	return true
}

func anyText(texts []string) bool {
	for _, t := range texts {
		if strings.TrimSpace(t) != "" {
			return true
		}
	}
	return false
}
