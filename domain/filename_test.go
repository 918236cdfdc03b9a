package domain

import "testing"

func TestFileSlug(t *testing.T) {
	cases := []struct{ in, want string }{
		{"BCH Đoàn Phường Tân Quy Đông", "bch-doan-phuong-tan-quy-dong"},
		{"Chi đoàn Khóm 1", "chi-doan-khom-1"},
		{"  Xã Hòa Thành (huyện Lai Vung) ", "xa-hoa-thanh-huyen-lai-vung"},
		{"ĐOÀN PHƯỜNG 3", "doan-phuong-3"},
		{"!!!", ""},
		// 60 characters at most, never ending in a hyphen.
		{"Chi đoàn Khu phố Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười Mười một", "chi-doan-khu-pho-mot-hai-ba-bon-nam-sau-bay-tam-chin-muoi-mu"},
	}
	for _, c := range cases {
		if got := FileSlug(c.in); got != c.want {
			t.Errorf("FileSlug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
