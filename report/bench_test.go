package report

import (
	"io"
	"testing"
)

// BenchmarkMemberListLayout10k is the layout alone: 10,000 members from
// memory to PDF bytes (the register's part is measured in
// BenchmarkMemberList10k).
func BenchmarkMemberListLayout10k(b *testing.B) {
	l := fixtureMemberList(10000, false)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMemberList(io.Discard, l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnnualLayout is the annual report from its data.
func BenchmarkAnnualLayout(b *testing.B) {
	a := fixtureAnnual()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAnnual(io.Discard, a); err != nil {
			b.Fatal(err)
		}
	}
}
