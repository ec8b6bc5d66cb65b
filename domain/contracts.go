package domain

// ContractInForce is the contract in force on asOf (started and not yet
// ended; of several, the one that ends last), and false when none is.
func ContractInForce(cs []Contract, asOf Date) (Contract, bool) {
	var cur *Contract
	for i := range cs {
		k := &cs[i]
		if k.Start <= asOf && k.End >= asOf && (cur == nil || k.End > cur.End) {
			cur = k
		}
	}
	if cur == nil {
		return Contract{}, false
	}
	return *cur, true
}

// NextContract is the contract that starts soonest after asOf, and false
// when none does.
func NextContract(cs []Contract, asOf Date) (Contract, bool) {
	var next *Contract
	for i := range cs {
		k := &cs[i]
		if k.Start > asOf && (next == nil || k.Start < next.Start) {
			next = k
		}
	}
	if next == nil {
		return Contract{}, false
	}
	return *next, true
}
