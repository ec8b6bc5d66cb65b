package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
)

// settings are the sub-commands of settings.
var settingWords = []string{"set", "documents", "margin"}

// settings lists or changes the book's settings through the desk:
//
//	acctdesk settings                           every setting, KEY=VALUE
//	acctdesk settings set KEY=VALUE ...         thresholds, aging edges, reminders, targets
//	acctdesk settings documents [SEGMENT=KIND,KIND ...]   the opening file's documents
//	acctdesk settings margin [PRODUCT=PCT ...]  the margin proxy's rates
func (c *cli) settings(args []string) error {
	sub, rest := firstWord(args)
	if sub == "" {
		return c.settingsSet(args, false)
	}
	switch w, _ := domain.MatchWord(sub, settingWords); w {
	case "set":
		return c.settingsSet(rest, true)
	case "documents":
		return c.settingsDocuments(rest)
	case "margin":
		return c.settingsMargin(rest)
	}
	return unknownWord("settings ", sub, "set, documents or margin", settingWords)
}

// settingsSet sets settings by key and prints every setting after, KEY=VALUE
// as it is typed; without arguments (or as plain settings) it only prints.
func (c *cli) settingsSet(args []string, set bool) error {
	name := "settings"
	if set {
		name = "settings set"
	}
	fs, g := newFlags(name)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if !set && len(pos) > 0 {
		return unknownWord("settings ", pos[0], "set, documents or margin", settingWords)
	}
	values := map[string]string{}
	for _, p := range pos {
		k, v, ok := strings.Cut(p, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.TrimSpace(v) == "" {
			return fmt.Errorf("%q: write KEY=VALUE (promise-grace=3); acctdesk help settings set lists the keys", shown(p))
		}
		if givenTwice(values, k) {
			return fmt.Errorf("%s is given twice: give each setting once", shown(k))
		}
		if _, known := desk.SettingNamed(k); !known {
			keys := make([]string, len(desk.BookSettings))
			for i, s := range desk.BookSettings {
				keys[i] = s.Key
			}
			return unknownWord("", k, "a setting (acctdesk help settings set lists them)", keys)
		}
		values[k] = v
	}
	d, err := g.openDesk(c.stderr)
	if err != nil {
		return err
	}
	var now domain.Settings
	if len(values) == 0 {
		now, err = d.SettingsNow()
	} else {
		now, err = d.ChangeSettings(g.ctx(), values)
	}
	if err != nil {
		return err
	}
	for _, s := range desk.BookSettings {
		fmt.Fprintln(c.stdout, shown(s.Key+"="+s.Value(now)))
	}
	if !set {
		fmt.Fprintln(c.stdout, "# the opening file's documents: acctdesk settings documents; margin rates: acctdesk settings margin")
	}
	return nil
}

// settingsDocuments sets (SEGMENT=KIND,KIND), resets (SEGMENT=) or, without
// arguments, lists the documents each segment's opening file requires;
// SEGMENT * is every segment not named. It prints the lists after.
func (c *cli) settingsDocuments(args []string) error {
	fs, g := newFlags("settings documents")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	docs := map[string][]string{}
	for _, p := range pos {
		typed, kinds, ok := strings.Cut(p, "=")
		seg := strings.TrimSpace(typed)
		if !ok || seg == "" {
			return fmt.Errorf("%q: write SEGMENT=KIND,KIND (Solar=company-registration,signed-contract), * for every other "+
				"segment, or SEGMENT= to go back to the default", shown(p))
		}
		if seg == "*" {
			seg = ""
		}
		if givenTwice(docs, seg) {
			return fmt.Errorf("segment %s is given twice: give each segment once", shown(typed))
		}
		var list []string // none: back to the default
		for _, k := range strings.FieldsFunc(kinds, func(r rune) bool { return r == ',' || r == ';' }) {
			if k = strings.TrimSpace(k); k != "" {
				list = append(list, k)
			}
		}
		docs[seg] = list
	}
	d, err := g.openDesk(c.stderr)
	if err != nil {
		return err
	}
	var now domain.Settings
	if len(docs) == 0 {
		now, err = d.SettingsNow()
	} else {
		now, err = d.SetRequiredDocs(g.ctx(), docs)
	}
	if err != nil {
		return err
	}
	_, own := now.RequiredDocs[""]
	line := "*=" + strings.Join(now.RequiredDocsFor(""), ",")
	if !own {
		line += "  (the default)"
	}
	fmt.Fprintln(c.stdout, shown(line))
	segs := make([]string, 0, len(now.RequiredDocs))
	for seg := range now.RequiredDocs {
		if seg != "" {
			segs = append(segs, seg)
		}
	}
	sort.Strings(segs)
	known, _ := d.Segments()
	for _, seg := range segs {
		kinds := strings.Join(now.RequiredDocs[seg], ",")
		if kinds == "" {
			kinds = "none"
		}
		line := seg + "=" + kinds
		if !slices.Contains(known, seg) {
			line += "  (no account of the book is in this segment)"
		}
		fmt.Fprintln(c.stdout, shown(line))
	}
	return nil
}

// givenTwice says a key is in m already, in any case.
func givenTwice[V any](m map[string]V, key string) bool {
	for given := range m {
		if strings.EqualFold(given, key) {
			return true
		}
	}
	return false
}

// settingsMargin sets (PRODUCT=PCT), removes (PRODUCT=) or, without
// arguments, lists the products' margin rates; it prints the rates in
// force after.
func (c *cli) settingsMargin(args []string) error {
	fs, g := newFlags("settings margin")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	rates := map[string]*decimal.Decimal{}
	for _, p := range pos {
		product, pct, ok := strings.Cut(p, "=")
		product = strings.TrimSpace(product)
		if !ok || product == "" {
			return fmt.Errorf("%q: write PRODUCT=PCT (AGO=4.5), or PRODUCT= to remove its rate", shown(p))
		}
		pct = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(pct), "%"))
		if pct == "" {
			rates[product] = nil
			continue
		}
		r, err := decimal.NewFromString(pct)
		if err != nil {
			return fmt.Errorf("%s=%s: %q is not a per cent (4.5, 12, 0.25)", shown(product), shown(pct), shown(pct))
		}
		rates[product] = &r
	}
	d, err := g.openDesk(c.stderr)
	if err != nil {
		return err
	}
	var now map[string]decimal.Decimal
	if len(rates) == 0 {
		now, err = d.MarginRates()
	} else {
		now, err = d.SetMarginRates(g.ctx(), rates)
	}
	if err != nil {
		return err
	}
	if len(now) == 0 {
		fmt.Fprintln(c.stdout, "no margin rates: the Book pane's margin column stays empty (acctdesk settings margin AGO=4.5 sets one)")
		return nil
	}
	names := make([]string, 0, len(now))
	for p := range now {
		names = append(names, p)
	}
	sort.Strings(names)
	sold, _ := d.Products()
	for _, p := range names {
		line := p + "=" + now[p].String()
		if !slices.Contains(sold, p) {
			line += "  (no invoice of the book names this product)"
		}
		fmt.Fprintln(c.stdout, shown(line))
	}
	return nil
}
