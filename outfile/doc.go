// Package outfile guards every file Sổ Đoàn writes besides the register
// itself (documents, exports, packages): Output is the one place that
// decides whether a path may be written, so that neither the window nor
// the command line can put a PDF over the register, its companion files,
// its backups or any other SQLite file, however the path is spelt, and an
// existing file is replaced only when the user said so. Files are written
// aside and moved into place, readable by their owner alone.
//
// It knows paths and files only: it must not import store, report, sheet,
// issuing or ui (store gives an Output the register's path).
package outfile
