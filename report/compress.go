package report

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// fpdf compresses each page through a new zlib writer, and a zlib writer
// costs a megabyte of zeroed memory to create: on a 450-page list that is
// the largest single cost of the whole document. So documents are written
// by fpdf uncompressed, and the page streams are compressed here, by
// writers reused from page to page and spread over the cores, while the
// file is copied out. Only objects that are exactly an uncompressed
// stream (<</Length N>> then the data) are touched; the cross-reference
// table is rewritten with the new offsets.

// compressWriter receives fpdf's output and writes the compressed PDF to w
// on close.
type compressWriter struct {
	w   io.Writer
	buf []byte
}

// Write collects the document; fpdf writes it in one call, which is kept
// without copying.
func (c *compressWriter) Write(p []byte) (int, error) {
	if c.buf == nil {
		c.buf = p
	} else {
		c.buf = append(slices.Clip(c.buf), p...)
	}
	return len(p), nil
}

// stream is an uncompressed stream object: the dictionary starts at dict,
// the data is src[data:data+n].
type stream struct {
	dict, data, n int
	out           []byte
}

// Close compresses the streams and writes the PDF out.
func (c *compressWriter) Close() error {
	src := c.buf
	xref := bytes.LastIndex(src, []byte("\nxref\n"))
	if xref < 0 {
		return fmt.Errorf("tệp PDF không có bảng xref")
	}
	xref++
	// Parse the cross-reference table: "0 N" then N 20-byte entries.
	p := xref + len("xref\n")
	eol := bytes.IndexByte(src[p:], '\n')
	if eol < 0 {
		return fmt.Errorf("bảng xref hỏng")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(src[p:p+eol]), "%d %d", &first, &count); err != nil {
		return fmt.Errorf("bảng xref hỏng: %w", err)
	}
	entries := p + eol + 1
	if entries+20*count > len(src) {
		return fmt.Errorf("bảng xref hỏng")
	}
	offsets := make([]int, count)
	var streams []stream
	for i := range count {
		e := src[entries+20*i : entries+20*i+20]
		if e[17] != 'n' {
			offsets[i] = -1
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off >= xref {
			return fmt.Errorf("bảng xref hỏng ở mục %d", i)
		}
		offsets[i] = off
		if s, ok := plainStream(src, off, xref); ok {
			streams = append(streams, s)
		}
	}
	slices.SortFunc(streams, func(a, b stream) int { return a.dict - b.dict })
	compressAll(src, streams)

	// Each stream changes its object's size: later objects move by the
	// sum of the changes before them.
	starts := make([]int, len(streams))
	shift := make([]int, len(streams)) // total change up to and including stream i
	total := 0
	for i, s := range streams {
		starts[i] = s.dict
		total += len(streamHeader(len(s.out))) + len(s.out) - (s.data + s.n - s.dict)
		shift[i] = total
	}
	moved := func(off int) int {
		i, _ := slices.BinarySearch(starts, off) // streams starting before off
		if i == 0 {
			return off
		}
		return off + shift[i-1]
	}

	bw := bufio.NewWriterSize(c.w, 64<<10)
	pos := 0
	for _, s := range streams {
		bw.Write(src[pos:s.dict])
		bw.WriteString(streamHeader(len(s.out)))
		bw.Write(s.out)
		pos = s.data + s.n
	}
	bw.Write(src[pos:entries])
	var line [20]byte
	for i := range count {
		e := src[entries+20*i : entries+20*i+20]
		if offsets[i] < 0 {
			bw.Write(e)
			continue
		}
		copy(line[:], e)
		n := fmt.Appendf(line[:0], "%010d", moved(offsets[i]))
		if len(n) != 10 {
			return fmt.Errorf("tệp PDF quá lớn")
		}
		bw.Write(line[:])
	}
	tail := src[entries+20*count:]
	sx := bytes.LastIndex(tail, []byte("startxref\n"))
	if sx < 0 {
		return fmt.Errorf("tệp PDF không có startxref")
	}
	bw.Write(tail[:sx])
	fmt.Fprintf(bw, "startxref\n%d\n%%%%EOF\n", xref+total)
	return bw.Flush()
}

func streamHeader(n int) string {
	return "<</Filter /FlateDecode /Length " + strconv.Itoa(n) + ">>\nstream\n"
}

// plainStream reports whether the object at off is "N 0 obj\n<</Length
// L>>\nstream\n" followed by L bytes and "\nendstream".
func plainStream(src []byte, off, limit int) (stream, bool) {
	rest := src[off:limit]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 || !bytes.HasSuffix(rest[:i], []byte(" obj")) {
		return stream{}, false
	}
	dict := off + i + 1
	rest = src[dict:limit]
	const pre = "<</Length "
	if !bytes.HasPrefix(rest, []byte(pre)) {
		return stream{}, false
	}
	j := len(pre)
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(string(rest[len(pre):j]))
	if err != nil || !bytes.HasPrefix(rest[j:], []byte(">>\nstream\n")) {
		return stream{}, false
	}
	data := dict + j + len(">>\nstream\n")
	if data+n > limit || !bytes.HasPrefix(src[data+n:limit], []byte("\nendstream")) {
		return stream{}, false
	}
	return stream{dict: dict, data: data, n: n}, true
}

// compressAll deflates every stream, one reused writer per core.
func compressAll(src []byte, streams []stream) {
	workers := min(runtime.GOMAXPROCS(0), len(streams))
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
			for {
				next.Lock()
				k := i
				i++
				next.Unlock()
				if k >= len(streams) {
					return
				}
				s := &streams[k]
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(src[s.data : s.data+s.n])
				zw.Close()
				s.out = bytes.Clone(buf.Bytes())
			}
		}()
	}
	wg.Wait()
}
