//! The coverage computation, callable from JavaScript: `new CoverageBench(zones,
//! deployments, hours, seed)` builds the synthetic plan once; each `run()` computes its
//! coverage, as the planner page does in the browser, and returns the number of findings.

use app::domain::plan::{synthetic_plan, Plan};
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub struct CoverageBench {
    plan: Plan,
}

#[wasm_bindgen]
impl CoverageBench {
    #[wasm_bindgen(constructor)]
    pub fn new(zones: u32, deployments: u32, hours: u32, seed: u32) -> CoverageBench {
        CoverageBench { plan: synthetic_plan(zones as usize, deployments as usize, hours, u64::from(seed)) }
    }

    /// Computes the coverage once; returns gaps + sex gaps + double bookings + outside.
    pub fn run(&self) -> u32 {
        let report = self.plan.coverage();
        let found =
            report.gaps.len() + report.sex_gaps.len() + report.double_bookings.len() + report.outside_event.len();
        u32::try_from(found).unwrap_or(u32::MAX)
    }

    /// What the plan holds, for the report.
    pub fn describe(&self) -> String {
        let named = self.plan.deployments.iter().filter(|d| !d.agent_ids().is_empty()).count();
        format!(
            "{} zones, {} needs, {} deployments ({named} naming agents), {} agents",
            self.plan.zones.len(),
            self.plan.needs.len(),
            self.plan.deployments.len(),
            self.plan.agents.len()
        )
    }
}
