// Package domain is what a ward Union's register means, with no storage:
// the records (people, membership events, branches, clubs, cooperative
// groups, the ward's yearly figures, plans and their targets, documents),
// the fixed lists and roles and their Vietnamese labels, calendar dates,
// the Vietnamese text rules (NFC, one tone placement, folding for search,
// collation keys for name order), the limits and checks of every field with
// their Vietnamese messages, the spans of a working year, the measures of
// the plan's targets and the verdicts on them, the situation tallies and
// the drafts of a report's texts.
//
// It must not import database/sql, an SQL driver, a PDF or spreadsheet
// library, Fyne, or any other package of Sổ Đoàn but assets (the font's
// coverage, for the text rules): every other package imports it. How a
// date or a choice is written in the register is store's business (see
// store's sqlDate).
package domain
