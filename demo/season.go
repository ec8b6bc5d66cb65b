package demo

import "acctdesk/domain"

// season is each product's monthly volume in per cent of its average,
// January first: diesel (AGO) runs high in the dry season, November to
// March, when construction, haulage and generators work hardest, and low
// in the rains; petrol (PMS) peaks in December, with the festive travel;
// Rescue and Fleet are flat (Rescue call-outs rise in the rains: line).
var season = [...][12]int64{
	pAGO:    {118, 115, 110, 98, 92, 85, 80, 80, 86, 96, 112, 125},
	pPMS:    {92, 90, 95, 102, 95, 95, 96, 96, 95, 98, 108, 160},
	pRescue: {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100},
	pFleet:  {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100},
}

// seasonRoot is the square root of the product's season in d's month, in
// per cent: deliveries come that much more often and are that much bigger,
// which together make the season.
func seasonRoot(prod int, d domain.Date) int64 {
	_, m, _ := d.Parts()
	return isqrt(season[prod][m-1] * 100)
}

// isqrt is the integer square root of n ≥ 0, rounded to the nearest.
func isqrt(n int64) int64 {
	x := int64(0)
	for (x+1)*(x+1) <= n {
		x++
	}
	if n-x*x > x { // nearer to x+1: n > x² + x
		x++
	}
	return x
}

// rainy says whether d falls in the rainy season's wettest months (June to
// September), when trucks break down more often on the roads.
func rainy(d domain.Date) bool {
	_, m, _ := d.Parts()
	return m >= 6 && m <= 9
}

// trend is the account's volume in per cent of what it was a year before
// AsOf: it grows (or shrinks) by growth per cent a year, steadily.
func (a *acct) trend(d domain.Date) int64 {
	return 100 + a.growth*int64(d-a.asOf.AddDays(-365))/365
}
