package main

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// settings are the sub-commands of settings.
var settingWords = []string{"margin"}

// settings changes the book's settings through the desk. For now the
// margin rates of the Book pane's margin proxy (SPEC §3):
//
//	acctdesk settings margin [PRODUCT=PCT ...]
func (c *cli) settings(args []string) error {
	sub, rest := firstWord(args)
	if sub == "" {
		fs, _ := newFlags("settings")
		if _, err := parse(fs, args); err != nil {
			return err
		}
		return errors.New("settings needs margin (run acctdesk help settings)")
	}
	if w, _ := domain.MatchWord(sub, settingWords); w == "margin" {
		return c.settingsMargin(rest)
	}
	return unknownWord("settings ", sub, "margin", settingWords)
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
