package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/log"

	"acctdesk/config"
	"acctdesk/domain"
	"acctdesk/server"
	"acctdesk/ui"
)

// stopWithin is how long serve gives its sessions to close on SIGTERM
// before it drops them: well inside the 5 s a service manager is told.
const stopWithin = 4 * time.Second

// serve serves the workstation over SSH to a team on one book (SPEC §12):
// this process owns the book's desk, one shared by every session, kept
// fresh from the change log so the host's command-line writes reach them.
func (c *cli) serve(args []string) error {
	fs, g := newFlags("serve")
	listen := fs.String("listen", "127.0.0.1:2323", "address to listen on")
	users := fs.String("users", defaultUsersFile(), "the users file: NAME ROLE KEYTYPE BASE64 [COMMENT] per line")
	hostKey := fs.String("host-key", filepath.Join(dataDir(), "host_key"), "the server's host key (made on first run, 0600)")
	maxSessions := fs.Int("max-sessions", 50, "sessions open at once, at most")
	idle := fs.Duration("idle", 30*time.Minute, "close a session after this long without a key (0: never)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noMore("serve", pos, 0); err != nil {
		return err
	}
	if *maxSessions < 1 {
		return errors.New("--max-sessions must be at least 1")
	}
	if *idle < 0 {
		return errors.New("--idle must not be negative (0 never closes an idle session)")
	}
	if *idle == 0 {
		*idle = -1 // server.Options: negative is never
	}
	asOf, err := g.date()
	if err != nil {
		return err
	}
	lg := log.NewWithOptions(c.stderr, log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339, Prefix: "acctdesk serve"})
	if os.Getenv("ACCTDESK_LOG") == "debug" {
		lg.SetLevel(log.DebugLevel)
	}

	u, err := server.LoadUsers(*users)
	if err != nil {
		return fmt.Errorf("%w (see acctdesk help serve)", err)
	}
	for _, w := range u.Warnings() {
		lg.Warn("users file", "path", *users, "problem", domain.Safe(w))
	}
	if err := os.MkdirAll(filepath.Dir(*hostKey), 0o700); err != nil {
		return fmt.Errorf("the host key's directory: %w", err)
	}
	_, statErr := os.Stat(*hostKey)
	st, err := g.openExisting(nil)
	if err != nil {
		return err
	}
	set, err := st.Settings()
	if err != nil {
		return err
	}
	name := set.Name
	if name == "" || name == "book" {
		name = filepath.Base(g.path())
	}
	d, err := g.desk(st)
	if err != nil {
		return err
	}
	cfg, cfgErr := config.Load(config.Path(os.Getenv))
	if cfgErr != nil {
		lg.Warn("config", "problem", domain.Safe(cfgErr.Error()))
	}
	base := ui.Options{BookName: name, AsOf: asOf, Today: domain.DateOf(time.Now()), Keys: cfg.Keys, Theme: cfg.Theme,
		Mouse: cfg.Mouse, StatusFade: ui.StatusFade}
	if dmg := st.Damaged(); dmg != nil {
		base.Warning = "Read-only: the book failed its integrity check, run acctdesk check · " + dmg.Error()
	}
	srv, err := server.New(d, server.Options{Users: u, HostKey: *hostKey, MaxSessions: *maxSessions, Idle: *idle, Log: lg, UI: base})
	if err != nil {
		return err
	}
	if os.IsNotExist(statErr) {
		lg.Info("host key created", "path", *hostKey, "fingerprint", srv.HostKeyFingerprint())
	}
	if fi, err := os.Stat(*hostKey); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("the host key %s can be read by others (mode %v): chmod 600 it", shown(*hostKey), fi.Mode().Perm())
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w", shown(*listen), err)
	}

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go func() { _, _ = d.View() }() // the first session finds the view loaded, or loading
	go d.Watch(ctx)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer signal.Stop(sig)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(c.stderr, "acctdesk serve: %s on %s (host key %s); ssh -p %s %s\n", shown(g.path()), ln.Addr(), srv.HostKeyFingerprint(), port(ln.Addr()), hostOf(ln.Addr()))
	select {
	case err := <-served:
		return err
	case s := <-sig:
		lg.Info("signal", "signal", s.String())
	}
	sctx, cancel := context.WithTimeout(context.Background(), stopWithin)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		lg.Warn("sessions dropped at the deadline", "err", err)
	}
	stop()
	lg.Info("stopped")
	return nil
}

func defaultUsersFile() string {
	p := config.Path(os.Getenv)
	if p == "" {
		return "users"
	}
	return filepath.Join(filepath.Dir(p), "users")
}

func port(a net.Addr) string {
	_, p, _ := net.SplitHostPort(a.String())
	return p
}

func hostOf(a net.Addr) string {
	h, _, _ := net.SplitHostPort(a.String())
	return strings.Trim(h, "[]")
}
