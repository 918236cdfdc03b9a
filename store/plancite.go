package store

import (
	"context"
	"fmt"
	"strings"

	"sodoan/domain"
)

// Recipients ("Nơi nhận") are kept per document kind ("annual", "period",
// "plan", "members", "clubs", "coops", "transfer"), one a line.

// Recipients reads the recipients saved for a document kind; ok is false
// when none were saved (the caller then uses its defaults).
func (s *Store) Recipients(ctx context.Context, kind string) (list []string, ok bool, err error) {
	v, err := s.Setting(ctx, "recipients."+kind)
	if err != nil || v == "" {
		return nil, false, err
	}
	for line := range strings.SplitSeq(v, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			list = append(list, line)
		}
	}
	return list, true, nil
}

// SetRecipients saves the recipients of a document kind (one a line);
// empty text brings back the defaults.
func (s *Store) SetRecipients(ctx context.Context, kind, lines string) error {
	if kind == "" || strings.ContainsAny(kind, " .") {
		return fmt.Errorf("nơi nhận: loại văn bản %q không hợp lệ", kind)
	}
	return s.SetSetting(ctx, "recipients."+kind, domain.CleanLines(lines))
}
