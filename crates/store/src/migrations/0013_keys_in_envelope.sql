-- The plain copies go once NAV's part is sealed. Passwords and the login lockout live in the
-- key slots of the file's envelope, and the card-signing key in the slots of the roles that
-- print and assign; only its public half stays here for the desks.
ALTER TABLE holders DROP COLUMN birth_date;
ALTER TABLE holders DROP COLUMN guardian_name;
ALTER TABLE holders DROP COLUMN guardian_phone;
ALTER TABLE holders DROP COLUMN guardian_email;
ALTER TABLE holders DROP COLUMN address;
ALTER TABLE holders DROP COLUMN nav_contact;
ALTER TABLE holders DROP COLUMN nav_note;
ALTER TABLE users DROP COLUMN password_hash;
DROP TABLE login_attempts;
DELETE FROM secrets WHERE name = 'card-ed25519';
