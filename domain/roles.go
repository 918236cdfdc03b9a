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

// OfficeMinAge is the youngest age at which a Union member takes an
// office: a cadre of a branch or of the ward is 16 or older on the day the
// term starts.
const OfficeMinAge = 16

// CheckOfficeHolder checks a term of office against its holder: a Union
// office starts on or after the holder's admission to the Union and at
// OfficeMinAge or older. The message names the person, the office and the
// dates, so that it reads the same on the form, in an import's list of
// problems and in the register's check.
func CheckOfficeHolder(pos *Position, holder *Person) *Checker {
	c := &Checker{}
	officeHolderRules(pos, holder, c, "Start", "Từ ngày", "Start", "Từ ngày")
	return c
}

// CheckHolderOffices checks an edit of a person against the offices she
// holds (a later admission date, a corrected birth date), on the fields
// of the person's form.
func CheckHolderOffices(p *Person, offices []Position) *Checker {
	c := &Checker{}
	for i := range offices {
		officeHolderRules(&offices[i], p, c, "AdmissionDate", fieldLabel("AdmissionDate"), "BirthDate", fieldLabel("BirthDate"))
	}
	return c
}

// officeHolderRules adds to c what pos breaks for its holder: the
// admission rule on the field admField, the age rule on ageField.
func officeHolderRules(pos *Position, holder *Person, c *Checker, admField, admLabel, ageField, ageLabel string) {
	if pos.Start.IsZero() {
		return // CheckPosition asks for it
	}
	name, office := holder.FullName(), pos.Kind.Label()
	switch {
	case !holder.UnionMember || holder.AdmissionDate.IsZero():
		c.Add(admField, admLabel, "%s chưa vào Đoàn nên không giữ chức %s từ %s: nhập ngày vào Đoàn trước", name, office, pos.Start)
	case pos.Start.Before(holder.AdmissionDate):
		c.Add(admField, admLabel, "%s giữ chức %s từ %s, trước ngày vào Đoàn %s: chức vụ Đoàn bắt đầu từ ngày vào Đoàn trở đi",
			name, office, pos.Start, holder.AdmissionDate)
	}
	if !holder.BirthDate.IsZero() && holder.BirthDate.AgeOn(pos.Start) < OfficeMinAge {
		c.Add(ageField, ageLabel, "%s giữ chức %s từ %s khi mới %d tuổi (sinh %s): phải từ đủ %d tuổi",
			name, office, pos.Start, holder.BirthDate.AgeOn(pos.Start), holder.BirthDate, OfficeMinAge)
	}
}
