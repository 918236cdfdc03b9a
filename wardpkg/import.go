package wardpkg

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"sodoan/domain"
	"sodoan/store"
)

// Imported is what an import did.
type Imported struct {
	Ward     domain.Ward
	Replaced *domain.Ward // the ward's older package, now replaced (nil: a new ward)
}

// Import takes a ward's package into the consolidation register cons: the
// register it carries is checked and kept in cons's wards folder, and the
// ward's entry replaces its older package. A ward's register refuses it
// (ErrNotConsolidation), and so does a package older than the one held, a
// wrong passphrase, a damaged or newer package: with a message, and with
// nothing changed.
func Import(ctx context.Context, cons *store.Store, path, passphrase string) (Imported, error) {
	if err := refuseWard(ctx, cons); err != nil {
		return Imported{}, err
	}
	dir := cons.WardsDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Imported{}, fmt.Errorf("tạo thư mục %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".nhap-*.db")
	if err != nil {
		return Imported{}, fmt.Errorf("tạo tệp tạm: %w", err)
	}
	tmp.Close()
	os.Remove(tmp.Name()) // Unpack creates it anew, exclusively
	defer removeDB(tmp.Name())
	m, err := Unpack(path, passphrase, tmp.Name(), func(m Manifest) error {
		// A package from the future (a ward laptop's clock set years
		// ahead) would be "newer" than every genuine package the ward
		// sends after it, and lock them out. A day's margin covers time
		// zones and clocks a little fast.
		if limit := cons.Now().Add(24 * time.Hour); m.Made.After(limit) {
			return fmt.Errorf("gói của %s ghi lập lúc %s, sau hôm nay (%s): đồng hồ máy của phường đang sai; hãy chỉnh ngày giờ máy đó rồi lập lại gói: %w",
				m.Unit, m.Made.Local().Format("15:04 02/01/2006"), domain.DateOf(cons.Now()), ErrFuture)
		}
		_, _, err := cons.CheckWard(ctx, m.Ward())
		return err
	})
	if err != nil {
		return Imported{}, err
	}
	members, err := verify(ctx, tmp.Name(), m, cons.Now)
	if err != nil {
		return Imported{}, fmt.Errorf("gói %s: %w", path, err)
	}
	w := m.Ward()
	w.Members = members
	w.Imported = cons.Now().UTC()
	w.File = fmt.Sprintf("%s-%s.db", m.RegisterID, m.Made.UTC().Format("20060102T150405.000000000Z"))
	final := store.WardPath(dir, w)
	if err := os.Rename(tmp.Name(), final); err != nil {
		return Imported{}, fmt.Errorf("lưu sổ của phường: %w", err)
	}
	old, had, err := cons.RecordWard(ctx, w)
	if err != nil {
		removeDB(final)
		return Imported{}, err
	}
	out := Imported{Ward: w}
	if had {
		out.Replaced = &old
		if old.File != w.File {
			removeDB(store.WardPath(dir, old))
		}
	}
	return out, nil
}

// ErrFuture is wrapped by the refusal of a package made after today.
var ErrFuture = errors.New("gói lập vào một ngày chưa tới")

// Forget removes a ward (by identity or unit name) from the
// consolidation register, with its snapshot.
func Forget(ctx context.Context, cons *store.Store, idOrName string) (domain.Ward, error) {
	w, err := cons.ForgetWard(ctx, idOrName)
	if err != nil {
		return w, err
	}
	removeDB(store.WardPath(cons.WardsDir(), w))
	return w, nil
}

// removeDB removes a SQLite file with its journal files. A file that
// cannot be removed is left behind: the register no longer names it.
func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		os.Remove(p)
	}
}

// Consolidate measures every indicator of the consolidation register's
// current plan for working year year (counted to the cut-off; zero: the
// year's end, or today while it runs) in each ward's latest package, and
// the total. Each ward is read as of the cut-off, members included (not
// the package's today). Without a plan of the register's own, the wards
// and their members are still read and nothing is judged.
func Consolidate(ctx context.Context, cons *store.Store, year int, cutoff domain.Date) (domain.Consolidation, error) {
	if err := refuseWard(ctx, cons); err != nil {
		return domain.Consolidation{}, err
	}
	plan, err := cons.CurrentPlan(ctx)
	if err != nil && !errors.Is(err, store.ErrNoPlan) {
		return domain.Consolidation{}, fmt.Errorf("kế hoạch hiện hành: %w", err)
	}
	wards, err := cons.Wards(ctx)
	if err != nil {
		return domain.Consolidation{}, err
	}
	// The cut-off as the upper level counts it, the same day for every
	// ward (a zero cut-off would be each snapshot's own today).
	sp, err := cons.YearSpan(ctx, year, cutoff)
	if err != nil {
		return domain.Consolidation{}, err
	}
	dir := cons.WardsDir()
	out := make([]domain.WardResults, 0, len(wards))
	for _, w := range wards {
		wr, err := wardResults(ctx, w, dir, plan, year, sp.To, cons.Now)
		if err != nil {
			return domain.Consolidation{}, fmt.Errorf("phường %s: %w", w.Unit, err)
		}
		wr.Ward = w
		out = append(out, wr)
	}
	return cons.Consolidate(ctx, year, sp.To, out)
}

// wardResults measures ward w's snapshot in dir on the upper level's plan;
// now is the consolidation register's clock, the snapshot's today.
func wardResults(ctx context.Context, w domain.Ward, dir string, plan domain.Plan, year int, cutoff domain.Date, now func() time.Time) (domain.WardResults, error) {
	st, err := openSnapshot(store.WardPath(dir, w), w.RegisterID, now)
	if err != nil {
		return domain.WardResults{}, err
	}
	defer st.Close()
	return st.WardYearResults(ctx, plan, year, cutoff)
}

func refuseWard(ctx context.Context, cons *store.Store) error {
	if c, err := cons.IsConsolidation(ctx); err != nil {
		return err
	} else if !c {
		return fmt.Errorf("sổ %s không nhận gói của phường (%w): hãy tạo sổ tổng hợp bằng lệnh sodoan-cli --db TỆP init --consolidation, rồi nhập vào sổ đó",
			cons.Path(), store.ErrNotConsolidation)
	}
	return nil
}
