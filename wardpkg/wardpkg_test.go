package wardpkg

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"sodoan/demo"
	"sodoan/outfile"

	"sodoan/domain"
	"sodoan/store"
)

const pass = "mật khẩu phường 1"

func TestMain(m *testing.M) {
	// A cheaper scrypt keeps the tests quick; the format is the same.
	WorkFactor = 10
	os.Exit(m.Run())
}

// ward makes a demo ward register named unit.
func ward(t testing.TB, dir, unit string, seed int64, members int) *store.Store {
	t.Helper()
	return wardAt(t, dir, unit, seed, members, nil)
}

// wardAt is ward with the register's clock now (nil: the machine's).
func wardAt(t testing.TB, dir, unit string, seed int64, members int, now func() time.Time) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenWith(filepath.Join(dir, fmt.Sprintf("phuong-%d.db", seed)), store.OpenOptions{Create: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Generate(ctx, st, demo.Options{Members: members, Seed: seed, Year: 2025}); err != nil {
		t.Fatal(err)
	}
	u, err := st.Unit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u.Name = unit
	if err := st.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	return st
}

// consolidation makes an upper level's consolidation register.
func consolidation(t testing.TB, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(dir, "tinh-doan.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.MakeConsolidation(context.Background(), domain.Unit{Name: "Ban Thường vụ Tỉnh Đoàn Đồng Tháp", Place: "Đồng Tháp", SecretaryName: "Nguyễn Văn Tỉnh"}); err != nil {
		t.Fatal(err)
	}
	provincePlan(t, st)
	return st
}

// provincePlan enters the province's own plan in a consolidation register
// (a new register has none): 105-KH/TĐTN for 2023–2027, the demo wards'
// term, with the targets 2.1–2.8 at the figures of DefaultPlanIndicators.
func provincePlan(t testing.TB, st *store.Store) domain.Plan {
	t.Helper()
	p := domain.Plan{Number: "105-KH/TĐTN", StartYear: 2023, EndYear: 2027, Current: true,
		Issued: domain.MustDate(2023, 3, 15), Issuer: "Ban Thường vụ Tỉnh Đoàn Đồng Tháp",
		Title: "Đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn các cấp, giai đoạn 2023 - 2027"}
	p.Indicators = domain.UpperIndicators()
	if err := st.SavePlan(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func export(t testing.TB, st *store.Store, out string) Manifest {
	t.Helper()
	m, err := Export(context.Background(), st, out, pass, false)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// snapshotOf copies the register of w to dir/name, as Export packs it,
// for a package made by hand.
func snapshotOf(t testing.TB, w *store.Store, dir, name string) string {
	t.Helper()
	snap := filepath.Join(dir, name)
	if err := w.Snapshot(context.Background(), snap); err != nil {
		t.Fatal(err)
	}
	return snap
}

// dump reads every table of a SQLite file (virtual tables aside: their
// shadow tables hold their data) as sorted lines.
func dump(t testing.TB, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string][]string{}
	for _, tb := range tables {
		r, err := db.Query(`SELECT * FROM "` + tb + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := r.Columns()
		var lines []string
		for r.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := r.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%q", vals))
		}
		r.Close()
		sort.Strings(lines)
		out[tb] = lines
	}
	var v int
	db.QueryRow(`PRAGMA user_version`).Scan(&v)
	out["user_version"] = []string{fmt.Sprint(v)}
	return out
}

func sameDump(t *testing.T, want, got map[string][]string) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("tables: %d, want %d", len(got), len(want))
	}
	for tb, w := range want {
		if !reflect.DeepEqual(w, got[tb]) {
			t.Errorf("table %s differs: %d rows, want %d", tb, len(got[tb]), len(w))
		}
	}
}

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := ward(t, dir, "BCH Đoàn phường Hòa Mẫu", 1, 400)
	pkg := filepath.Join(dir, "hoa-mau.sodoan")
	m := export(t, w, pkg)
	if m.Schema != store.SchemaVersion || m.Unit != "BCH ĐOÀN PHƯỜNG HÒA MẪU" || m.Format != FormatVersion {
		t.Fatalf("manifest %+v", m)
	}
	if id, _ := w.RegisterID(ctx); id != m.RegisterID || len(id) != 32 {
		t.Fatalf("register id %q, manifest %q", id, m.RegisterID)
	}
	raw, _ := os.ReadFile(pkg)
	if strings.Contains(string(raw), "Nguyễn") || strings.Contains(string(raw), "SQLite format") {
		t.Fatal("package is not encrypted")
	}
	want := dump(t, w.Path())
	if len(want["people"]) != 400 || len(want["membership_events"]) == 0 {
		t.Fatalf("demo ward: %d people", len(want["people"]))
	}

	out := filepath.Join(dir, "unpacked.db")
	got, err := Unpack(pkg, pass, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got != m {
		t.Fatalf("manifest read %+v, written %+v", got, m)
	}
	sameDump(t, want, dump(t, out))

	// Imported into a consolidation register, the snapshot is the ward's
	// register, table for table.
	cons := consolidation(t, dir)
	imp, err := Import(ctx, cons, pkg, pass)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Replaced != nil || imp.Ward.Members == 0 || imp.Ward.Unit != m.Unit {
		t.Fatalf("import %+v", imp)
	}
	n, _ := w.CountMembers(ctx, store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive})
	if imp.Ward.Members != n {
		t.Fatalf("members %d, ward has %d", imp.Ward.Members, n)
	}
	sameDump(t, want, dump(t, store.WardPath(cons.WardsDir(), imp.Ward)))
	wards, _ := cons.Wards(ctx)
	if len(wards) != 1 || wards[0].RegisterID != m.RegisterID || !wards[0].Made.Equal(m.Made) || wards[0].Schema != m.Schema {
		t.Fatalf("wards %+v", wards)
	}
}

// unchanged checks that a refused import left the consolidation register
// and its wards folder as they were.
func unchanged(t *testing.T, cons *store.Store, wantWards []domain.Ward, files []string) {
	t.Helper()
	got, err := cons.Wards(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if (len(got) > 0 || len(wantWards) > 0) && !reflect.DeepEqual(got, wantWards) {
		t.Fatalf("wards changed: %+v, want %+v", got, wantWards)
	}
	if now := listDir(t, cons.WardsDir()); (len(now) > 0 || len(files) > 0) && !reflect.DeepEqual(now, files) {
		t.Fatalf("wards folder: %v, want %v", now, files)
	}
}

func listDir(t *testing.T, dir string) []string {
	es, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestRefusedPackages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := ward(t, dir, "BCH Đoàn phường 1", 2, 60)
	pkg := filepath.Join(dir, "p1.sodoan")
	export(t, w, pkg)
	cons := consolidation(t, dir)
	// One ward already held: a refusal must keep it.
	other := ward(t, dir, "BCH Đoàn phường 2", 3, 40)
	export(t, other, filepath.Join(dir, "p2.sodoan"))
	if _, err := Import(ctx, cons, filepath.Join(dir, "p2.sodoan"), pass); err != nil {
		t.Fatal(err)
	}
	held, _ := cons.Wards(ctx)
	files := listDir(t, cons.WardsDir())
	raw, _ := os.ReadFile(pkg)

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flip := func(at int) []byte {
		b := append([]byte(nil), raw...)
		b[at] ^= 0x10
		return b
	}
	// Where the age header ends and the payload begins.
	hdrEnd := strings.Index(string(raw), "\n---") + 1
	garbage := make([]byte, 16<<20)
	rand.Read(garbage)
	folder := filepath.Join(dir, "thu-muc.sodoan")
	os.Mkdir(folder, 0o700)
	// The package's scrypt stanza ("-> scrypt SALT 10") asking for 2^21,
	// which would take 2 GiB.
	costly := regexp.MustCompile(`(-> scrypt \S+) \d+\n`).ReplaceAll(raw, []byte("$1 21\n"))
	if bytes.Equal(costly, raw) {
		t.Fatal("no scrypt stanza in the package")
	}
	cases := []struct {
		name, file, pass string
		want             error
		msg              string // in the message, which names the file too
	}{
		{"wrong passphrase", pkg, "mật khẩu phường 2", ErrPassphrase, "sai mật khẩu"},
		{"truncated by one byte", write("cut1", raw[:len(raw)-1]), pass, ErrDamaged, "hãy xin phường gửi lại gói"},
		{"truncated to half", write("cut2", raw[:len(raw)/2]), pass, ErrDamaged, ""},
		{"header only", write("cut3", raw[:hdrEnd+60]), pass, ErrDamaged, ""},
		{"bit flipped in the payload", write("flip1", flip(len(raw)/2)), pass, ErrDamaged, ""},
		{"bit flipped in the last chunk", write("flip2", flip(len(raw)-3)), pass, ErrDamaged, ""},
		{"bit flipped in the header MAC", write("flip3", flip(hdrEnd+5)), pass, ErrDamaged, ""},
		{"not a package", write("xlsx", []byte("PK\x03\x04 not a package")), pass, ErrNotPackage, "không phải tệp .sodoan"},
		{"the ward's register itself", w.Path(), pass, ErrNotPackage, ""},
		{"empty file", write("empty", nil), pass, ErrNotPackage, ""},
		{"a folder", folder, pass, ErrNotPackage, "là một thư mục"},
		{"a missing file", filepath.Join(dir, "khong-co.sodoan"), pass, os.ErrNotExist, "không có tệp gói"},
		{"16 MB of garbage", write("rac", garbage), pass, ErrNotPackage, "không phải tệp .sodoan"},
		{"the age header, then garbage", write("rac-age", append([]byte(ageMagic), garbage...)), pass, ErrDamaged, "hãy xin phường gửi lại gói"},
		{"a work factor of 2^21", write("nang", costly), pass, ErrDamaged, "work factor too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Import(ctx, cons, c.file, c.pass)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), c.file) {
				t.Fatalf("error %v, want %v with %q", err, c.want, c.msg)
			}
			// The cause is quoted, never a whole line of garbage.
			if n := len(err.Error()); n > 600 {
				t.Fatalf("a message of %d bytes: %.200s…", n, err)
			}
			unchanged(t, cons, held, files)
		})
	}
	if now, _ := os.ReadFile(pkg); !bytes.Equal(now, raw) {
		t.Fatal("the package changed")
	}
	// A ward's register takes no package.
	if _, err := Import(ctx, w, filepath.Join(dir, "p2.sodoan"), pass); !errors.Is(err, store.ErrNotConsolidation) {
		t.Fatalf("ward register imported a package: %v", err)
	}
	// The consolidation register is no ward: it makes no package, nor
	// people.
	if _, err := Export(ctx, cons, filepath.Join(dir, "cons.sodoan"), pass, false); !errors.Is(err, store.ErrConsolidation) {
		t.Fatalf("consolidation exported: %v", err)
	}
	if err := cons.SavePerson(ctx, &domain.Person{FamilyName: "Lê", GivenName: "An"}); !errors.Is(err, store.ErrConsolidation) {
		t.Fatalf("consolidation took a person: %v", err)
	}
	if _, err := cons.ImportPeople(ctx, []*domain.Person{{FamilyName: "Lê", GivenName: "An"}}, []int{2}, store.ImportOptions{}); !errors.Is(err, store.ErrConsolidation) {
		t.Fatalf("consolidation imported a sheet: %v", err)
	}
	// A package written over the register is refused before anything.
	if _, err := Export(ctx, w, w.Path(), pass, true); err == nil {
		t.Fatal("package written over the register")
	}
	for _, p := range []string{"", "       ", "ngắn", "1234567"} {
		if _, err := Export(ctx, w, filepath.Join(dir, "x.sodoan"), p, false); !errors.Is(err, ErrBadPassphrase) {
			t.Fatalf("passphrase %q: %v", p, err)
		}
	}
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := ward(t, dir, "BCH Đoàn phường 1", 4, 30)
	cons := consolidation(t, dir)
	// A register of a schema this build does not know: a copy with its
	// user_version bumped.
	snap := snapshotOf(t, w, dir, "newer.db")
	db, err := sql.Open("sqlite", snap)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", store.SchemaVersion+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	id, _ := w.RegisterID(ctx)
	m := Manifest{Format: FormatVersion, RegisterID: id, Unit: "BCH ĐOÀN PHƯỜNG 1", Made: time.Now().UTC()}
	pkg := filepath.Join(dir, "newer.sodoan")
	if err := writePackage(outfile.Output{Path: pkg}, pass, &m, snap); err != nil {
		t.Fatal(err)
	}
	if m.Schema != store.SchemaVersion+1 {
		t.Fatalf("schema %d", m.Schema)
	}
	raw, _ := os.ReadFile(pkg)
	_, err = Import(ctx, cons, pkg, pass)
	if !errors.Is(err, ErrNewer) || !strings.Contains(err.Error(), fmt.Sprintf("có lược đồ %d, bản Sổ Đoàn này hiểu đến %d", store.SchemaVersion+1, store.SchemaVersion)) ||
		!strings.Contains(err.Error(), "hãy cập nhật Sổ Đoàn rồi nhập lại") {
		t.Fatalf("newer schema: %v", err)
	}
	unchanged(t, cons, nil, nil)
	if now, _ := os.ReadFile(pkg); !bytes.Equal(now, raw) {
		t.Fatal("a refused package was changed")
	}
	// A newer package format too.
	m2 := Manifest{Format: FormatVersion + 1, RegisterID: id, Unit: "BCH ĐOÀN PHƯỜNG 1", Made: time.Now().UTC()}
	if err := writePackage(outfile.Output{Path: pkg, Replace: true}, pass, &m2, snapshotOf(t, w, dir, "cur.db")); err != nil {
		t.Fatal(err)
	}
	if _, err := Import(ctx, cons, pkg, pass); !errors.Is(err, ErrNewer) {
		t.Fatalf("newer format: %v", err)
	}
	unchanged(t, cons, nil, nil)
}

func TestNewerReplacesOlder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// The ward's clock, moved on by hand before the second package, so
	// that it is made later than the first without waiting.
	at := time.Now()
	w := wardAt(t, dir, "BCH Đoàn phường 1", 5, 50, func() time.Time { return at })
	cons := consolidation(t, dir)
	first := filepath.Join(dir, "1.sodoan")
	m1 := export(t, w, first)
	// The ward admits one more member, then sends a new package.
	p := &domain.Person{FamilyName: "Trần", MiddleName: "Thị", GivenName: "Mới", Gender: domain.Female, BirthDate: domain.MustDate(2005, 3, 4),
		UnionMember: true, AdmissionDate: domain.MustDate(2024, 3, 26)}
	if err := w.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	at = at.Add(time.Minute)
	second := filepath.Join(dir, "2.sodoan")
	m2 := export(t, w, second)
	if !m2.Made.After(m1.Made) {
		t.Fatal("second package not newer")
	}

	a, err := Import(ctx, cons, first, pass)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(ctx, cons, first, pass); err == nil || !strings.Contains(err.Error(), "đã được nhập") {
		t.Fatalf("same package twice: %v", err)
	}
	b, err := Import(ctx, cons, second, pass)
	if err != nil {
		t.Fatal(err)
	}
	if b.Replaced == nil || b.Replaced.File != a.Ward.File || b.Ward.Members != a.Ward.Members+1 {
		t.Fatalf("replace: %+v (first %+v)", b, a)
	}
	if files := listDir(t, cons.WardsDir()); !reflect.DeepEqual(files, []string{b.Ward.File}) {
		t.Fatalf("wards folder %v", files)
	}
	held, _ := cons.Wards(ctx)
	if _, err := Import(ctx, cons, first, pass); err == nil || !strings.Contains(err.Error(), "cũ hơn") {
		t.Fatalf("older package: %v", err)
	}
	unchanged(t, cons, held, []string{b.Ward.File})

	// Another register under the same unit name is not taken for it.
	twin := ward(t, dir, "BCH Đoàn phường 1", 6, 20)
	tp := filepath.Join(dir, "twin.sodoan")
	export(t, twin, tp)
	if _, err := Import(ctx, cons, tp, pass); err == nil || !strings.Contains(err.Error(), "từ một sổ khác") {
		t.Fatalf("same name, another register: %v", err)
	}
	unchanged(t, cons, held, []string{b.Ward.File})
	// Forgotten, the ward's next package comes in as new.
	if _, err := Forget(ctx, cons, "bch doan phuong 1"); err != nil {
		t.Fatal(err)
	}
	unchanged(t, cons, nil, nil)
	if _, err := Import(ctx, cons, tp, pass); err != nil {
		t.Fatal(err)
	}
}

// TestPassphraseFile: the first line of the file, whatever editor wrote
// it: Windows Notepad ends it in CRLF, and saves UTF-8 with a byte-order
// mark, or UTF-16 ("Unicode") with one. What is not a typed passphrase is
// refused with a message saying why.
func TestPassphraseFile(t *testing.T) {
	dir := t.TempDir()
	utf16 := func(s string, big bool) string {
		var b []byte
		if big {
			b = []byte{0xfe, 0xff}
		} else {
			b = []byte{0xff, 0xfe}
		}
		for _, r := range s { // BMP only, as the cases below
			if big {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		return string(b)
	}
	const bom = "\ufeff"
	cases := []struct {
		content, want string
		ok            bool
		msg           string // in the refusal
	}{
		{"mật khẩu dài\n", "mật khẩu dài", true, ""},
		{"mật khẩu dài", "mật khẩu dài", true, ""},
		{"12345678\r\n", "12345678", true, ""},
		{"  có cách  \nthừa dòng", "  có cách  ", true, ""},
		{bom + "mật khẩu dài\r\n", "mật khẩu dài", true, ""},
		{bom + "mật khẩu dài", "mật khẩu dài", true, ""},
		{utf16("mật khẩu dài\r\n", false), "mật khẩu dài", true, ""},
		{utf16("mật khẩu dài", true), "mật khẩu dài", true, ""},
		{"mật\tkhẩu dài\n", "mật\tkhẩu dài", true, ""},
		{"", "", false, "mật khẩu trống"},
		{"\n", "", false, "mật khẩu trống"},
		{"\r\n", "", false, "mật khẩu trống"},
		{bom, "", false, "mật khẩu trống"},
		{bom + "\r\n", "", false, "mật khẩu trống"},
		{utf16("\r\n", false), "", false, "mật khẩu trống"},
		{"   \n", "", false, "mật khẩu trống"},
		{"1234567\n", "", false, "chỉ có 7 ký tự"},
		{bom + "1234567\r\n", "", false, "chỉ có 7 ký tự"},
		{"\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6", "", false, "UTF-8"},
		// Windows-1258 ("ANSI" on a Vietnamese Windows): not UTF-8.
		{"m\xe2t kh\xe2u d\xe0i\r\n", "", false, "lưu tệp mật khẩu với mã hóa UTF-8"},
		// UTF-16 without its mark: a NUL after every letter.
		{"m\x00a\x00t\x00k\x00h\x00a\x00u\x00!\x00", "", false, "ký tự điều khiển"},
		{"mật khẩu\x1b[31m dài\n", "", false, "ký tự điều khiển"},
		{strings.Repeat("a", 5000), "", false, "dài hơn 1024 byte"},
		{ageMagic + "-> scrypt AAAA 18\n", "", false, "là một gói .sodoan"},
		{strings.Repeat("a", 1025) + "\n", "", false, "dài hơn 1024 byte"},
	}
	for i, c := range cases {
		p := filepath.Join(dir, fmt.Sprint(i))
		os.WriteFile(p, []byte(c.content), 0o600)
		got, err := ReadPassphrase(p)
		if c.ok != (err == nil) || got != c.want {
			t.Errorf("%q: %q, %v", c.content, got, err)
		}
		if err != nil && (!errors.Is(err, ErrBadPassphrase) || !strings.Contains(err.Error(), c.msg)) {
			t.Errorf("%q: message %q, want %q", c.content, err, c.msg)
		}
	}
	if _, err := ReadPassphrase(filepath.Join(dir, "none")); err == nil || !strings.Contains(err.Error(), "không có tệp mật khẩu") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadPassphrase(dir); !errors.Is(err, ErrBadPassphrase) || !strings.Contains(err.Error(), "là một thư mục") {
		t.Errorf("a folder: %v", err)
	}
}
