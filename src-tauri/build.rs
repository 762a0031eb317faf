fn main() {
    okort_build_info::emit();
    tauri_build::build()
}
