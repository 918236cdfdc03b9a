package store

import (
	"database/sql/driver"
	"fmt"
	"time"

	"sodoan/domain"
)

// sqlDate is a domain.Date as the register keeps it: ISO text
// (yyyy-mm-dd), so that dates compare and sort as text in SQL, and NULL for
// no date. Queries take sqlDate(d) and scan into (*sqlDate)(&d); the
// domain's Date itself knows nothing of SQL.
type sqlDate domain.Date

// Value writes the date as ISO text, or NULL for the zero date.
func (d sqlDate) Value() (driver.Value, error) {
	if domain.Date(d).IsZero() {
		return nil, nil
	}
	return domain.Date(d).ISO(), nil
}

// Scan reads the ISO text written by Value.
func (d *sqlDate) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = sqlDate{}
		return nil
	case string:
		p, err := domain.ParseDate(v)
		if err != nil {
			return fmt.Errorf("đọc ngày %q: %w", v, err)
		}
		*d = sqlDate(p)
		return nil
	case []byte:
		return d.Scan(string(v))
	case time.Time:
		*d = sqlDate(domain.DateOf(v))
		return nil
	}
	return fmt.Errorf("đọc ngày: kiểu %T không hỗ trợ", src)
}
