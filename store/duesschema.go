package store

import "sodoan/domain"

// The dues tables (issue 20) join the register's maps here, in one place,
// so that the history, the recycle bin and the checks know them: their
// keys, Vietnamese labels, the history's kind, and the rows that go to the
// bin with a person or a branch.
func init() {
	for t, k := range map[string][]string{
		"dues_rules": {"from_date"}, "dues_paid": {"person_id", "month"}, "dues_exemptions": {"id"},
		"dues_remittances": {"id"}, "cash_entries": {"id"},
	} {
		tableKeys[t] = k
	}
	for t, l := range map[string]string{
		"dues_rules": "Mức đóng đoàn phí", "dues_paid": "Đoàn phí đã đóng", "dues_exemptions": "Miễn đoàn phí",
		"dues_remittances": "Trích nộp đoàn phí", "cash_entries": "Sổ thu, chi chi đoàn",
	} {
		tableLabels[t] = l
	}
	for c, l := range map[string]string{
		"from_date": "Áp dụng từ", "wage": "Mức hưởng lương (đồng/tháng)", "no_wage": "Mức không hưởng lương (đồng/tháng)",
		"abroad": "Mức tối thiểu ở nước ngoài (đồng/tháng)", "up_num": "Tỷ lệ nộp lên (tử số)", "up_den": "Tỷ lệ nộp lên (mẫu số)",
		"max_exempt": "Số tháng miễn tối đa", "month": "Tháng", "amount": "Số tiền (đồng)", "payment": "Lần đóng",
		"from_month": "Từ tháng", "months": "Số tháng", "decision_number": "Số quyết định", "decision_date": "Ngày quyết định",
		"level": "Cấp nộp", "sum": "Số tiền thu (đồng)", "up": "Nộp lên (đồng)", "kept": "Giữ lại (đồng)",
		"paid_by": "Người nộp", "received_by": "Người nhận", "content": "Nội dung", "receipt": "Thu (đồng)",
		"spending": "Chi (đồng)", "remittance_id": "Lần trích nộp", "dues_paid.date": "Ngày đóng",
		"dues_remittances.date": "Ngày nộp", "dues_remittances.period": "Tháng/quý", "cash_entries.date": "Ngày",
	} {
		columnLabels[c] = l
	}
	historyKindTables["dues"] = []string{"dues_rules", "dues_paid", "dues_exemptions", "dues_remittances", "cash_entries"}
	// Before the recycle bin, which stays last.
	n := len(HistoryKinds) - 1
	HistoryKinds = append(HistoryKinds[:n:n], domain.Choice{Code: "dues", Label: "Đoàn phí, sổ thu chi"}, HistoryKinds[n])

	p := trashSpecs[domain.TrashPerson]
	p.children = append(p.children, trashLinkSpec{"dues_paid", "person_id"}, trashLinkSpec{"dues_exemptions", "person_id"})
	trashSpecs[domain.TrashPerson] = p
	b := trashSpecs[domain.TrashBranch]
	b.children = append(b.children, trashLinkSpec{"cash_entries", "branch_id"})
	b.links = append(b.links, trashLinkSpec{"dues_remittances", "branch_id"})
	trashSpecs[domain.TrashBranch] = b
}
