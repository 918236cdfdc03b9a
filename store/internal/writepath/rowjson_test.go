package writepath

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"sodoan/domain"
)

// TestRowJSONIsJSONMarshal: the history's encoder writes what json.Marshal
// writes, byte for byte, for every kind of value a row holds.
func TestRowJSONIsJSONMarshal(t *testing.T) {
	rows := []Row{
		nil,
		{},
		{"given_name": "Hòa", "id": int64(12), "note": nil, "active": true, "n": 3},
		{"x": "<a href=\"&\">\\</a>\n\r\t\b\f\x00\x1f\x7f", "y": "\u2028\u2029 😀 \xff\xfe tail"},
		{"f": 1.5, "g": math.Copysign(0, -1), "h": 1e21, "i": 1e-7, "j": 123456789.125, "k": math.MaxFloat64},
		{"b": []byte("blob"), "t": domain.Date{}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃ\"\\<>&\n\u2028\x01 ")
	for range 500 {
		r := Row{}
		for k := range rng.IntN(6) {
			s := make([]rune, rng.IntN(12))
			for i := range s {
				s[i] = alphabet[rng.IntN(len(alphabet))]
			}
			switch k % 3 {
			case 0:
				r[string(s)+"k"] = string(s)
			case 1:
				r[string(s)+"n"] = rng.Int64() - math.MaxInt64/2
			default:
				r[string(s)+"f"] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
			}
		}
		rows = append(rows, r)
	}
	for _, r := range rows {
		got, err := rowJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(nonNil(r))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("row %v:\n got %s\nwant %s", r, got, want)
		}
	}
}

// nonNil is an empty row for nil, as the history writes it.
func nonNil(r Row) Row {
	if r == nil {
		return Row{}
	}
	return r
}
