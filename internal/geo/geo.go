// Package geo measures the globe: the distance between two points, for
// the packages that compare places without needing the gazetteer's table
// of them.
package geo

import "math"

// earthRadiusKm is the Earth's mean radius.
const earthRadiusKm = 6371.0

// DistanceKm is the great-circle distance between two points, in km.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}
