package importer

import (
	"bytes"
	"fmt"
	"testing"
)

// benchFile is an invoices file of n rows in the shape of an ERP export.
func benchFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString("account,number,issue_date,due_date,amount,currency,product,quantity,disputed\n")
	for i := range n {
		fmt.Fprintf(&b, "ACC-%04d,INV-%07d,2026-%02d-%02d,,%d.%02d,NGN,AGO,%d,no\n", i%2000, i, i%12+1, i%28+1, 1000+i%90000, i%100, i%500)
	}
	return b.Bytes()
}

// BenchmarkReadCSV reads a 100,000-row invoices file.
func BenchmarkReadCSV(b *testing.B) {
	data := benchFile(100_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("invoices", bytes.NewReader(data), Options{Size: int64(len(data))}); err != nil {
			b.Fatal(err)
		}
	}
}
