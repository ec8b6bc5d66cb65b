package desk

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"acctdesk/domain"
)

// A book setting a lead changes by name (acctdesk settings set KEY=VALUE):
// the thresholds, aging edges, reminder levels and dashboard targets of
// SPEC §1, §9.3 and §11.4. Each says what it is and how it is written.
type Setting struct {
	Key   string // as typed: aging-edges
	About string // what it is, and how a value is written
	get   func(domain.Settings) string
	set   func(*domain.Settings, string) error
}

// Value is the setting's value in the book, as it is typed.
func (s Setting) Value(set domain.Settings) string { return s.get(set) }

// BookSettings are the settings one can change by name, in the order
// acctdesk settings lists them.
var BookSettings = []Setting{
	{"name", "the book's name (the top bar)", func(s domain.Settings) string { return s.Name },
		func(s *domain.Settings, v string) error {
			if err := domain.CheckText(v, true, 80); err != nil {
				return err
			}
			s.Name = v
			return nil
		}},
	{"base-currency", "the book's base currency (NGN, USD, …)", func(s domain.Settings) string { return string(s.BaseCurrency) },
		func(s *domain.Settings, v string) error {
			c := domain.Currency(strings.ToUpper(v))
			if !c.Valid() {
				return fmt.Errorf("%q is not a currency acctdesk knows", v)
			}
			s.BaseCurrency = c
			return nil
		}},
	{"aging-edges", "the upper edges of the overdue buckets in days, rising (30,60,90,120)",
		func(s domain.Settings) string { return joinInts(s.AgingEdges) },
		func(s *domain.Settings, v string) error {
			e, err := intList(v, 1, 3650)
			if err != nil {
				return err
			}
			if len(e) > 8 {
				return fmt.Errorf("%d edges: at most 8", len(e))
			}
			s.AgingEdges = e
			return nil
		}},
	whole("dso-period", "the DSO period in days (SPEC §2)", 1, 3650, func(s *domain.Settings) *int { return &s.DSOPeriodDays }),
	whole("util-warn", "utilisation warned at or above, per cent", 1, 1000, func(s *domain.Settings) *int { return &s.Thresholds.UtilWarnPct }),
	whole("util-breach", "utilisation a breach above, per cent (at least util-warn)", 1, 1000, func(s *domain.Settings) *int { return &s.Thresholds.UtilBreachPct }),
	whole("stale-contact", "days without contact before stale-contact", 1, 3650, func(s *domain.Settings) *int { return &s.Thresholds.StaleContactDays }),
	whole("renewal-horizon", "days before a contract's end that renewal asks for it", 1, 3650, func(s *domain.Settings) *int { return &s.Thresholds.RenewalDays }),
	whole("promise-grace", "days after a promise's date that still keep it", 0, 365, func(s *domain.Settings) *int { return &s.Thresholds.PromiseGraceDays }),
	{"reminder-levels", "days past due from which reminder levels 1, 2 and 3 (final notice) apply, rising (1,15,30)",
		func(s domain.Settings) string { return joinInts(s.Reminders.Levels) },
		func(s *domain.Settings, v string) error {
			l, err := intList(v, 1, 3650)
			if err != nil {
				return err
			}
			if len(l) != domain.ReminderLevels {
				return fmt.Errorf("%q: give %d levels (1,15,30), not %d", v, domain.ReminderLevels, len(l))
			}
			s.Reminders.Levels = l
			return nil
		}},
	whole("reminder-cadence", "days before a reminder at the same level again", 1, 365, func(s *domain.Settings) *int { return &s.Reminders.CadenceDays }),
	whole("target-nrr", "the dashboard's NRR target, at least, per cent", 0, 1000, func(s *domain.Settings) *int { return &s.Targets.NRRPct }),
	whole("target-logo-churn", "the dashboard's logo churn target, below, per cent", 0, 100, func(s *domain.Settings) *int { return &s.Targets.LogoChurnPct }),
	whole("target-bad-debt", "the dashboard's bad debt target, below, per cent", 0, 100, func(s *domain.Settings) *int { return &s.Targets.BadDebtPct }),
	whole("target-dso", "the dashboard's DSO target, at most, days (0: none)", 0, 3650, func(s *domain.Settings) *int { return &s.Targets.DSODays }),
}

// whole is a setting that is a whole number from lo to hi.
func whole(key, about string, lo, hi int, field func(*domain.Settings) *int) Setting {
	return Setting{key, about, func(s domain.Settings) string { return strconv.Itoa(*field(&s)) },
		func(s *domain.Settings, v string) error {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), "%"))
			if err != nil || n < lo || n > hi {
				return fmt.Errorf("%q is not a whole number from %d to %d", v, lo, hi)
			}
			*field(s) = n
			return nil
		}}
}

func intList(v string, lo, hi int) ([]int, error) {
	var out []int
	for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		n, err := strconv.Atoi(p)
		if err != nil || n < lo || n > hi {
			return nil, fmt.Errorf("%q is not a list of whole numbers from %d to %d (30,60,90)", v, lo, hi)
		}
		if len(out) > 0 && n <= out[len(out)-1] {
			return nil, fmt.Errorf("%q does not rise: each number must be above the one before", v)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%q has no number", v)
	}
	return out, nil
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

// SettingNamed is the setting of a key, typed in any case.
func SettingNamed(key string) (Setting, bool) {
	for _, s := range BookSettings {
		if strings.EqualFold(s.Key, strings.TrimSpace(key)) {
			return s, true
		}
	}
	return Setting{}, false
}

// SettingsNow are the book's settings as they are.
func (d *Desk) SettingsNow() (domain.Settings, error) { return d.st.Settings() }

// ChangeSettings sets settings by key (a lead's right): all of them or,
// when one is wrong, none, each wrong value named with its key. It returns
// the settings in force after.
func (d *Desk) ChangeSettings(ctx context.Context, values map[string]string) (domain.Settings, error) {
	if err := permit(ctx, Lead, "changing the book settings"); err != nil {
		return domain.Settings{}, err
	}
	return d.updateSettings(ctx, func(set *domain.Settings) error {
		var ve domain.ValidationError
		for _, k := range slices.Sorted(maps.Keys(values)) {
			s, ok := SettingNamed(k)
			if !ok {
				ve = append(ve, domain.FieldError{Field: k, Reason: "no such setting (acctdesk settings lists them)"})
				continue
			}
			if err := s.set(set, strings.TrimSpace(values[k])); err != nil {
				ve = append(ve, domain.FieldError{Field: s.Key, Reason: err.Error()})
			}
		}
		if t := set.Thresholds; len(ve) == 0 && t.UtilBreachPct < t.UtilWarnPct {
			ve = append(ve, domain.FieldError{Field: "util-breach", Reason: fmt.Sprintf("%d %% is below util-warn (%d %%)", t.UtilBreachPct, t.UtilWarnPct)})
		}
		if len(ve) > 0 {
			return ve
		}
		return nil
	})
}

// SetRequiredDocs sets the documents each named segment's opening file
// requires (SPEC §11.3; a lead's right): kinds in order, each a word
// (company-registration), or the one word none for no document; nil for a
// segment goes back to the default.
// Segment "" is every segment not named. A segment is spelt as the book's
// accounts spell it when it differs only in case.
func (d *Desk) SetRequiredDocs(ctx context.Context, docs map[string][]string) (domain.Settings, error) {
	if err := permit(ctx, Lead, "changing the book settings"); err != nil {
		return domain.Settings{}, err
	}
	segments, err := d.Segments()
	if err != nil {
		return domain.Settings{}, err
	}
	return d.updateSettings(ctx, func(set *domain.Settings) error {
		next := maps.Clone(set.RequiredDocs)
		if next == nil {
			next = map[string][]string{}
		}
		var ve domain.ValidationError
		for _, seg := range slices.Sorted(maps.Keys(docs)) {
			kinds := docs[seg]
			name := speltAs(strings.TrimSpace(seg), slices.Sorted(maps.Keys(next)), segments)
			if kinds == nil {
				delete(next, name)
				continue
			}
			clean := []string{} // none (SEGMENT=none): requires no document
			if len(kinds) == 1 && strings.EqualFold(strings.TrimSpace(kinds[0]), "none") {
				next[name] = clean
				continue
			}
			for _, k := range kinds {
				k = strings.ToLower(strings.TrimSpace(k))
				if err := domain.CheckWord(k); err != nil {
					ve = append(ve, domain.FieldError{Field: "documents", Reason: fmt.Sprintf("%q of segment %q: %v", k, name, err)})
					continue
				}
				if !slices.Contains(clean, k) {
					clean = append(clean, k)
				}
			}
			next[name] = clean
		}
		if len(ve) > 0 {
			return ve
		}
		set.RequiredDocs = next
		if len(next) == 0 {
			set.RequiredDocs = nil
		}
		return nil
	})
}

// Segments are the segments of the book's accounts, from the view when
// there is one, else from every account.
func (d *Desk) Segments() ([]string, error) {
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if v := d.Current(); v != nil {
		for i := range v.Sums {
			add(v.Sums[i].Account().Segment)
		}
		return out, nil
	}
	sc, err := Scan(d.st, func(_ domain.Settings, x *domain.Facts) string { return x.Account.Segment })
	if err != nil {
		return nil, err
	}
	for _, s := range sc.Results {
		add(s)
	}
	return out, nil
}

// updateSettings changes the settings as stored in one write (the store's
// UpdateSettings: a change another process saved meanwhile is kept). What
// edit refuses is the error; settings that do not validate are refused
// with the reason.
func (d *Desk) updateSettings(ctx context.Context, edit func(*domain.Settings) error) (domain.Settings, error) {
	var refused error
	set, err := d.st.UpdateSettings(ctx, func(s *domain.Settings) error {
		if refused = edit(s); refused == nil {
			if err := s.Validate(); err != nil {
				refused = refusal(err.Error())
			}
		}
		return refused
	})
	if refused != nil {
		return domain.Settings{}, refused
	}
	if err != nil {
		return domain.Settings{}, err
	}
	d.wrote()
	return set, nil
}
