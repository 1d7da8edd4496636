package gold

import (
	"strings"
	"testing"
)

const good = `{"published": "2025-10-14", "outlet": "X", "events": [
 {"id": "a", "event_type": "Battles", "sub_event_type": "Armed clash", "plover": "ASSAULT",
  "date": ["2025-10-11", "2025-10-14"], "country": ["PK"], "location": "border", "point": [33.9, 70.5],
  "tolerance_km": 400, "actor1": ["Pakistan"], "actor2": [], "fatalities": [223, 224],
  "claims": [{"source": ["ISPR"], "killed": [23, 23], "of": "soldiers"}],
  "evidence": "fighting left 23 dead", "optional": false},
 {"id": "b", "event_type": null, "sub_event_type": null, "plover": "CONSULT", "date": ["2025-10-07", "2025-10-14"],
  "country": ["IN"], "location": "New Delhi", "actor1": [], "actor2": [], "fatalities": null, "claims": [],
  "evidence": "visit to India", "optional": false}]}`

func TestParseValidate(t *testing.T) {
	f, err := Parse([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Validate("... fighting left 23 dead ... visit to India"); err != nil {
		t.Errorf("Validate: %v", err)
	}
	tests := []struct{ name, from, to, want string }{
		{"bad sub-type", `"Armed clash"`, `"Air/drone strike"`, "sub_event_type"},
		{"bad plover", `"CONSULT"`, `"VISIT"`, "plover"},
		{"reversed dates", `["2025-10-07", "2025-10-14"]`, `["2025-10-14", "2025-10-07"]`, "ends before"},
		{"bad country", `["IN"]`, `["india"]`, "ISO"},
		{"no tolerance", `"tolerance_km": 400`, `"tolerance_km": 0`, "tolerance"},
		{"bad fatalities", `[223, 224]`, `[224, 223]`, "fatalities"},
		{"missing evidence", `"visit to India"`, `"visit to Pakistan"`, "does not occur"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(strings.Replace(good, tt.from, tt.to, 1)))
			if err != nil {
				t.Fatal(err)
			}
			err = f.Validate("... fighting left 23 dead ... visit to India")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate = %v, want it to mention %q", err, tt.want)
			}
		})
	}
	if _, err := Parse([]byte(strings.Replace(good, `"outlet"`, `"outlett"`, 1))); err == nil {
		t.Error("unknown field accepted")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(`{"events": [{"date": ["x"]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse(data)
		if err != nil {
			return
		}
		_ = g.Validate("text") // must not panic
	})
}
