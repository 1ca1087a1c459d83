//! Every integration test of the `app` crate in one binary (each links the whole crate with
//! Typst: one binary links once and keeps `target/` small). Each module is a former
//! `tests/*.rs` file; the benchmarks are ignored unless asked for by name, for example
//! `cargo test --release -p app --features ssr --test integration bench_ical -- --ignored --nocapture`.

mod bench_convention;
mod bench_coverage;
mod bench_ical;
mod layering;
mod store;
mod store_alerts;
mod store_editions;
mod store_log;
mod store_offboarding;
mod store_plan_cache;
mod store_plan_io;
mod store_presence;
