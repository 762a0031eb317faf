-- Whom a settlement pays, as it was when it was approved: a venue's later change of name or
-- bank account does not change what was approved (older settlements read the venue's own).
ALTER TABLE settlements ADD COLUMN payee_name TEXT;
ALTER TABLE settlements ADD COLUMN payee_org_number TEXT;
ALTER TABLE settlements ADD COLUMN payee_bank_account TEXT;
