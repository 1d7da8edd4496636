package store

import (
	"errors"
	"testing"
)

// FuzzCursors checks that a cursor read from outside is refused or reads
// back to what it writes, and that every cursor a store writes reads back.
func FuzzCursors(f *testing.F) {
	f.Add(Cursor{"2025-10-14", 7}.String(), true)
	f.Add(SortCursor{"sudan", 3}.String(), true)
	f.Add(SortCursor{int64(12), 3}.String(), false)
	f.Add("", false)
	f.Fuzz(func(t *testing.T, s string, text bool) {
		if c, err := ParseCursor(s); err == nil {
			if back, err := ParseCursor(c.String()); err != nil || back != c {
				t.Fatalf("cursor %+v reads back as %+v, %v", c, back, err)
			}
		} else if !errors.Is(err, ErrBadCursor) {
			t.Fatalf("ParseCursor(%q): %v", s, err)
		}
		if c, err := ParseSortCursor(s, text); err == nil {
			if back, err := ParseSortCursor(c.String(), text); err != nil || back != c {
				t.Fatalf("sort cursor %+v reads back as %+v, %v", c, back, err)
			}
		} else if !errors.Is(err, ErrBadCursor) {
			t.Fatalf("ParseSortCursor(%q): %v", s, err)
		}
	})
}

func TestCursorsRefuseOtherKinds(t *testing.T) {
	for _, tt := range []struct {
		s    string
		text bool
	}{
		{SortCursor{"sudan", 3}.String(), false},
		{SortCursor{int64(12), 3}.String(), true},
		{SortCursor{"sudan", 0}.String(), true},
		{Cursor{"2025-13-40", 3}.String(), true},
	} {
		_, err1 := ParseSortCursor(tt.s, tt.text)
		_, err2 := ParseCursor(tt.s)
		if !errors.Is(err1, ErrBadCursor) || !errors.Is(err2, ErrBadCursor) {
			t.Errorf("%q (text %v): %v, %v, want both refused", tt.s, tt.text, err1, err2)
		}
	}
}
