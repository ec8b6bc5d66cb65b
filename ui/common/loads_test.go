package common

import "testing"

func TestLoads(t *testing.T) {
	var l Loads
	first, ok := l.Start()
	if !ok {
		t.Fatal("the first view waits")
	}
	if _, ok := l.Start(); ok {
		t.Fatal("a second load started while the first runs")
	}
	if latest, again := l.Done(first); !latest || !again {
		t.Fatalf("first reply: latest %v, again %v", latest, again)
	}
	second, _ := l.Start()
	replaced := second
	third := l.Restart() // the user asked for another date
	if latest, _ := l.Done(replaced); latest {
		t.Fatal("the reply to a replaced load is shown")
	}
	if latest, again := l.Done(third); !latest || again {
		t.Fatalf("third reply: latest %v, again %v", latest, again)
	}
	if _, ok := l.Start(); !ok {
		t.Fatal("nothing runs, yet the view waits")
	}
}
