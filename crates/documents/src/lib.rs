//! The documents made from the workspace: a year's cards, NAV's hand-out list, a venue's
//! settlement statement, a holder's access request and the recovery sheet. This crate is the
//! only bridge between the workspace (`okort-store`) and the layout engine (`okort-print`): it
//! reads what a document needs, in the reader's language, and hands it to the engine, which
//! knows nothing of the workspace.

use okort_core::dates::format_date;
use okort_core::i18n::{month_name, Msg, Problem};
use okort_core::{Actor, Lang};
use okort_print::documents::{AccessDoc, BenchResult, CardRun, HandoutList, StatementDoc};
use okort_print::layout::{AccessBody, AccessSection, HandoutRow};
use okort_print::{CardFace, Design, Job, Layout, Logo, PrintError, Rgb, VenueLine};
use okort_store::{CardRow, CardStatus, HolderExport, QrSigner, StoreError, VisitScope, Workspace};

pub use okort_print::documents::{calibrated, calibration, sample_face};

mod evaluation;
pub use evaluation::{read_feedback_forms, read_year_report};
mod letters;
pub use letters::{read_letters, Letters};
mod sheets;
pub use sheets::{read_venue_sheets, template_name};

/// Reading the workspace or making the file failed.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Print(#[from] PrintError),
}

/// A document's errors as the workspace's, so callers handle one kind: a cancelled run is a
/// refusal the user caused, a broken font or image a file that could not be made.
impl From<DocError> for StoreError {
    fn from(e: DocError) -> Self {
        match e {
            DocError::Store(e) => e,
            DocError::Print(PrintError::Cancelled) => StoreError::Refused(Problem::PrintCancelled),
            DocError::Print(other) => StoreError::Output(other.msg(Lang::default())),
        }
    }
}

pub(crate) type Result<T> = std::result::Result<T, DocError>;

pub(crate) const PRIMARY: Rgb = Rgb(0x1f, 0x5f, 0x8b);
pub(crate) const ACCENT: Rgb = Rgb(0xf2, 0xa9, 0x00);

fn logo(ws: &Workspace, id: Option<i64>) -> Result<Option<Logo>> {
    Ok(id.map(|id| ws.image(id)).transpose()?.map(|img| Logo {
        bytes: img.bytes,
        mime: img.mime,
    }))
}

/// The year's job: its stored (or default) design with the program's colours, logo and coat
/// of arms, and the venues it lists, in its order (default: every active venue with an
/// agreement that year, by name).
pub fn year_job(ws: &Workspace, year_id: i64, lang: Lang) -> Result<Job> {
    job_for(ws, &ws.card_design(year_id, lang)?, lang)
}

/// The job for a design that may not be saved yet: the live preview while editing.
pub fn job_for(ws: &Workspace, design: &okort_core::CardDesign, lang: Lang) -> Result<Job> {
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
            not_covered: a.not_covered.clone(),
        });
    }
    let layout_design = Design {
        title: design.title.clone(),
        municipality: program.municipality,
        primary: Rgb::parse(&program.primary_colour, PRIMARY),
        accent: Rgb::parse(&program.accent_colour, ACCENT),
        rules: design.rules.clone(),
        contact: design.contact.clone(),
        venues,
        show_venue_logos: design.show_venue_logos,
        show_qr: design.show_qr,
        lang,
    };
    let program_logo = logo(ws, program.logo_id)?;
    let arms = logo(ws, program.coat_of_arms_id)?;
    Ok(Job::new(
        layout_design,
        program_logo.as_ref(),
        arms.as_ref(),
        &logos,
    )?)
}

/// What is printed on one card; `signer` is the card's year's (see [`Workspace::qr_signer`]).
pub fn card_face(signer: &QrSigner, row: &CardRow) -> Result<CardFace> {
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
    lang: Lang,
) -> Result<(Vec<u8>, Vec<i64>)> {
    print_year_with_progress(ws, actor, year_id, layout, only, None, lang, &mut |_, _| {
        true
    })
}

/// As [`print_year`], telling `progress(done, total)` after each card is laid out; when it
/// returns false the run stops with [`PrintError::Cancelled`] and nothing is written.
#[allow(clippy::too_many_arguments)]
pub fn print_year_with_progress(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    layout: Layout,
    only: Option<&[i64]>,
    profile: Option<&okort_core::PrinterProfile>,
    lang: Lang,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Vec<u8>, Vec<i64>)> {
    let run = PrintRun::read(ws, actor, year_id, only, profile.cloned(), lang)?;
    let pdf = run.render(layout, progress)?;
    Ok((pdf, run.card_ids))
}

/// The warnings of [`PrintRun::warnings`] for the cards a print of the year would print.
pub fn print_warnings(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    only: Option<&[i64]>,
    lang: Lang,
) -> Result<Vec<String>> {
    PrintRun::read(ws, actor, year_id, only, None, lang)?.warnings(lang)
}

/// A print run as read from the workspace: rendering it needs nothing more, so it runs
/// without the workspace.
pub struct PrintRun {
    run: CardRun,
    /// The cards printed, to mark them printed once the file is written.
    pub card_ids: Vec<i64>,
    /// The program's primary colour, which the card prints white text on.
    primary_colour: String,
}

impl PrintRun {
    /// What is said before printing: that white text on the program's primary colour is hard
    /// to read (under 4.5:1; the card prints the colour as chosen), then "Kort 2026-0034-8: tegn
    /// i navnet kan ikke skrives ut (မ, င)" for each card whose holder's name has characters no
    /// bundled font can draw.
    pub fn warnings(&self, lang: Lang) -> Result<Vec<String>> {
        let colour = okort_core::contrast::card_warning(&self.primary_colour).map(|ratio| {
            let ratio = format!("{ratio:.1}");
            let ratio = if lang.is_norwegian() {
                ratio.replace('.', ",")
            } else {
                ratio
            };
            Msg::CardColourContrast { ratio }.text(lang)
        });
        let names = self.run.unprintable()?.into_iter().map(|u| {
            let chars: Vec<String> = u.chars.iter().map(char::to_string).collect();
            Msg::NameUnprintable {
                number: u.number,
                chars: chars.join(", "),
            }
            .text(lang)
        });
        Ok(colour.into_iter().chain(names).collect())
    }

    /// Reads the year's active cards (or those in `only`, for a reprint) and what they need.
    pub fn read(
        ws: &Workspace,
        actor: &Actor,
        year_id: i64,
        only: Option<&[i64]>,
        profile: Option<okort_core::PrinterProfile>,
        lang: Lang,
    ) -> Result<PrintRun> {
        let job = year_job(ws, year_id, lang)?;
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
            .collect::<Result<Vec<_>>>()?;
        Ok(PrintRun {
            run: CardRun {
                job,
                faces,
                profile,
            },
            card_ids: rows.iter().map(|r| r.card.id).collect(),
            primary_colour: ws.program()?.primary_colour,
        })
    }

    /// Lays out and writes the cards to one PDF, telling `progress(done, total)` as it goes.
    pub fn render(
        &self,
        layout: Layout,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Vec<u8>> {
        Ok(self.run.render(layout, progress)?)
    }
}

/// Lays out and renders `n` generated cards with the workspace's design for `year_id`: the
/// print path alone (layout, shaping, PDF), as the printing targets are stated for it.
pub fn bench(
    ws: &Workspace,
    year_id: i64,
    layout: Layout,
    n: usize,
) -> Result<(BenchResult, Vec<u8>)> {
    use okort_store::demo::{GENERATED_FIRST, GENERATED_LAST};
    let started = std::time::Instant::now();
    let job = year_job(ws, year_id, Lang::Nb)?;
    let year = ws.year(year_id)?;
    Ok(okort_print::documents::bench_cards(
        &job,
        &year,
        layout,
        n,
        (&GENERATED_FIRST, &GENERATED_LAST),
        started,
    )?)
}

/// NAV's hand-out list for the year's active cards, as a PDF.
pub fn handout_list(ws: &Workspace, actor: &Actor, year_id: i64, lang: Lang) -> Result<Vec<u8>> {
    Ok(read_handout_list(ws, actor, year_id, lang)?.pdf()?)
}

/// NAV's hand-out list as read from the workspace, to be written without it.
pub fn read_handout_list(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    lang: Lang,
) -> Result<HandoutList> {
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
        title: Msg::HandoutTitle {
            program: program.name,
            year: year.year,
        }
        .text(lang),
        primary: Rgb::parse(&program.primary_colour, PRIMARY),
        rows,
        lang,
    })
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
    lang: Lang,
) -> Result<Vec<u8>> {
    Ok(read_statement(ws, actor, venue_id, year_id, scope, today, lang)?.pdf()?)
}

/// Reads what [`statement_pdf`] prints.
pub fn read_statement(
    ws: &Workspace,
    actor: &Actor,
    venue_id: i64,
    year_id: i64,
    scope: VisitScope,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<StatementDoc> {
    use okort_core::checks::{format_bank_account, format_org_number};
    use okort_core::money::format_nok;
    let say = |m: Msg| m.text(lang);
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
            let approved = format_date(s.approved_on);
            let status = match (&s.paid_on, &s.withdrawn_reason) {
                (_, Some(reason)) => Msg::StatementWithdrawn {
                    reason: reason.clone(),
                },
                (Some(paid), None) => Msg::StatementPaid {
                    approved,
                    paid: format_date(*paid),
                },
                (None, None) => Msg::StatementUnpaid { approved },
            };
            let period = s.period_from.zip(s.period_to);
            let (venue, year) = (s.line.venue_id, s.year_id);
            let status = Msg::StatementNumbered {
                id: s.id,
                status: say(status),
            };
            (s.line, period, say(status), venue, year)
        }
        VisitScope::Open(period) => {
            let line = ws
                .compute_payouts(actor, year_id, period)?
                .into_iter()
                .find(|l| l.venue_id == venue_id)
                .ok_or(StoreError::Refused(Problem::NoAgreement))?;
            (line, period, say(Msg::StatementDraft), venue_id, year_id)
        }
    };
    let year = ws.year(year_id)?;
    let months = ws.visits_by_month(actor, venue_id, year_id, scope)?;
    let mut rows: Vec<[String; 3]> = months
        .iter()
        .map(|m| {
            let name = m
                .month
                .and_then(|n| month_name(n, lang))
                .map_or_else(|| say(Msg::StatementUnknownMonth), str::to_string);
            [
                name,
                m.holder_visits.to_string(),
                m.companion_visits.to_string(),
            ]
        })
        .collect();
    rows.push([
        say(Msg::StatementSum),
        line.holder_visits.to_string(),
        line.companion_visits.to_string(),
    ]);
    let model = say(match line.compensation {
        okort_core::CompensationModel::VenueBearsCost => Msg::StatementVenueBears,
        okort_core::CompensationModel::FullRefund => Msg::StatementFullRefund,
        okort_core::CompensationModel::Share => Msg::StatementShare {
            percent: line.share_percent,
        },
    });
    let period = match period {
        Some((from, to)) => format!("{} – {}", format_date(from), format_date(to)),
        None => say(Msg::StatementWholeYear {
            year: year.year,
            from: format_date(year.valid_from),
            to: format_date(year.valid_to),
        }),
    };
    let mut facts = vec![
        (
            say(Msg::StatementProgram),
            format!("{} – {}", program.name, program.municipality),
        ),
        (say(Msg::StatementPeriod), period),
        (say(Msg::StatementSettlement), status),
    ];
    if let Some((reference, approver)) = reference {
        facts.push((say(Msg::StatementReference), reference));
        facts.push((say(Msg::StatementApprovedBy), approver));
    }
    facts.extend([
        (say(Msg::StatementVenue), line.venue_name.clone()),
        (
            say(Msg::StatementOrgNumber),
            format_org_number(&line.org_number),
        ),
        (
            say(Msg::StatementAccount),
            format_bank_account(&line.bank_account),
        ),
        (say(Msg::StatementAgreement), model),
        (
            say(Msg::StatementPrices),
            format!(
                "{} / {}",
                format_nok(line.holder_price_ore),
                format_nok(line.companion_price_ore)
            ),
        ),
    ]);
    let totals = vec![
        (
            say(Msg::StatementHolders),
            format_nok(line.holder_amount_ore),
        ),
        (
            say(Msg::StatementCompanions),
            format_nok(line.companion_amount_ore),
        ),
        (say(Msg::StatementToPay), format_nok(line.total_ore)),
    ];
    let title = say(match scope {
        VisitScope::Settlement(_) => Msg::StatementTitle {
            year: year.year,
            venue: line.venue_name.clone(),
        },
        VisitScope::Open(_) => Msg::StatementDraftTitle {
            year: year.year,
            venue: line.venue_name.clone(),
        },
    });
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
    let sender = [
        office,
        contact,
        say(Msg::StatementIssued {
            date: format_date(today),
        }),
    ];
    Ok(StatementDoc {
        job: program_job(ws, &program, lang)?,
        title,
        primary: Rgb::parse(&program.primary_colour, PRIMARY),
        sender,
        facts,
        months: rows,
        totals,
        lang,
    })
}

/// A job with the program's logo and coat of arms and no card design: for the documents the
/// program sends (settlement statements, access requests).
pub(crate) fn program_job(
    ws: &Workspace,
    program: &okort_core::Program,
    lang: Lang,
) -> Result<Job> {
    let design = Design {
        title: program.name.clone(),
        municipality: program.municipality.clone(),
        primary: Rgb::parse(&program.primary_colour, PRIMARY),
        accent: Rgb::parse(&program.accent_colour, ACCENT),
        rules: String::new(),
        contact: String::new(),
        venues: Vec::new(),
        show_venue_logos: false,
        show_qr: false,
        lang,
    };
    let program_logo = logo(ws, program.logo_id)?;
    let arms = logo(ws, program.coat_of_arms_id)?;
    Ok(Job::new(design, program_logo.as_ref(), arms.as_ref(), &[])?)
}

/// Everything held about one holder as a PDF made on `today`, for their access request (GDPR
/// art. 15): NAV's job, logged as the JSON export is, since it reads the same export.
pub fn holder_access_pdf(
    ws: &Workspace,
    actor: &Actor,
    holder_id: i64,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<Vec<u8>> {
    Ok(read_holder_access(ws, actor, holder_id, today, lang)?.pdf()?)
}

/// Reads what [`holder_access_pdf`] prints, to be written without the workspace.
pub fn read_holder_access(
    ws: &Workspace,
    actor: &Actor,
    holder_id: i64,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<AccessDoc> {
    let export = ws.holder_export(actor, holder_id)?;
    access_doc(ws, &export, today, lang)
}

/// The access document for an export already read: the command line writes the JSON and the
/// PDF of one request from one export, logged once. It holds the export and the program's
/// name and logos, nothing else: nothing about any other holder.
pub fn access_doc(
    ws: &Workspace,
    export: &HolderExport,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<AccessDoc> {
    let say = |m: Msg| m.text(lang);
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            say(Msg::AccessEmpty)
        } else {
            s.to_string()
        }
    };
    let program = ws.program()?;
    let h = &export.holder;
    let name = format!("{} {}", h.first_name, h.last_name)
        .trim()
        .to_string();
    let language = okort_core::languages::find(&h.language)
        .map_or_else(|| h.language.clone(), |l| format!("{} ({})", l.own, l.code));
    let holder = AccessBody::Facts(vec![
        (say(Msg::AccessHolderId), h.id.to_string()),
        (say(Msg::AccessName), or_dash(&name)),
        (say(Msg::AccessBorn), format_date(h.birth_date)),
        (say(Msg::AccessLanguage), language),
        (say(Msg::AccessAddress), or_dash(&h.address)),
        (say(Msg::AccessGuardian), or_dash(&h.guardian_name)),
        (say(Msg::AccessGuardianPhone), or_dash(&h.guardian_phone)),
        (say(Msg::AccessGuardianEmail), or_dash(&h.guardian_email)),
        (say(Msg::AccessNavContact), or_dash(&h.nav_contact)),
        (say(Msg::AccessNavNote), or_dash(&h.nav_note)),
    ]);
    let cards = export
        .cards
        .iter()
        .map(|c| {
            let status = say(match c.status {
                CardStatus::Assigned => Msg::AccessAssigned,
                CardStatus::Printed => Msg::AccessPrinted,
                CardStatus::HandedOut => Msg::AccessInUse,
                CardStatus::Lost => Msg::AccessLost,
                CardStatus::Revoked => Msg::AccessRevoked,
            });
            let replaces = c
                .replaces_card_id
                .and_then(|id| export.cards.iter().find(|old| old.id == id))
                .map(|old| {
                    say(Msg::AccessReplaces {
                        number: old.number.clone(),
                    })
                });
            let reason = (!c.revoked_reason.trim().is_empty()).then(|| {
                say(Msg::AccessReason {
                    reason: c.revoked_reason.clone(),
                })
            });
            let note = [replaces, reason]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n");
            vec![
                c.number.clone(),
                c.year.to_string(),
                status,
                format_date(c.created_on),
                c.handed_out_on
                    .map_or_else(|| say(Msg::AccessEmpty), format_date),
                or_dash(&note),
            ]
        })
        .collect();
    let yes_no = |b: bool| say(if b { Msg::AccessYes } else { Msg::AccessNo });
    let visits = export
        .visits
        .iter()
        .map(|v| {
            vec![
                v.visited_on
                    .map_or_else(|| say(Msg::AccessUnknownDate), format_date),
                v.venue_name.clone(),
                v.card_number.clone(),
                yes_no(v.companion),
                yes_no(v.voided),
            ]
        })
        .collect();
    let decisions = export
        .decisions
        .iter()
        .map(|(year, decision, on)| {
            let decision = match decision.as_str() {
                "continue" => say(Msg::AccessContinues),
                "end" => say(Msg::AccessEnds),
                other => other.to_string(),
            };
            vec![year.to_string(), decision, format_date(*on)]
        })
        .collect();
    let columns = |cols: &[(Msg, f32)]| {
        cols.iter()
            .map(|(m, width)| (say(m.clone()), *width))
            .collect::<Vec<_>>()
    };
    let sections = vec![
        AccessSection {
            heading: say(Msg::AccessHolder),
            body: holder,
        },
        AccessSection {
            heading: say(Msg::AccessCards),
            body: AccessBody::Table {
                columns: columns(&[
                    (Msg::AccessCardNumber, 30.0),
                    (Msg::AccessYear, 14.0),
                    (Msg::AccessStatus, 34.0),
                    (Msg::AccessCreated, 24.0),
                    (Msg::AccessHandedOut, 24.0),
                    (Msg::AccessNote, 54.0),
                ]),
                rows: cards,
            },
        },
        AccessSection {
            heading: say(Msg::AccessVisits),
            body: AccessBody::Table {
                columns: columns(&[
                    (Msg::AccessDate, 40.0),
                    (Msg::AccessVenue, 66.0),
                    (Msg::AccessCardNumber, 30.0),
                    (Msg::AccessCompanion, 22.0),
                    (Msg::AccessVoided, 22.0),
                ]),
                rows: visits,
            },
        },
        AccessSection {
            heading: say(Msg::AccessDecisions),
            body: AccessBody::Table {
                columns: columns(&[
                    (Msg::AccessYear, 20.0),
                    (Msg::AccessDecision, 100.0),
                    (Msg::AccessDate, 60.0),
                ]),
                rows: decisions,
            },
        },
    ];
    let sender = vec![
        format!("{} – {}", program.name, program.municipality),
        say(Msg::AccessMade {
            date: format_date(today),
            municipality: program.municipality.clone(),
        }),
        say(Msg::AccessScope),
    ];
    Ok(AccessDoc {
        job: program_job(ws, &program, lang)?,
        title: say(Msg::AccessTitle),
        footer: say(Msg::AccessFileTitle { name: name.clone() }),
        subject: name,
        primary: Rgb::parse(&program.primary_colour, PRIMARY),
        sender,
        sections,
        lang,
    })
}

/// The recovery sheet for the keys `ws` made and has not handed out yet (setup, conversion or
/// renewal): a page per side, the NAV page marked to be handed over sealed. The keys stay
/// pending until the caller has saved the sheet and calls `take_recovery`.
pub fn recovery_sheet(ws: &Workspace, lang: Lang) -> std::result::Result<Vec<u8>, StoreError> {
    let program = ws.program()?;
    let name = [program.name.as_str(), program.municipality.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let file = ws
        .path()
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let date = okort_core::dates::format_date(chrono::Local::now().date_naive());
    let pages = ws
        .pending_recovery()
        .iter()
        .map(|(role, key)| {
            let (heading, mut paragraphs) = match role {
                okort_store::RecoveryRole::Kultur => {
                    (Msg::RecoveryKultur, vec![Msg::RecoveryKulturUse.text(lang)])
                }
                okort_store::RecoveryRole::Nav => (
                    Msg::RecoveryNav,
                    vec![
                        Msg::RecoveryNavUse.text(lang),
                        Msg::RecoveryNavHandOver.text(lang),
                    ],
                ),
            };
            paragraphs.extend(
                [Msg::RecoveryKeep, Msg::RecoveryHow, Msg::RecoveryReplaced].map(|m| m.text(lang)),
            );
            okort_print::layout::RecoveryPage {
                title: Msg::RecoveryTitle.text(lang),
                subtitle: Msg::RecoveryFor {
                    program: name.clone(),
                    file: file.clone(),
                    date: date.clone(),
                }
                .text(lang),
                heading: heading.text(lang),
                key: key.to_string(),
                paragraphs,
            }
        })
        .collect();
    okort_print::documents::RecoverySheet { pages }
        .pdf()
        .map_err(|e| DocError::Print(e).into())
}
