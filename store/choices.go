package store

// ChoiceLists names every fixed list of the register, so that a window can
// check it has a translation for every label it may show.
func ChoiceLists() map[string][]Choice {
	return map[string][]Choice{
		"DocumentTypes":  DocumentTypes,
		"Genders":        Genders,
		"BranchKinds":    BranchKinds,
		"Occupations":    Occupations,
		"TheoryLevels":   TheoryLevels,
		"Qualifications": Qualifications,
		"Ratings":        Ratings,
		"UnitRatings":    UnitRatings,
		"EventKinds":     EventKinds,
		"Statuses":       Statuses,
		"Positions":      Positions,
		"ClubKinds":      ClubKinds,
		"LegalBases":     LegalBases,
		"Metrics":        Metrics,
		"TrashKinds":     TrashKinds,
		"ClubRoles":      ClubRoles,
		"CoopRoles":      CoopRoles,
	}
}
