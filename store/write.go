package store

import (
	"context"
	"database/sql"

	"sodoan/store/internal/writepath"
)

// The register's one write path. Every statement that changes what a user
// entered runs through a writeTx, which reads the rows it touches before
// and after and records each inserted, changed or deleted row in the
// history table, in the same transaction: a change that fails (a
// validation, a constraint) leaves no history, and no change goes
// unrecorded. The transaction itself lives in package writepath, as an
// unexported field: code holding a writeTx cannot write around it, and
// the compiler says so (TestOneWritePath checks the few files that write
// on a transaction of their own).

// tableKeys names the primary key columns of each table of the register:
// history identifies a row by them and the recycle bin restores rows
// under them. TestTableKeys checks them against the schema.
var tableKeys = map[string][]string{
	"settings":            {"key"},
	"branches":            {"id"},
	"people":              {"id"},
	"membership_events":   {"id"},
	"member_years":        {"person_id", "year"},
	"positions":           {"id"},
	"criteria":            {"id"},
	"branch_years":        {"branch_id", "year"},
	"branch_criteria_met": {"branch_id", "year", "criterion_id"},
	"clubs":               {"id"},
	"club_members":        {"id"},
	"coops":               {"id"},
	"coop_members":        {"id"},
	"coop_years":          {"coop_id", "year"},
	"coop_reports":        {"coop_id", "year", "date"},
	"ward_years":          {"year"},
	"plans":               {"id"},
	"indicators":          {"id"},
	"indicator_values":    {"indicator_id", "year"},
	"documents":           {"id"},
	"document_versions":   {"id"},
	"narratives":          {"doc", "key", "section"},
	"narrative_versions":  {"doc", "key", "section", "saved"},
	"wards":               {"register_id"},
	"trainings":           {"id"},
	"office_standards":    {"office", "from_year"},
	"target_models":       {"id"},
	"party_counts":        {"year", "date"},
	"decisions":           {"id"},
	"decision_people":     {"id"},
	"activities":          {"id"},
	"activity_branches":   {"activity_id", "branch_id"},
	"activity_people":     {"activity_id", "person_id"},
	"activity_measures":   {"activity_id", "measure"},
	"meetings":            {"id"},
	"attendance":          {"meeting_id", "person_id"},
	"evidence_rules":      {"from_date"},
}

// derivedColumns are computed by the store from other columns (order
// keys, search text, the status from the events, timestamps): a change of
// them alone is not a change of the register.
var derivedColumns = map[string]bool{"sort_key": true, "search": true, "status": true, "created_at": true, "updated_at": true}

// quietSettings are settings the store keeps for itself, not the user's.
var quietSettings = map[string]bool{settingCollation: true, settingLastBackup: true}

// schema is what the write path knows of the register's tables.
var schema = &writepath.Schema{Keys: tableKeys, Derived: derivedColumns, QuietSettings: quietSettings, TrashKinds: trashKindOf}

// recordHistory is false only in the benchmark that measures what
// recording costs (BenchmarkHistoryCost).
var recordHistory = true

// dbRow is one row read back: column name to value (int64, float64,
// string, []byte or nil).
type dbRow = writepath.Row

// writeTx is a transaction through the one write path, with what the
// store's own code keeps for the transaction.
type writeTx struct {
	*writepath.Tx
	ctx context.Context
	// cols caches each table's columns for restores.
	cols map[string][]string
}

// newWriteTx puts tx, begun by the caller, on the write path.
func (s *Store) newWriteTx(ctx context.Context, tx *sql.Tx) *writeTx {
	return &writeTx{Tx: writepath.New(ctx, tx, writepath.Options{Schema: schema, Now: s.Now, StampLayout: stampLayout, NoHistory: !recordHistory}), ctx: ctx}
}

// writeDemo runs fn, the bulk load of the demo ward's invented people
// into an empty register (LoadOptions.Demo), in one transaction through
// the write path with its rows unrecorded, and records the load as one
// "demo" line of history: the count and the seed.
func (s *Store) writeDemo(ctx context.Context, people int, seed int64, fn func(*writeTx) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		quiet := &writeTx{Tx: writepath.New(ctx, tx, writepath.Options{Schema: schema, Now: s.Now, StampLayout: stampLayout, NoHistory: true}), ctx: ctx}
		if err := fn(quiet); err != nil {
			return err
		}
		w := s.newWriteTx(ctx, tx)
		if err := w.Log("demo", "people", "", nil, nil, dbRow{"members": int64(people), "seed": seed}, ""); err != nil {
			return err
		}
		return w.Flush()
	})
}

// writeDemoPart runs fn, a further part of the demo ward's invented
// records (its dues), as writeDemo runs the people: one transaction, its
// rows unrecorded, and one history line naming the part's table and how
// many rows it wrote.
func (s *Store) writeDemoPart(ctx context.Context, table string, fn func(*writeTx) (int, error)) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		quiet := &writeTx{Tx: writepath.New(ctx, tx, writepath.Options{Schema: schema, Now: s.Now, StampLayout: stampLayout, NoHistory: true}), ctx: ctx}
		n, err := fn(quiet)
		if err != nil {
			return err
		}
		w := s.newWriteTx(ctx, tx)
		if err := w.Log("demo", table, "", nil, nil, dbRow{"rows": int64(n)}, ""); err != nil {
			return err
		}
		return w.Flush()
	})
}

// write runs fn in one transaction through the write path.
func (s *Store) write(ctx context.Context, fn func(*writeTx) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		w := s.newWriteTx(ctx, tx)
		if err := fn(w); err != nil {
			return err
		}
		return w.Flush()
	})
}
