//! Thin commands: unpack, check the role, call one library function, map errors.
//!
//! Each command is written once as a plain function of `&AppState` (so tests drive the command
//! layer without a window); the `commands!` macro adds the `#[tauri::command]` wrapper that
//! the app registers, in a `tauri_commands` module beside it.

pub mod cards;
pub mod feedback;
pub mod holders;
pub mod kit;
pub mod letters;
pub mod payouts;
pub mod printing;
pub mod program;
pub mod session;
pub mod stats;
pub mod venues;
pub mod visits;
pub mod workspace;

use crate::error::{ApiError, ApiResult, ErrorCode, FieldError};
use base64::Engine;
use okort_core::i18n::Problem;
use okort_core::Lang;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::marker::PhantomData;

/// A command argument as the UI sent it, parsed here rather than by Tauri: a value of the wrong
/// kind (a negative quota, "abc" for an offset, an impossible date) becomes a field error with
/// the field's own sentence in the user's language, never Tauri's "invalid args" text.
pub struct Arg<T>(Value, PhantomData<T>);

impl<'de, T> Deserialize<'de> for Arg<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(|v| Arg(v, PhantomData))
    }
}

impl<T: DeserializeOwned> Arg<T> {
    /// The argument `name` as `T`; a missing argument reads as null (so `Option`s may be left out).
    pub fn parse(arg: Option<Self>, name: &str, lang: Lang) -> ApiResult<T> {
        let value = arg.map(|a| a.0).unwrap_or(Value::Null);
        serde_path_to_error::deserialize::<_, T>(&value).map_err(|e| {
            let (field, problem) = arg_problem(name, &value, &e);
            let message = problem.message(lang);
            let mut api = ApiError::new(ErrorCode::Invalid, message.clone());
            api.fields.push(FieldError { field, message });
            api
        })
    }
}

/// The field a parse error is about (the key inside a form, else the argument in the UI's
/// camelCase) and the sentence for it.
fn arg_problem(
    name: &str,
    value: &Value,
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> (String, Problem) {
    use serde_path_to_error::Segment;
    let text = e.inner().to_string();
    let missing = text
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    let key = e.path().iter().find_map(|seg| match seg {
        Segment::Map { key } => Some(key.clone()),
        _ => None,
    });
    let field = missing
        .map(str::to_string)
        .or(key)
        .unwrap_or_else(|| camel_case(name));
    let at = e
        .path()
        .iter()
        .try_fold(value, |v, seg| match seg {
            Segment::Map { key } => v.get(key),
            Segment::Seq { index } => v.get(index),
            _ => Some(v),
        })
        .cloned()
        .unwrap_or(Value::Null);
    let problem = if missing.is_some() || text.starts_with("invalid type: null") {
        Problem::Required
    } else if let Some(p) = Problem::for_field(&field) {
        p
    } else if ["u8", "u16", "u32", "u64", "usize"]
        .iter()
        .any(|t| text.ends_with(&format!("expected {t}")))
    {
        Problem::WholeNumberFrom0
    } else if ["i8", "i16", "i32", "i64"]
        .iter()
        .any(|t| text.ends_with(&format!("expected {t}")))
    {
        Problem::WholeNumber
    } else if text.ends_with("expected f32") || text.ends_with("expected f64") {
        Problem::Number
    } else if text.starts_with("unknown variant") {
        Problem::NotAChoice
    } else if let Some(s) = at.as_str().filter(|_| is_date_error(&text)) {
        Problem::NotADate { value: s.into() }
    } else {
        Problem::BadValue
    };
    (field, problem)
}

/// chrono's messages for a string that is not a date.
fn is_date_error(text: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "input is not enough",
        "trailing input",
        "no possible date",
    ]
    .iter()
    .any(|m| text.contains(m))
}

pub(crate) fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The `signatures` function both command macros write: each command's name, doc comment,
/// arguments and result as TypeScript, for the generated functions (`bindings.rs`).
macro_rules! signatures {
    ($job:literal; $( $(#[$meta:meta])* $name:ident($($arg:ident: $ty:ty),*) -> $ok:ty; )*) => {
        /// The commands' signatures, for the generated TypeScript functions.
        #[cfg(test)]
        pub fn signatures(cfg: &ts_rs::Config) -> Vec<$crate::bindings::Signature> {
            vec![$(
                $crate::bindings::Signature::new(
                    stringify!($name),
                    &[$(stringify!($meta)),*],
                    vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(cfg))),*],
                    <$ok as ts_rs::TS>::name(cfg),
                    $job,
                ),
            )*]
        }
    };
}
pub(crate) use signatures;

macro_rules! commands {
    ($(
        $(#[$meta:meta])*
        pub fn $name:ident($state:ident $(, $arg:ident: $ty:ty)* $(,)?) -> ApiResult<$ok:ty> $body:block
    )*) => {
        $(
            $(#[$meta])*
            pub fn $name($state: &$crate::state::AppState $(, $arg: $ty)*) -> ApiResult<$ok> $body
        )*

        /// The same commands as registered with Tauri.
        pub mod tauri_commands {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tauri::command]
                pub fn $name(
                    state: tauri::State<'_, $crate::state::AppState>
                    $(, $arg: Option<$crate::commands::Arg<$ty>>)*
                ) -> ApiResult<$ok> {
                    $(let $arg = $crate::commands::Arg::parse($arg, stringify!($arg), state.lang())?;)*
                    super::$name(&state $(, $arg)*)
                }
            )*

            $crate::commands::signatures!(false; $( $(#[$meta])* $name($($arg: $ty),*) -> $ok; )*);
        }
    };
}
pub(crate) use commands;

/// As [`commands!`], for long jobs: the plain function also gets the running job (progress,
/// cancel), and the Tauri command runs it through [`crate::jobs::run`] with the channel the UI
/// passed as `onEvent`.
macro_rules! job_commands {
    ($(
        $(#[$meta:meta])*
        pub fn $name:ident($state:ident, $job:ident $(, $arg:ident: $ty:ty)* $(,)?) -> ApiResult<$ok:ty> $body:block
    )*) => {
        $(
            $(#[$meta])*
            #[allow(clippy::too_many_arguments)]
            pub fn $name(
                $state: &$crate::state::AppState,
                $job: &$crate::jobs::Job
                $(, $arg: $ty)*
            ) -> ApiResult<$ok> $body
        )*

        /// The same commands as registered with Tauri, each run as a job.
        pub mod tauri_job_commands {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tauri::command]
                #[allow(clippy::too_many_arguments)]
                pub async fn $name(
                    app: tauri::AppHandle,
                    on_event: tauri::ipc::Channel<$crate::jobs::JobEvent>
                    $(, $arg: Option<$crate::commands::Arg<$ty>>)*
                ) -> ApiResult<$ok> {
                    use tauri::Manager;
                    let lang = app.state::<$crate::state::AppState>().lang();
                    $(let $arg = $crate::commands::Arg::parse($arg, stringify!($arg), lang)?;)*
                    $crate::jobs::run(app, on_event, move |state, job| {
                        super::$name(state, job $(, $arg)*)
                    })
                    .await
                }
            )*

            $crate::commands::signatures!(true; $( $(#[$meta])* $name($($arg: $ty),*) -> $ok; )*);
        }
    };
}
pub(crate) use job_commands;

/// An import as a job: it tells the UI it has started, stops if cancelled before it writes,
/// and then imports in one transaction (all or nothing).
pub(crate) fn import_job<T>(
    state: &crate::state::AppState,
    job: &crate::jobs::Job,
    action: okort_core::Action,
    import: impl FnOnce(
        &mut okort_store::Workspace,
        &okort_core::Actor,
    ) -> Result<T, okort_store::StoreError>,
) -> ApiResult<T> {
    job.progress(0, 1);
    job.go_on(state.lang())?;
    let done = state.act(action, import)?;
    job.progress(1, 1);
    Ok(done)
}

/// Asks a running job to stop; it writes nothing once stopped. False when it had already ended.
#[tauri::command]
pub fn cancel_job(state: tauri::State<'_, crate::state::AppState>, job: u32) -> bool {
    state.jobs().cancel(job)
}

/// Opens a written file in the system's viewer; a failure only means the user opens it by hand.
pub(crate) fn open_in_viewer(path: &std::path::Path) {
    let _ = tauri_plugin_opener::open_path(path, None::<&str>);
}

/// The largest file the UI may send: a spreadsheet (logos have their own, smaller limit).
pub(crate) const MAX_UPLOAD_MB: usize = okort_store::exchange::MAX_MB;
/// The largest logo or coat of arms the UI may send.
pub(crate) const MAX_LOGO_MB: usize = okort_core::logo::MAX_IMAGE_BYTES / (1024 * 1024);

/// Decodes a file sent by the UI as base64 (a `data:` URL prefix is allowed); a file larger
/// than `max_mb` is refused with its limit before it is decoded.
pub(crate) fn decode_upload(
    data: &str,
    max_mb: usize,
    lang: okort_core::i18n::Lang,
) -> ApiResult<Vec<u8>> {
    let b64 = data.split_once(";base64,").map(|(_, b)| b).unwrap_or(data);
    if b64.len() / 4 * 3 > max_mb * 1024 * 1024 + 3 {
        let problem = okort_core::i18n::Problem::FileTooLarge { max_mb };
        return Err(ApiError::from_store(
            okort_store::StoreError::Refused(problem),
            lang,
        ));
    }
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| ApiError::new(ErrorCode::Internal, "the file did not arrive intact"))
}

/// Today in the user's time zone: the date rules (age, validity) are judged by.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use okort_core::ProgramYearInput;
    use serde_json::json;

    fn parse<T: DeserializeOwned>(v: Value, name: &str) -> ApiResult<T> {
        Arg::parse(Some(Arg(v, PhantomData)), name, Lang::Nb)
    }

    #[test]
    fn a_negative_quota_gets_the_quota_sentence_on_its_field() {
        let mut input = serde_json::to_value(ProgramYearInput::new_for(2026)).expect("json");
        input["cardQuota"] = json!(-5);
        let e = parse::<ProgramYearInput>(input, "input").expect_err("refused");
        assert_eq!(e.code, ErrorCode::Invalid);
        assert_eq!(e.fields[0].field, "cardQuota");
        assert_eq!(e.fields[0].message, Problem::Quota.message(Lang::Nb));
        assert!(!e.message.contains("invalid args"), "{}", e.message);
    }

    #[test]
    fn text_where_a_number_belongs_names_the_argument_in_camel_case() {
        let e = parse::<i64>(json!("abc"), "year_id").expect_err("refused");
        assert_eq!(e.fields[0].field, "yearId");
        assert_eq!(e.message, "må være et helt tall");
    }

    #[test]
    fn an_impossible_date_is_named_with_its_value() {
        let e = parse::<chrono::NaiveDate>(json!("2026-13-32"), "on").expect_err("refused");
        assert_eq!(e.message, "«2026-13-32» er ikke en dato (skriv dd.mm.åååå)");
    }

    #[test]
    fn a_left_out_optional_argument_is_none_and_a_left_out_required_one_is_required() {
        let none: Option<i64> = Arg::parse(None, "venue_id", Lang::En).expect("none");
        assert_eq!(none, None);
        let e = Arg::<String>::parse(None, "reason", Lang::En).expect_err("required");
        assert_eq!(
            (e.fields[0].field.as_str(), e.message.as_str()),
            ("reason", "is required")
        );
    }

    #[test]
    fn a_layout_that_does_not_exist_is_named_as_not_a_choice() {
        let layout = parse::<okort_print::Layout>(json!("a5"), "layout").expect_err("refused");
        assert_eq!(layout.fields[0].field, "layout");
        assert_eq!(layout.message, Problem::NotAChoice.message(Lang::Nb));
        let a6 = parse::<okort_print::Layout>(json!("a6"), "layout").expect("a6");
        assert_eq!(a6, okort_print::Layout::A6Fold);
    }

    #[test]
    fn negative_ticks_are_refused_as_a_whole_number_from_zero() {
        let e = parse::<Vec<(i64, u32)>>(json!([[3, -2]]), "ticks").expect_err("refused");
        assert_eq!(e.fields[0].field, "ticks");
        assert_eq!(e.message, "må være et helt tall, 0 eller høyere");
    }
}
