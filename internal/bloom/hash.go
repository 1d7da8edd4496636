package bloom

// The hash of the phrases the dictionaries of names put in a Filter:
// FNV-1a over the phrase's bytes, then the finaliser of splitmix64, which
// spreads them over the low bits a table indexes by and the high bits a
// Filter reads. A phrase is hashed a word at a time with Append, so that
// the words of a phrase are hashed once for all the phrases they begin.
// It takes no seed: the gazetteer's index of names, whose slots it
// decides, is built once ahead of time and read in place at each start.
// A text written to collide with it costs look-ups, never a wrong match:
// a hit compares the phrase itself.

// Offset is the state of a hash before any byte.
const Offset = uint64(14695981039346656037)

// Append returns the state of a hash h after the bytes of k.
func Append[T string | []byte](h uint64, k T) uint64 {
	for i := 0; i < len(k); i++ {
		h ^= uint64(k[i])
		h *= 1099511628211
	}
	return h
}

// Finish returns the hash of a phrase from the state after it.
func Finish(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// HashOf returns the hash of k.
func HashOf[T string | []byte](k T) uint64 { return Finish(Append(Offset, k)) }
