//! The demo program: the fictional "Eksempel kommune" with fifteen venues, their logos and
//! agreements, and two program years, so a newcomer has something real to explore.

use crate::{StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::checks::{complete_bank_account, complete_org_number};
use okort_core::Actor;
use okort_core::{
    AgreementInput, CompensationModel, HolderInput, ProgramInput, ProgramYearInput, Role,
    VenueCategory, VenueInput, YearStatus,
};

use CompensationModel::{FullRefund, Share, VenueBearsCost};
use VenueCategory::*;

struct DemoVenue {
    name: &'static str,
    category: VenueCategory,
    address: &'static str,
    contact: &'static str,
    visits: Option<u8>,
    model: CompensationModel,
    share: u8,
    price_kr: i64,
    not_covered: &'static str,
    colour: &'static str,
}

// A table-row builder: one argument per column keeps the table below readable.
#[allow(clippy::too_many_arguments)]
const fn v(
    name: &'static str,
    category: VenueCategory,
    address: &'static str,
    contact: &'static str,
    visits: Option<u8>,
    model: CompensationModel,
    share: u8,
    price_kr: i64,
    not_covered: &'static str,
    colour: &'static str,
) -> DemoVenue {
    DemoVenue {
        name,
        category,
        address,
        contact,
        visits,
        model,
        share,
        price_kr,
        not_covered,
        colour,
    }
}

const VENUES: [DemoVenue; 15] = [
    v(
        "Eksempel Kino",
        Cinema,
        "Storgata 12",
        "Kari Nilsen",
        Some(5),
        FullRefund,
        100,
        120,
        "3D-tillegg og snacks",
        "#b3262e",
    ),
    v(
        "Eksempelbadet",
        Swimming,
        "Badeveien 3",
        "Per Hansen",
        None,
        VenueBearsCost,
        0,
        0,
        "",
        "#1b7fb8",
    ),
    v(
        "Lekeland Trollskogen",
        PlayLand,
        "Industriveien 8",
        "Lise Berg",
        Some(5),
        Share,
        50,
        189,
        "Bursdagsselskap",
        "#3d9a3a",
    ),
    v(
        "Kulturhuset Scene",
        Performance,
        "Torget 1",
        "Ahmed Khan",
        Some(5),
        FullRefund,
        100,
        150,
        "Gallaforestillinger",
        "#6b3fa0",
    ),
    v(
        "Eksempel Danseskole",
        CourseDance,
        "Fabrikkgata 4",
        "Marte Olsen",
        Some(10),
        FullRefund,
        100,
        180,
        "Kostyme til oppvisning",
        "#d6336c",
    ),
    v(
        "Kulturskolen",
        CourseMusic,
        "Skoleveien 2",
        "Jon Dahl",
        Some(5),
        VenueBearsCost,
        0,
        0,
        "Instrumentleie",
        "#e67700",
    ),
    v(
        "Ungdomsteateret",
        CourseTheatre,
        "Torget 1",
        "Sara Lunde",
        Some(5),
        Share,
        50,
        140,
        "",
        "#845ef7",
    ),
    v(
        "Eksempel IL Fotball",
        CourseSport,
        "Idrettsveien 10",
        "Ole Moen",
        None,
        VenueBearsCost,
        0,
        0,
        "Medlemskontingent og draktsett",
        "#2b8a3e",
    ),
    v(
        "Klatresenteret Toppen",
        CourseSport,
        "Fjellveien 5",
        "Ingrid Aas",
        Some(5),
        FullRefund,
        100,
        160,
        "Leie av sko",
        "#495057",
    ),
    v(
        "Bowlinghallen",
        Other,
        "Senterveien 7",
        "Tor Lie",
        Some(5),
        Share,
        50,
        120,
        "Mat og drikke",
        "#f08c00",
    ),
    v(
        "Eksempel Museum",
        Other,
        "Museumsveien 1",
        "Hilde Strand",
        None,
        VenueBearsCost,
        0,
        0,
        "",
        "#5c4033",
    ),
    v(
        "Ishallen",
        CourseSport,
        "Idrettsveien 12",
        "Nils Bakke",
        Some(10),
        FullRefund,
        100,
        60,
        "Skøyteslip",
        "#1c7ed6",
    ),
    v(
        "Eksempel Turnforening",
        CourseSport,
        "Idrettsveien 14",
        "Mona Vik",
        Some(5),
        FullRefund,
        100,
        100,
        "Medlemskontingent",
        "#0ca678",
    ),
    v(
        "Musikkverkstedet",
        CourseMusic,
        "Fabrikkgata 6",
        "Ali Hassan",
        Some(5),
        Share,
        50,
        150,
        "",
        "#c2255c",
    ),
    v(
        "Eventyrparken",
        PlayLand,
        "Parkveien 20",
        "Eva Solberg",
        Some(3),
        FullRefund,
        100,
        250,
        "Kafé",
        "#f59f00",
    ),
];

/// A simple, recognisable SVG logo: the venue's colour and initials.
fn logo_svg(name: &str, colour: &str) -> String {
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .take(2)
        .collect();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><rect x="4" y="4" width="112" height="112" rx="24" fill="{colour}"/><circle cx="60" cy="60" r="40" fill="none" stroke="#ffffff" stroke-width="6" opacity="0.35"/><text x="60" y="74" font-family="DejaVu Sans, Arial, sans-serif" font-size="40" font-weight="bold" fill="#ffffff" text-anchor="middle">{initials}</text></svg>"##
    )
}

fn program_logo() -> String {
    r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120" viewBox="0 0 200 120"><rect width="200" height="120" rx="18" fill="#1f5f8b"/><circle cx="52" cy="60" r="30" fill="#f2a900"/><path d="M40 60 l8 9 l16 -20" stroke="#1f5f8b" stroke-width="7" fill="none" stroke-linecap="round" stroke-linejoin="round"/><text x="90" y="56" font-family="DejaVu Sans, Arial, sans-serif" font-size="16" font-weight="bold" fill="#ffffff" textLength="102" lengthAdjust="spacingAndGlyphs">Opplevelses-</text><text x="90" y="82" font-family="DejaVu Sans, Arial, sans-serif" font-size="16" font-weight="bold" fill="#ffffff">kortet</text></svg>"##.to_string()
}

fn coat_of_arms() -> String {
    r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="120" viewBox="0 0 100 120"><path d="M5 5 H95 V60 C95 90 70 108 50 115 C30 108 5 90 5 60 Z" fill="#c92a2a" stroke="#f8f9fa" stroke-width="4"/><path d="M50 25 L62 55 L50 85 L38 55 Z" fill="#f8f9fa"/></svg>"##.to_string()
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, StoreError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(StoreError::Csv(format!("bad demo date {y}-{m}-{d}")))
}

/// Fills an empty workspace with the demo program.
pub fn fill(ws: &mut Workspace) -> Result<(), StoreError> {
    let admin = ws.create_first_admin(DEMO_USERS[0].0, DEMO_PASSWORD)?;
    ws.save_program(
        &admin,
        ProgramInput {
            municipality: "Eksempel kommune".into(),
            name: "Opplevelseskortet".into(),
            contact_name: "Kulturkontoret, Eksempel kommune".into(),
            contact_phone: "+47 99 99 99 99".into(),
            contact_email: "kultur@eksempel.kommune.no".into(),
            primary_colour: "#1f5f8b".into(),
            accent_colour: "#f2a900".into(),
            desk_idle_minutes: 15,
            retention_years: 3,
        },
    )?;
    ws.set_program_image(
        &admin,
        crate::ProgramImage::Logo,
        Some(program_logo().as_bytes()),
    )?;
    ws.set_program_image(
        &admin,
        crate::ProgramImage::CoatOfArms,
        Some(coat_of_arms().as_bytes()),
    )?;

    let mut years = Vec::new();
    let mut kino_id = 0;
    for (year, quota, status) in [
        (2025, 60, YearStatus::Closed),
        (2026, 100, YearStatus::Active),
    ] {
        let defaults = ProgramYearInput::new_for(year)
            .ok_or(StoreError::Csv(format!("bad demo year {year}")))?;
        years.push(ws.save_year(
            &admin,
            ProgramYearInput {
                card_quota: quota,
                status,
                ..defaults
            },
        )?);
    }

    for (i, d) in VENUES.iter().enumerate() {
        let org = (0..100)
            .find_map(|k| complete_org_number(&format!("9{:02}{:05}", 10 + i, 31 * k + 7)))
            .unwrap_or_default();
        let account = (0..100)
            .find_map(|k| complete_bank_account(&format!("1503{:02}{:04}", 20 + i, 97 * k + 11)))
            .unwrap_or_default();
        let slug: String = d
            .name
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let venue = ws.save_venue(
            &admin,
            VenueInput {
                id: None,
                name: d.name.into(),
                category: d.category,
                address: format!("{}, 9999 Eksempelby", d.address),
                contact_person: d.contact.into(),
                phone: format!("+47 9{:07}", 1_000_000 + i * 12_345),
                email: format!("post@{slug}.example"),
                org_number: org,
                bank_account: account,
                active: true,
                staff_note: "Kortholder og én ledsager går gratis. Kryss av ett felt per besøk."
                    .into(),
            },
        )?;
        ws.set_venue_logo(
            &admin,
            venue.id,
            Some(logo_svg(d.name, d.colour).as_bytes()),
        )?;
        if d.category == Cinema {
            kino_id = venue.id;
        }
        for (k, year) in years.iter().enumerate() {
            let price = d.price_kr * 100 + k as i64 * 500 * i64::from(d.price_kr > 0);
            ws.save_agreement(
                &admin,
                AgreementInput {
                    venue_id: venue.id,
                    year_id: year.id,
                    visits_per_card: d.visits,
                    companion_free: true,
                    not_covered: d.not_covered.into(),
                    compensation: d.model,
                    share_percent: d.share,
                    holder_price_ore: price,
                    companion_price_ore: price,
                    period_from: None,
                    period_to: None,
                    signed_on: Some(date(year.year - 1, 12, 1 + i as u32)?),
                },
            )?;
        }
    }
    fill_people(ws, &admin, kino_id, &years)
}

/// The demo's logins, all with the password [`DEMO_PASSWORD`].
pub const DEMO_USERS: [(&str, Role); 3] = [
    ("kultur", Role::Admin),
    ("nav", Role::Nav),
    ("kino", Role::Venue),
];
pub const DEMO_PASSWORD: &str = "demo1234";

/// (first name, last name, born (y, m, d), language, family number)
type DemoHolder = (
    &'static str,
    &'static str,
    (i32, u32, u32),
    &'static str,
    u8,
);

/// Holders in the scripts families write their names in.
const HOLDERS: [DemoHolder; 20] = [
    ("Amina", "Hassan", (2014, 3, 12), "so", 1),
    ("Yusuf", "Hassan", (2016, 8, 2), "so", 1),
    ("مريم", "الحسن", (2013, 11, 30), "ar", 2),
    ("ሰላም", "ተስፋይ", (2012, 6, 5), "ti", 3),
    ("Олена", "Коваль", (2015, 1, 22), "uk", 4),
    ("Dmytro", "Koval", (2011, 9, 14), "uk", 4),
    ("Zofia", "Wiśniewska", (2017, 4, 9), "pl", 5),
    ("Nguyễn", "Thị Hương", (2010, 12, 1), "vi", 6),
    ("Jonas", "Petrauskas", (2014, 7, 19), "lt", 7),
    ("Sara", "Ahmadi", (2016, 2, 28), "fa", 8),
    ("Emil", "Johansen", (2019, 10, 3), "nb", 9),
    ("Nora", "Johansen", (2017, 5, 17), "nb", 9),
    ("Ali", "Rahimi", (2009, 3, 3), "prs", 10),
    ("Ingrid", "Berg", (2012, 12, 24), "nb", 11),
    ("Mohammed", "Yilmaz", (2013, 8, 8), "tr", 12),
    ("Leah", "Mensah", (2015, 6, 6), "en", 13),
    ("Aisha", "Khan", (2011, 1, 15), "ur", 14),
    ("Tobias", "Nilsen", (2018, 9, 30), "nb", 15),
    ("Mariam", "Tesfay", (2008, 2, 20), "ti", 16),
    ("Kristian", "Lund", (2007, 11, 11), "nb", 17),
];

fn fill_people(
    ws: &mut Workspace,
    admin: &Actor,
    kino_id: i64,
    years: &[okort_core::ProgramYear],
) -> Result<(), StoreError> {
    // NAV's first user is made with NAV's recovery key, as in a real setup: the culture office
    // cannot create NAV users.
    let nav_recovery = ws
        .take_recovery()
        .into_iter()
        .find(|(r, _)| *r == crate::RecoveryRole::Nav)
        .map(|(_, k)| k)
        .ok_or(StoreError::Refused(
            okort_core::i18n::Problem::RecoveryKeyWrong,
        ))?;
    let nav = ws.recover_in_place(
        crate::RecoveryRole::Nav,
        &nav_recovery,
        "nav",
        DEMO_PASSWORD,
    )?;
    for (name, role) in DEMO_USERS[1..].iter().filter(|(_, r)| *r != Role::Nav) {
        ws.save_user(
            admin,
            crate::UserInput {
                id: None,
                username: (*name).into(),
                role: *role,
                venue_id: (*role == Role::Venue).then_some(kino_id),
                active: true,
                password: Some(DEMO_PASSWORD.into()),
            },
        )?;
    }
    let created = date(2026, 1, 5)?;
    let mut ids = Vec::new();
    for (i, (first, last, (y, m, d), lang, family)) in HOLDERS.iter().enumerate() {
        let h = ws.save_holder(
            &nav,
            HolderInput {
                id: None,
                first_name: (*first).into(),
                last_name: (*last).into(),
                birth_date: date(*y, *m, *d)?,
                language: (*lang).into(),
                guardian_name: format!("Foresatt {family}"),
                guardian_phone: format!("+47 4{:07}", 1_234_500 + u32::from(*family) * 7),
                guardian_email: String::new(),
                address: format!("Boligveien {}, 9999 Eksempelby", 10 + i),
                nav_contact: if i % 2 == 0 {
                    "Veileder A"
                } else {
                    "Veileder B"
                }
                .into(),
                nav_note: String::new(),
            },
            created,
        )?;
        ids.push(h.id);
    }
    let (y2025, y2026) = (&years[0], &years[1]);
    // Last year: the first twelve holders, all handed out.
    for &id in &ids[..12] {
        let card = ws.assign_card(&nav, id, y2025.id, None, date(2025, 1, 10)?)?;
        ws.hand_out(&nav, card.id, date(2025, 1, 20)?)?;
    }
    // This year: eighteen holders; most handed out, one lost and replaced, a few not yet out.
    for (i, &id) in ids[..18].iter().enumerate() {
        let card = ws.assign_card(&nav, id, y2026.id, None, date(2026, 1, 12)?)?;
        ws.mark_printed(admin, &[card.id])?;
        if i < 15 {
            ws.hand_out(&nav, card.id, date(2026, 1, 26)?)?;
        }
        if i == 3 {
            ws.replace_lost(&nav, card.id, date(2026, 3, 2)?)?;
        }
    }
    fill_visits(ws, admin, years)
}

/// ((from month, day), (to month, day), paid on): one round of settlements.
type SettlementPeriod = ((u32, u32), (u32, u32), Option<NaiveDate>);

/// A stream of pseudo-random numbers, the same on every run.
struct Dice(u64);

impl Dice {
    /// A number in `0..n`.
    fn roll(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// Venues that have not reported November yet; the others are settled to the end of October.
const LATE_REPORTERS: [&str; 5] = [
    "Eksempel Museum",
    "Ishallen",
    "Eksempel Turnforening",
    "Musikkverkstedet",
    "Eventyrparken",
];

/// A year of visits in each program year, imported from each venue's report as the culture
/// office receives them, and settled: last year in two paid half-years, this year paid to
/// the end of September, October approved and not yet paid, November open at a few venues.
/// The first card of this year has no visits, so the desk can be tried on a fresh card.
fn fill_visits(
    ws: &mut Workspace,
    admin: &okort_core::Actor,
    years: &[okort_core::ProgramYear],
) -> Result<(), StoreError> {
    let mut dice = Dice(0x0c0f_fee5);
    let venues = ws.list_venues()?;
    for (k, year) in years.iter().enumerate() {
        let current = k + 1 == years.len();
        let cards = ws.list_cards(admin, year.id)?;
        let mut holders: Vec<i64> = cards
            .iter()
            .filter(|c| c.card.handed_out_on.is_some())
            .map(|c| c.card.holder_id)
            .collect();
        holders.dedup();
        if current {
            holders.retain(|&h| h != cards[0].card.holder_id);
        }
        let first = date(year.year, 2, 1)?;
        for venue in &venues {
            let Some(d) = VENUES.iter().find(|d| d.name == venue.name) else {
                continue;
            };
            let last = match (current, LATE_REPORTERS.contains(&d.name)) {
                (false, _) => date(year.year, 12, 20)?,
                (true, false) => date(year.year, 10, 31)?,
                (true, true) => date(year.year, 11, 20)?,
            };
            let span = (last - first).num_days() as u64 + 1;
            let mut report = String::from("kortnummer;dato;ledsager\n");
            for &holder in &holders {
                if dice.roll(100) >= 45 {
                    continue;
                }
                let most = d.visits.map_or(6, u64::from);
                let count = 1 + dice.roll(most);
                let mut days: Vec<NaiveDate> = Vec::new();
                while (days.len() as u64) < count {
                    let day = first + chrono::Days::new(dice.roll(span));
                    if !days.contains(&day) {
                        days.push(day);
                    }
                }
                days.sort();
                for day in days {
                    // The card the holder carried that day: a replacement from its first day.
                    let Some(card) = cards
                        .iter()
                        .filter(|c| c.card.holder_id == holder && c.card.created_on <= day)
                        .max_by_key(|c| c.card.created_on)
                    else {
                        continue;
                    };
                    let companion = if dice.roll(2) == 0 { "ja" } else { "nei" };
                    report.push_str(&format!(
                        "{};{};{companion}\n",
                        card.card.number,
                        okort_core::dates::format_date(day)
                    ));
                }
            }
            if report.lines().count() > 1 {
                ws.import_visits(
                    admin,
                    Some(venue.id),
                    report.as_bytes(),
                    false,
                    date(year.year, 12, 31)?,
                )?;
            }
        }
        let periods: Vec<SettlementPeriod> = if current {
            vec![
                ((1, 1), (6, 30), Some(date(year.year, 7, 15)?)),
                ((7, 1), (9, 30), Some(date(year.year, 10, 15)?)),
                ((10, 1), (10, 31), None),
            ]
        } else {
            vec![
                ((1, 1), (6, 30), Some(date(year.year, 7, 15)?)),
                ((7, 1), (12, 31), Some(date(year.year + 1, 1, 20)?)),
            ]
        };
        for venue in &venues {
            for &((fm, fd), (tm, td), paid) in &periods {
                let period = (date(year.year, fm, fd)?, date(year.year, tm, td)?);
                // Approved when the venue's report for the period is in, a few days after it.
                let approved = period.1 + chrono::Days::new(5);
                let s =
                    match ws.approve_settlement(admin, venue.id, year.id, Some(period), approved) {
                        Ok(s) => s,
                        Err(StoreError::Refused(okort_core::i18n::Problem::NothingToSettle)) => {
                            continue
                        }
                        Err(e) => return Err(e),
                    };
                if let Some(on) = paid {
                    ws.mark_settlement_paid(admin, s.id, on)?;
                }
            }
        }
    }
    Ok(())
}

/// Creates a new workspace at `path` holding the demo program.
pub fn create(path: &std::path::Path) -> Result<Workspace, StoreError> {
    let mut ws = Workspace::create(path)?;
    fill(&mut ws)?;
    let mut env = crate::vault::Envelope::read(path)?;
    env.demo = true;
    env.write(path)?;
    Ok(ws)
}

/// Names for generated holders, in the scripts the program's families write: Latin with
/// Nordic, Polish and Vietnamese letters, Cyrillic, Arabic and Ethiopic.
pub const GENERATED_FIRST: [&str; 12] = [
    "Amina",
    "Олена",
    "مريم",
    "ሰላም",
    "Zofia",
    "Nguyễn",
    "Jonas",
    "Åse",
    "Dmytro",
    "يوسف",
    "Łukasz",
    "ዮናስ",
];
pub const GENERATED_LAST: [&str; 12] = [
    "Hassan",
    "Коваль",
    "الحسن",
    "ተስፋይ",
    "Wiśniewska",
    "Thị Hương",
    "Berg",
    "Ødegård",
    "Шевченко",
    "عبدالله",
    "Żółkiewski",
    "Trần Văn Đức",
];

/// Adds `n` generated holders to a year, each with a card, raising the year's quota to fit:
/// a large program to measure printing on, with [`GENERATED_FIRST`] and [`GENERATED_LAST`] names.
pub fn add_generated_cards(ws: &mut Workspace, year_id: i64, n: u32) -> Result<(), StoreError> {
    if n == 0 {
        return Ok(());
    }
    let actor = okort_core::Actor::command_line();
    let year = ws.year(year_id)?;
    let used = crate::cards::quota_of(&ws.conn, &year)?.used;
    ws.save_year(
        &actor,
        okort_core::ProgramYearInput {
            card_quota: used + n,
            ..okort_core::ProgramYearInput::from(&year)
        },
    )?;
    let year = ws.year(year_id)?;
    // Born early in the year the holders are 10 to 14 in it: inside any age range.
    let first_day = date(year.year - 14, 1, 1)?;
    let nav = ws.keys.nav.clone().ok_or(StoreError::Denied(Role::Admin))?;
    let tx = ws.conn.transaction()?;
    for i in 0..n as usize {
        let born = first_day + chrono::Days::new((i % 1800) as u64);
        tx.execute(
            "INSERT INTO holders (first_name, last_name, birth_year, language) VALUES (?1, ?2, ?3, 'nb')",
            rusqlite::params![GENERATED_FIRST[i % 12], GENERATED_LAST[(i / 12) % 12], chrono::Datelike::year(&born)],
        )?;
        let holder = crate::holders::holder_by_id(&tx, None, tx.last_insert_rowid())?;
        let holder = okort_core::Holder {
            birth_date: born,
            ..holder
        };
        crate::cards::assign_in(&tx, &nav, &actor, &holder, &year, None, year.valid_from)?;
    }
    tx.commit()?;
    Ok(())
}

/// Adds `n` generated visits to a year, for benchmarks: spread over the year's cards, the
/// venues with an agreement and the days of the year, every third with a companion. Written
/// straight in one transaction, with no rule checked: what matters is the volume.
pub fn add_generated_visits(ws: &mut Workspace, year_id: i64, n: u64) -> Result<(), StoreError> {
    let year = ws.year(year_id)?;
    let cards: Vec<(i64, i64)> = ws
        .conn
        .prepare("SELECT id, holder_id FROM cards WHERE year_id = ?1 AND status <> 'revoked'")?
        .query_map([year_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let venues: Vec<i64> = ws
        .agreements_for_year(year_id)?
        .iter()
        .map(|a| a.venue_id)
        .collect();
    if cards.is_empty() || venues.is_empty() {
        return Ok(());
    }
    let days = (year.valid_to - year.valid_from).num_days().max(0) as u64 + 1;
    let tx = ws.conn.transaction()?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO visits (card_id, holder_id, year_id, venue_id, visited_on, companion,
                                 source, registered_by, registered_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'import', 0, ?7)",
        )?;
        // A fixed pseudo-random walk, so every run times the same data.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..n {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let (card, holder) = cards[(x % cards.len() as u64) as usize];
            let venue = venues[((x >> 20) % venues.len() as u64) as usize];
            let day = year.valid_from + chrono::Days::new((x >> 33) % days);
            insert.execute(rusqlite::params![
                card,
                holder,
                year_id,
                venue,
                day,
                i % 3 == 0,
                "2026-12-31T12:00:00Z"
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value in the secrets table that a venue desk's keys open, read as an Ed25519 seed
    /// and as an HMAC secret: what a venue PC with the whole file could try to sign with.
    fn secrets_a_desk_can_read(ws: &Workspace) -> Vec<Vec<u8>> {
        ws.conn
            .prepare("SELECT value FROM secrets")
            .expect("prepare")
            .query_map([], |r| r.get::<_, Vec<u8>>(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("secrets")
    }

    #[test]
    fn the_raw_file_holds_no_name_birth_date_nav_field_or_password() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.okort");
        drop(create(&path).expect("demo"));
        let raw = std::fs::read(&path).expect("raw");
        let has = |needle: &str| raw.windows(needle.len()).any(|w| w == needle.as_bytes());
        for (first, last, (y, m, d), _, _) in HOLDERS {
            for needle in [
                first.to_string(),
                last.to_string(),
                format!("{y}-{m:02}-{d:02}"),
                format!("{d:02}.{m:02}.{y}"),
            ] {
                assert!(!has(&needle), "{needle} is in the raw file");
            }
        }
        for needle in [
            "$argon2",
            DEMO_PASSWORD,
            "Foresatt",
            "Boligveien",
            "Veileder",
            "Eksempel kommune",
            "SQLite format 3",
        ] {
            assert!(!has(needle), "{needle} is in the raw file");
        }
        // A wrong password opens nothing, and says no more than a wrong name.
        assert!(matches!(
            Workspace::unlock(&path, "kultur", "demo12345"),
            Err(StoreError::Refused(okort_core::i18n::Problem::LoginFailed))
        ));
    }

    #[test]
    fn the_culture_office_with_the_file_and_its_password_cannot_read_navs_part() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.okort");
        drop(create(&path).expect("demo"));
        let (ws, admin) = Workspace::unlock(&path, "kultur", DEMO_PASSWORD).expect("kultur");
        assert!(ws.keys.nav.is_none());
        assert!(matches!(
            ws.list_holders(&admin),
            Err(StoreError::Denied(_))
        ));
        // Even calling itself NAV (as if it had edited its role in the file), it holds no key
        // that opens NAV's part: nothing comes out.
        let posing = Actor {
            role: Role::Nav,
            ..admin.clone()
        };
        assert!(ws.list_holders(&posing).is_err());
        let summaries = ws.holder_summaries(&admin).expect("names for printing");
        assert!(summaries.iter().any(|h| h.first_name == "Amina"));
        let sealed: i64 = ws
            .count("SELECT COUNT(*) FROM holders WHERE nav_sealed IS NOT NULL")
            .expect("count");
        assert_eq!(sealed, 20, "every holder's NAV part is sealed");
        // NAV's own login reads it.
        let (ws, nav) = Workspace::unlock(&path, "nav", DEMO_PASSWORD).expect("nav");
        let holders = ws.list_holders(&nav).expect("holders");
        assert!(holders.iter().all(|h| h.address.starts_with("Boligveien")));
    }

    #[test]
    fn a_venue_desk_with_the_whole_file_cannot_make_a_card_that_checks_out() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.okort");
        drop(create(&path).expect("demo"));
        let (desk, venue) = Workspace::unlock(&path, "kino", DEMO_PASSWORD).expect("kino");
        assert!(desk.keys.cards.is_none(), "no signing key in a desk's slot");
        let (office, admin) = Workspace::unlock(&path, "kultur", DEMO_PASSWORD).expect("kultur");
        let year = office.year_by_number(2026).expect("y").expect("2026");
        let card = office
            .list_cards(&admin, year.id)
            .expect("cards")
            .into_iter()
            .find(|c| c.card.status.is_active())
            .expect("a card")
            .card;
        let genuine = office.card_qr(&admin, card.id).expect("qr");
        let today = year.valid_from + chrono::Days::new(30);
        assert_eq!(
            desk.lookup_card(&venue, &genuine, today)
                .expect("scan")
                .state,
            crate::LookupState::Valid
        );
        let number = okort_core::CardNumber::parse(&card.number).expect("number");
        let secrets = secrets_a_desk_can_read(&desk);
        assert!(!secrets.is_empty());
        for secret in secrets {
            let mut seed = [0u8; 32];
            for (i, b) in secret.iter().take(32).enumerate() {
                seed[i] = *b;
            }
            let forged = okort_core::qr::SigningKey::from_seed(&seed).sign(&number, year.valid_to);
            let hmac = okort_core::qr::sign(&secret, &number, year.valid_to);
            for code in [forged, hmac] {
                assert_eq!(
                    desk.lookup_card(&venue, &code, today).expect("scan").state,
                    crate::LookupState::Forged,
                    "{code}"
                );
            }
        }
        assert!(desk.card_qr(&venue, card.id).is_err());
    }
}
