//! The statistics of a program year: plain counts in, the figures of the statistics screen
//! and the evaluation report out. The store counts (one scan of the visits grouped by venue and
//! month, one by holder, one over the cards); everything here is arithmetic over those counts,
//! so a small year whose every figure is known can be checked by hand.
//!
//! Only counts leave the app: nothing here carries a name, and [`shown`] writes any group
//! smaller than five as "< 5" in what is exported or printed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::compensation::{line_amount, share_percent};
use crate::model::{CompensationModel, VenueCategory};

pub mod tables;
pub use tables::{table, tables, Audience, StatsSection, StatsTable};

/// Groups smaller than this are written "< 5" in exports and printed reports.
pub const SMALLEST_GROUP: u64 = 5;

/// A count as it may leave the app: 1 to 4 are "< 5" (a group that small could point to a
/// family); 0 and 5 on are written out.
pub fn shown(n: u64) -> String {
    if (1..SMALLEST_GROUP).contains(&n) {
        format!("< {SMALLEST_GROUP}")
    } else {
        n.to_string()
    }
}

/// The age bands the program reports holders in, by the age a holder reaches in the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AgeBand {
    From5To9,
    From10To12,
    From13To15,
    From16To18,
    /// Outside 5–18: a card given over the age rule, with NAV's reason.
    Other,
}

impl AgeBand {
    pub const ALL: [AgeBand; 5] = [
        AgeBand::From5To9,
        AgeBand::From10To12,
        AgeBand::From13To15,
        AgeBand::From16To18,
        AgeBand::Other,
    ];

    /// The band of a holder who turns `age` in the year.
    pub fn of(age: i32) -> AgeBand {
        match age {
            5..=9 => AgeBand::From5To9,
            10..=12 => AgeBand::From10To12,
            13..=15 => AgeBand::From13To15,
            16..=18 => AgeBand::From16To18,
            _ => AgeBand::Other,
        }
    }

    /// "5–9"; the other band is named by the catalogue.
    pub fn range(self) -> Option<&'static str> {
        match self {
            AgeBand::From5To9 => Some("5–9"),
            AgeBand::From10To12 => Some("10–12"),
            AgeBand::From13To15 => Some("13–15"),
            AgeBand::From16To18 => Some("16–18"),
            AgeBand::Other => None,
        }
    }
}

/// Whether a venue's holders watch (cinema, a performance) or take part (a pool, a course).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ActivityKind {
    Spectator,
    Participant,
    /// A venue of the category "other": the register does not say.
    Unknown,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 3] = [
        ActivityKind::Spectator,
        ActivityKind::Participant,
        ActivityKind::Unknown,
    ];

    pub fn of(category: VenueCategory) -> ActivityKind {
        match category {
            VenueCategory::Cinema | VenueCategory::Performance => ActivityKind::Spectator,
            VenueCategory::Swimming
            | VenueCategory::PlayLand
            | VenueCategory::CourseDance
            | VenueCategory::CourseMusic
            | VenueCategory::CourseTheatre
            | VenueCategory::CourseSport => ActivityKind::Participant,
            VenueCategory::Other => ActivityKind::Unknown,
        }
    }
}

/// How many visits a holder made in the year (or period): the distribution's bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VisitBucket {
    None,
    One,
    Two,
    From3To5,
    From6To10,
    From11To20,
    Over20,
}

impl VisitBucket {
    pub const ALL: [VisitBucket; 7] = [
        VisitBucket::None,
        VisitBucket::One,
        VisitBucket::Two,
        VisitBucket::From3To5,
        VisitBucket::From6To10,
        VisitBucket::From11To20,
        VisitBucket::Over20,
    ];

    pub fn of(visits: u64) -> VisitBucket {
        match visits {
            0 => VisitBucket::None,
            1 => VisitBucket::One,
            2 => VisitBucket::Two,
            3..=5 => VisitBucket::From3To5,
            6..=10 => VisitBucket::From6To10,
            11..=20 => VisitBucket::From11To20,
            _ => VisitBucket::Over20,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VisitBucket::None => "0",
            VisitBucket::One => "1",
            VisitBucket::Two => "2",
            VisitBucket::From3To5 => "3–5",
            VisitBucket::From6To10 => "6–10",
            VisitBucket::From11To20 => "11–20",
            VisitBucket::Over20 => "21+",
        }
    }
}

/// What the year's visits would cost the municipality under one compensation model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CostModel {
    /// Each venue under its own agreement: what is owed.
    Agreements,
    /// Every venue bears its own cost.
    VenueBears,
    /// Every venue fully refunded at its agreed prices.
    Full,
    /// Every venue refunded half its agreed prices.
    Half,
}

impl CostModel {
    pub const ALL: [CostModel; 4] = [
        CostModel::Agreements,
        CostModel::VenueBears,
        CostModel::Full,
        CostModel::Half,
    ];

    /// The municipality's share in percent for a venue with `agreement`'s model and share.
    fn percent(self, model: CompensationModel, share: u8) -> u32 {
        match self {
            CostModel::Agreements => share_percent(model, share),
            CostModel::VenueBears => 0,
            CostModel::Full => 100,
            CostModel::Half => 50,
        }
    }
}

/// The counts the store reads for one venue with an agreement in the year, in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VenueCounts {
    pub venue_id: i64,
    pub name: String,
    pub category: VenueCategory,
    pub compensation: CompensationModel,
    pub share_percent: u8,
    pub holder_price_ore: i64,
    pub companion_price_ore: i64,
    /// Holder visits by month (index 0 is January); visits of unknown date (ticks counted on
    /// a returned card) apart.
    pub by_month: [u64; 12],
    pub companions_by_month: [u64; 12],
    pub unknown_date: u64,
    pub unknown_date_companions: u64,
}

impl VenueCounts {
    pub fn holder_visits(&self) -> u64 {
        self.by_month.iter().sum::<u64>() + self.unknown_date
    }

    pub fn companion_visits(&self) -> u64 {
        self.companions_by_month.iter().sum::<u64>() + self.unknown_date_companions
    }

    /// What these visits cost under `model`, in øre, each line rounded as settlements are.
    pub fn cost(&self, model: CostModel) -> i64 {
        let percent = model.percent(self.compensation, self.share_percent);
        let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        line_amount(count(self.holder_visits()), self.holder_price_ore, percent)
            + line_amount(
                count(self.companion_visits()),
                self.companion_price_ore,
                percent,
            )
    }
}

/// The counts the store reads over a year's cards and holders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardCounts {
    /// Cards assigned (first cards, not replacements).
    pub assigned: u64,
    pub replacements: u64,
    pub handed_out: u64,
    pub returned: u64,
    pub lost: u64,
    pub revoked: u64,
    /// For each holder with a card in the year (not revoked): the age reached in the year and
    /// the visits made in the period.
    pub holders: Vec<(i32, u64)>,
}

/// The money side, read from settlements and the year's budget.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MoneyCounts {
    pub budget_ore: Option<i64>,
    /// Approved settlements not withdrawn, paid or not.
    pub approved_ore: i64,
    pub paid_ore: i64,
}

/// Visits of one group: the holder's and the companions who came along.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Visits {
    #[ts(type = "number")]
    pub holder: u64,
    #[ts(type = "number")]
    pub companion: u64,
}

impl Visits {
    fn add(&mut self, holder: u64, companion: u64) {
        self.holder += holder;
        self.companion += companion;
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardFigures {
    #[ts(type = "number")]
    pub assigned: u64,
    #[ts(type = "number")]
    pub replacements: u64,
    #[ts(type = "number")]
    pub handed_out: u64,
    #[ts(type = "number")]
    pub returned: u64,
    #[ts(type = "number")]
    pub lost: u64,
    #[ts(type = "number")]
    pub revoked: u64,
    /// Holders with a card in the year.
    #[ts(type = "number")]
    pub holders: u64,
    /// Holders who used their card at least once in the period.
    #[ts(type = "number")]
    pub used: u64,
    /// Holders who never used it: NAV may follow these families up.
    #[ts(type = "number")]
    pub never_used: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgeBandCount {
    pub band: AgeBand,
    #[ts(type = "number")]
    pub holders: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BucketCount {
    pub bucket: VisitBucket,
    #[ts(type = "number")]
    pub holders: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VenueFigures {
    pub venue_id: i64,
    pub name: String,
    pub category: VenueCategory,
    pub kind: ActivityKind,
    pub visits: Visits,
    /// What its visits cost under its agreement, in øre: `None` where NAV reads.
    pub cost_ore: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CategoryFigures {
    pub category: VenueCategory,
    pub visits: Visits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KindFigures {
    pub kind: ActivityKind,
    pub visits: Visits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthFigures {
    /// 1–12.
    pub month: u32,
    pub visits: Visits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModelCost {
    pub model: CostModel,
    pub total_ore: i64,
}

/// The culture office's part: what the visits cost and what is budgeted, owed and paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CostFigures {
    /// Under the agreements: what the municipality owes for the period's visits.
    pub owed_ore: i64,
    /// Per holder visit; `None` with no visits.
    pub per_visit_ore: Option<i64>,
    /// Per holder with a card; `None` with no holders.
    pub per_holder_ore: Option<i64>,
    /// Each model side by side, the agreements first.
    pub models: Vec<ModelCost>,
    pub budget_ore: Option<i64>,
    pub approved_ore: i64,
    pub paid_ore: i64,
}

/// Every figure of the statistics screen for a year or a period of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Statistics {
    pub year: i32,
    /// The period; `None` is the whole year, ticks of unknown date included.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub cards: CardFigures,
    pub age_bands: Vec<AgeBandCount>,
    pub per_holder: Vec<BucketCount>,
    pub visits: Visits,
    /// Ticks counted on returned cards: their date is unknown, so no month has them.
    pub unknown_date: Visits,
    pub venues: Vec<VenueFigures>,
    pub categories: Vec<CategoryFigures>,
    pub kinds: Vec<KindFigures>,
    pub months: Vec<MonthFigures>,
    /// `None` for NAV: the money is the culture office's.
    pub costs: Option<CostFigures>,
}

/// A year's (or period's) figures with the same period of the year before, where the
/// workspace has that year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct YearStatistics {
    pub current: Statistics,
    pub previous: Option<Statistics>,
}

/// Integer division rounded half up; `None` when dividing by zero.
fn per(total: i64, n: u64) -> Option<i64> {
    let n = i64::try_from(n).ok().filter(|n| *n > 0)?;
    Some((2 * total + n) / (2 * n))
}

/// The figures from the counts. `money` is `None` when the reader may not see costs (NAV).
pub fn figures(
    year: i32,
    period: Option<(NaiveDate, NaiveDate)>,
    cards: &CardCounts,
    venues: &[VenueCounts],
    money: Option<&MoneyCounts>,
) -> Statistics {
    let mut age_bands: Vec<AgeBandCount> = AgeBand::ALL
        .iter()
        .map(|&band| AgeBandCount { band, holders: 0 })
        .collect();
    let mut per_holder: Vec<BucketCount> = VisitBucket::ALL
        .iter()
        .map(|&bucket| BucketCount { bucket, holders: 0 })
        .collect();
    for &(age, visits) in &cards.holders {
        let band = AgeBand::of(age);
        if let Some(b) = age_bands.iter_mut().find(|b| b.band == band) {
            b.holders += 1;
        }
        let bucket = VisitBucket::of(visits);
        if let Some(b) = per_holder.iter_mut().find(|b| b.bucket == bucket) {
            b.holders += 1;
        }
    }
    // The "other" band only when someone is in it.
    age_bands.retain(|b| b.band != AgeBand::Other || b.holders > 0);
    let holders = cards.holders.len() as u64;
    let used = cards.holders.iter().filter(|(_, v)| *v > 0).count() as u64;

    let mut total = Visits::default();
    let mut unknown = Visits::default();
    let mut months: Vec<MonthFigures> = (1..=12)
        .map(|month| MonthFigures {
            month,
            visits: Visits::default(),
        })
        .collect();
    let mut categories: Vec<CategoryFigures> = Vec::new();
    let mut kinds: Vec<KindFigures> = Vec::new();
    let mut venue_figures = Vec::new();
    for v in venues {
        let (h, c) = (v.holder_visits(), v.companion_visits());
        total.add(h, c);
        unknown.add(v.unknown_date, v.unknown_date_companions);
        for (m, month) in months.iter_mut().enumerate() {
            month.visits.add(v.by_month[m], v.companions_by_month[m]);
        }
        match categories.iter_mut().find(|x| x.category == v.category) {
            Some(x) => x.visits.add(h, c),
            None => categories.push(CategoryFigures {
                category: v.category,
                visits: Visits {
                    holder: h,
                    companion: c,
                },
            }),
        }
        let kind = ActivityKind::of(v.category);
        match kinds.iter_mut().find(|x| x.kind == kind) {
            Some(x) => x.visits.add(h, c),
            None => kinds.push(KindFigures {
                kind,
                visits: Visits {
                    holder: h,
                    companion: c,
                },
            }),
        }
        venue_figures.push(VenueFigures {
            venue_id: v.venue_id,
            name: v.name.clone(),
            category: v.category,
            kind,
            visits: Visits {
                holder: h,
                companion: c,
            },
            cost_ore: money.map(|_| v.cost(CostModel::Agreements)),
        });
    }
    categories.sort_by_key(|c| {
        VenueCategory::ALL
            .iter()
            .position(|x| *x == c.category)
            .unwrap_or(usize::MAX)
    });
    kinds.sort_by_key(|k| k.kind);
    // In a period, the months outside it are left out.
    if let Some((from, to)) = period {
        use chrono::Datelike;
        let (first, last) = if from.year() < to.year() {
            (1, 12)
        } else {
            (from.month(), to.month())
        };
        months.retain(|m| (first..=last).contains(&m.month));
    }
    let costs = money.map(|money| {
        let models: Vec<ModelCost> = CostModel::ALL
            .iter()
            .map(|&model| ModelCost {
                model,
                total_ore: venues.iter().map(|v| v.cost(model)).sum(),
            })
            .collect();
        let owed_ore = models[0].total_ore;
        CostFigures {
            owed_ore,
            per_visit_ore: per(owed_ore, total.holder),
            per_holder_ore: per(owed_ore, holders),
            models,
            budget_ore: money.budget_ore,
            approved_ore: money.approved_ore,
            paid_ore: money.paid_ore,
        }
    });
    Statistics {
        year,
        from: period.map(|p| p.0),
        to: period.map(|p| p.1),
        cards: CardFigures {
            assigned: cards.assigned,
            replacements: cards.replacements,
            handed_out: cards.handed_out,
            returned: cards.returned,
            lost: cards.lost,
            revoked: cards.revoked,
            holders,
            used,
            never_used: holders - used,
        },
        age_bands,
        per_holder,
        visits: total,
        unknown_date: unknown,
        venues: venue_figures,
        categories,
        kinds,
        months,
        costs,
    }
}

/// The hand-computed year of the tests (and the one before it), for the tables' tests too.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub(crate) fn venue(
        id: i64,
        category: VenueCategory,
        model: CompensationModel,
        share: u8,
        prices: (i64, i64),
    ) -> VenueCounts {
        VenueCounts {
            venue_id: id,
            name: format!("V{id}"),
            category,
            compensation: model,
            share_percent: share,
            holder_price_ore: prices.0,
            companion_price_ore: prices.1,
            by_month: [0; 12],
            companions_by_month: [0; 12],
            unknown_date: 0,
            unknown_date_companions: 0,
        }
    }

    /// 2026: the figures in `tests::a_hand_computed_year`. 2025: five holders of 10–12 who
    /// each used the card, and seven cinema visits in March.
    pub(crate) fn small_year() -> YearStatistics {
        // Cinema: full refund at 120 kr / 60 kr. March: 3 visits, 1 with a companion; April: 2.
        let mut kino = venue(
            1,
            VenueCategory::Cinema,
            CompensationModel::FullRefund,
            0,
            (12_000, 6_000),
        );
        kino.by_month[2] = 3;
        kino.companions_by_month[2] = 1;
        kino.by_month[3] = 2;
        // Pool: the venue bears the cost (price 80 kr). March: 4 visits, 4 companions; and 2
        // ticks of unknown date.
        let mut bad = venue(
            2,
            VenueCategory::Swimming,
            CompensationModel::VenueBearsCost,
            0,
            (8_000, 8_000),
        );
        bad.by_month[2] = 4;
        bad.companions_by_month[2] = 4;
        bad.unknown_date = 2;
        // Dance course: 50 % of 99.99 kr. June: 1 visit.
        let mut dans = venue(
            3,
            VenueCategory::CourseDance,
            CompensationModel::Share,
            50,
            (9_999, 0),
        );
        dans.by_month[5] = 1;
        let cards = CardCounts {
            assigned: 6,
            replacements: 1,
            handed_out: 5,
            returned: 2,
            lost: 1,
            revoked: 0,
            // Six holders: ages 6, 11, 11, 14, 17, 19; visits 0, 1, 2, 3, 6, 0.
            holders: vec![(6, 0), (11, 1), (11, 2), (14, 3), (17, 6), (19, 0)],
        };
        let money = MoneyCounts {
            budget_ore: Some(100_000),
            approved_ore: 30_000,
            paid_ore: 12_000,
        };
        let current = figures(2026, None, &cards, &[kino, bad, dans], Some(&money));
        let mut kino_before = venue(
            1,
            VenueCategory::Cinema,
            CompensationModel::FullRefund,
            0,
            (12_000, 6_000),
        );
        kino_before.by_month[2] = 7;
        let before = CardCounts {
            assigned: 5,
            holders: vec![(11, 1), (11, 1), (12, 1), (12, 2), (10, 2)],
            ..CardCounts::default()
        };
        let previous = figures(
            2025,
            None,
            &before,
            &[kino_before],
            Some(&MoneyCounts::default()),
        );
        YearStatistics {
            current,
            previous: Some(previous),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::{small_year, venue};
    use super::*;

    #[test]
    fn groups_of_one_to_four_are_written_under_five_and_the_rest_as_they_are() {
        assert_eq!(shown(0), "0");
        for n in 1..=4 {
            assert_eq!(shown(n), "< 5");
        }
        assert_eq!(shown(5), "5");
        assert_eq!(shown(1234), "1234");
    }

    #[test]
    fn ages_fall_in_the_programs_bands_and_the_rest_in_other() {
        assert_eq!(AgeBand::of(5), AgeBand::From5To9);
        assert_eq!(AgeBand::of(9), AgeBand::From5To9);
        assert_eq!(AgeBand::of(10), AgeBand::From10To12);
        assert_eq!(AgeBand::of(15), AgeBand::From13To15);
        assert_eq!(AgeBand::of(18), AgeBand::From16To18);
        assert_eq!(AgeBand::of(4), AgeBand::Other);
        assert_eq!(AgeBand::of(19), AgeBand::Other);
    }

    #[test]
    fn visits_per_holder_fall_in_buckets() {
        let b: Vec<&str> = [0, 1, 2, 3, 5, 6, 10, 11, 20, 21, 300]
            .iter()
            .map(|&n| VisitBucket::of(n).label())
            .collect();
        assert_eq!(
            b,
            [
                "0", "1", "2", "3–5", "3–5", "6–10", "6–10", "11–20", "11–20", "21+", "21+"
            ]
        );
    }

    /// A small year whose every figure is worked out by hand in the comments.
    #[test]
    fn a_hand_computed_year() {
        let s = small_year().current;

        assert_eq!(s.cards.holders, 6);
        assert_eq!(s.cards.used, 4);
        assert_eq!(s.cards.never_used, 2);
        let bands: Vec<(AgeBand, u64)> = s.age_bands.iter().map(|b| (b.band, b.holders)).collect();
        assert_eq!(
            bands,
            [
                (AgeBand::From5To9, 1),
                (AgeBand::From10To12, 2),
                (AgeBand::From13To15, 1),
                (AgeBand::From16To18, 1),
                (AgeBand::Other, 1),
            ]
        );
        let buckets: Vec<u64> = s.per_holder.iter().map(|b| b.holders).collect();
        assert_eq!(buckets, [2, 1, 1, 1, 1, 0, 0]);

        // Visits: 5 + 6 + 1 = 12 holder visits, 1 + 4 = 5 companions; 2 of unknown date.
        assert_eq!(
            s.visits,
            Visits {
                holder: 12,
                companion: 5
            }
        );
        assert_eq!(
            s.unknown_date,
            Visits {
                holder: 2,
                companion: 0
            }
        );
        assert_eq!(s.months.len(), 12);
        assert_eq!(
            s.months[2].visits,
            Visits {
                holder: 7,
                companion: 5
            }
        );
        assert_eq!(
            s.months[3].visits,
            Visits {
                holder: 2,
                companion: 0
            }
        );
        assert_eq!(
            s.months[5].visits,
            Visits {
                holder: 1,
                companion: 0
            }
        );
        let kinds: Vec<(ActivityKind, u64)> =
            s.kinds.iter().map(|k| (k.kind, k.visits.holder)).collect();
        assert_eq!(
            kinds,
            [(ActivityKind::Spectator, 5), (ActivityKind::Participant, 7)]
        );
        let cats: Vec<(VenueCategory, u64)> = s
            .categories
            .iter()
            .map(|c| (c.category, c.visits.holder))
            .collect();
        assert_eq!(
            cats,
            [
                (VenueCategory::Cinema, 5),
                (VenueCategory::Swimming, 6),
                (VenueCategory::CourseDance, 1)
            ]
        );

        // Costs. Cinema: 5 × 120 + 1 × 60 = 660 kr. Pool: 0. Dance: 1 × 99.99 × 50 % = 49.995
        // → 50.00 kr (half up). Owed 710.00 kr.
        let c = s.costs.expect("costs");
        assert_eq!(s.venues[0].cost_ore, Some(66_000));
        assert_eq!(s.venues[2].cost_ore, Some(5_000));
        assert_eq!(c.owed_ore, 71_000);
        // Per holder visit: 710 / 12 = 59.1666… → 59.17 kr. Per holder: 710 / 6 = 118.33 kr.
        assert_eq!(c.per_visit_ore, Some(5_917));
        assert_eq!(c.per_holder_ore, Some(11_833));
        // Every venue fully refunded: cinema 660 + pool (6 × 80 + 4 × 80 = 800) + dance 99.99
        // = 1559.99 kr; half of each line: 300 + 30 + 240 + 160 + 49.995→50.00 = 780.00 kr.
        let models: Vec<(CostModel, i64)> =
            c.models.iter().map(|m| (m.model, m.total_ore)).collect();
        assert_eq!(
            models,
            [
                (CostModel::Agreements, 71_000),
                (CostModel::VenueBears, 0),
                (CostModel::Full, 155_999),
                (CostModel::Half, 78_000),
            ]
        );
        assert_eq!(c.budget_ore, Some(100_000));
        assert_eq!((c.approved_ore, c.paid_ore), (30_000, 12_000));
    }

    #[test]
    fn nav_reads_no_money_and_a_period_keeps_its_months() {
        let mut kino = venue(
            1,
            VenueCategory::Cinema,
            CompensationModel::FullRefund,
            0,
            (12_000, 6_000),
        );
        kino.by_month[2] = 3;
        let period = (
            NaiveDate::from_ymd_opt(2026, 3, 1).expect("date"),
            NaiveDate::from_ymd_opt(2026, 5, 31).expect("date"),
        );
        let s = figures(2026, Some(period), &CardCounts::default(), &[kino], None);
        assert!(s.costs.is_none());
        assert_eq!(s.venues[0].cost_ore, None);
        let months: Vec<u32> = s.months.iter().map(|m| m.month).collect();
        assert_eq!(months, [3, 4, 5]);
        assert_eq!(s.cards.never_used, 0);
        // No "other" band when nobody is in it.
        assert_eq!(s.age_bands.len(), 4);
    }
}
