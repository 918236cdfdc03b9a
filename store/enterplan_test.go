package store

import (
	"context"
	"testing"

	"sodoan/domain"
)

// enterPlan enters through SavePlan the plan these tests measure against:
// a new register has no plan of its own any more (it used to be seeded
// with 25-KH/ĐTN 2018–2022 and the city's figures, which the tests built
// on), so a test that judges targets enters that same plan explicitly.
func enterPlan(t testing.TB, st *Store) domain.Plan {
	t.Helper()
	p := domain.Plan{Number: "25-KH/ĐTN", StartYear: 2018, EndYear: 2022, Current: true,
		Title: "Đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn TNCS Hồ Chí Minh các cấp, giai đoạn 2018 - 2022"}
	p.Indicators = domain.UpperIndicators()
	if err := st.SavePlan(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}
