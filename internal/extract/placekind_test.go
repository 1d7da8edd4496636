package extract

import (
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/event"
)

func TestNamedByKind(t *testing.T) {
	x := extractor(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Shells fell on the village of Haas and the town of Urem al-Kubra on Monday.", []string{"Haas", "Urem al-Kubra"}},
		{"Troops entered the town of Urem al-Kubra.", []string{"Urem al-Kubra"}},
		{"In the neighbourhood of al-Sukkari and the camp of El-Fasher North West.", []string{"al-Sukkari", "El-Fasher North West"}},
		{"The Town of Haas, a city of Rome-Nord, the district  of Kafr.", []string{"Rome-Nord"}},
		{"The village of haas; the megacity of Lagos; the village of Ma’arat al-Numan.", []string{"Ma’arat al-Numan"}},
		{"the town of", nil},
	} {
		a := x.analyse(&event.Document{Text: tt.text}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		var got []string
		for _, s := range a.namedByKind() {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("namedByKind(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
