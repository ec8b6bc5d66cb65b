package bolt

import "acctdesk/domain"

func validateContractID(id string) error {
	if id == "" {
		return nil
	}
	return domain.CheckText(id, true, 64)
}
