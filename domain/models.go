package domain

import (
	"fmt"
	"strings"
)

// Targets 2.1 and 2.2b are met by things a ward can name: the propaganda
// models and the social-network pages it runs (2.1), and the economic
// models it supports each year (2.2b). Each is a dated record, so that a
// report counts only those started or supported by its cut-off, and names
// them.

// ModelTarget is the target a model record counts in.
type ModelTarget string

// The targets models count in.
const (
	ModelOutreach ModelTarget = "outreach" // 2.1: mô hình tuyên truyền, trang mạng xã hội
	ModelEconomic ModelTarget = "economic" // 2.2b: mô hình phát triển kinh tế được hỗ trợ
)

// ModelTargets names the targets as the register's history shows them.
var ModelTargets = []Choice{{string(ModelOutreach), "2.1"}, {string(ModelEconomic), "2.2b"}}

// OutreachKinds are the kinds of 2.1's records.
var OutreachKinds = []Choice{
	{"model", "Mô hình tuyên truyền, giáo dục"},
	{"page", "Trang mạng xã hội"},
}

// EconomicKinds are the kinds of economic model the Union supports
// (2.2b): a cooperative group of the register, a cooperative, a
// household's or one young person's own model.
var EconomicKinds = []Choice{
	{"coop", "Tổ hợp tác"},
	{"cooperative", "Hợp tác xã"},
	{"household", "Hộ gia đình"},
	{"individual", "Cá nhân"},
}

// ModelKinds are the kinds of a target's records.
func ModelKinds(t ModelTarget) []Choice {
	if t == ModelOutreach {
		return OutreachKinds
	}
	return EconomicKinds
}

// TargetModel is one named record of 2.1 or 2.2b.
type TargetModel struct {
	ID       int64 // 0: a group ticked "supported" on the Tổ hợp tác screen, not yet a record of its own
	Target   ModelTarget
	Kind     string
	Name     string
	Link     string // 2.1: the page's address or the model's description
	Owner    string // 2.2b: the household, person or group that runs it
	BranchID int64  // the branch that runs or proposed it (0: the ward)
	CoopID   int64  // 2.2b: the cooperative group of the register it is
	Date     Date   // 2.1: started; 2.2b: the day the support was given
	Ended    Date   // 2.1: the day it stopped (zero: still running)
	Support  string // 2.2b: what the Union gave (vốn, kỹ thuật, giới thiệu vay…)
	Note     string
}

// KindLabel is the kind's Vietnamese name.
func (m TargetModel) KindLabel() string { return LabelOf(ModelKinds(m.Target), m.Kind) }

// Named is the model as a report names it: "trang “Tuổi trẻ phường 1”
// (facebook.com/…)", "hộ gia đình “Nuôi lươn” (hộ anh Trần Văn Bảy)".
func (m TargetModel) Named() string {
	kind := LowerFirst(m.KindLabel())
	if m.Target == ModelOutreach && m.Kind == "page" {
		kind = "trang"
	}
	out := fmt.Sprintf("%s “%s”", kind, m.Name)
	extra := m.Link
	if m.Target == ModelEconomic {
		extra = m.Owner
	}
	if extra != "" {
		out += " (" + extra + ")"
	}
	return out
}

// NameList names up to max models, then how many more: "trang “A”
// (…); mô hình “B” và 2 mô hình khác".
func NameList(ms []TargetModel, max int) string {
	var parts []string
	for i, m := range ms {
		if i == max {
			break
		}
		parts = append(parts, m.Named())
	}
	out := strings.Join(parts, "; ")
	if len(ms) > max {
		out += fmt.Sprintf(" và %d mô hình khác", len(ms)-max)
	}
	return out
}

// CheckTargetModel cleans and checks a model record.
func CheckTargetModel(m *TargetModel, today Date) *Checker {
	m.Name, m.Link, m.Owner, m.Support, m.Note = Clean(m.Name), Clean(m.Link), Clean(m.Owner), Clean(m.Support), CleanLines(m.Note)
	c := &Checker{}
	c.Text("Name", "Tên mô hình", m.Name, RuleLine)
	c.Text("Link", "Địa chỉ trang hoặc mô tả", m.Link, RuleAddress)
	c.Text("Owner", "Chủ mô hình", m.Owner, RuleLine)
	c.Text("Support", "Hỗ trợ của Đoàn", m.Support, RuleAddress)
	c.Text("Note", "Ghi chú", m.Note, RuleNote)
	if m.Target != ModelOutreach && m.Target != ModelEconomic {
		c.Add("Target", "Chỉ tiêu", "%q không có: 2.1 (outreach) hoặc 2.2b (economic)", m.Target)
	} else if !ValidCode(ModelKinds(m.Target), m.Kind) {
		c.Add("Kind", "Loại mô hình", "%q không có trong danh mục", m.Kind)
	}
	if m.Name == "" {
		c.Add("Name", "Tên mô hình", "không được để trống")
	}
	label := "Ngày bắt đầu"
	if m.Target == ModelEconomic {
		label = "Ngày hỗ trợ"
	}
	if m.Date.IsZero() {
		c.Add("Date", label, "không được để trống")
	} else if m.Date.After(today) {
		c.Add("Date", label, "%s ở tương lai", m.Date)
	}
	if !m.Ended.IsZero() && !m.Date.IsZero() && m.Ended.Before(m.Date) {
		c.Add("Ended", "Ngày ngừng", "%s trước ngày bắt đầu %s", m.Ended, m.Date)
	}
	if m.Target == ModelEconomic && m.Kind != "coop" {
		m.CoopID = 0
	}
	return c
}
