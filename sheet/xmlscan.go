package sheet

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// errUnsupported says the fast worksheet reader met XML it does not read
// exactly as encoding/xml would (a CDATA section, a DOCTYPE, an unknown
// entity, a declared encoding other than UTF-8, broken nesting…). The
// caller then reads the sheet with excelize, which stays the reference.
var errUnsupported = errors.New("xlsx: needs the full XML decoder")

// errTooBig is a worksheet beyond what Excel writes: a text or a tag of
// more than 16 MB (a cell holds 32,767 characters), a row past column
// XFD. A damaged or hostile file is refused before it fills the memory.
var (
	errTooBig  = errors.New("tệp hỏng hoặc không phải bảng tính Excel")
	errTooLong = fmt.Errorf("%w: một ô hoặc một thẻ XML dài hơn 16 MB", errTooBig)
	errTooWide = fmt.Errorf("%w: một dòng có hơn 16.384 ô", errTooBig)
)

// maxToken bounds a text or a tag.
const maxToken = 16 << 20

// xmlTok is the kind of token xmlScanner.next returns.
type xmlTok int

const (
	tokEOF   xmlTok = iota
	tokStart        // <name attr="v">; a self-closing element gives tokStart then tokEnd
	tokEnd          // </name>
	tokText         // character data between two tags, raw (entities not decoded)
)

// xmlAttr is one attribute of the current start element: its local name
// and its raw value (entities not decoded).
type xmlAttr struct {
	name, value []byte
}

// xmlScanner is a minimal streaming XML tokenizer for the parts of an
// .xlsx workbook: a worksheet of 100,000 rows is 150 MB of XML, which
// encoding/xml decodes at about 30 MB/s with an allocation per token; this
// reads it in place from a bufio.Reader. It checks what encoding/xml
// checks (well-formed tags, matching end tags, valid UTF-8, XML
// characters) and gives up with errUnsupported on whatever it does not
// handle, rather than read it differently.
//
// The slices it returns (name, attrs, text) are valid until the next call
// of next.
type xmlScanner struct {
	br   *bufio.Reader
	name []byte    // local name of the current start or end element
	attr []xmlAttr // attributes of the current start element
	text []byte    // raw character data of a tokText

	inTag     bool // a '<' was read: the next token is a tag
	selfClose bool // the last start element was <…/>: an end is due
	started   bool // the root element has begun

	stack []byte // the open elements' full names, each followed by 0
	acc   []byte // accumulates a text or tag longer than the buffer
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{br: bufio.NewReaderSize(r, 256<<10)}
}

// next reads the next token. It returns tokEOF at the end of the input
// (an error if elements are left open) and errUnsupported on XML it does
// not read.
func (x *xmlScanner) next() (xmlTok, error) {
	if x.selfClose {
		x.selfClose = false
		return tokEnd, x.pop()
	}
	if !x.inTag {
		text, err := x.readUntil('<')
		if err == io.EOF {
			if len(x.stack) > 0 || !x.started {
				return tokEOF, errUnsupported
			}
			if !isSpace(text) {
				return tokEOF, errUnsupported
			}
			return tokEOF, nil
		}
		if err != nil {
			return tokEOF, err
		}
		x.inTag = true
		if len(text) > 0 {
			if !validChars(text) {
				return tokEOF, errUnsupported
			}
			if len(x.stack) == 0 && !isSpace(text) {
				return tokEOF, errUnsupported // text outside the root element
			}
			x.text = text
			return tokText, nil
		}
	}
	x.inTag = false
	tag, err := x.readTag()
	if err != nil {
		return tokEOF, err
	}
	switch {
	case len(tag) == 0:
		return tokEOF, errUnsupported
	case tag[0] == '?':
		// The XML declaration or a processing instruction: only UTF-8
		// is read here (encoding/xml would convert another charset).
		if !bytes.HasSuffix(tag, []byte("?")) {
			return tokEOF, errUnsupported
		}
		if bytes.HasPrefix(tag, []byte("?xml ")) {
			if i := bytes.Index(tag, []byte("encoding")); i >= 0 {
				enc := bytes.TrimLeft(tag[i+len("encoding"):], " \t\r\n=")
				if len(enc) < 7 || !bytes.EqualFold(enc[1:6], []byte("utf-8")) || enc[6] != enc[0] {
					return tokEOF, errUnsupported
				}
			}
		}
		return x.next()
	case tag[0] == '!':
		if bytes.HasPrefix(tag, []byte("!--")) && bytes.HasSuffix(tag, []byte("--")) && len(tag) >= 5 {
			return x.next() // a comment
		}
		return tokEOF, errUnsupported // CDATA, DOCTYPE
	case tag[0] == '/':
		name := bytes.TrimRight(tag[1:], " \t\r\n")
		if err := x.closeName(name); err != nil {
			return tokEOF, err
		}
		return tokEnd, nil
	}
	if len(x.stack) == 0 && x.started {
		return tokEOF, errUnsupported // a second root element
	}
	x.started = true
	if tag[len(tag)-1] == '/' {
		x.selfClose = true
		tag = tag[:len(tag)-1]
	}
	return tokStart, x.parseStart(tag)
}

// readUntil reads up to the delimiter, which it consumes, and returns
// what came before it.
func (x *xmlScanner) readUntil(delim byte) ([]byte, error) {
	b, err := x.br.ReadSlice(delim)
	if err == nil {
		return b[:len(b)-1], nil
	}
	if err != bufio.ErrBufferFull {
		return b, err
	}
	x.acc = append(x.acc[:0], b...)
	for {
		if len(x.acc) > maxToken {
			return nil, errTooLong
		}
		b, err = x.br.ReadSlice(delim)
		x.acc = append(x.acc, b...)
		switch err {
		case nil:
			return x.acc[:len(x.acc)-1], nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return x.acc, io.EOF
		default:
			return nil, err
		}
	}
}

// readTag reads a tag after its '<', up to the '>' that ends it (not one
// inside a quoted attribute value, nor inside a comment), and returns
// what lies between.
func (x *xmlScanner) readTag() ([]byte, error) {
	b, err := x.br.ReadSlice('>')
	if err == nil && tagComplete(b) {
		return b[:len(b)-1], nil
	}
	x.acc = append(x.acc[:0], b...)
	for err == nil || err == bufio.ErrBufferFull {
		if err == nil && tagComplete(x.acc) {
			return x.acc[:len(x.acc)-1], nil
		}
		if len(x.acc) > maxToken {
			return nil, errTooLong
		}
		b, err = x.br.ReadSlice('>')
		x.acc = append(x.acc, b...)
	}
	if err == io.EOF {
		return nil, errUnsupported // a tag cut off
	}
	return nil, err
}

// tagComplete tells whether b, a tag's bytes ending in '>', ends there:
// a comment ends only at "-->", a processing instruction at "?>", any
// other tag at a '>' outside quotes.
func tagComplete(b []byte) bool {
	switch {
	case bytes.HasPrefix(b, []byte("!--")):
		return len(b) >= 6 && bytes.HasSuffix(b, []byte("-->"))
	case len(b) > 0 && b[0] == '?':
		return bytes.HasSuffix(b, []byte("?>"))
	}
	var quote byte
	for _, c := range b[:len(b)-1] {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		}
	}
	return quote == 0
}

// parseStart reads a start tag's name and attributes and opens it.
func (x *xmlScanner) parseStart(tag []byte) error {
	if !validChars(tag) {
		return errUnsupported
	}
	i := 0
	for i < len(tag) && !isSpaceByte(tag[i]) {
		i++
	}
	full := tag[:i]
	local, ok := localName(full)
	if !ok {
		return errUnsupported
	}
	x.name = local
	x.attr = x.attr[:0]
	rest := tag[i:]
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 {
			break
		}
		eq := bytes.IndexByte(rest, '=')
		if eq <= 0 {
			return errUnsupported
		}
		an, ok := localName(bytes.TrimRight(rest[:eq], " \t\r\n"))
		if !ok {
			return errUnsupported
		}
		rest = bytes.TrimLeft(rest[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return errUnsupported
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return errUnsupported
		}
		val := rest[1 : 1+end]
		if bytes.IndexByte(val, '<') >= 0 {
			return errUnsupported
		}
		x.attr = append(x.attr, xmlAttr{name: an, value: val})
		rest = rest[2+end:]
		if len(rest) > 0 && !isSpaceByte(rest[0]) {
			return errUnsupported // attributes must be apart
		}
	}
	x.stack = append(append(x.stack, full...), 0)
	return nil
}

// closeName checks an end tag against the open element and closes it.
func (x *xmlScanner) closeName(full []byte) error {
	local, ok := localName(full)
	if !ok || len(x.stack) == 0 {
		return errUnsupported
	}
	open := x.stack[:len(x.stack)-1]
	start := bytes.LastIndexByte(open, 0) + 1
	if !bytes.Equal(open[start:], full) {
		return errUnsupported
	}
	x.stack = x.stack[:start]
	x.name = local
	return nil
}

// pop closes the element a self-closing tag opened; x.name still holds
// its local name, as no byte has been read since.
func (x *xmlScanner) pop() error {
	open := x.stack[:len(x.stack)-1]
	x.stack = x.stack[:bytes.LastIndexByte(open, 0)+1]
	return nil
}

// attrValue is the raw value of the current start element's attribute.
func (x *xmlScanner) attrValue(name string) ([]byte, bool) {
	for _, a := range x.attr {
		if string(a.name) == name {
			return a.value, true
		}
	}
	return nil, false
}

// child reads up to the next child of the current element, skipping text
// (the whitespace between elements): true with x.name its name, or false
// at the current element's end.
func (x *xmlScanner) child() (bool, error) {
	for {
		t, err := x.next()
		if err != nil {
			return false, err
		}
		switch t {
		case tokStart:
			return true, nil
		case tokEnd:
			return false, nil
		case tokEOF:
			return false, errUnsupported
		}
	}
}

// skip reads past the end of the element just started.
func (x *xmlScanner) skip() error {
	depth := 1
	for depth > 0 {
		t, err := x.next()
		if err != nil {
			return err
		}
		switch t {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		case tokEOF:
			return errUnsupported
		}
	}
	return nil
}

// localName is a name without its namespace prefix. A name is letters,
// digits and . - _ with at most one colon, or any non-ASCII letter.
func localName(full []byte) ([]byte, bool) {
	if len(full) == 0 {
		return nil, false
	}
	colon := -1
	for i, c := range full {
		switch {
		case c == ':':
			if colon >= 0 || i == 0 || i == len(full)-1 {
				return nil, false
			}
			colon = i
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c >= 0x80:
		case (c >= '0' && c <= '9') || c == '-' || c == '.':
			if i == 0 || i == colon+1 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return full[colon+1:], true
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isSpace(b []byte) bool {
	for _, c := range b {
		if !isSpaceByte(c) {
			return false
		}
	}
	return true
}

// validChars tells whether b is UTF-8 made only of the characters XML 1.0
// allows (encoding/xml refuses the others).
func validChars(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || !xmlChar(r) {
			return false
		}
		i += size
	}
	return true
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// appendText appends raw character data to dst as encoding/xml reads it:
// the five predefined entities and character references decoded, and
// "\r\n" or a lone "\r" read as "\n". Any other entity is errUnsupported.
func appendText(dst, raw []byte) ([]byte, error) {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return append(dst, raw...), nil
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\r':
			dst = append(dst, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case '&':
			end := bytes.IndexByte(raw[i:], ';')
			if end < 0 {
				return nil, errUnsupported
			}
			ent := raw[i+1 : i+end]
			i += end
			switch string(ent) {
			case "amp":
				dst = append(dst, '&')
			case "lt":
				dst = append(dst, '<')
			case "gt":
				dst = append(dst, '>')
			case "quot":
				dst = append(dst, '"')
			case "apos":
				dst = append(dst, '\'')
			default:
				r, ok := charRef(ent)
				if !ok {
					return nil, errUnsupported
				}
				dst = utf8.AppendRune(dst, r)
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst, nil
}

// charRef reads a character reference's body: #123 or #x7B.
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	for _, d := range digits {
		if !(d >= '0' && d <= '9' || base == 16 && (d >= 'a' && d <= 'f' || d >= 'A' && d <= 'F')) {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !xmlChar(rune(v)) {
		return 0, false
	}
	return rune(v), true
}
