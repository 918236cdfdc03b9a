package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"sodoan/domain"
)

// CreateAtSchema makes a new register at path as a Sổ Đoàn of schema n
// made it: the first n migrations only, with the seed of a new register
// (the checklist and the default plan), and nothing else. The tests of
// upgrading older registers, packages and backups write their rows into
// it with SQL of that schema. Only tests call it, from several packages
// (hence exported and in every build, so that `go test ./...` runs them
// with no build tag): no command or screen offers to make an old register.
func CreateAtSchema(path string, n int) error {
	if n < 1 || n > len(migrations) {
		return fmt.Errorf("lược đồ %d: chỉ có 1 đến %d", n, len(migrations))
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("tệp %s đã có", path)
	}
	s := &Store{path: path, coll: domain.NewSortKeyer()}
	var err error
	if s.db, err = sql.Open("sqlite", dsn(path, false, false)); err != nil {
		return err
	}
	defer s.Close()
	return s.migrateTo(context.Background(), n, "")
}
