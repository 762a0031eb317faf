//! Who may do what. Every operation of the store checks the actor's role here, so the rules
//! hold for the app, the CLI and any future front end alike.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The three kinds of user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// The culture office (Kultur): program, venues, cards, printing; of holders only what
    /// printing and statistics need.
    Admin,
    /// NAV: holders, assignment, re-assessment, hand-out, replacement.
    Nav,
    /// A venue's desk: looks up a card and sees first name, validity and visits left.
    Venue,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Nav => "nav",
            Role::Venue => "venue",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "nav" => Some(Role::Nav),
            "venue" => Some(Role::Venue),
            _ => None,
        }
    }
}

/// What an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The program's name, colours, years and images: every role sees them.
    ReadProgram,
    ManageProgram,
    ManageVenues,
    ReadVenues,
    /// Name, card number and birth year of holders: for printing and statistics.
    ReadHolderSummaries,
    /// Everything NAV keeps about holders, NAV-only note included.
    ManageHolders,
    /// Assign cards, re-assess and renew them: NAV only, as the program's rules say.
    AssignCards,
    /// Assign a card outside the year's age range, with a logged reason.
    OverrideAge,
    MarkCardsPrinted,
    HandOutCards,
    ReplaceCards,
    RevokeCards,
    LookupCard,
    /// Register a visit at the desk: a venue at its own venue, the culture office anywhere.
    RegisterVisits,
    /// Register a visit the rules refuse (over the limit, expired, blocked), with a reason.
    OverrideVisits,
    /// Void a registered visit, with a reason.
    VoidVisits,
    /// Import a venue's report of visits: a venue its own, the culture office any venue's.
    ImportVisits,
    /// Approve a venue's settlement, mark it paid, or withdraw an unpaid one.
    SettlePayouts,
    ManageUsers,
    ReadAudit,
    /// The year's statistics, counts only: the culture office and NAV.
    ReadStatistics,
    /// What the visits cost, the budget and the model comparison: the culture office.
    ReadCosts,
    /// Enter the answers of a returned feedback form: the culture office and NAV.
    EnterFeedback,
    /// The questionnaires' questions and the evaluation meeting: the culture office.
    ManageFeedback,
}

/// The logged-in user an operation is done for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    /// The venue a venue user is bound to.
    pub venue_id: Option<i64>,
}

impl Actor {
    /// The system itself, with the administrator's rights (user id 0 in the audit log): it
    /// creates a workspace's first administrator and sets up generated data. No person acts
    /// through it; the command line logs in as a user.
    pub fn command_line() -> Actor {
        Actor {
            user_id: 0,
            role: Role::Admin,
            venue_id: None,
        }
    }

    /// The venue a request is about. A venue desk sees and acts only at its own venue: it gets
    /// its own whatever it asks, and asking for another is refused. The other roles get the
    /// venue they asked for, if any. This is the one place that rule is written.
    pub fn venue_scope(&self, asked: Option<i64>) -> Result<Option<i64>, crate::i18n::Problem> {
        use crate::i18n::Problem;
        match (self.role, self.venue_id, asked) {
            (Role::Venue, Some(own), Some(asked)) if asked != own => Err(Problem::OtherVenue),
            (Role::Venue, Some(own), _) => Ok(Some(own)),
            (Role::Venue, None, _) => Err(Problem::VenueRequired),
            (_, _, asked) => Ok(asked),
        }
    }

    pub fn may(&self, action: Action) -> bool {
        use Action::*;
        if action == ReadProgram {
            return true;
        }
        match self.role {
            Role::Admin => matches!(
                action,
                ManageProgram
                    | ManageVenues
                    | ReadVenues
                    | ReadHolderSummaries
                    | MarkCardsPrinted
                    | RevokeCards
                    | LookupCard
                    | RegisterVisits
                    | OverrideVisits
                    | VoidVisits
                    | ImportVisits
                    | SettlePayouts
                    | ManageUsers
                    | ReadAudit
                    | ReadStatistics
                    | ReadCosts
                    | EnterFeedback
                    | ManageFeedback
            ),
            Role::Nav => matches!(
                action,
                ReadVenues
                    | ReadHolderSummaries
                    | ManageHolders
                    | AssignCards
                    | OverrideAge
                    | HandOutCards
                    | ReplaceCards
                    | RevokeCards
                    | LookupCard
                    | ManageUsers
                    | ReadStatistics
                    | EnterFeedback
            ),
            Role::Venue => matches!(
                action,
                LookupCard | RegisterVisits | VoidVisits | ImportVisits
            ),
        }
    }
}

/// The sentence shown when a role is refused.
pub fn denied(role: Role) -> Msg {
    match role {
        Role::Admin => Msg::DeniedAdmin,
        Role::Nav => Msg::DeniedNav,
        Role::Venue => Msg::DeniedVenue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor {
            user_id: 1,
            role,
            venue_id: None,
        }
    }

    #[test]
    fn only_nav_manages_holders() {
        assert!(actor(Role::Nav).may(Action::ManageHolders));
        assert!(!actor(Role::Admin).may(Action::ManageHolders));
        assert!(!actor(Role::Venue).may(Action::ManageHolders));
    }

    #[test]
    fn a_venue_can_only_look_up_cards() {
        let v = actor(Role::Venue);
        assert!(v.may(Action::LookupCard));
        for a in [
            Action::ReadVenues,
            Action::ReadHolderSummaries,
            Action::AssignCards,
        ] {
            assert!(!v.may(a), "{a:?}");
        }
    }

    #[test]
    fn only_nav_assigns_cards_and_the_culture_office_manages_users() {
        // The program's rule: NAV selects the holders and assigns every card, an exception to
        // the age range included; the culture office prints and runs the program.
        for a in [Action::AssignCards, Action::OverrideAge] {
            assert!(actor(Role::Nav).may(a), "{a:?}");
            assert!(!actor(Role::Admin).may(a), "{a:?}");
        }
        // Each side manages its own users (which ones is the store's check).
        assert!(actor(Role::Admin).may(Action::ManageUsers));
        assert!(actor(Role::Nav).may(Action::ManageUsers));
        assert!(!actor(Role::Venue).may(Action::ManageUsers));
    }

    #[test]
    fn a_venue_desk_is_held_to_its_own_venue_and_the_others_get_what_they_ask_for() {
        use crate::i18n::Problem;
        let desk = Actor {
            user_id: 3,
            role: Role::Venue,
            venue_id: Some(7),
        };
        assert_eq!(desk.venue_scope(None), Ok(Some(7)));
        assert_eq!(desk.venue_scope(Some(7)), Ok(Some(7)));
        assert_eq!(desk.venue_scope(Some(8)), Err(Problem::OtherVenue));
        let office = Actor::command_line();
        assert_eq!(office.venue_scope(Some(8)), Ok(Some(8)));
        assert_eq!(office.venue_scope(None), Ok(None));
        let unbound = Actor {
            venue_id: None,
            ..desk
        };
        assert_eq!(unbound.venue_scope(None), Err(Problem::VenueRequired));
    }
}
