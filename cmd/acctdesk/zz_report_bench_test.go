package main

import (
	"io"
	"os"
	"testing"
)

func BenchmarkReportBookL(b *testing.B) {
	path := os.Getenv("ACCTDESK_BENCH_L")
	for i := 0; i < b.N; i++ {
		if err := run([]string{"report", os.Getenv("R"), "--format", "csv", "--db", path, "--as-of", "2026-11-22"}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
