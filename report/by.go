package report

// byWords are the words --by takes, per report that groups by it (each
// registers its own).
var byWords = map[string][]string{}

// ByWords are the words --by takes for a report; nil when it takes none.
func ByWords(name string) []string { return byWords[name] }
