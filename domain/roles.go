package domain

// ClubRoles and CoopRoles are the usual roles of a member of a club and of
// a cooperative group, offered when a member is added. The role is free
// text (a ward may name others); the stored value is the Vietnamese word,
// which the reports print and a window translates (Code and Label are the
// same Vietnamese word).
var (
	ClubRoles = []Choice{
		{"Chủ nhiệm", "Chủ nhiệm"},
		{"Phó chủ nhiệm", "Phó chủ nhiệm"},
		{"Thư ký", "Thư ký"},
		{"Thành viên", "Thành viên"},
		{"Cố vấn", "Cố vấn"},
	}
	CoopRoles = []Choice{
		{"Tổ trưởng", "Tổ trưởng"},
		{"Tổ phó", "Tổ phó"},
		{"Tổ viên", "Tổ viên"},
		{"Thành viên", "Thành viên"},
	}
)

// KnownRole returns the usual role of list that role names, however it
// is spelled (accents, case); ok is false for a role of the ward's own.
func KnownRole(list []Choice, role string) (Choice, bool) {
	f := Fold(role)
	for _, c := range list {
		if Fold(c.Code) == f {
			return c, true
		}
	}
	return Choice{}, false
}
