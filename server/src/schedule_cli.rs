//! `cordon schedule generate | solve | check`: the edge of the pure shift scheduler. It reads
//! the files and the clock (the time limit becomes a callback), the domain decides.

use std::path::Path;

use anyhow::Context;

use app::domain::schedule::{check, generate, solve, Instance, Size, Solution};

/// The largest instance or solution file read (the city-size instance is about 2 MB).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<T> {
    let length = std::fs::metadata(path).with_context(|| format!("lecture de {}", path.display()))?.len();
    anyhow::ensure!(length <= MAX_FILE_BYTES, "{} dépasse {} octets", path.display(), MAX_FILE_BYTES);
    let bytes = std::fs::read(path).with_context(|| format!("lecture de {}", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("{} illisible", path.display()))
}

/// Writes `value` as JSON on standard output. A reader that stops early (`| head`) is not an
/// error: the rest is simply not written.
fn emit<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    use std::io::Write;
    let text = serde_json::to_string_pretty(value)?;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => Ok(written?),
    }
}

/// `cordon schedule generate`: a synthetic instance on standard output.
pub fn run_generate(size: Size, seed: u64) -> anyhow::Result<()> {
    emit(&generate(size, seed))
}

/// `cordon schedule solve`: the solution found within `seconds`, on standard output.
pub fn run_solve(instance: &Path, seconds: f64, seed: u64) -> anyhow::Result<()> {
    let instance: Instance = read_json(instance)?;
    let limit = std::time::Duration::try_from_secs_f64(seconds.max(0.0)).context("durée invalide")?;
    let deadline = std::time::Instant::now() + limit;
    let solution = solve(&instance, seed, &mut |_| std::time::Instant::now() < deadline);
    emit(&solution)
}

/// `cordon schedule check`: the score and every broken rule; false if a hard rule is broken.
pub fn run_check(instance: &Path, solution: &Path) -> anyhow::Result<bool> {
    let instance: Instance = read_json(instance)?;
    let solution: Solution = read_json(solution)?;
    let report = check(&instance, &solution);
    emit(&report)?;
    Ok(report.is_feasible())
}
