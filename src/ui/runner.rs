//! The one background runner: every piece of work that must not hold up a frame (file dialogs,
//! reading and writing files, snapshots, the outlook, Resolve all, quick fixes) runs here, off
//! the UI thread, and hands back what it found, which the app applies through its action queue
//! like anything the user does. A long job reports its progress and can be cancelled; jobs of
//! one queue (the autosave's writes and clears) run one after another in the order asked, so
//! the UI never waits on a lock to keep them in order.
//!
//! Tests run the work inline instead, at once, so that a seeded sequence of actions always
//! replays the same way.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crate::analysis::Progress;

/// Names a job among those under way, to cancel it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JobId(u64);

/// A piece of work to run, producing an `R`.
#[must_use = "a job does nothing until the runner runs it"]
pub struct Job<R> {
    /// What it does, for the status bar ("Saving plan.json").
    pub what: String,
    /// How many steps it takes, when it reports them (the outlook's runs): shown as a progress
    /// bar with Cancel.
    pub steps: Option<usize>,
    /// The queue it waits its turn in, if any.
    pub queue: Option<&'static str>,
    /// The work; it may look at its progress to count steps and stop when cancelled.
    pub work: Box<dyn FnOnce(&Progress) -> R + Send>,
}

impl<R: 'static> Job<R> {
    /// A job that just runs `work`.
    pub fn new(what: impl Into<String>, work: impl FnOnce() -> R + Send + 'static) -> Self {
        Self {
            what: what.into(),
            steps: None,
            queue: None,
            work: Box::new(move |_| work()),
        }
    }

    /// The same job producing `map`'s result of what it produces.
    pub fn map<T: 'static>(self, map: impl FnOnce(R) -> T + Send + 'static) -> Job<T> {
        let work = self.work;
        Job {
            what: self.what,
            steps: self.steps,
            queue: self.queue,
            work: Box::new(move |progress| map(work(progress))),
        }
    }
}

/// Where work is started: a runner, for work whose result becomes what the runner hands back.
/// (The session starts its work through this, knowing nothing of what else the window runs.)
pub trait Spawn<T> {
    /// Starts `job`.
    fn start(&mut self, job: Job<T>) -> JobId;
    /// Asks the job `id` to stop, if it is still under way; it then hands back nothing.
    fn cancel(&mut self, id: JobId);
}

impl<R: Send + 'static, T: 'static> Spawn<T> for Runner<R>
where
    R: From<T>,
{
    fn start(&mut self, job: Job<T>) -> JobId {
        self.spawn(job.map(R::from))
    }

    fn cancel(&mut self, id: JobId) {
        Runner::cancel(self, id);
    }
}

/// A job under way, as the status bar shows it.
pub struct Running<'a> {
    /// Names it, to cancel it.
    pub id: JobId,
    /// What it does.
    pub what: &'a str,
    /// Steps done and steps in all, for a job that counts them (it can be cancelled).
    pub steps: Option<(usize, usize)>,
}

struct Underway<R> {
    id: JobId,
    what: String,
    steps: Option<usize>,
    progress: Arc<Progress>,
    receiver: Receiver<Option<R>>,
}

type Queued = Box<dyn FnOnce() + Send>;

/// The work under way, and what finished.
pub struct Runner<R> {
    /// Run work at once, in the frame (tests).
    inline: bool,
    underway: Vec<Underway<R>>,
    finished: Vec<R>,
    /// The worker of each queue.
    queues: HashMap<&'static str, Sender<Queued>>,
    /// The window's context, to wake it when work finishes.
    ctx: Option<egui::Context>,
    next_id: u64,
    /// What a job that stopped without an answer (a bug: it panicked) is reported as.
    lost: fn(String) -> R,
}

impl<R: Send + 'static> Runner<R> {
    /// Work on threads, or inline (`inline`) for tests; `lost` says what a job that stopped
    /// without an answer became.
    pub fn new(inline: bool, lost: fn(String) -> R) -> Self {
        Self {
            inline,
            underway: Vec::new(),
            finished: Vec::new(),
            queues: HashMap::new(),
            ctx: None,
            next_id: 0,
            lost,
        }
    }

    /// Whether work runs inline, in the frame.
    pub fn is_inline(&self) -> bool {
        self.inline
    }

    /// The window to wake when work finishes.
    pub fn wake(&mut self, ctx: &egui::Context) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
    }

    /// Starts `job`.
    pub fn spawn(&mut self, job: Job<R>) -> JobId {
        let id = JobId(self.next_id);
        self.next_id += 1;
        let progress = Arc::new(Progress::default());
        if self.inline {
            self.finished.push((job.work)(&progress));
            if let Some(ctx) = &self.ctx {
                ctx.request_repaint();
            }
            return id;
        }
        let (sender, receiver) = channel();
        let ctx = self.ctx.clone();
        let shared = Arc::clone(&progress);
        let work = job.work;
        let run: Queued = Box::new(move || {
            let result = work(&shared);
            // Cancelled work answers nothing; the app may also have closed meanwhile.
            let _ = sender.send((!shared.is_cancelled()).then_some(result));
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        match job.queue {
            Some(queue) => self.queue(queue, run),
            None => {
                std::thread::spawn(run);
            }
        }
        self.underway.push(Underway {
            id,
            what: job.what,
            steps: job.steps,
            progress,
            receiver,
        });
        id
    }

    /// Runs `run` after everything queued on `queue` before it.
    fn queue(&mut self, queue: &'static str, run: Queued) {
        let sender = self.queues.entry(queue).or_insert_with(|| {
            let (sender, receiver) = channel::<Queued>();
            std::thread::spawn(move || {
                for run in receiver {
                    run();
                }
            });
            sender
        });
        if let Err(refused) = sender.send(run) {
            // The queue's worker is gone (a job of it panicked): a new one takes over.
            self.queues.remove(queue);
            self.queue(queue, refused.0);
        }
    }

    /// Waits (a few seconds at most) until every job queued on `queue` so far has run: for the
    /// last moments of the window, when work left queued would die with the process.
    pub fn wait_for_queue(&mut self, queue: &'static str) {
        let (done, finished) = channel();
        if !self.queues.contains_key(queue) {
            return;
        }
        self.queue(
            queue,
            Box::new(move || {
                let _ = done.send(());
            }),
        );
        let _ = finished.recv_timeout(std::time::Duration::from_secs(5));
    }

    /// Asks the job `id` to stop, if it is still under way; it then hands back nothing.
    pub fn cancel(&mut self, id: JobId) {
        if let Some(job) = self.underway.iter().find(|job| job.id == id) {
            job.progress.cancel();
        }
    }

    /// Whether the job `id` is still under way.
    #[cfg(test)]
    pub fn is_underway(&self, id: JobId) -> bool {
        self.underway.iter().any(|job| job.id == id)
    }

    /// What finished since the last call.
    pub fn finished(&mut self) -> Vec<R> {
        let mut done = std::mem::take(&mut self.finished);
        let lost = self.lost;
        self.underway.retain(|job| match job.receiver.try_recv() {
            Ok(result) => {
                done.extend(result);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(lost(job.what.clone()));
                false
            }
        });
        done
    }

    /// What is under way, for the status bar.
    pub fn underway(&self) -> impl Iterator<Item = Running<'_>> {
        self.underway.iter().map(|job| Running {
            id: job.id,
            what: &job.what,
            steps: job.steps.map(|steps| (job.progress.runs_done(), steps)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for(runner: &mut Runner<u32>, count: usize) -> Vec<u32> {
        let mut done = Vec::new();
        let waited = std::time::Instant::now();
        while done.len() < count {
            assert!(waited.elapsed().as_secs() < 30, "the jobs finish");
            done.extend(runner.finished());
            std::thread::yield_now();
        }
        done
    }

    #[test]
    fn jobs_of_one_queue_finish_in_the_order_asked() {
        let mut runner = Runner::new(false, |_| 0);
        let log = Arc::new(std::sync::Mutex::new(Vec::new()));
        for n in 1..=20 {
            let log = Arc::clone(&log);
            let mut job = Job::new("write", move || {
                // The first jobs take longest: out of order unless queued.
                std::thread::sleep(std::time::Duration::from_millis(20 / n));
                log.lock().map(|mut log| log.push(n)).ok();
                n as u32
            });
            job.queue = Some("autosave");
            let _ = runner.spawn(job);
        }
        wait_for(&mut runner, 20);
        let log = log.lock().map(|log| log.clone()).unwrap_or_default();
        assert_eq!(log, (1..=20).collect::<Vec<_>>());
    }

    #[test]
    fn a_cancelled_job_hands_back_nothing_and_a_lost_one_says_so() {
        let mut runner = Runner::new(false, |_| 99);
        let mut job = Job::new("long", || 1);
        job.work = Box::new(|progress| {
            while !progress.is_cancelled() {
                std::thread::yield_now();
            }
            1
        });
        let long = runner.spawn(job);
        assert!(runner.is_underway(long));
        runner.cancel(long);
        let lost = runner.spawn(Job::new("broken", || -> u32 { panic!("a bug") }));
        let mut answers = Vec::new();
        let waited = std::time::Instant::now();
        while runner.is_underway(long) || runner.is_underway(lost) {
            assert!(waited.elapsed().as_secs() < 30, "the jobs end");
            answers.extend(runner.finished());
            std::thread::yield_now();
        }
        assert_eq!(answers, [99], "only the lost job answers, as lost");
    }
}
