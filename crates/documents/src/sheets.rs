//! The one-page instruction for each venue's staff, from its agreement for the year.

use crate::{year_job, Result};
use okort_core::dates::format_date;
use okort_core::i18n::Msg;
use okort_core::{Action, Actor, Lang};
use okort_print::documents::VenueSheetsDoc;
use okort_print::layout::VenueSheet;
use okort_print::{Layout, Rgb};
use okort_store::{StoreError, Workspace};

/// The file name of a venue's report template for a year, as the sheet names it.
pub fn template_name(venue: &str, year: i32) -> String {
    let slug: String = venue
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{slug}-rapport-{year}")
}

/// The sheets of every venue with an agreement for the year (or of `venue_id` alone).
pub fn read_venue_sheets(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    venue_id: Option<i64>,
    lang: Lang,
) -> Result<VenueSheetsDoc> {
    if !actor.may(Action::ManageVenues) {
        return Err(StoreError::Denied(actor.role).into());
    }
    let year = ws.year(year_id)?;
    let program = ws.program()?;
    let job = year_job(ws, year_id, lang)?;
    let card = job
        .card_pages(Layout::Cr80, &[okort_print::documents::sample_face(&year)])
        .map_err(crate::DocError::from)?;
    let contact = [
        program.contact_name.as_str(),
        program.contact_phone.as_str(),
        program.contact_email.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let primary = Rgb::parse(&program.primary_colour, crate::PRIMARY);
    let mut venues: Vec<_> = ws
        .list_venues()?
        .into_iter()
        .filter(|v| venue_id.is_none_or(|id| id == v.id))
        .collect();
    venues.sort_by_key(|v| okort_store::venue_sort_key(&v.name));
    let agreements = ws.agreements_for_year(year_id)?;
    let say = |m: Msg| m.text(lang);
    let mut sheets = Vec::new();
    for venue in venues {
        let Some(a) = agreements.iter().find(|a| a.venue_id == venue.id) else {
            if venue_id.is_some() {
                return Err(StoreError::Refused(okort_core::i18n::Problem::NoAgreement).into());
            }
            continue;
        };
        let mut free = vec![say(if a.companion_free {
            Msg::SheetFreeCompanion
        } else {
            Msg::SheetFreeHolder
        })];
        free.push(match a.visits_per_card {
            Some(n) => say(Msg::SheetVisits {
                n: n.to_string(),
                year: year.year.to_string(),
            }),
            None => say(Msg::SheetFreeEntry {
                year: year.year.to_string(),
            }),
        });
        let not_covered = if a.not_covered.trim().is_empty() {
            say(Msg::SheetNothingExcluded)
        } else {
            a.not_covered.trim().to_string()
        };
        let file = template_name(&venue.name, year.year);
        let mut sections = vec![
            (say(Msg::SheetFreeHead), free.join(" ")),
            (say(Msg::SheetNotCoveredHead), not_covered),
            (say(Msg::SheetRegisterHead), say(Msg::SheetRegisterText)),
            (
                say(Msg::SheetReportHead),
                say(Msg::SheetReportText {
                    file: format!("{file}.csv / .xlsx"),
                }),
            ),
            (say(Msg::SheetInvoiceHead), say(Msg::SheetInvoiceText)),
        ];
        if !venue.staff_note.trim().is_empty() {
            sections.push((say(Msg::SheetNoteHead), venue.staff_note.trim().to_string()));
        }
        if !contact.is_empty() {
            sections.push((
                say(Msg::SheetContactHead),
                say(Msg::SheetContactText {
                    contact: contact.clone(),
                }),
            ));
        }
        sheets.push(VenueSheet {
            title: format!("{} {}", program.name, year.year),
            primary,
            heading: say(Msg::SheetHeading {
                venue: venue.name.clone(),
            }),
            card: card.clone(),
            card_text: say(Msg::SheetCard {
                valid_to: format_date(year.valid_to),
            }),
            sections,
            footer: program.municipality.clone(),
        });
    }
    Ok(VenueSheetsDoc {
        job,
        title: say(Msg::SheetsTitle {
            year: year.year.to_string(),
        }),
        sheets,
    })
}
