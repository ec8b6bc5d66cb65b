package server

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"acctdesk/desk"
	"acctdesk/domain"
)

// User is a person of the users file: the author of what their sessions
// write, and what their role lets them do.
type User struct {
	Name string
	Role desk.Role
}

// Users is the users file (SPEC §12): one line per key,
// `NAME ROLE KEYTYPE BASE64 [COMMENT]`, # comments. It is read again
// whenever its size, time or inode changes (looked at on each lookup), so
// removing a line locks that key out of every new connection at once.
type Users struct {
	path string

	mu    sync.Mutex
	stamp fileStamp
	keys  map[string]User // by the key's wire form
	warn  []string        // the lines that were ignored, and why
}

type fileStamp struct {
	size  int64
	mod   time.Time
	ino   uint64
	found bool
}

// LoadUsers reads the users file; a file that cannot be read, or that
// names no usable key, is an error (a server nobody can reach is a
// mistake). Lines that are wrong are ignored and listed in Warnings.
func LoadUsers(path string) (*Users, error) {
	u := &Users{path: path}
	if err := u.reload(true); err != nil {
		return nil, err
	}
	if len(u.keys) == 0 {
		return nil, fmt.Errorf("the users file %s names no usable key (one line per key: NAME ROLE KEYTYPE BASE64 [COMMENT])", path)
	}
	return u, nil
}

// Path is the file's path.
func (u *Users) Path() string { return u.path }

// Warnings are the lines of the last read that were ignored.
func (u *Users) Warnings() []string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]string(nil), u.warn...)
}

// Lookup is the user whose key k is, reading the file again first if it
// changed. A file that has gone, or cannot be read, lets nobody in.
func (u *Users) Lookup(k gossh.PublicKey) (User, bool) {
	if k == nil {
		return User{}, false
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	_ = u.reloadLocked(false)
	usr, ok := u.keys[string(k.Marshal())]
	return usr, ok
}

// Holds is Lookup for a session already open: sure is false when the file
// could not be read or holds no key at all (caught mid-write, or gone for
// a moment), when an open session should not be closed on its word.
func (u *Users) Holds(k gossh.PublicKey) (usr User, ok, sure bool) {
	if k == nil {
		return User{}, false, true
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	err := u.reloadLocked(false)
	usr, ok = u.keys[string(k.Marshal())]
	return usr, ok, err == nil && len(u.keys) > 0
}

// reload reads the file again when it changed (always, when forced).
func (u *Users) reload(force bool) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.reloadLocked(force)
}

func (u *Users) reloadLocked(force bool) error {
	st := statFile(u.path)
	if !force && st == u.stamp {
		return nil
	}
	u.stamp = st
	data, err := os.ReadFile(u.path)
	if err != nil {
		u.keys, u.warn = nil, []string{err.Error()}
		return fmt.Errorf("the users file: %w", err)
	}
	u.keys, u.warn = ParseUsers(data)
	return nil
}

// ParseUsers reads a users file's lines: the users by key, and the lines
// ignored (a bad name, role or key; a key listed twice keeps its first line).
func ParseUsers(data []byte) (map[string]User, []string) {
	keys := map[string]User{}
	first := map[string]int{}
	var warn []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		usr, key, err := parseUserLine(line)
		if err != nil {
			warn = append(warn, fmt.Sprintf("line %d: %v; ignored", n, err))
			continue
		}
		w := string(key.Marshal())
		if at, dup := first[w]; dup {
			warn = append(warn, fmt.Sprintf("line %d: this key is already %s's (line %d); ignored", n, keys[w].Name, at))
			continue
		}
		first[w] = n
		keys[w] = usr
	}
	if err := sc.Err(); err != nil {
		warn = append(warn, err.Error())
	}
	return keys, warn
}

func parseUserLine(line string) (User, gossh.PublicKey, error) {
	f := strings.Fields(line)
	if len(f) < 4 {
		return User{}, nil, errors.New("a line is NAME ROLE KEYTYPE BASE64 [COMMENT]")
	}
	name := f[0]
	if err := domain.CheckCode(name); err != nil {
		return User{}, nil, fmt.Errorf("the name %s %v", domain.Safe(name), err)
	}
	role, err := desk.ParseRole(strings.ToLower(f[1]))
	if err != nil {
		return User{}, nil, errors.New(domain.Safe(err.Error()))
	}
	// The key itself, then its type against the line's: x/crypto's own
	// authorized_keys parser words a mismatch its own way from version to
	// version.
	blob, err := base64.StdEncoding.DecodeString(f[3])
	if err != nil {
		return User{}, nil, fmt.Errorf("the key of %s is not base64: %v", name, err)
	}
	key, err := gossh.ParsePublicKey(blob)
	if err != nil {
		return User{}, nil, fmt.Errorf("the key of %s: %v", name, err)
	}
	if key.Type() != f[2] {
		return User{}, nil, fmt.Errorf("the key of %s is a %s key, not %s as the line says", name, key.Type(), domain.Safe(f[2]))
	}
	if _, cert := key.(*gossh.Certificate); cert {
		return User{}, nil, fmt.Errorf("the key of %s is a certificate: give the key itself", name)
	}
	return User{Name: name, Role: role}, key, nil
}
