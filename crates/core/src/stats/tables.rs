//! The statistics as tables: what the screen shows beside each chart, what each CSV export
//! holds and what the evaluation report prints. One function makes them for all three, so the
//! words and the order are the same everywhere; exported and printed tables write groups of
//! one to four as "< 5".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{shown, ActivityKind, AgeBand, CostModel, Statistics, Visits, YearStatistics};
use crate::i18n::{month_name, sentence, Msg};
use crate::money::{format_amount, format_nok};
use crate::Lang;

/// The parts of the statistics, each a table (and on the screen a chart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StatsSection {
    Cards,
    AgeBands,
    PerHolder,
    Venues,
    Categories,
    Kinds,
    Months,
    Costs,
    Models,
}

impl StatsSection {
    pub const ALL: [StatsSection; 9] = [
        StatsSection::Cards,
        StatsSection::AgeBands,
        StatsSection::PerHolder,
        StatsSection::Venues,
        StatsSection::Categories,
        StatsSection::Kinds,
        StatsSection::Months,
        StatsSection::Costs,
        StatsSection::Models,
    ];

    /// The stable name of the section in file names and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            StatsSection::Cards => "cards",
            StatsSection::AgeBands => "ages",
            StatsSection::PerHolder => "per-holder",
            StatsSection::Venues => "venues",
            StatsSection::Categories => "categories",
            StatsSection::Kinds => "kinds",
            StatsSection::Months => "months",
            StatsSection::Costs => "costs",
            StatsSection::Models => "models",
        }
    }

    pub fn title(self) -> Msg {
        match self {
            StatsSection::Cards => Msg::StatsCards,
            StatsSection::AgeBands => Msg::StatsAgeBands,
            StatsSection::PerHolder => Msg::StatsPerHolder,
            StatsSection::Venues => Msg::StatsVenues,
            StatsSection::Categories => Msg::StatsCategories,
            StatsSection::Kinds => Msg::StatsKinds,
            StatsSection::Months => Msg::StatsMonths,
            StatsSection::Costs => Msg::StatsCosts,
            StatsSection::Models => Msg::StatsModels,
        }
    }
}

/// One table: a title, the column heads (the first names the rows) and the rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatsTable {
    pub section: StatsSection,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Who a table is written for: the screen (exact counts), a file (small groups written "< 5",
/// amounts as a spreadsheet reads them) or a printed report (small groups "< 5", amounts in
/// kroner as people read them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Screen,
    Export,
    Print,
}

struct Writer<'a> {
    stats: &'a YearStatistics,
    lang: Lang,
    audience: Audience,
}

impl Writer<'_> {
    fn count(&self, n: u64) -> String {
        match self.audience {
            Audience::Screen => n.to_string(),
            Audience::Export | Audience::Print => shown(n),
        }
    }

    /// "kr 1 234,50" on the screen; "1234,50" in a file, for a spreadsheet to read.
    fn money(&self, ore: Option<i64>) -> String {
        match (ore, self.audience) {
            (None, _) => "–".into(),
            (Some(ore), Audience::Screen | Audience::Print) => format_nok(ore),
            (Some(ore), Audience::Export) => format_amount(ore),
        }
    }

    fn this_year(&self) -> i32 {
        self.stats.current.year
    }

    fn last(&self) -> Option<&Statistics> {
        self.stats.previous.as_ref()
    }

    /// A row's counts this year and, where the workspace has it, last year.
    fn with_last(&self, label: String, now: u64, then: impl Fn(&Statistics) -> u64) -> Vec<String> {
        let mut row = vec![label, self.count(now)];
        if let Some(last) = self.last() {
            row.push(self.count(then(last)));
        }
        row
    }

    /// The first column's head, then `head` of this year and of last year.
    fn year_columns(&self, first: Msg, head: impl Fn(i32) -> Msg) -> Vec<String> {
        let mut columns = vec![
            first.text(self.lang),
            head(self.this_year()).text(self.lang),
        ];
        if self.last().is_some() {
            columns.push(head(self.this_year() - 1).text(self.lang));
        }
        columns
    }

    /// A visits table: holder visits and companions this year, holder visits last year.
    fn visits_row(&self, label: String, now: Visits, then: Option<Visits>) -> Vec<String> {
        let mut row = vec![label, self.count(now.holder), self.count(now.companion)];
        if self.last().is_some() {
            row.push(self.count(then.map_or(0, |v| v.holder)));
        }
        row
    }

    fn visits_columns(&self, first: Msg) -> Vec<String> {
        let y = self.this_year();
        let mut columns = vec![
            first.text(self.lang),
            Msg::StatsColVisits { year: y }.text(self.lang),
            Msg::StatsColCompanions { year: y }.text(self.lang),
        ];
        if self.last().is_some() {
            columns.push(Msg::StatsColVisits { year: y - 1 }.text(self.lang));
        }
        columns
    }

    fn table(&self, section: StatsSection) -> Option<StatsTable> {
        let lang = self.lang;
        let s = &self.stats.current;
        let (columns, rows) = match section {
            StatsSection::Cards => {
                let c = &s.cards;
                let rows = vec![
                    self.with_last(Msg::StatsAssigned.text(lang), c.assigned, |l| {
                        l.cards.assigned
                    }),
                    self.with_last(Msg::StatsReplacements.text(lang), c.replacements, |l| {
                        l.cards.replacements
                    }),
                    self.with_last(Msg::StatsHandedOut.text(lang), c.handed_out, |l| {
                        l.cards.handed_out
                    }),
                    self.with_last(Msg::StatsReturned.text(lang), c.returned, |l| {
                        l.cards.returned
                    }),
                    self.with_last(Msg::StatsLost.text(lang), c.lost, |l| l.cards.lost),
                    self.with_last(Msg::StatsRevoked.text(lang), c.revoked, |l| l.cards.revoked),
                    self.with_last(Msg::StatsHolders.text(lang), c.holders, |l| l.cards.holders),
                    self.with_last(Msg::StatsUsed.text(lang), c.used, |l| l.cards.used),
                    self.with_last(Msg::StatsNeverUsed.text(lang), c.never_used, |l| {
                        l.cards.never_used
                    }),
                ];
                let mut columns = vec![Msg::StatsColFigure.text(lang), s.year.to_string()];
                if self.last().is_some() {
                    columns.push((s.year - 1).to_string());
                }
                (columns, rows)
            }
            StatsSection::AgeBands => {
                let label = |b: AgeBand| {
                    b.range()
                        .map(str::to_string)
                        .unwrap_or_else(|| Msg::StatsAgeOther.text(lang))
                };
                let rows = s
                    .age_bands
                    .iter()
                    .map(|b| {
                        self.with_last(label(b.band), b.holders, |l| {
                            l.age_bands
                                .iter()
                                .find(|x| x.band == b.band)
                                .map_or(0, |x| x.holders)
                        })
                    })
                    .collect();
                (
                    self.year_columns(Msg::StatsColAge, |y| Msg::StatsColHolders { year: y }),
                    rows,
                )
            }
            StatsSection::PerHolder => {
                let rows = s
                    .per_holder
                    .iter()
                    .map(|b| {
                        self.with_last(b.bucket.label().to_string(), b.holders, |l| {
                            l.per_holder
                                .iter()
                                .find(|x| x.bucket == b.bucket)
                                .map_or(0, |x| x.holders)
                        })
                    })
                    .collect();
                (
                    self.year_columns(Msg::StatsColVisitCount, |y| Msg::StatsColHolders {
                        year: y,
                    }),
                    rows,
                )
            }
            StatsSection::Venues => {
                let costs = s.costs.is_some();
                let mut columns = self.visits_columns(Msg::StatsColVenue);
                columns.insert(1, Msg::StatsColCategory.text(lang));
                if costs {
                    columns.insert(4, Msg::StatsColCost { year: s.year }.text(lang));
                }
                let rows = s
                    .venues
                    .iter()
                    .map(|v| {
                        let then = self.last().map(|l| {
                            l.venues
                                .iter()
                                .find(|x| x.venue_id == v.venue_id)
                                .map_or(Visits::default(), |x| x.visits)
                        });
                        let mut row = self.visits_row(v.name.clone(), v.visits, then);
                        row.insert(1, sentence(v.category.label(lang)));
                        if costs {
                            row.insert(4, self.money(v.cost_ore));
                        }
                        row
                    })
                    .collect();
                (columns, rows)
            }
            StatsSection::Categories => {
                let rows = s
                    .categories
                    .iter()
                    .map(|c| {
                        let then = self.last().map(|l| {
                            l.categories
                                .iter()
                                .find(|x| x.category == c.category)
                                .map_or(Visits::default(), |x| x.visits)
                        });
                        self.visits_row(sentence(c.category.label(lang)), c.visits, then)
                    })
                    .collect();
                (self.visits_columns(Msg::StatsColCategory), rows)
            }
            StatsSection::Kinds => {
                let label = |k: ActivityKind| match k {
                    ActivityKind::Spectator => Msg::StatsSpectator.text(lang),
                    ActivityKind::Participant => Msg::StatsParticipant.text(lang),
                    ActivityKind::Unknown => Msg::StatsKindUnknown.text(lang),
                };
                let rows = s
                    .kinds
                    .iter()
                    .map(|k| {
                        let then = self.last().map(|l| {
                            l.kinds
                                .iter()
                                .find(|x| x.kind == k.kind)
                                .map_or(Visits::default(), |x| x.visits)
                        });
                        self.visits_row(label(k.kind), k.visits, then)
                    })
                    .collect();
                (self.visits_columns(Msg::StatsColKind), rows)
            }
            StatsSection::Months => {
                let mut rows: Vec<Vec<String>> = s
                    .months
                    .iter()
                    .map(|m| {
                        let then = self.last().map(|l| {
                            l.months
                                .iter()
                                .find(|x| x.month == m.month)
                                .map_or(Visits::default(), |x| x.visits)
                        });
                        let name = month_name(m.month, lang).unwrap_or_default().to_string();
                        self.visits_row(name, m.visits, then)
                    })
                    .collect();
                if s.unknown_date.holder > 0 {
                    let then = self.last().map(|l| l.unknown_date);
                    rows.push(self.visits_row(
                        Msg::StatsUnknownDate.text(lang),
                        s.unknown_date,
                        then,
                    ));
                }
                (self.visits_columns(Msg::StatsColMonth), rows)
            }
            StatsSection::Costs => {
                let c = s.costs.as_ref()?;
                let then = self.last().and_then(|l| l.costs.as_ref());
                let row = |label: Msg, now: Option<i64>, last: Option<Option<i64>>| {
                    let mut row = vec![label.text(lang), self.money(now)];
                    if let Some(last) = last {
                        row.push(self.money(last));
                    }
                    row
                };
                let left = |c: &super::CostFigures| c.budget_ore.map(|b| b - c.approved_ore);
                let rows = vec![
                    row(
                        Msg::StatsOwed,
                        Some(c.owed_ore),
                        then.map(|t| Some(t.owed_ore)),
                    ),
                    row(
                        Msg::StatsPerVisit,
                        c.per_visit_ore,
                        then.map(|t| t.per_visit_ore),
                    ),
                    row(
                        Msg::StatsPerHolderCost,
                        c.per_holder_ore,
                        then.map(|t| t.per_holder_ore),
                    ),
                    row(Msg::StatsBudget, c.budget_ore, then.map(|t| t.budget_ore)),
                    row(
                        Msg::StatsApproved,
                        Some(c.approved_ore),
                        then.map(|t| Some(t.approved_ore)),
                    ),
                    row(
                        Msg::StatsPaid,
                        Some(c.paid_ore),
                        then.map(|t| Some(t.paid_ore)),
                    ),
                    row(Msg::StatsLeft, left(c), then.map(left)),
                ];
                let mut columns = vec![Msg::StatsColFigure.text(lang), s.year.to_string()];
                if then.is_some() {
                    columns.push((s.year - 1).to_string());
                }
                (columns, rows)
            }
            StatsSection::Models => {
                let c = s.costs.as_ref()?;
                let then = self.last().and_then(|l| l.costs.as_ref());
                let label = |m: CostModel| match m {
                    CostModel::Agreements => Msg::ModelAgreements,
                    CostModel::VenueBears => Msg::ModelVenueBears,
                    CostModel::Full => Msg::ModelFull,
                    CostModel::Half => Msg::ModelHalf,
                };
                let rows = c
                    .models
                    .iter()
                    .map(|m| {
                        let mut row =
                            vec![label(m.model).text(lang), self.money(Some(m.total_ore))];
                        if let Some(then) = then {
                            let last = then.models.iter().find(|x| x.model == m.model);
                            row.push(self.money(last.map(|x| x.total_ore)));
                        }
                        row
                    })
                    .collect();
                let mut columns = vec![Msg::StatsColModel.text(lang), s.year.to_string()];
                if then.is_some() {
                    columns.push((s.year - 1).to_string());
                }
                (columns, rows)
            }
        };
        Some(StatsTable {
            section,
            title: section.title().text(lang),
            columns,
            rows,
        })
    }
}

/// Every table the reader may see (costs and models only with the money figures), in order.
pub fn tables(stats: &YearStatistics, lang: Lang, audience: Audience) -> Vec<StatsTable> {
    let w = Writer {
        stats,
        lang,
        audience,
    };
    StatsSection::ALL
        .iter()
        .filter_map(|&section| w.table(section))
        .collect()
}

/// One table, or `None` when the reader may not see it (costs for NAV).
pub fn table(
    stats: &YearStatistics,
    section: StatsSection,
    lang: Lang,
    audience: Audience,
) -> Option<StatsTable> {
    Writer {
        stats,
        lang,
        audience,
    }
    .table(section)
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::small_year;
    use super::*;

    #[test]
    fn exported_tables_write_small_groups_under_five_and_the_screen_exact() {
        let stats = small_year();
        let screen = table(&stats, StatsSection::Cards, Lang::Nb, Audience::Screen).expect("t");
        let export = table(&stats, StatsSection::Cards, Lang::Nb, Audience::Export).expect("t");
        let row = |t: &StatsTable, label: &str| {
            t.rows.iter().find(|r| r[0] == label).cloned().expect(label)
        };
        // 6 holders, 4 used, 2 never used; last year 5 holders.
        assert_eq!(
            row(&screen, "Kortholdere med kort"),
            ["Kortholdere med kort", "6", "5"]
        );
        assert_eq!(row(&screen, "Aldri brukt"), ["Aldri brukt", "2", "0"]);
        assert_eq!(row(&export, "Aldri brukt"), ["Aldri brukt", "< 5", "0"]);
        assert_eq!(
            row(&export, "Brukt minst én gang"),
            ["Brukt minst én gang", "< 5", "5"]
        );
        assert_eq!(screen.columns, ["Tall", "2026", "2025"]);
        for t in tables(&stats, Lang::Nb, Audience::Export) {
            for r in &t.rows {
                for cell in &r[1..] {
                    assert!(
                        !matches!(cell.as_str(), "1" | "2" | "3" | "4"),
                        "{}: {r:?}",
                        t.title
                    );
                }
            }
        }
    }

    #[test]
    fn the_venue_table_has_its_category_cost_and_last_year_and_the_months_their_names() {
        let stats = small_year();
        let venues = table(&stats, StatsSection::Venues, Lang::En, Audience::Screen).expect("t");
        assert_eq!(
            venues.columns,
            [
                "Venue",
                "Category",
                "Visits 2026",
                "Companions 2026",
                "Cost 2026",
                "Visits 2025"
            ]
        );
        assert_eq!(
            venues.rows[0],
            ["V1", "Cinema", "5", "1", "kr\u{a0}660,00", "7"]
        );
        let months = table(&stats, StatsSection::Months, Lang::Nn, Audience::Screen).expect("t");
        assert_eq!(months.rows[2][0], "Mars");
        assert_eq!(
            months.rows.last().expect("row")[0],
            "Ukjend dato (kryssa av på innlevert kort)"
        );
        let models = table(&stats, StatsSection::Models, Lang::Nb, Audience::Screen).expect("t");
        assert_eq!(
            models.rows[2],
            ["Full refusjon", "kr\u{a0}1\u{a0}559,99", "kr\u{a0}840,00"]
        );
        let export = table(&stats, StatsSection::Models, Lang::Nb, Audience::Export).expect("t");
        assert_eq!(export.rows[2], ["Full refusjon", "1559,99", "840,00"]);
    }

    #[test]
    fn nav_gets_no_cost_tables() {
        let mut stats = small_year();
        stats.current.costs = None;
        stats
            .current
            .venues
            .iter_mut()
            .for_each(|v| v.cost_ore = None);
        let all = tables(&stats, Lang::Nb, Audience::Screen);
        assert!(all
            .iter()
            .all(|t| !matches!(t.section, StatsSection::Costs | StatsSection::Models)));
        let venues = all
            .iter()
            .find(|t| t.section == StatsSection::Venues)
            .expect("venues");
        assert_eq!(venues.columns.len(), 5);
    }
}
