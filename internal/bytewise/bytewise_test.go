package bytewise

import "testing"

func TestLoad64(t *testing.T) {
	if got, want := Load64("\x01\x02\x03\x04\x05\x06\x07\x08tail"), uint64(0x0807060504030201); got != want {
		t.Errorf("Load64 = %#x, want %#x", got, want)
	}
}

// TestInRange holds InRange to a test of each byte, for every byte at
// every place of a word and a few ranges.
func TestInRange(t *testing.T) {
	for _, r := range [][2]byte{{'A', 'Z'}, {'a', 'z'}, {'\t', '\r'}, {'#', '&'}, {'\\', '\\'}, {0, 0x7f}} {
		for c := range 256 {
			for at := range 8 {
				var b [8]byte
				for i := range b {
					b[i] = byte(c + 37*i) // other bytes beside it
				}
				b[at] = byte(c)
				m := InRange(Load64(string(b[:])), r[0], r[1])
				for i, v := range b {
					want := v < 0x80 && r[0] <= v && v <= r[1]
					if got := m>>(8*i)&0xff == 0x80; got != want || m>>(8*i)&0x7f != 0 {
						t.Fatalf("InRange(%q, %q, %q): byte %d is %#x, want set %v", b, r[0], r[1], i, m>>(8*i)&0xff, want)
					}
				}
			}
		}
	}
}
