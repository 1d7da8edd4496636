package query

import (
	"errors"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
)

func TestResolve(t *testing.T) {
	r := shared
	tests := []struct {
		name string
		in   store.Filter
		want store.Filter
		bad  bool
	}{
		{"type in lower case", store.Filter{EventType: "battles"}, store.Filter{EventType: "Battles"}, false},
		{"sub-type as type", store.Filter{EventType: "armed clash"}, store.Filter{EventType: "Battles", SubEventType: "Armed clash"}, false},
		{"sub-type with its type", store.Filter{EventType: "Battles", SubEventType: "ARMED CLASH"}, store.Filter{EventType: "Battles", SubEventType: "Armed clash"}, false},
		{"sub-type of another type", store.Filter{EventType: "Riots", SubEventType: "Armed clash"}, store.Filter{}, true},
		{"plover type", store.Filter{EventType: "coerce"}, store.Filter{EventType: "COERCE"}, false},
		{"unknown type", store.Filter{EventType: "skirmish"}, store.Filter{}, true},
		{"country code", store.Filter{Country: "sd"}, store.Filter{Country: "SD"}, false},
		{"country name", store.Filter{Country: "Sudan"}, store.Filter{Country: "SD"}, false},
		{"country name any case", store.Filter{Country: "south sudan"}, store.Filter{Country: "SS"}, false},
		{"unknown country", store.Filter{Country: "Narnia"}, store.Filter{}, true},
		{"common name", store.Filter{Country: "Turkey"}, store.Filter{Country: "TR"}, false},
		{"common abbreviation", store.Filter{Country: "UK"}, store.Filter{Country: "GB"}, false},
		{"another spelling", store.Filter{Country: "Ivory Coast"}, store.Filter{Country: "CI"}, false},
		{"actor alias", store.Filter{Actor: "RSF"}, store.Filter{Actor: "Rapid Support Forces"}, false},
		{"actor period dropped", store.Filter{Actor: "Pakistan Army"}, store.Filter{Actor: "Military Forces of Pakistan"}, false},
		{"actor part kept", store.Filter{Actor: "militia"}, store.Filter{Actor: "militia"}, false},
		{"admin1 in any case", store.Filter{Admin1: " BALOCHISTAN "}, store.Filter{Admin1: "Balochistan"}, false},
		{"admin1 without accents", store.Filter{Admin1: "tillaberi region"}, store.Filter{Admin1: "Tillabéri Region"}, false},
		{"admin1 by another name", store.Filter{Admin1: "deir al-zour"}, store.Filter{Admin1: "Deir ez-Zor"}, false},
		{"admin1 of the country", store.Filter{Admin1: "punjab", Country: "Pakistan"}, store.Filter{Admin1: "Punjab", Country: "PK"}, false},
		{"admin1 of no division kept", store.Filter{Admin1: "Narnia Province"}, store.Filter{Admin1: "Narnia Province"}, false},
		{"dates", store.Filter{From: "2025-01-01", To: "2025-12-31"}, store.Filter{From: "2025-01-01", To: "2025-12-31"}, false},
		{"word as date", store.Filter{From: "yesterday"}, store.Filter{}, true},
		{"month 13", store.Filter{From: "2025-13-01"}, store.Filter{}, true},
		{"dates reversed", store.Filter{From: "2025-02-01", To: "2025-01-01"}, store.Filter{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Resolve(tt.in)
			if tt.bad {
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("Resolve(%+v) error %v, want ErrInvalid", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Resolve(%+v) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestActors(t *testing.T) {
	r := shared
	got := r.Actors("rsf", 5)
	if len(got) == 0 || got[0].Name != "Rapid Support Forces" || got[0].Alias == "" {
		t.Errorf("Actors(rsf) = %+v", got)
	}
	got = r.Actors("rapid", 5)
	if len(got) == 0 || got[0].Name != "Rapid Support Forces" || got[0].Alias != "" {
		t.Errorf("Actors(rapid) = %+v", got)
	}
	if got := r.Actors("", 5); got != nil {
		t.Errorf("Actors(\"\") = %+v", got)
	}
	if got := r.Actors("a", 3); len(got) != 3 {
		t.Errorf("Actors(a, 3) gave %d", len(got))
	}
}

func TestCountryName(t *testing.T) {
	r := shared
	if got := r.CountryName("SD"); got != "Sudan" {
		t.Errorf("CountryName(SD) = %q", got)
	}
	if got := r.CountryName("XX"); got != "XX" {
		t.Errorf("CountryName(XX) = %q", got)
	}
}

// shared loads the data once for the package's tests.
var shared = New()
