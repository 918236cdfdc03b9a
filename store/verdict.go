package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// settingYearStart holds the first day of the working year as "dd/mm"
// (default 01/01: the calendar year).
const settingYearStart = "report.year_start"

// WorkingYearStart is the day and month the working year begins on
// (1 January unless set, e.g. 1 October for a year running to 30
// September).
func (s *Store) WorkingYearStart(ctx context.Context) (day, month int, err error) {
	v, err := s.Setting(ctx, settingYearStart)
	if err != nil || v == "" {
		return 1, 1, err
	}
	day, month, ok := domain.ParseDayMonth(v)
	if !ok {
		return 1, 1, nil
	}
	return day, month, nil
}

// SetWorkingYearStart sets the first day of the working year, "dd/mm".
func (s *Store) SetWorkingYearStart(ctx context.Context, dayMonth string) error {
	d, m, err := domain.CheckYearStart(dayMonth)
	if err != nil {
		return err
	}
	return s.SetSetting(ctx, settingYearStart, fmt.Sprintf("%02d/%02d", d, m))
}

// YearSpan is working year year counted up to the cut-off: a zero cutoff
// counts to the year's end, or to today while the year runs.
func (s *Store) YearSpan(ctx context.Context, year int, cutoff domain.Date) (domain.Span, error) {
	if err := domain.CheckYear(year); err != nil {
		return domain.Span{}, err
	}
	d, m, err := s.WorkingYearStart(ctx)
	if err != nil {
		return domain.Span{}, err
	}
	return domain.YearSpanOf(year, d, m, cutoff, s.Today()), nil
}
