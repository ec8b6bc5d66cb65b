-- The aging report of acctdesk (SPEC §4 csv columns, default edges
-- 30/60/90/120) as of @ASOF@, with the application rule of SPEC §2:
--  1. explicit applications: what names an invoice pays it, up to its amount;
--  2. everything else of the account (its pool) pays the invoices still owed
--     balance-forward, oldest due date first (then issue date, number);
--  3. what is left is unapplied.
-- Applying the pool one credit at a time in date order, as acctdesk does,
-- ends with the same outstanding per invoice as applying its sum at once, so
-- step 2 is a running total per account (a window function). Amounts are
-- integers in minor units (load.sql); each is printed with its currency's
-- places, as acctdesk prints them.
.mode list
.headers off
.separator ,
SELECT 'account,currency,current,d1_30,d31_60,d61_90,d91_120,d120_plus,total,unapplied,net';
WITH
params(asof) AS (SELECT '@ASOF@'),
-- 1. explicit applications, per invoice
named AS MATERIALIZED (
  SELECT invoice AS number, SUM(amount) AS amount FROM (
    SELECT invoice, amount FROM payments, params WHERE invoice IS NOT NULL AND date <= params.asof
    UNION ALL
    SELECT invoice, amount FROM credit_notes, params WHERE invoice IS NOT NULL AND date <= params.asof)
  GROUP BY invoice),
-- what each invoice issued by then still owes after them (rem), and what the
-- invoices before it in balance-forward order still owe (before)
rest AS MATERIALIZED (
  SELECT i.account, i.due_date, i.amount,
         i.amount - MIN(i.amount, COALESCE(n.amount, 0)) AS rem,
         COALESCE(SUM(i.amount - MIN(i.amount, COALESCE(n.amount, 0))) OVER (
           PARTITION BY i.account ORDER BY i.due_date, i.issue_date, i.number
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM invoices i LEFT JOIN named n ON n.number = i.number, params
  WHERE i.issue_date <= params.asof),
-- 2. the pool: everything received or credited, less what step 1 applied
received AS MATERIALIZED (
  SELECT account, SUM(amount) AS amount FROM (
    SELECT account, amount FROM payments, params WHERE date <= params.asof
    UNION ALL
    SELECT account, amount FROM credit_notes, params WHERE date <= params.asof)
  GROUP BY account),
owing AS MATERIALIZED (
  SELECT account, SUM(amount - rem) AS applied, SUM(rem) AS rem FROM rest GROUP BY account),
pool AS MATERIALIZED (
  SELECT a.code AS account, COALESCE(r.amount, 0) - COALESCE(o.applied, 0) AS amount, COALESCE(o.rem, 0) AS rem
  FROM accounts a LEFT JOIN received r ON r.account = a.code LEFT JOIN owing o ON o.account = a.code),
-- what is still owed on each invoice once the pool has paid the older ones, by days past due
owed AS (
  SELECT r.account, MAX(0, r.rem - MAX(0, p.amount - r.before)) AS amount,
         CAST(julianday(params.asof) - julianday(r.due_date) AS INTEGER) AS days
  FROM rest r JOIN pool p ON p.account = r.account, params),
aged AS (
  SELECT account,
    SUM(CASE WHEN days <= 0 THEN amount ELSE 0 END) AS b0,
    SUM(CASE WHEN days BETWEEN 1 AND 30 THEN amount ELSE 0 END) AS b1,
    SUM(CASE WHEN days BETWEEN 31 AND 60 THEN amount ELSE 0 END) AS b2,
    SUM(CASE WHEN days BETWEEN 61 AND 90 THEN amount ELSE 0 END) AS b3,
    SUM(CASE WHEN days BETWEEN 91 AND 120 THEN amount ELSE 0 END) AS b4,
    SUM(CASE WHEN days > 120 THEN amount ELSE 0 END) AS b5,
    SUM(amount) AS total
  FROM owed GROUP BY account),
-- 3. unapplied: what the pool has left once every invoice is paid
lines AS (
  SELECT a.code AS account, a.currency,
    COALESCE(g.b0, 0) AS b0, COALESCE(g.b1, 0) AS b1, COALESCE(g.b2, 0) AS b2, COALESCE(g.b3, 0) AS b3,
    COALESCE(g.b4, 0) AS b4, COALESCE(g.b5, 0) AS b5, COALESCE(g.total, 0) AS total,
    MAX(0, p.amount - p.rem) AS unapplied
  FROM accounts a LEFT JOIN aged g ON g.account = a.code JOIN pool p ON p.account = a.code),
shown AS (
  SELECT 0 AS part, account, currency, b0, b1, b2, b3, b4, b5, total, unapplied FROM lines
  WHERE total <> 0 OR unapplied <> 0
  UNION ALL
  SELECT 1, 'TOTAL', currency, SUM(b0), SUM(b1), SUM(b2), SUM(b3), SUM(b4), SUM(b5), SUM(total), SUM(unapplied)
  FROM lines WHERE total <> 0 OR unapplied <> 0 GROUP BY currency),
fmt AS (
  SELECT s.*, COALESCE(c.places, 2) AS places,
         CASE COALESCE(c.places, 2) WHEN 3 THEN 1000 WHEN 2 THEN 100 ELSE 1 END AS p10
  FROM shown s LEFT JOIN currencies c ON c.code = s.currency)
SELECT account || ',' || currency || ',' ||
       CASE places WHEN 0 THEN CAST((b0) AS TEXT) ELSE (CASE WHEN (b0) < 0 THEN '-' ELSE '' END) || (ABS((b0)) / p10) || '.' || substr('000' || (ABS((b0)) % p10), -places) END || ',' ||
       CASE places WHEN 0 THEN CAST((b1) AS TEXT) ELSE (CASE WHEN (b1) < 0 THEN '-' ELSE '' END) || (ABS((b1)) / p10) || '.' || substr('000' || (ABS((b1)) % p10), -places) END || ',' ||
       CASE places WHEN 0 THEN CAST((b2) AS TEXT) ELSE (CASE WHEN (b2) < 0 THEN '-' ELSE '' END) || (ABS((b2)) / p10) || '.' || substr('000' || (ABS((b2)) % p10), -places) END || ',' ||
       CASE places WHEN 0 THEN CAST((b3) AS TEXT) ELSE (CASE WHEN (b3) < 0 THEN '-' ELSE '' END) || (ABS((b3)) / p10) || '.' || substr('000' || (ABS((b3)) % p10), -places) END || ',' ||
       CASE places WHEN 0 THEN CAST((b4) AS TEXT) ELSE (CASE WHEN (b4) < 0 THEN '-' ELSE '' END) || (ABS((b4)) / p10) || '.' || substr('000' || (ABS((b4)) % p10), -places) END || ',' ||
       CASE places WHEN 0 THEN CAST((b5) AS TEXT) ELSE (CASE WHEN (b5) < 0 THEN '-' ELSE '' END) || (ABS((b5)) / p10) || '.' || substr('000' || (ABS((b5)) % p10), -places) END || ',' ||
       CASE places WHEN 0 THEN CAST((total) AS TEXT) ELSE (CASE WHEN (total) < 0 THEN '-' ELSE '' END) || (ABS((total)) / p10) || '.' || substr('000' || (ABS((total)) % p10), -places) END || ',' ||
       CASE places WHEN 0 THEN CAST((unapplied) AS TEXT) ELSE (CASE WHEN (unapplied) < 0 THEN '-' ELSE '' END) || (ABS((unapplied)) / p10) || '.' || substr('000' || (ABS((unapplied)) % p10), -places) END || ',' ||
       CASE places WHEN 0 THEN CAST((total - unapplied) AS TEXT) ELSE (CASE WHEN (total - unapplied) < 0 THEN '-' ELSE '' END) || (ABS((total - unapplied)) / p10) || '.' || substr('000' || (ABS((total - unapplied)) % p10), -places) END
FROM fmt ORDER BY part, account, currency;
