//! A release: an immutable, numbered snapshot of a plan with its comment, its publication
//! instant, what changed since the previous release and each deployment's history.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::changelog::{diff, Changelog};
use super::history::{advance, DeploymentHistory};
use super::number::ReleaseNumber;
use crate::domain::plan::Plan;
use crate::domain::time::Instant;
use crate::text;

/// The longest release comment, in characters.
pub const MAX_COMMENT: usize = 1_000;

/// Why a release was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReleaseError {
    #[error("{}", text::RELEASE_COMMENT_TOO_LONG)]
    CommentTooLong,
    #[error("{}", text::RELEASE_COMMENT_CONTROL_CHARS)]
    CommentControlChars,
    #[error("{}", text::RELEASE_NOT_AFTER_PREVIOUS)]
    NotAfterPrevious,
    #[error("{}", text::RELEASE_OTHER_EVENT)]
    OtherEvent,
}

/// A published version of a plan. Built only by [`Release::publish`]; never modified.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Release {
    number: ReleaseNumber,
    comment: String,
    published_at: Instant,
    plan: Plan,
    changelog: Changelog,
    deployments: BTreeMap<String, DeploymentHistory>,
}

impl Release {
    /// Publishes `plan` at `published_at` after `previous` (none for the first release). The
    /// plan is the whole plan, restricted deployments included: feeds and descriptions filter
    /// by audience when they read it.
    pub fn publish(
        previous: Option<&Release>,
        plan: Plan,
        comment: &str,
        published_at: Instant,
    ) -> Result<Release, ReleaseError> {
        let comment = parse_comment(comment)?;
        if let Some(previous) = previous {
            if previous.plan.event.id() != plan.event.id() {
                return Err(ReleaseError::OtherEvent);
            }
            if published_at <= previous.published_at {
                return Err(ReleaseError::NotAfterPrevious);
            }
        }
        let number = previous.map_or(ReleaseNumber::FIRST, |p| p.number.next());
        let changelog = diff(previous.map(|p| &p.plan), &plan);
        let deployments = advance(previous.map(|p| (&p.deployments, &p.plan)), &changelog, number, published_at);
        Ok(Release { number, comment, published_at, plan, changelog, deployments })
    }

    /// v1, v2, …
    pub fn number(&self) -> ReleaseNumber {
        self.number
    }
    /// What the publisher wrote about this version (may be empty).
    pub fn comment(&self) -> &str {
        &self.comment
    }
    /// When it was published.
    pub fn published_at(&self) -> Instant {
        self.published_at
    }
    /// The plan as published, restricted deployments included.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }
    /// The deployments that changed since the previous release.
    pub fn changelog(&self) -> &Changelog {
        &self.changelog
    }
    /// Every deployment ever published, by id: current ones and cancelled ones.
    pub fn histories(&self) -> &BTreeMap<String, DeploymentHistory> {
        &self.deployments
    }
    /// The history of one deployment.
    pub fn history(&self, deployment_id: &str) -> Option<&DeploymentHistory> {
        self.deployments.get(deployment_id)
    }
}

fn parse_comment(raw: &str) -> Result<String, ReleaseError> {
    let comment = raw.trim();
    if comment.chars().count() > MAX_COMMENT {
        return Err(ReleaseError::CommentTooLong);
    }
    if comment.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(ReleaseError::CommentControlChars);
    }
    Ok(comment.to_string())
}
