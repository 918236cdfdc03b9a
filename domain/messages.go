package domain

import (
	"fmt"
	"strings"
)

// FieldError is one broken rule: which record (Row, 1-based, 0 for a single
// record), which field, and why, in Vietnamese.
type FieldError struct {
	Row   int
	Field string // Go field name, e.g. "BirthDate", for the UI to place the message
	Label string // Vietnamese field label, e.g. "Ngày sinh"
	Msg   string
	// Format and Args are Msg before formatting: the Vietnamese wording is
	// the key under which a window's translations hold the same message in
	// another language.
	Format string
	Args   []any
}

// Error reads "Dòng 3, Ngày sinh: …", or without the row for a single record.
func (e FieldError) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("Dòng %d, %s: %s", e.Row, e.Label, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Label, e.Msg)
}

// ValidationError gathers every broken rule of a change; when a store
// method returns one, nothing was written.
type ValidationError struct {
	Errors []FieldError
}

// Error joins every message, so that a log or a dialog shows them all.
func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, f := range e.Errors {
		msgs[i] = f.Error()
	}
	return strings.Join(msgs, "; ")
}

// For returns the message for a field ("" when the field is fine).
func (e *ValidationError) For(field string) string {
	for _, f := range e.Errors {
		if f.Field == field {
			return f.Msg
		}
	}
	return ""
}

// Checker collects the problems of one record (Row: its row in a sheet,
// 0 in a form), so that a form or an import shows them all at once.
type Checker struct {
	Row  int
	Errs []FieldError
}

// Add records a problem of field (label: its Vietnamese name).
func (c *Checker) Add(field, label, format string, args ...any) {
	c.Errs = append(c.Errs, FieldError{Row: c.Row, Field: field, Label: label, Msg: fmt.Sprintf(format, args...), Format: format, Args: args})
}

// MessageError is an error whose Vietnamese text is Format filled with
// Args; a window translates Format and fills it the same way.
type MessageError struct {
	Format string
	Args   []any
}

// Error is the message in Vietnamese.
func (e *MessageError) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

// Message gives the error as a format and its arguments (see Translatable).
func (e *MessageError) Message() (string, []any) { return e.Format, e.Args }

// Translatable is an error a window can show in its own language: its
// Vietnamese format is the key of the translation, and an argument that is
// itself a Message is translated the same way.
type Translatable interface {
	error
	Message() (format string, args []any)
}

// Message is a format with its arguments, as an argument of another
// message; it prints as the Vietnamese text.
type Message struct {
	Format string
	Args   []any
}

// String is the Vietnamese text.
func (m Message) String() string { return fmt.Sprintf(m.Format, m.Args...) }

// ErrMsg makes a *MessageError.
func ErrMsg(format string, args ...any) error { return &MessageError{Format: format, Args: args} }

// Err is the problems found as a *ValidationError, or nil.
func (c *Checker) Err() error {
	if len(c.Errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: c.Errs}
}
