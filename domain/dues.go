package domain

import (
	"fmt"
	"strings"
)

// Union dues (đoàn phí): the rules of NQ 07-NQ/TWĐTN (25/11/2010, in force
// from 01/01/2011) and the Hướng dẫn thực hiện Điều lệ Đoàn, kept as
// settings with the day they apply from, since a province may change them.

// Month is one calendar month, the unit of dues.
type Month struct {
	Year, Month int
}

// MonthOf is the month of a day.
func MonthOf(d Date) Month { return Month{d.Year(), d.Month()} }

// IsZero says whether the month is unset.
func (m Month) IsZero() bool { return m.Year == 0 }

// String is "mm/yyyy", as the ward writes a month.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%04d", m.Month, m.Year)
}

// Key is "yyyy-mm", the month as the register stores it (ISO, so that it
// orders as text).
func (m Month) Key() string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

// ParseMonthKey reads a Key.
func ParseMonthKey(s string) (Month, error) {
	var m Month
	if _, err := fmt.Sscanf(s, "%04d-%02d", &m.Year, &m.Month); err != nil || m.Month < 1 || m.Month > 12 {
		return Month{}, fmt.Errorf("tháng %q không hợp lệ", s)
	}
	return m, nil
}

// ParseMonth reads "mm/yyyy" (or "m/yyyy").
func ParseMonth(s string) (Month, error) {
	var m Month
	if _, err := fmt.Sscanf(s, "%d/%d", &m.Month, &m.Year); err != nil || m.Month < 1 || m.Month > 12 || m.Year < 1900 || m.Year > 2200 {
		return Month{}, ErrMsg("tháng %q không đúng dạng tháng/năm (ví dụ 03/2026)", s)
	}
	return m, nil
}

// Add is the month n months later (earlier for n < 0).
func (m Month) Add(n int) Month {
	i := m.Year*12 + m.Month - 1 + n
	return Month{i / 12, i%12 + 1}
}

// Index counts months from year 0, for differences.
func (m Month) Index() int { return m.Year*12 + m.Month - 1 }

// Before says whether m comes before o.
func (m Month) Before(o Month) bool { return m.Index() < o.Index() }

// First is the month's first day; Last its last.
func (m Month) First() Date { return MustDate(m.Year, m.Month, 1) }

// Last is the month's last day.
func (m Month) Last() Date { return DateOf(m.Add(1).First().Time().AddDate(0, 0, -1)) }

// Quarter is the month's quarter (1–4).
func (m Month) Quarter() int { return (m.Month-1)/3 + 1 }

// QuarterMonths are the three months of quarter q of year y.
func QuarterMonths(y, q int) [3]Month {
	f := Month{y, (q-1)*3 + 1}
	return [3]Month{f, f.Add(1), f.Add(2)}
}

// QuarterEnd is the last day of quarter q of year y.
func QuarterEnd(y, q int) Date { return QuarterMonths(y, q)[2].Last() }

// DuesRules are the dues rules in force from a day: the monthly rates, the
// share each level passes up and the longest exemption.
type DuesRules struct {
	From          Date  // áp dụng từ
	Wage          int64 // đồng a month, members with wages
	NoWage        int64 // members without wages
	Abroad        int64 // the least a member abroad pays
	UpNum, UpDen  int   // the share passed up (1/3)
	MaxExemptions int   // the longest exemption in months (6)
}

// DefaultDuesRules are NQ 07-NQ/TWĐTN's, from 01/01/2011.
func DefaultDuesRules() DuesRules {
	return DuesRules{From: MustDate(2011, 1, 1), Wage: 5000, NoWage: 2000, Abroad: 5000, UpNum: 1, UpDen: 3, MaxExemptions: 6}
}

// Rate is the monthly rate of a category (for a member abroad, the least
// she pays: the grid takes more when she pays more).
func (r DuesRules) Rate(c DuesCategory) int64 {
	switch c {
	case DuesNoWage:
		return r.NoWage
	case DuesAbroad:
		return r.Abroad
	}
	return r.Wage
}

// Split divides a remittance's sum: the share passed up, rounded to the
// đồng (half up), and what the level keeps. On 24.000 đ with 1/3: 8.000
// up, 16.000 kept; on 2.000 đ: 667 up (666,67 rounded), 1.333 kept.
func (r DuesRules) Split(sum int64) (up, kept int64) {
	num, den := int64(r.UpNum), int64(r.UpDen)
	if den <= 0 {
		num, den = 1, 3
	}
	up = (2*sum*num + den) / (2 * den)
	return up, sum - up
}

// ShareLabel is the share passed up and kept, "1/3" and "2/3".
func (r DuesRules) ShareLabel() (up, kept string) {
	return fmt.Sprintf("%d/%d", r.UpNum, r.UpDen), fmt.Sprintf("%d/%d", r.UpDen-r.UpNum, r.UpDen)
}

// CheckDuesRules refuses rules a ward could not mean.
func CheckDuesRules(r *DuesRules) *Checker {
	c := &Checker{}
	if r.From.IsZero() {
		c.Add("From", "Áp dụng từ", "cần ghi ngày áp dụng")
	}
	if r.Wage <= 0 || r.NoWage <= 0 || r.Abroad <= 0 {
		c.Add("Wage", "Mức đóng", "mức đóng phải lớn hơn 0 đồng")
	}
	if r.Abroad > 0 && r.Abroad < r.Wage {
		// NQ 07-NQ/TWĐTN: a member abroad pays "ít nhất 5.000 đ", the
		// rate with wages; a province may raise the least, not lower it
		// under what a member at home with wages pays.
		c.Add("Abroad", "Mức ở nước ngoài", "mức tối thiểu ở nước ngoài (%s đ) không được thấp hơn mức hưởng lương (%s đ)", Money(r.Abroad), Money(r.Wage))
	}
	if r.UpDen <= 0 || r.UpNum <= 0 || r.UpNum >= r.UpDen {
		c.Add("UpNum", "Tỷ lệ nộp lên", "tỷ lệ nộp lên phải là một phân số nhỏ hơn 1 (ví dụ 1/3)")
	}
	if r.MaxExemptions < 1 || r.MaxExemptions > 24 {
		c.Add("MaxExemptions", "Thời gian miễn tối đa", "thời gian miễn tối đa phải từ 1 đến 24 tháng")
	}
	return c
}

// DuesPayment is one payment by a member: one sum on one day covering one
// or more months (a school collects a year at once); the ledger shows each
// month it covers.
type DuesPayment struct {
	ID       int64
	PersonID int64
	BranchID int64 // the branch that collected it
	Date     Date  // ngày thu
	Months   []Month
	// Amounts per month (same length as Months); empty: the rate of each
	// month for the member's category.
	Amounts []int64
	Note    string
}

// Total is what the payment sums to.
func (p *DuesPayment) Total() int64 {
	var t int64
	for _, a := range p.Amounts {
		t += a
	}
	return t
}

// DuesExemption is an exemption decided by the ward's committee (BCH Đoàn
// cơ sở) for hardship: the months are not owed.
type DuesExemption struct {
	ID             int64
	PersonID       int64
	From           Month
	Months         int
	DecisionNumber string // số quyết định
	DecisionDate   Date
	Reason         string
}

// Covers says whether the exemption covers month m.
func (e *DuesExemption) Covers(m Month) bool {
	return !m.Before(e.From) && m.Index() < e.From.Index()+e.Months
}

// To is the exemption's last month.
func (e *DuesExemption) To() Month { return e.From.Add(e.Months - 1) }

// CheckDuesExemption applies the rules of an exemption (at most max
// months, with a decision).
func CheckDuesExemption(e *DuesExemption, max int) *Checker {
	c := &Checker{}
	if e.PersonID == 0 {
		c.Add("PersonID", "Đoàn viên", "cần chọn đoàn viên được miễn")
	}
	if e.From.IsZero() {
		c.Add("From", "Từ tháng", "cần ghi tháng bắt đầu miễn")
	}
	if e.Months < 1 {
		c.Add("Months", "Số tháng miễn", "số tháng miễn phải từ 1 tháng trở lên")
	} else if e.Months > max {
		c.Add("Months", "Số tháng miễn", "miễn đoàn phí tối đa %d tháng (Hướng dẫn thực hiện Điều lệ Đoàn), không thể miễn %d tháng", max, e.Months)
	}
	if e.DecisionNumber == "" {
		c.Add("DecisionNumber", "Số quyết định", "cần ghi số quyết định miễn của Ban Chấp hành Đoàn cơ sở")
	}
	if e.DecisionDate.IsZero() {
		c.Add("DecisionDate", "Ngày quyết định", "cần ghi ngày quyết định")
	}
	return c
}

// RemitLevel is who passes dues up: a branch to the ward, or the ward to
// the Tỉnh Đoàn.
type RemitLevel string

const (
	RemitBranch RemitLevel = "branch" // chi đoàn → Đoàn cơ sở, monthly
	RemitWard   RemitLevel = "ward"   // Đoàn cơ sở → Tỉnh Đoàn, quarterly
)

// RemitLevels lists the levels with their Vietnamese labels.
var RemitLevels = []Choice{{"branch", "Chi đoàn nộp Đoàn cơ sở"}, {"ward", "Đoàn cơ sở nộp Tỉnh Đoàn"}}

// DuesRemittance is one remittance (trích nộp): the sum a level received
// in a period, the share it passes up (rounded to the đồng) and what it
// keeps.
type DuesRemittance struct {
	ID       int64
	Level    RemitLevel
	BranchID int64 // the branch remitting (RemitBranch)
	Year     int
	// Period is the month (RemitBranch) or the quarter (RemitWard).
	Period     int
	Date       Date
	Sum        int64 // what the level received for the period
	Up         int64 // passed up
	Kept       int64 // kept
	PaidBy     string
	ReceivedBy string
	Note       string

	BranchName string // derived, filled by reads
}

// PeriodLabel is "tháng 03/2026" or "quý I/2026".
func (r *DuesRemittance) PeriodLabel() string {
	if r.Level == RemitWard {
		return fmt.Sprintf("quý %s/%d", RomanQuarter(r.Period), r.Year)
	}
	return "tháng " + Month{r.Year, r.Period}.String()
}

// RomanQuarter is I–IV.
func RomanQuarter(q int) string {
	if q >= 1 && q <= 4 {
		return []string{"I", "II", "III", "IV"}[q-1]
	}
	return fmt.Sprint(q)
}

// CheckDuesRemittance checks a remittance before it is recorded.
func CheckDuesRemittance(r *DuesRemittance) *Checker {
	c := &Checker{}
	switch r.Level {
	case RemitBranch:
		if r.BranchID == 0 {
			c.Add("BranchID", "Chi đoàn", "cần chọn chi đoàn nộp")
		}
		if r.Period < 1 || r.Period > 12 {
			c.Add("Period", "Tháng", "tháng phải từ 1 đến 12")
		}
	case RemitWard:
		if r.Period < 1 || r.Period > 4 {
			c.Add("Period", "Quý", "quý phải từ 1 đến 4")
		}
	default:
		c.Add("Level", "Cấp nộp", "cấp nộp %q không có trong danh mục", r.Level)
	}
	if r.Date.IsZero() {
		c.Add("Date", "Ngày nộp", "cần ghi ngày nộp")
	}
	if r.Sum < 0 {
		c.Add("Sum", "Số tiền", "số tiền không được âm")
	}
	if r.PaidBy == "" {
		c.Add("PaidBy", "Người nộp", "cần ghi người nộp")
	}
	if r.ReceivedBy == "" {
		c.Add("ReceivedBy", "Người nhận", "cần ghi người nhận")
	}
	return c
}

// DuesCell is one member's month in a grid or ledger.
type DuesCell struct {
	Owed bool // she was a member of the sheet's branch that month, so owed it unless exempt
	// Category is her dues category in force that month (on the day the
	// month is counted: its last, or the cut-off); Rate its rate.
	Category DuesCategory
	Rate     int64
	Amount   int64 // paid for the month (0: not paid)
	Paid     bool
	Exempt   bool
	// PaymentID is the payment that covered the month; Shared says that
	// payment covered other months too.
	PaymentID int64
	Shared    bool
	PaidOn    Date
	// Later says the month begins after the cut-off: nothing is owed yet,
	// though it may be paid ahead.
	Later bool
}

// Text is what a grid or the ledger prints: the amount, M for exempt,
// blank when owed and not paid (and "–" when not a member that month).
func (c DuesCell) Text() string {
	switch {
	case c.Paid:
		return Money(c.Amount)
	case c.Exempt:
		return "M"
	case c.Later:
		return ""
	case !c.Owed:
		return "–"
	}
	return ""
}

// Unpaid says the month is owed, not exempt and not paid.
func (c DuesCell) Unpaid() bool { return c.Owed && !c.Exempt && !c.Paid }

// DuesRow is one member's months (3 in a quarter grid, 12 in a ledger).
type DuesRow struct {
	PersonID int64
	Name     string
	Family   string // for sorting and printing
	// Category is her category in the row's last month counted in this
	// sheet (see Categories for a change within the sheet's months).
	Category DuesCategory
	Cells    []DuesCell
}

// DuesSpan is a run of months a member paid at one category.
type DuesSpan struct {
	Category DuesCategory
	From, To Month
}

// Categories are the row's categories over the months counted in the
// sheet (months: the sheet's), one span per run: one span when her
// category did not change.
func (r *DuesRow) Categories(months []Month) []DuesSpan {
	var out []DuesSpan
	for i, c := range r.Cells {
		if c.Category == "" || !(c.Owed || c.Paid) || i >= len(months) {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Category == c.Category {
			out[n-1].To = months[i]
			continue
		}
		out = append(out, DuesSpan{Category: c.Category, From: months[i], To: months[i]})
	}
	return out
}

// CategoryText is the row's category in words: its label, or, when it
// changed within the months, each with the months it held ("Không hưởng
// lương (T1–T5); Hưởng lương (T6–T12)"); short gives the label a narrow
// column prints.
func (r *DuesRow) CategoryText(months []Month, short func(DuesCategory) string) string {
	spans := r.Categories(months)
	if len(spans) <= 1 {
		return short(r.Category)
	}
	parts := make([]string, len(spans))
	for i, sp := range spans {
		span := fmt.Sprintf("T%d", sp.From.Month)
		if sp.To != sp.From {
			span += fmt.Sprintf("–T%d", sp.To.Month)
		}
		parts[i] = fmt.Sprintf("%s (%s)", short(sp.Category), span)
	}
	return strings.Join(parts, "; ")
}

// Total is what the row paid.
func (r *DuesRow) Total() int64 {
	var t int64
	for _, c := range r.Cells {
		if c.Paid {
			t += c.Amount
		}
	}
	return t
}

// Owed is what the row owed (months owed and not exempt, at their rates).
func (r *DuesRow) Owed() int64 {
	var t int64
	for _, c := range r.Cells {
		if c.Owed && !c.Exempt {
			t += c.Rate
		}
	}
	return t
}

// DuesSheet is a branch's months for a set of months: the quarter grid
// (three months) or the year's ledger (twelve).
type DuesSheet struct {
	BranchID   int64
	BranchName string
	Year       int
	Months     []Month
	Cutoff     Date
	Rows       []DuesRow
}

// MonthTotal is what was paid for month i.
func (s *DuesSheet) MonthTotal(i int) int64 {
	var t int64
	for _, r := range s.Rows {
		if c := r.Cells[i]; c.Paid {
			t += c.Amount
		}
	}
	return t
}

// Total is what the sheet's rows paid.
func (s *DuesSheet) Total() int64 {
	var t int64
	for i := range s.Rows {
		t += s.Rows[i].Total()
	}
	return t
}

// DuesGridEntry is one cell typed in the quarter grid: the amount paid
// for a member's month, 0 to clear it.
type DuesGridEntry struct {
	PersonID int64
	Month    Month
	Amount   int64
	// Date is the day this month was paid, when it differs from the
	// save's (a sheet's own column); zero: the save's.
	Date Date
}

// DuesGridSave is a quarter grid as saved: every cell that changed, and
// the day the money was collected (the payments' date).
type DuesGridSave struct {
	BranchID int64
	Year     int
	Quarter  int // 0: the whole year (an imported sheet)
	Date     Date
	Entries  []DuesGridEntry
}

// DuesSummaryRow is one branch's line of the quarter summary (Bảng tổng
// hợp thu, nộp đoàn phí).
type DuesSummaryRow struct {
	BranchID   int64
	BranchName string
	Members    int   // đoàn viên at the quarter's end (or the cut-off)
	OwedWage   int64 // owed by members with wages
	OwedNoWage int64 // owed by members without wages
	OwedAbroad int64 // owed by members abroad (at the least rate)
	Exempt     int64 // the owed sum exempted
	Due        int64 // OwedWage + OwedNoWage + OwedAbroad − Exempt
	Collected  int64 // paid for the quarter's months
	Kept       int64 // kept by the branch, by its remittances
	Up         int64 // passed up, by its remittances
	Remitted   Date  // the latest remittance of the quarter (zero: none)
}

// DuesSummary is the quarter summary of the ward.
type DuesSummary struct {
	Year, Quarter int
	Cutoff        Date
	Rules         DuesRules
	Rows          []DuesSummaryRow
	Total         DuesSummaryRow
	// WardRemit is the ward's remittance to the Tỉnh Đoàn for the quarter
	// (nil: not yet).
	WardRemit *DuesRemittance
}

// DuesUnpaid is a member's months owed and not paid.
type DuesUnpaid struct {
	PersonID   int64
	Name       string
	BranchName string
	Category   DuesCategory
	Months     []Month
	Amount     int64
}

// CashEntry is one line of a branch's cash book (sổ theo dõi thu, chi).
type CashEntry struct {
	ID       int64
	BranchID int64
	Date     Date
	Content  string
	Receipt  int64 // thu
	Spending int64 // chi
	// RemittanceID links the dues kept (2/3) entered by a remittance;
	// such a line changes only with its remittance.
	RemittanceID int64
	Balance      int64 // derived: the balance after the line
}

// CheckCashEntry checks a line typed by hand.
func CheckCashEntry(e *CashEntry) *Checker {
	c := &Checker{}
	if e.BranchID == 0 {
		c.Add("BranchID", "Chi đoàn", "cần chọn chi đoàn")
	}
	if e.Date.IsZero() {
		c.Add("Date", "Ngày", "cần ghi ngày")
	}
	if e.Content == "" {
		c.Add("Content", "Nội dung", "cần ghi nội dung")
	}
	if e.Receipt < 0 || e.Spending < 0 {
		c.Add("Receipt", "Số tiền", "số tiền không được âm")
	}
	if (e.Receipt == 0) == (e.Spending == 0) {
		c.Add("Receipt", "Số tiền", "mỗi dòng ghi hoặc một khoản thu hoặc một khoản chi")
	}
	return c
}

// Money prints an amount of đồng with dots between thousands: 24.000.
func Money(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := fmt.Sprint(n)
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// ParseMoney reads "24.000", "24000" or "24 000" (đồng).
func ParseMoney(s string) (int64, error) {
	var n int64
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int64(r-'0')
			digits++
			if n > 1e12 {
				return 0, ErrMsg("số tiền %q quá lớn", s)
			}
		case r == '.' || r == ' ' || r == ',' || r == 'đ' || r == 'Đ':
		default:
			return 0, ErrMsg("số tiền %q không phải là một số đồng (ví dụ 24.000)", s)
		}
	}
	if digits == 0 {
		return 0, ErrMsg("số tiền %q không phải là một số đồng (ví dụ 24.000)", s)
	}
	return n, nil
}

// CashBook is a branch's cash book over a span.
type CashBook struct {
	BranchID   int64
	BranchName string
	From, To   Date
	Opening    int64 // balance brought forward
	Entries    []CashEntry
	Receipts   int64
	Spending   int64
	Closing    int64
}

// MemberPeriod is a stretch of days over which a member's dues category,
// or her branch, held one value: From (zero: since she was entered) up to
// To, the day before the next value took over (zero: still in force).
type MemberPeriod struct {
	From, To   Date
	Category   DuesCategory // the dues category's history
	BranchID   int64        // the branch's history (0: none)
	BranchName string
}
