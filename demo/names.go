package demo

import (
	"strconv"
	"strings"
)

var owners = []string{"adaeze", "tunde", "musa", "ngozi"}

var salespeople = []string{"Chinedu Eze", "Funmilayo Bakare", "Ibrahim Bello", "Kemi Ogunleye", "Segun Afolabi"}

var firstNames = []string{
	"Chinedu", "Ngozi", "Emeka", "Aisha", "Bola", "Ifeoma", "Yusuf", "Olumide", "Fatima", "Kelechi",
	"Tope", "Halima", "Segun", "Amaka", "Babatunde", "Zainab", "Obinna", "Folake", "Garba", "Chioma",
	"Uchenna", "Hauwa", "Damilola", "Ikechukwu", "Bisi", "Sani", "Nneka", "Femi", "Rukayat", "Tochukwu",
}

var surnames = []string{
	"Okonkwo", "Adebayo", "Bello", "Eze", "Ogunleye", "Abubakar", "Nwosu", "Balogun", "Ibrahim", "Okeke",
	"Lawal", "Uche", "Danjuma", "Olaniyan", "Mohammed", "Ekwueme", "Afolabi", "Onyeka", "Shehu", "Adeleke",
	"Nwachukwu", "Oladipo", "Aminu", "Obi", "Akinwale", "Ezeh", "Garba", "Osagie", "Ikwuemesi", "Ajayi",
}

// Togolese and Beninese names for the XOF account.
var tgFirst = []string{"Kossi", "Afi", "Komlan", "Akouvi", "Yao", "Ama", "Edem", "Sena"}
var tgLast = []string{"Agbeko", "Mensah", "Amegah", "Adjovi", "Kpodar", "Lawson", "Dossou", "Ayivi"}

var phonePrefixes = []string{"803", "806", "813", "816", "703", "706", "805", "807", "815", "905", "802", "808", "812", "701", "902", "810"}

// industry is a segment and the ways its companies are named.
type industry struct {
	segment  string
	suffixes []string
}

var industries = []industry{
	{"Haulage", []string{"Haulage Ltd", "Transport Co", "Trucking Services", "Freight Ltd"}},
	{"Construction", []string{"Construction Co", "Builders Ltd", "Civil Works Ltd", "Engineering & Construction"}},
	{"Manufacturing", []string{"Industries Ltd", "Foods Plc", "Packaging Ltd", "Steel Mills", "Cement Works", "Plastics Ltd", "Beverages Ltd"}},
	{"Telecom towers", []string{"Towers Power Services", "Telecom Sites Ltd", "Tower Energy Ltd"}},
	{"Agro", []string{"Agro Allied Ltd", "Farms Ltd", "Rice Mills", "Poultry Farms", "Agro Processing Ltd"}},
	{"Healthcare", []string{"Specialist Hospital", "Medical Centre", "Hospital & Clinics", "Diagnostics Ltd"}},
	{"Education", []string{"Model Schools", "International School", "College", "Academy"}},
	{"Logistics", []string{"Logistics Ltd", "Cold Chain Ltd", "Courier Services", "Warehousing Ltd"}},
	{"Mining", []string{"Mining Ltd", "Quarry & Aggregates", "Minerals Ltd"}},
	{"Hospitality", []string{"Hotels Ltd", "Suites & Resorts", "Catering Services"}},
}

var stems = []string{
	"Okafor", "Adeyemi", "Balogun", "Nwosu", "Danjuma", "Ogunleye", "Bello", "Lawal", "Okonkwo", "Abubakar",
	"Olaniyan", "Okeke", "Ekwueme", "Adebayo", "Akinola", "Chukwu", "Yusuf", "Suleiman", "Oyelaran", "Adewale",
	"Igwe", "Nnamdi", "Fashola", "Umar", "Apapa", "Ikorodu", "Owerri", "Warri", "Ibadan", "Abeokuta",
	"Ilorin", "Zaria", "Yola", "Bauchi", "Makurdi", "Lokoja", "Uyo", "Asaba", "Akure", "Oshogbo",
	"Minna", "Gombe", "Katsina", "Ota", "Sagamu", "Badagry", "Epe", "Zenith", "Delta", "Niger",
	"Crown", "Royal", "Prime", "Golden", "Savannah", "Atlantic", "Harmony", "Kingsway", "Summit", "Pinnacle",
	"Heritage", "Evergreen", "Trinity", "Victory", "Landmark", "Cornerstone", "Bluewater", "Redstone", "Highland", "Rivers",
	"Benue", "Osun", "Ekiti", "Ikoyi", "Surulere", "Agege", "Mushin", "Festac", "Ajah", "Magodo",
}

var cities = []string{
	"Lagos", "Abuja", "Kano", "Port Harcourt", "Ibadan", "Kaduna", "Enugu", "Benin City", "Onitsha", "Jos",
	"Ilorin", "Aba", "Warri", "Calabar", "Owerri", "Abeokuta", "Sokoto", "Maiduguri", "Akure", "Uyo",
}

// registry keeps account names and codes unique across the book.
type registry struct {
	names    map[string]bool
	prefixes map[string]int
}

func newRegistry() *registry {
	return &registry{names: map[string]bool{}, prefixes: map[string]int{}}
}

// name returns base, or base qualified by a city (then a number) when taken.
func (g *registry) name(base string, r rnd) string {
	n := base
	for i := 0; g.names[n]; i++ {
		if i < len(cities) {
			n = base + " (" + cities[(i+r.IntN(len(cities)))%len(cities)] + ")"
		} else {
			n = base + " " + strconv.Itoa(i-len(cities)+2)
		}
	}
	g.names[n] = true
	return n
}

// code is four letters of the name and a counter: OKAF01, OKAF02, ...
func (g *registry) code(name string) string {
	var pre []byte
	for _, r := range fold(name) {
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		if r >= 'A' && r <= 'Z' {
			pre = append(pre, byte(r))
			if len(pre) == 4 {
				break
			}
		}
	}
	p := string(pre)
	g.prefixes[p]++
	n := g.prefixes[p]
	if n < 10 {
		return p + "0" + strconv.Itoa(n)
	}
	return p + strconv.Itoa(n)
}

// fold drops the accents our names use, for codes, e-mail addresses and domains.
func fold(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ô", "o", "à", "a").Replace(s)
}

// slug is the lower-case letters of s, for e-mail addresses and domains.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(fold(s)) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// domainOf is a plausible web domain for a company: okaforhaulage.com.ng.
func domainOf(name string, xof bool) string {
	w := strings.Fields(name)
	d := slug(w[0])
	if len(w) > 1 {
		d += slug(w[1])
	}
	if xof {
		return d + ".tg"
	}
	return d + ".com.ng"
}

// phone is a fictional number in the 555 range: +234 803 555 0123.
func phone(r rnd, xof bool) string {
	if xof {
		return "+228 90 55 " + pad(r.IntN(100), 2) + " " + pad(r.IntN(100), 2)
	}
	return "+234 " + pick(r, phonePrefixes) + " 555 " + pad(r.IntN(10000), 4)
}

// pad writes n with at least w digits.
func pad(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}
