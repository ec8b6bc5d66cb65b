-- Loads the CSVs that bench/export writes (run from their directory) into
-- SQLite: amounts as integers in minor units (the export prints every amount
-- with exactly its currency's places, so dropping the point is exact), dates
-- as ISO text. An invoice's paid_on is a payment of its whole amount naming
-- it, as acctdesk's importer records it.
PRAGMA cache_size = -262144;
BEGIN;

CREATE TEMP TABLE accounts_csv(code, name, tier, segment, owner, salesperson, status, terms, payment_terms_days,
  credit_limit, currency, products, opened_on, live_on);
CREATE TEMP TABLE invoices_csv(account, number, issue_date, due_date, amount, currency, product, quantity, unit,
  disputed, dispute_reason, paid_on);
CREATE TEMP TABLE payments_csv(account, reference, date, amount, currency, invoice);
CREATE TEMP TABLE credits_csv(account, number, date, amount, reason, invoice, currency);
.import --csv --skip 1 accounts.csv accounts_csv
.import --csv --skip 1 invoices.csv invoices_csv
.import --csv --skip 1 payments.csv payments_csv
.import --csv --skip 1 credit-notes.csv credits_csv

CREATE TABLE accounts(code TEXT PRIMARY KEY, name TEXT, owner TEXT, currency TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE invoices(number TEXT PRIMARY KEY, account TEXT NOT NULL, issue_date TEXT NOT NULL,
  due_date TEXT NOT NULL, amount INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE payments(reference TEXT PRIMARY KEY, account TEXT NOT NULL, date TEXT NOT NULL,
  amount INTEGER NOT NULL, invoice TEXT) WITHOUT ROWID;
CREATE TABLE credit_notes(number TEXT PRIMARY KEY, account TEXT NOT NULL, date TEXT NOT NULL,
  amount INTEGER NOT NULL, invoice TEXT) WITHOUT ROWID;
CREATE TABLE currencies(code TEXT PRIMARY KEY, places INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO currencies VALUES ('NGN',2),('XOF',0),('XAF',0),('GHS',2),('KES',2),('ZAR',2),('USD',2),('EUR',2),
  ('GBP',2),('JPY',0),('UGX',0),('RWF',0),('KWD',3),('BHD',3),('OMR',3),('TND',3);

INSERT INTO accounts SELECT code, name, owner, currency FROM accounts_csv;
INSERT INTO invoices SELECT number, account, issue_date, due_date, CAST(replace(amount, '.', '') AS INTEGER) FROM invoices_csv;
INSERT INTO payments SELECT reference, account, date, CAST(replace(amount, '.', '') AS INTEGER), NULLIF(invoice, '') FROM payments_csv;
INSERT INTO payments SELECT 'PAID-' || number, account, paid_on, CAST(replace(amount, '.', '') AS INTEGER), number
  FROM invoices_csv WHERE paid_on <> '';
INSERT INTO credit_notes SELECT number, account, date, CAST(replace(amount, '.', '') AS INTEGER), NULLIF(invoice, '') FROM credits_csv;

-- The indexes a person would add: an account's invoices in balance-forward
-- order (the aging query then needs no sort), its payments and credit notes
-- by date, and the explicit applications by invoice.
CREATE INDEX invoices_due ON invoices(account, due_date, issue_date, number, amount);
CREATE INDEX payments_account ON payments(account, date);
CREATE INDEX payments_invoice ON payments(invoice) WHERE invoice IS NOT NULL;
CREATE INDEX credit_notes_account ON credit_notes(account, date);
CREATE INDEX credit_notes_invoice ON credit_notes(invoice) WHERE invoice IS NOT NULL;
ANALYZE;
COMMIT;
