package store

import "acctdesk/domain"

// ImportDispute is what an import's invoice row does to the invoice's
// disputes (SPEC §9.1): x is the invoice as it will be stored (merged with
// the stored one, MergeInvoice), stored the invoice as the book holds it
// (nil for a new one), history the invoice's disputes in sequence order.
// It may change x.Disputed, and returns the dispute to write, or nil:
//
//   - disputed in the file and not in the book: an open dispute, imported,
//     opened on the import's date by its author with the file's reason — unless
//     the invoice's latest dispute is an imported one resolved here by hand:
//     the file still says what was resolved, and the invoice stays undisputed;
//   - not disputed in the file, disputed in the book: an open imported
//     dispute is resolved "resolved by import"; one raised here stays open
//     (and the invoice disputed) until it is resolved here;
//   - the same in both: nothing (re-importing the same file changes nothing).
func ImportDispute(history []domain.Dispute, stored *domain.Invoice, x *domain.Invoice, on domain.Date, author string) *domain.Dispute {
	was := stored != nil && stored.Disputed
	var latest *domain.Dispute
	if len(history) > 0 {
		latest = &history[len(history)-1]
	}
	switch {
	case x.Disputed && !was:
		if latest != nil && latest.Imported && !latest.IsOpen() && latest.Resolution != domain.ResolvedByImport {
			x.Disputed = false
			return nil
		}
		reason := x.DisputeReason
		if reason == "" {
			reason = domain.ImportedReason
		}
		seq := uint64(1)
		if latest != nil {
			seq = latest.Seq + 1
		}
		return &domain.Dispute{Account: x.Account, Invoice: x.Number, Seq: seq, Reason: reason, Owner: author,
			OpenedOn: on, Status: domain.DisputeOpen, Imported: true}
	case !x.Disputed && was:
		if latest == nil || !latest.IsOpen() {
			return nil
		}
		if !latest.Imported {
			x.Disputed = true
			return nil
		}
		d := *latest
		d.Status, d.ResolvedOn, d.Resolution = domain.DisputeResolved, max(on, d.OpenedOn), domain.ResolvedByImport
		return &d
	}
	return nil
}
