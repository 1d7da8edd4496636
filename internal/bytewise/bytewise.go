// Package bytewise reads text eight bytes at a time, as one 64-bit word,
// to test all eight at once: the readers that pass over whole articles
// (lowering, counting words, looking for capitals or control bytes) do
// so several times faster than a byte at a time.
package bytewise

// Ones has a one in each byte of a word; 0x80*Ones the top bit of each.
const Ones = 0x0101010101010101

// Load64 reads the first eight bytes of s, the first the lowest; the
// compiler makes it one load.
func Load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// InRange sets the top bit of each byte of x that is ASCII and from lo
// to hi, and clears every other bit: lo and hi are ASCII, and no sum
// carries into the next byte.
func InRange(x uint64, lo, hi byte) uint64 {
	low := x &^ (0x80 * Ones)
	return (low + (0x80-uint64(lo))*Ones) &^ (low + (0x80-uint64(hi)-1)*Ones) &^ x & (0x80 * Ones)
}
