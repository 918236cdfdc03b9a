package domain

import "testing"

// TestDecisionFor: the decision that records each event kind is the one
// whose Event gives it back; transfers are decided by no decision.
func TestDecisionFor(t *testing.T) {
	for _, c := range []struct {
		e    EventKind
		want DecisionKind
		ok   bool
	}{
		{EventAdmission, DecisionAdmission, true},
		{EventComingOfAge, DecisionMaturity, true},
		{EventRemoval, DecisionRemoval, true},
		{EventTransferIn, "", false},
		{EventTransferOut, "", false},
	} {
		if got, ok := DecisionFor(c.e); got != c.want || ok != c.ok {
			t.Errorf("DecisionFor(%s) = %q, %v; want %q, %v", c.e, got, ok, c.want, c.ok)
		}
	}
}
