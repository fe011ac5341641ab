//! The autosave of unsaved work, in the app's data folder: written a moment after editing
//! pauses (or every few seconds of continuous editing), offered back after a crash, and
//! cleared once the work is saved or discarded. Writes and clears are background jobs of one
//! queue, run in the order asked: a clear always comes after the writes asked before it, and
//! nothing on the UI thread ever waits for a write.

use std::path::PathBuf;
use std::sync::Arc;

use crate::format;
use crate::model::Roadmap;
use crate::ui::runner::Job;

/// Seconds after the last edit before unsaved work is autosaved: a crash costs no more.
pub const AUTOSAVE_PAUSE: f64 = 2.0;
/// Longest wait for an autosave while editing goes on without a pause.
pub const AUTOSAVE_LONGEST_WAIT: f64 = 10.0;

const AUTOSAVE_FILE: &str = "autosave.json";
const AUTOSAVE_ORIGIN_FILE: &str = "autosave-origin.txt";
/// The queue every autosave job waits its turn in.
pub const AUTOSAVE_QUEUE: &str = "autosave";

/// Unsaved work found from an earlier run.
pub struct Recovered {
    /// The roadmap as it was autosaved.
    pub roadmap: Roadmap,
    /// The file it had been opened from, if any.
    pub origin: Option<PathBuf>,
}

/// When to autosave, and the jobs that write and clear the autosave.
pub struct Autosave {
    dir: Option<PathBuf>,
    written_generation: Option<u64>,
    /// The generation last seen, when it was first seen, and since when changes wait.
    seen: Option<(u64, f64)>,
    waiting_since: Option<f64>,
}

impl Autosave {
    /// Autosaves into `dir`; `None` turns autosave off (tests, or no data folder).
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            written_generation: None,
            seen: None,
            waiting_since: None,
        }
    }

    /// Whether the roadmap of `generation` (unsaved) is to be written now, `now` in seconds:
    /// once it has stayed as it is for [`AUTOSAVE_PAUSE`] seconds, or changes have waited
    /// [`AUTOSAVE_LONGEST_WAIT`] seconds. `Err(seconds)`: not yet, ask again after that long.
    pub fn due(&mut self, now: f64, generation: u64) -> Result<bool, f64> {
        if self.dir.is_none() || self.written_generation == Some(generation) {
            return Ok(false);
        }
        if self.seen.is_none_or(|(g, _)| g != generation) {
            self.seen = Some((generation, now));
        }
        let waiting_since = *self.waiting_since.get_or_insert(now);
        let changed_at = self.seen.map_or(now, |(_, at)| at);
        let wait =
            (changed_at + AUTOSAVE_PAUSE - now).min(waiting_since + AUTOSAVE_LONGEST_WAIT - now);
        if wait > 0.0 {
            return Err(wait);
        }
        self.written_generation = Some(generation);
        self.waiting_since = None;
        Ok(true)
    }

    /// The job that writes `roadmap` (opened from `origin`).
    pub fn write(
        &self,
        roadmap: Arc<Roadmap>,
        origin: Option<PathBuf>,
    ) -> Job<std::io::Result<()>> {
        let dir = self.dir.clone();
        queued(Job::new("Autosaving", move || {
            let Some(dir) = dir else { return Ok(()) };
            std::fs::create_dir_all(&dir)?;
            format::write_file(&dir.join(AUTOSAVE_FILE), &roadmap)?;
            let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
            std::fs::write(dir.join(AUTOSAVE_ORIGIN_FILE), origin)
        }))
    }

    /// Forgets the autosave (the work was saved or deliberately discarded): the job that
    /// removes it, after any write asked before.
    pub fn clear(&mut self) -> Job<std::io::Result<()>> {
        self.written_generation = None;
        self.seen = None;
        self.waiting_since = None;
        let dir = self.dir.clone();
        queued(Job::new("Clearing the autosave", move || {
            if let Some(dir) = dir {
                // Gone already is as good as removed.
                let _ = std::fs::remove_file(dir.join(AUTOSAVE_FILE));
                let _ = std::fs::remove_file(dir.join(AUTOSAVE_ORIGIN_FILE));
            }
            Ok(())
        }))
    }

    /// Unsaved work left by a run that did not close normally.
    pub fn recover(&self) -> Option<Recovered> {
        let dir = self.dir.as_ref()?;
        let roadmap = format::read_file(&dir.join(AUTOSAVE_FILE)).ok()?;
        let origin = std::fs::read_to_string(dir.join(AUTOSAVE_ORIGIN_FILE))
            .ok()
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(Recovered { roadmap, origin })
    }
}

/// `job`, in the autosave's queue.
fn queued<R>(mut job: Job<R>) -> Job<R> {
    job.queue = Some(AUTOSAVE_QUEUE);
    job
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::bundled_roadmap;
    use crate::ui::runner::Runner;

    /// Runs `jobs` in the background, as the window does, and waits for all of them.
    fn run_all(jobs: Vec<Job<std::io::Result<()>>>) {
        let mut runner = Runner::new(false, |what| Err(std::io::Error::other(what)));
        let count = jobs.len();
        for job in jobs {
            let _ = runner.spawn(job);
        }
        let mut done = 0;
        let waited = std::time::Instant::now();
        while done < count {
            assert!(waited.elapsed().as_secs() < 30, "the jobs finish");
            for result in runner.finished() {
                result.unwrap_or_else(|err| panic!("{err}"));
                done += 1;
            }
            std::thread::yield_now();
        }
    }

    #[test]
    fn unsaved_work_is_written_after_a_pause_recovered_and_cleared() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let roadmap = Arc::new(bundled_roadmap().unwrap_or_else(|err| panic!("{err}")));
        let mut autosave = Autosave::new(Some(dir.path().to_path_buf()));
        let origin = PathBuf::from("/plans/ger.json");
        assert_eq!(autosave.due(10.0, 1), Err(AUTOSAVE_PAUSE), "not at once");
        assert!(autosave.due(11.0, 2).is_err(), "an edit restarts the pause");
        assert_eq!(
            autosave.due(13.0, 2),
            Ok(true),
            "written once editing pauses"
        );
        run_all(vec![
            autosave.write(Arc::clone(&roadmap), Some(origin.clone())),
        ]);
        assert_eq!(autosave.due(20.0, 2), Ok(false), "the same roadmap once");
        let recovered = autosave
            .recover()
            .unwrap_or_else(|| panic!("written after the pause"));
        assert_eq!(recovered.roadmap, *roadmap);
        assert_eq!(recovered.origin, Some(origin));
        run_all(vec![autosave.clear()]);
        assert!(autosave.recover().is_none(), "cleared after a save");
    }

    #[test]
    fn continuous_editing_is_autosaved_within_the_longest_wait() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let mut autosave = Autosave::new(Some(dir.path().to_path_buf()));
        let mut written = None;
        for tick in 0..40_u32 {
            let now = f64::from(tick) * 0.5;
            if autosave.due(now, u64::from(tick)) == Ok(true) {
                written = Some(now);
                break;
            }
        }
        assert_eq!(written, Some(AUTOSAVE_LONGEST_WAIT));
    }

    /// However long writes take, a clear asked after them removes what they wrote: the work
    /// saved is not offered back after a crash.
    #[test]
    fn a_clear_comes_after_every_write_asked_before_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let roadmap = Arc::new(bundled_roadmap().unwrap_or_else(|err| panic!("{err}")));
        let mut autosave = Autosave::new(Some(dir.path().to_path_buf()));
        let mut jobs: Vec<_> = (0..5)
            .map(|_| autosave.write(Arc::clone(&roadmap), None))
            .collect();
        jobs.push(autosave.clear());
        run_all(jobs);
        assert!(
            autosave.recover().is_none(),
            "the saved work is not offered back"
        );
    }
}
