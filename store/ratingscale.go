package store

import (
	"context"

	"sodoan/domain"
)

// The scale a branch or the ward Union is rated on changed: the older
// one ran vững mạnh, khá, trung bình, yếu; the one in force rates how
// well the organisation carried out its tasks. The register stores the
// four levels as the same codes (UnitRatings) and prints them in the scale
// the ward chooses.

const settingRatingScale = "report.rating_scale"

// RatingScale is the scale the ward rates its organisations on
// (ScaleTasks unless set).
func (s *Store) RatingScale(ctx context.Context) (string, error) {
	v, err := s.Setting(ctx, settingRatingScale)
	if err != nil || !domain.ValidCode(domain.RatingScales, v) {
		return domain.ScaleTasks, err
	}
	return v, nil
}

// SetRatingScale chooses the scale.
func (s *Store) SetRatingScale(ctx context.Context, scale string) error {
	if err := domain.CheckRatingScale(scale); err != nil {
		return err
	}
	return s.SetSetting(ctx, settingRatingScale, scale)
}

// RatingChoices is UnitRatingChoices on the ward's current scale.
func (s *Store) RatingChoices(ctx context.Context) ([]domain.Choice, error) {
	scale, err := s.RatingScale(ctx)
	return domain.UnitRatingChoices(scale), err
}
