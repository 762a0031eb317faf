-- Why a card was assigned outside the year's age range, kept on the card: the audit log says
-- only that a reason was written, as the text may name a person. Cards overridden before kept
-- the reason in the log alone ("age 19: <reason>"); it is copied to the card.
ALTER TABLE cards ADD COLUMN age_override_reason TEXT NOT NULL DEFAULT '';
UPDATE cards SET age_override_reason = (
    SELECT substr(a.detail, instr(a.detail, ': ') + 2) FROM audit_log a
    WHERE a.action = 'card.age_override' AND a.entity_id = cards.id
      AND a.detail LIKE 'age %: %'
    ORDER BY a.id DESC LIMIT 1)
WHERE id IN (SELECT entity_id FROM audit_log WHERE action = 'card.age_override'
               AND detail LIKE 'age %: %');
