//! Sets `OKORT_BUILD` (the commit and its date) for `okort --version`.
fn main() {
    okort_build_info::emit();
}
