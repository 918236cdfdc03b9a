package domain

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{norm.NFD.String("Nguyễn Văn Đức"), "Nguyễn Văn Đức"}, // decomposed input comes back composed
		{"Hoà", "Hòa"},
		{"hoà bình", "hòa bình"},
		{"Thuỷ", "Thủy"},
		{"khoẻ", "khỏe"},
		{"Quý", "Quý"},     // qu is a consonant: the tone stays on y
		{"Qúy", "Quý"},     // and is moved there when typed on u
		{"Hoàng", "Hoàng"}, // final consonant: the tone belongs on a
		{"Khuya", "Khuya"},
		{"Ngoẹo", "Ngoẹo"},
		{"  Lê   Thị\tMai  ", "Lê Thị Mai"},
		{"Tuý", "Túy"},
		{"", ""},
	}
	for _, tt := range tests {
		got := Clean(tt.in)
		if got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("Clean(%q) is not NFC", tt.in)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyễn Văn Đức", "nguyen van duc"},
		{norm.NFD.String("Đặng Thị Ánh"), "dang thi anh"},
		{"ĐOÀN TNCS", "doan tncs"},
		{"Ưng Hoàng Phúc", "ung hoang phuc"},
		{"0912 345 678", "0912 345 678"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitFullName(t *testing.T) {
	tests := []struct{ in, family, middle, given string }{
		{"Nguyễn Văn An", "Nguyễn", "Văn", "An"},
		{"Tôn Nữ Thị Ngọc Hà", "Tôn", "Nữ Thị Ngọc", "Hà"},
		{"Lê Na", "Lê", "", "Na"},
		{"Hoà", "", "", "Hòa"},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		f, m, g := SplitFullName(tt.in)
		if f != tt.family || m != tt.middle || g != tt.given {
			t.Errorf("SplitFullName(%q) = %q,%q,%q; want %q,%q,%q", tt.in, f, m, g, tt.family, tt.middle, tt.given)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"05/03/2018", "05/03/2018", false},
		{"5/3/2018", "05/03/2018", false},
		{"05-03-2018", "05/03/2018", false},
		{"2018-03-05", "05/03/2018", false},
		{"29/02/2024", "29/02/2024", false},
		{"29/02/2023", "", true},
		{"31/04/2020", "", true},
		{"05/13/2020", "", true},
		{"5/3/18", "", true},
		{"hôm qua", "", true},
		{"", "", false},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if d.String() != tt.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tt.in, d, tt.want)
		}
	}
}

func TestDateAge(t *testing.T) {
	birth := MustDate(2008, 6, 15)
	tests := []struct {
		on   Date
		want int
	}{
		{MustDate(2023, 6, 14), 14},
		{MustDate(2023, 6, 15), 15},
		{MustDate(2038, 12, 31), 30},
	}
	for _, tt := range tests {
		if got := birth.AgeOn(tt.on); got != tt.want {
			t.Errorf("AgeOn(%s) = %d, want %d", tt.on, got, tt.want)
		}
	}
}

// TestNameOrder checks the Vietnamese order of given names (a < ă < â,
// d < đ, tones after the bare letter), then middle, then family names.
func TestNameOrder(t *testing.T) {
	k := NewSortKeyer()
	type name struct{ family, middle, given string }
	want := []name{
		{"Trần", "Văn", "An"},
		{"Nguyễn", "Văn", "Anh"},
		{"Lê", "Thị", "Ánh"},
		{"Lê", "Thị", "Ân"},
		{"Phạm", "", "Bình"},
		{"Nguyễn", "Văn", "Dũng"},
		{"Trần", "Minh", "Đức"},
		{"Lê", "Văn", "Đức"},
		{"Nguyễn", "Văn", "Đức"},
		{"Nguyễn", "Văn", "Đức"}, // duplicates stay together
		{"Hồ", "Thị", "Hà"},
		{"Võ", "Thị", "Hải"},
		{"Đỗ", "Thanh", "Ơn"},
		{"Bùi", "Văn", "Thủy"},
		{"Phan", "Văn", "Ưng"},
	}
	got := slices.Clone(want)
	// Reverse, then sort by key: the keys alone must restore the order.
	slices.Reverse(got)
	slices.SortStableFunc(got, func(a, b name) int {
		return slices.Compare(k.NameKey(a.family, a.middle, a.given), k.NameKey(b.family, b.middle, b.given))
	})
	// Within the tie "Nguyễn Văn Đức" twice the order is stable; compare names only.
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("position %d: got %v, want %v\nfull: %v", i, got[i], want[i], got)
		}
	}
}
