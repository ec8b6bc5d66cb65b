package docs

import "testing"

// fitColumns: a table wider than the page keeps the columns that fit
// their share as they are and shares the rest among the wide ones; a
// narrow one with more than three columns is widened in proportion.
func TestFitColumns(t *testing.T) {
	// 25 + 19 + 19 + 15 + 13 + 300 = 391 mm on a 180 mm page: share 30 keeps
	// the first five (91 mm), the SLA gets 180 − 91 = 89.
	ws := []float64{25, 19, 19, 15, 13, 300}
	fitColumns(ws, 180)
	if want := []float64{25, 19, 19, 15, 13, 89}; !equal(ws, want) {
		t.Errorf("wide table: %v, want %v", ws, want)
	}
	// Two wide ones share: 20 fits 180/3 = 60; 200 and 100 get (180 − 20) / 2 = 80.
	ws = []float64{200, 20, 100}
	fitColumns(ws, 180)
	if want := []float64{80, 20, 80}; !equal(ws, want) {
		t.Errorf("two wide: %v, want %v", ws, want)
	}
	// 4 columns of 10 on 180: ×4.5 each.
	ws = []float64{10, 10, 10, 10}
	fitColumns(ws, 180)
	if want := []float64{45, 45, 45, 45}; !equal(ws, want) {
		t.Errorf("narrow: %v, want %v", ws, want)
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if d := a[i] - b[i]; d > 1e-9 || d < -1e-9 {
			return false
		}
	}
	return true
}
