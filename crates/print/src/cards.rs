//! A year's cards from the workspace, printed: the default design drawn from the program and
//! the year's agreements, and a PDF of the chosen cards.

use crate::layout::{handout_pages, CardFace, Design, HandoutRow, Layout, VenueLine};
use crate::{Job, Logo, PrintError, Rgb};
use okort_core::dates::format_date;
use okort_core::Actor;
use okort_store::{CardRow, QrSigner, VisitScope, Workspace};

fn logo(ws: &Workspace, id: Option<i64>) -> Result<Option<Logo>, PrintError> {
    Ok(id.map(|id| ws.image(id)).transpose()?.map(|img| Logo {
        bytes: img.bytes,
        mime: img.mime,
    }))
}

/// The year's job: its stored (or default) design with the program's colours, logo and coat
/// of arms, and the venues it lists, in its order (default: every active venue with an
/// agreement that year, by name).
pub fn year_job(ws: &Workspace, year_id: i64) -> Result<Job, PrintError> {
    job_for(ws, &ws.card_design(year_id)?)
}

/// The job for a design that may not be saved yet: the live preview while editing.
pub fn job_for(ws: &Workspace, design: &okort_core::CardDesign) -> Result<Job, PrintError> {
    let program = ws.program()?;
    let agreements = ws.agreements_for_year(design.year_id)?;
    let venues_by_name: Vec<_> = ws.list_venues()?.into_iter().filter(|v| v.active).collect();
    let chosen: Vec<_> = match &design.venue_ids {
        Some(ids) => ids
            .iter()
            .filter_map(|id| venues_by_name.iter().find(|v| v.id == *id))
            .cloned()
            .collect(),
        None => venues_by_name,
    };
    let mut venues = Vec::new();
    let mut logos = Vec::new();
    for v in chosen {
        let Some(a) = agreements.iter().find(|a| a.venue_id == v.id) else {
            continue;
        };
        let logo_index = match logo(ws, v.logo_id)? {
            Some(l) => {
                logos.push(l);
                Some(logos.len() - 1)
            }
            None => None,
        };
        venues.push(VenueLine {
            name: v.name,
            visits: a.visits_per_card,
            logo: logo_index,
        });
    }
    let layout_design = Design {
        title: design.title.clone(),
        municipality: program.municipality,
        primary: Rgb::parse(&program.primary_colour, Rgb(0x1f, 0x5f, 0x8b)),
        accent: Rgb::parse(&program.accent_colour, Rgb(0xf2, 0xa9, 0x00)),
        rules: design.rules.clone(),
        contact: design.contact.clone(),
        venues,
        show_venue_logos: design.show_venue_logos,
        show_qr: design.show_qr,
    };
    let program_logo = logo(ws, program.logo_id)?;
    let arms = logo(ws, program.coat_of_arms_id)?;
    Job::new(layout_design, program_logo.as_ref(), arms.as_ref(), &logos)
}

/// What is printed on one card; `signer` is the card's year's (see [`Workspace::qr_signer`]).
pub fn card_face(signer: &QrSigner, row: &CardRow) -> Result<CardFace, PrintError> {
    Ok(CardFace {
        holder_name: format!("{} {}", row.holder.first_name, row.holder.last_name),
        number: row.card.number.clone(),
        valid_to: format_date(signer.valid_to()),
        qr: signer.sign(&row.card.number)?,
    })
}

/// Prints the year's active cards (or those in `only`) into one PDF; returns it and the ids
/// of the cards printed.
pub fn print_year(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    layout: Layout,
    only: Option<&[i64]>,
) -> Result<(Vec<u8>, Vec<i64>), PrintError> {
    print_year_with_progress(ws, actor, year_id, layout, only, None, &mut |_, _| true)
}

/// Moves and scales every page by a printer's calibration profile.
pub fn calibrated(
    pages: Vec<crate::Page>,
    profile: Option<&okort_core::PrinterProfile>,
) -> Vec<crate::Page> {
    let Some(p) = profile else { return pages };
    let s = p.scale_percent / 100.0;
    pages
        .into_iter()
        .map(|page| crate::Page {
            ops: vec![crate::draw::Op::Group {
                matrix: [s, 0.0, 0.0, s, p.offset_x_mm, p.offset_y_mm],
                ops: page.ops,
            }],
            ..page
        })
        .collect()
}

/// As [`print_year`], telling `progress(done, total)` after each card is laid out; when it
/// returns false the run stops with [`PrintError::Cancelled`] and nothing is written.
pub fn print_year_with_progress(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    layout: Layout,
    only: Option<&[i64]>,
    profile: Option<&okort_core::PrinterProfile>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Vec<u8>, Vec<i64>), PrintError> {
    let run = PrintRun::read(ws, actor, year_id, only, profile.cloned())?;
    let pdf = run.render(layout, progress)?;
    Ok((pdf, run.card_ids))
}

/// A print run as read from the workspace: the year's job, the faces of its cards and the
/// printer's calibration. Rendering needs nothing more, so it runs without the workspace.
pub struct PrintRun {
    job: Job,
    faces: Vec<CardFace>,
    /// The cards printed, to mark them printed once the file is written.
    pub card_ids: Vec<i64>,
    profile: Option<okort_core::PrinterProfile>,
}

impl PrintRun {
    /// Reads the year's active cards (or those in `only`, for a reprint) and what they need.
    pub fn read(
        ws: &Workspace,
        actor: &Actor,
        year_id: i64,
        only: Option<&[i64]>,
        profile: Option<okort_core::PrinterProfile>,
    ) -> Result<PrintRun, PrintError> {
        let job = year_job(ws, year_id)?;
        let rows: Vec<CardRow> = ws
            .list_cards(actor, year_id)?
            .into_iter()
            .filter(|row| match only {
                Some(ids) => ids.contains(&row.card.id),
                None => row.card.status.is_active(),
            })
            .collect();
        let signer = ws.qr_signer(actor, year_id)?;
        let faces = rows
            .iter()
            .map(|row| card_face(&signer, row))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PrintRun {
            job,
            faces,
            card_ids: rows.iter().map(|r| r.card.id).collect(),
            profile,
        })
    }

    /// Lays out and writes the cards to one PDF, telling `progress(done, total)` as it goes.
    pub fn render(
        &self,
        layout: Layout,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Vec<u8>, PrintError> {
        let title = self.job.design().title.clone();
        let adjust = |pages| calibrated(pages, self.profile.as_ref());
        Ok(self
            .job
            .write_cards(layout, &self.faces, &title, &adjust, progress)?
            .pdf)
    }
}

/// What one benchmark run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchResult {
    pub cards: usize,
    pub pages: usize,
    pub bytes: usize,
    pub seconds: f64,
    /// Of `seconds`, the time spent laying out (shaping, drawing operations).
    pub layout_seconds: f64,
}

/// Lays out and renders `n` generated cards with the workspace's design for `year_id`: the
/// print path alone (layout, shaping, PDF), as the printing targets are stated for it.
pub fn bench(
    ws: &Workspace,
    year_id: i64,
    layout: Layout,
    n: usize,
) -> Result<(BenchResult, Vec<u8>), PrintError> {
    use okort_store::demo::{GENERATED_FIRST as FIRST, GENERATED_LAST as LAST};
    let started = std::time::Instant::now();
    let job = year_job(ws, year_id)?;
    let year = ws.year(year_id)?;
    let mut faces = Vec::with_capacity(n);
    for i in 0..n {
        let number = okort_core::CardNumber::new(year.year, (i % 9999 + 1) as u32);
        let face = CardFace {
            holder_name: format!("{} {}", FIRST[i % 12], LAST[(i / 12) % 12]),
            number: number.to_string(),
            valid_to: format_date(year.valid_to),
            qr: okort_core::qr::sign(b"benchmark", &number, year.valid_to),
        };
        faces.push(face);
    }
    let done = job.write_cards(layout, &faces, "benchmark", &|p| p, &mut |_, _| true)?;
    let seconds = started.elapsed().as_secs_f64();
    Ok((
        BenchResult {
            cards: n,
            pages: done.pages,
            bytes: done.pdf.len(),
            seconds,
            layout_seconds: done.layout_seconds,
        },
        done.pdf,
    ))
}

/// A sample card for the preview of a year that has no cards yet.
pub fn sample_face(year: &okort_core::ProgramYear) -> CardFace {
    let number = okort_core::CardNumber::new(year.year, 42);
    CardFace {
        holder_name: "Ola Nordmann".into(),
        number: number.to_string(),
        valid_to: format_date(year.valid_to),
        qr: okort_core::qr::sign(b"preview", &number, year.valid_to),
    }
}

/// NAV's hand-out list for the year's active cards, as a PDF.
pub fn handout_list(ws: &Workspace, actor: &Actor, year_id: i64) -> Result<Vec<u8>, PrintError> {
    read_handout_list(ws, actor, year_id)?.pdf()
}

/// NAV's hand-out list as read from the workspace, to be written without it.
pub struct HandoutList {
    title: String,
    primary: Rgb,
    pub rows: Vec<HandoutRow>,
}

pub fn read_handout_list(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
) -> Result<HandoutList, PrintError> {
    let program = ws.program()?;
    let year = ws.year(year_id)?;
    let rows: Vec<HandoutRow> = ws
        .list_cards(actor, year_id)?
        .into_iter()
        .filter(|r| r.card.status.is_active())
        .map(|r| HandoutRow {
            number: r.card.number,
            name: format!("{} {}", r.holder.first_name, r.holder.last_name),
            birth_year: r.holder.birth_year,
            handed_out: r.card.handed_out_on.map(format_date).unwrap_or_default(),
        })
        .collect();
    Ok(HandoutList {
        title: format!("Utleveringsliste – {} {}", program.name, year.year),
        primary: Rgb::parse(&program.primary_colour, Rgb(0x1f, 0x5f, 0x8b)),
        rows,
    })
}

impl HandoutList {
    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        let fonts = crate::fonts::Fonts::load()?;
        let pages = handout_pages(&self.title, self.primary, &self.rows, &fonts);
        crate::pdf::render_pdf(&pages, &fonts, &[], &[], &self.title)
    }
}

/// A calibration test page for the layout's paper size, through the profile if one is given
/// (to check the profile: the frame then lands 10 mm from each edge).
pub fn calibration(
    layout: Layout,
    profile: Option<&okort_core::PrinterProfile>,
) -> Result<Vec<u8>, PrintError> {
    let fonts = crate::fonts::Fonts::load()?;
    let size = match layout {
        Layout::A4 => crate::layout::A4,
        Layout::Cr80 => crate::layout::CR80,
        Layout::Sheet8 => crate::layout::A4,
        Layout::A6Fold => (crate::layout::A4.1, crate::layout::A4.0),
    };
    let pages = calibrated(vec![crate::layout::calibration_page(size, &fonts)], profile);
    crate::pdf::render_pdf(&pages, &fonts, &[], &[], "Kalibrering")
}

/// A venue's settlement statement as a PDF, issued on `today` by the culture office (its logo
/// and coat of arms, sender and reference): program, period, venue, organisation number and
/// account, visits by month, prices, share and the amount owed. `scope` is an approved
/// settlement, or the venue's open visits (a draft, before approval).
pub fn statement_pdf(
    ws: &Workspace,
    actor: &Actor,
    venue_id: i64,
    year_id: i64,
    scope: VisitScope,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, PrintError> {
    read_statement(ws, actor, venue_id, year_id, scope, today)?.pdf()
}

/// A settlement statement as read from the workspace, to be written without it.
pub struct StatementDoc {
    job: Job,
    title: String,
    primary: Rgb,
    sender: [String; 3],
    facts: Vec<(String, String)>,
    months: Vec<[String; 3]>,
    totals: Vec<(String, String)>,
}

impl StatementDoc {
    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        let page = crate::layout::statement_page(
            &crate::layout::Statement {
                title: &self.title,
                primary: self.primary,
                sender: &self.sender,
                facts: &self.facts,
                months: &self.months,
                totals: &self.totals,
            },
            &self.job.art,
            &self.job.fonts,
        );
        self.job.pdf(&[page], &self.title)
    }
}

/// Reads what [`statement_pdf`] prints.
pub fn read_statement(
    ws: &Workspace,
    actor: &Actor,
    venue_id: i64,
    year_id: i64,
    scope: VisitScope,
    today: chrono::NaiveDate,
) -> Result<StatementDoc, PrintError> {
    use okort_core::checks::{format_bank_account, format_org_number};
    use okort_core::money::format_nok;
    let program = ws.program()?;
    let mut reference = None;
    let (line, period, status, venue_id, year_id) = match scope {
        VisitScope::Settlement(id) => {
            let s = ws.settlement(actor, id)?;
            let year = ws.year(s.year_id)?;
            reference = Some((
                format!("OK-{}-{:04}", year.year, s.id),
                s.approved_by.clone(),
            ));
            let status = match (&s.paid_on, &s.withdrawn_reason) {
                (_, Some(reason)) => format!("Trukket tilbake: {reason}"),
                (Some(paid), None) => format!(
                    "Godkjent {}, betalt {}",
                    format_date(s.approved_on),
                    format_date(*paid)
                ),
                (None, None) => format!("Godkjent {}, ikke betalt", format_date(s.approved_on)),
            };
            let period = s.period_from.zip(s.period_to);
            let (venue, year) = (s.line.venue_id, s.year_id);
            (
                s.line,
                period,
                format!("Nr. {} – {status}", s.id),
                venue,
                year,
            )
        }
        VisitScope::Open(period) => {
            let line = ws
                .compute_payouts(actor, year_id, period)?
                .into_iter()
                .find(|l| l.venue_id == venue_id)
                .ok_or(okort_store::StoreError::Refused(
                    okort_core::i18n::Problem::NoAgreement,
                ))?;
            (
                line,
                period,
                "Utkast – ikke godkjent".to_string(),
                venue_id,
                year_id,
            )
        }
    };
    let year = ws.year(year_id)?;
    let months = ws.visits_by_month(actor, venue_id, year_id, scope)?;
    const MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    let mut rows: Vec<[String; 3]> = months
        .iter()
        .map(|m| {
            let name = m.month.and_then(|n| MONTHS.get(n as usize - 1)).map_or(
                "Innleverte kort (ukjent dato)".into(),
                |n| {
                    let mut c = n.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                },
            );
            [
                name,
                m.holder_visits.to_string(),
                m.companion_visits.to_string(),
            ]
        })
        .collect();
    rows.push([
        "Sum".into(),
        line.holder_visits.to_string(),
        line.companion_visits.to_string(),
    ]);
    let model = match line.compensation {
        okort_core::CompensationModel::VenueBearsCost => {
            "Brukerstedet dekker kostnadene selv".to_string()
        }
        okort_core::CompensationModel::FullRefund => "Full refusjon".to_string(),
        okort_core::CompensationModel::Share => format!("Kommunen dekker {} %", line.share_percent),
    };
    let facts = vec![
        (
            "Program".to_string(),
            format!("{} – {}", program.name, program.municipality),
        ),
        (
            "Periode".to_string(),
            match period {
                Some((from, to)) => format!("{} – {}", format_date(from), format_date(to)),
                None => format!(
                    "Hele {} ({} – {})",
                    year.year,
                    format_date(year.valid_from),
                    format_date(year.valid_to)
                ),
            },
        ),
        ("Oppgjør".to_string(), status),
    ];
    let mut facts = facts;
    if let Some((reference, approver)) = &reference {
        facts.push(("Referanse".to_string(), reference.clone()));
        facts.push(("Godkjent av".to_string(), approver.clone()));
    }
    facts.extend([
        ("Brukersted".to_string(), line.venue_name.clone()),
        ("Org.nr.".to_string(), format_org_number(&line.org_number)),
        (
            "Kontonummer".to_string(),
            format_bank_account(&line.bank_account),
        ),
        ("Avtale".to_string(), model),
        (
            "Pris kortholder / ledsager".to_string(),
            format!(
                "{} / {}",
                format_nok(line.holder_price_ore),
                format_nok(line.companion_price_ore)
            ),
        ),
    ]);
    let totals = vec![
        (
            "Kortholdere".to_string(),
            format_nok(line.holder_amount_ore),
        ),
        (
            "Ledsagere".to_string(),
            format_nok(line.companion_amount_ore),
        ),
        ("Til utbetaling".to_string(), format_nok(line.total_ore)),
    ];
    let primary = Rgb::parse(&program.primary_colour, Rgb(0x1f, 0x5f, 0x8b));
    let title = match scope {
        VisitScope::Settlement(_) => format!("Oppgjør {} – {}", year.year, line.venue_name),
        VisitScope::Open(_) => format!("Utkast til oppgjør {} – {}", year.year, line.venue_name),
    };
    let contact = [
        program.contact_phone.as_str(),
        program.contact_email.as_str(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" · ");
    let office = if program.contact_name.contains(&program.municipality) {
        program.contact_name.clone()
    } else {
        format!("{}, {}", program.contact_name, program.municipality)
            .trim_start_matches(", ")
            .to_string()
    };
    let sender = [office, contact, format!("Utstedt {}", format_date(today))];
    Ok(StatementDoc {
        job: program_job(ws, &program)?,
        title,
        primary,
        sender,
        facts,
        months: rows,
        totals,
    })
}

/// A job with the program's logo and coat of arms and no card design: for the documents the
/// culture office sends (settlement statements).
fn program_job(ws: &Workspace, program: &okort_core::Program) -> Result<Job, PrintError> {
    let design = Design {
        title: program.name.clone(),
        municipality: program.municipality.clone(),
        primary: Rgb::parse(&program.primary_colour, Rgb(0x1f, 0x5f, 0x8b)),
        accent: Rgb::parse(&program.accent_colour, Rgb(0xf2, 0xa9, 0x00)),
        rules: String::new(),
        contact: String::new(),
        venues: Vec::new(),
        show_venue_logos: false,
        show_qr: false,
    };
    let program_logo = logo(ws, program.logo_id)?;
    let arms = logo(ws, program.coat_of_arms_id)?;
    Job::new(design, program_logo.as_ref(), arms.as_ref(), &[])
}
