package domain

import (
	"math"
	"strconv"
)

// FormatInt writes an integer the Vietnamese way, with '.' between
// thousands: 1.530, -7.500.
func FormatInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	b := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		b = append(b, '-')
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// RoundTenth is the one rounding rule of every figure Sổ Đoàn prints:
// one decimal, half up (60,65 → 60,7; 6,25 → 6,3), the same for a
// percentage, a cumulative progress and a count. The small nudge keeps a
// share that is exactly half a tenth (1.201/2.000 = 60,05 %) from
// rounding down for the binary fraction a division leaves (60,04999…).
func RoundTenth(v float64) float64 {
	if v < 0 {
		return -RoundTenth(-v)
	}
	return math.Floor(v*10+0.5+1e-9) / 10
}

// FormatNum writes v rounded to one decimal (RoundTenth), with a decimal
// comma when one is needed: 7.500, 72,5.
func FormatNum(v float64) string {
	r := RoundTenth(v)
	if r == math.Trunc(r) {
		return FormatInt(int64(r))
	}
	whole := FormatInt(int64(math.Trunc(r)))
	if r < 0 && whole == "0" {
		whole = "-0"
	}
	frac := int64(math.Round(math.Abs(r-math.Trunc(r)) * 10))
	return whole + "," + strconv.FormatInt(frac, 10)
}

// FormatValue writes an indicator value as the reports print it: counts
// with thousands separators, percentages with one decimal, checks as
// Có / Chưa.
func FormatValue(kind IndicatorKind, v float64) string {
	switch kind {
	case KindPercent:
		return FormatNum(v) + "%"
	case KindCheck:
		if v >= 1 {
			return "Có"
		}
		return "Chưa"
	}
	return FormatNum(v)
}

// FormatShare writes num out of den with its percentage, "273/450
// (60,7%)", by the one rounding rule; "273/0" has no percentage.
func FormatShare(num, den float64) string {
	s := FormatNum(num) + "/" + FormatNum(den)
	if den <= 0 {
		return s
	}
	return s + " (" + FormatValue(KindPercent, 100*num/den) + ")"
}

// Num is a whole number given as an argument of a message: it prints the
// Vietnamese way (FormatInt), and a window writing another language can
// recognise it and write it its own way.
type Num int64

// String is the number with Vietnamese thousands separators.
func (n Num) String() string { return FormatInt(int64(n)) }

// Dec is a number with at most one decimal given as an argument of a
// message, like Num: 7.500, 72,5 in Vietnamese.
type Dec float64

// String is the number written the Vietnamese way (FormatNum).
func (d Dec) String() string { return FormatNum(float64(d)) }
