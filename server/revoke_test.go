package server

import (
	"os"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestRemovedKeyClosesItsSession: a key taken out of the users file (a
// lost laptop) ends the session already open with it, saying why; so does
// a change of the user's role; the others go on.
func TestRemovedKeyClosesItsSession(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector", "bob collector", "cy lead"}, nil)
	a := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	b := f.open(t, gossh.PublicKeys(f.keys["bob"]))
	c := f.open(t, gossh.PublicKeys(f.keys["cy"]))
	a.ready()
	b.ready()
	c.ready()
	lines := "# ada lost her laptop; bob is a viewer now\n" +
		userLine("bob", "viewer", f.keys["bob"]) + userLine("cy", "lead", f.keys["cy"])
	if err := os.WriteFile(f.users, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	_ = a.ended(3 * keyCheck) // its exit status is not the point
	if s := a.since(0); !strings.Contains(s, "your key was removed from the users file") {
		t.Errorf("ada's session was not told why it ended: %q", tail(s, 300))
	}
	_ = b.ended(3 * keyCheck) // its exit status is not the point
	if s := b.since(0); !strings.Contains(s, "your entry in the users file changed") {
		t.Errorf("bob's session was not told why it ended: %q", tail(s, 300))
	}
	time.Sleep(keyCheck + 500*time.Millisecond) // another look at the file: cy's entry is as it was
	from := c.mark()
	c.send("2")
	c.waitFor("Book ·", from, 5*time.Second) // cy's session goes on
}

// TestUsersLineKeyTypeMustMatch: a line whose KEYTYPE is not its key's
// type is a mistake in the file: ignored, and said.
func TestUsersLineKeyTypeMustMatch(t *testing.T) {
	k := newKey(t)
	good := userLine("ada", "lead", k)
	f := strings.Fields(good)
	bad := strings.Join(append([]string{"bob", "lead", "ssh-rsa"}, f[3:]...), " ") + "\n"
	keys, warn := ParseUsers([]byte(good + bad))
	if len(keys) != 1 {
		t.Fatalf("%d keys read, want ada's alone: %v", len(keys), warn)
	}
	if len(warn) != 1 || !strings.Contains(warn[0], "line 2") || !strings.Contains(warn[0], "not ssh-rsa") {
		t.Errorf("the mismatched line was not said: %q", warn)
	}
}

// TestUsersFileCaughtMidWrite: a users file found empty for a while (an
// editor writing it anew) closes no open session; new connections are
// refused meanwhile.
func TestUsersFileCaughtMidWrite(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector"}, nil)
	a := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	a.ready()
	keep, err := os.ReadFile(f.users)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.users, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2*keyCheck + 500*time.Millisecond)
	if c, err := f.dial(gossh.PublicKeys(f.keys["ada"])); err == nil {
		c.Close()
		t.Error("a key got in while the users file was empty")
	}
	from := a.mark()
	a.send("2")
	a.waitFor("Book ·", from, 5*time.Second) // still open
	if err := os.WriteFile(f.users, keep, 0o600); err != nil {
		t.Fatal(err)
	}
}
