package demo

import "math/rand/v2"

// The pools the demo draws people's names and particulars from.
var (
	// Nguyễn is about a third of Vietnamese family names (12 of 36 here).
	families = []string{"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn",
		"Trần", "Trần", "Trần", "Lê", "Lê", "Lê", "Phạm", "Phạm", "Huỳnh", "Huỳnh", "Hoàng", "Phan", "Võ", "Võ", "Vũ", "Đặng", "Bùi",
		"Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Lâm"}
	middleMale   = []string{"Văn", "Văn", "Hữu", "Minh", "Quốc", "Thanh", "Đức", "Công", "Hoàng", "Trọng", "Tấn", "Chí", "Gia", "Nhật", ""}
	middleFemale = []string{"Thị", "Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Bảo", "Thùy", "Phương", "Hồng", "Diễm", "Như", ""}
	givenMale    = []string{"An", "Bình", "Cường", "Dũng", "Đức", "Đạt", "Hải", "Hòa", "Hùng", "Huy", "Khang", "Khoa", "Khải",
		"Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phúc", "Quang", "Quý", "Sơn", "Tài", "Tâm", "Thắng", "Thịnh",
		"Thuận", "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Kiệt", "Hiếu", "Hậu", "Lợi", "Nhựt", "Phong", "Sang", "Tín", "Trọng", "Vĩnh"}
	givenFemale = []string{"Anh", "Ánh", "Châu", "Diễm", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hòa", "Hương", "Lan",
		"Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhi", "Như", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang",
		"Trinh", "Tuyết", "Uyên", "Vy", "Yến", "Xuân", "Nhung", "Thư", "Trâm", "Ngọc", "Hiền", "Kiều", "Duyên", "Tiên"}
	ethnicities = []string{"Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Hoa", "Khmer"}
	religions   = []string{"", "", "", "", "", "", "", "", "Phật giáo", "Phật giáo", "Công giáo", "Hòa Hảo", "Cao Đài"}
	streets     = []string{"Nguyễn Huệ", "Hùng Vương", "Trần Hưng Đạo", "Lý Thường Kiệt", "Lê Lợi", "Nguyễn Sinh Sắc", "Võ Văn Kiệt", "Tôn Đức Thắng"}
	languages   = []string{"", "", "", "Tiếng Anh", "Tiếng Anh", "Tiếng Khmer", "Tiếng Hoa"}
	itLevels    = []string{"", "Cơ bản", "Cơ bản", "Nâng cao"}
	enterprises = []string{"Công ty TNHH Thực phẩm Sen Hồng", "Công ty Cổ phần Xuất nhập khẩu Thủy sản Mekong", "Công ty TNHH May mặc Phú Thành",
		"Công ty TNHH Chế biến Nông sản Đồng Tiến"}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// name draws a full name for the gender; a middle name never repeats the
// given one.
func name(r *rand.Rand, female bool) (family, middle, given string) {
	family = pick(r, families)
	if female {
		middle, given = pick(r, middleFemale), pick(r, givenFemale)
	} else {
		middle, given = pick(r, middleMale), pick(r, givenMale)
	}
	for middle == given {
		middle = pick(r, []string{"Thanh", "Minh", "Ngọc", "Hoàng"})
	}
	return family, middle, given
}
