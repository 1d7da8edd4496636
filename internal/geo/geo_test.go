package geo

import (
	"math"
	"testing"
)

func TestDistanceKm(t *testing.T) {
	for _, tt := range []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, within           float64
	}{
		{"same point", 3.11, 43.65, 3.11, 43.65, 0, 1e-9},
		{"a degree of latitude", 0, 10, 1, 10, 111.19, 0.01},
		{"a degree of longitude at 60°N", 60, 10, 60, 11, 55.6, 0.05},
		{"across the date line", 0, 179.5, 0, -179.5, 111.19, 0.01},
		{"antipodes", 10, 20, -10, -160, math.Pi * earthRadiusKm, 0.01},
		{"Baidoa to Kismayo", 3.11, 43.65, -0.36, 42.55, 404, 2},
	} {
		if got := DistanceKm(tt.lat1, tt.lon1, tt.lat2, tt.lon2); math.Abs(got-tt.want) > tt.within {
			t.Errorf("%s: %.3f km, want %.3f ± %g", tt.name, got, tt.want, tt.within)
		}
		if a, b := DistanceKm(tt.lat1, tt.lon1, tt.lat2, tt.lon2), DistanceKm(tt.lat2, tt.lon2, tt.lat1, tt.lon1); math.Abs(a-b) > 1e-9 {
			t.Errorf("%s: %v one way, %v the other", tt.name, a, b)
		}
	}
}
