//! Merge conflicts written into a roadmap file the way git writes them, and read back.
//!
//! A merge that leaves conflicts writes the canonical file of each way to resolve them (all
//! ours, all base, all theirs). They differ only where the conflicts are, so a line diff finds
//! those places, and markers go around just those lines:
//!
//! ```text
//! <<<<<<< ours
//!       "start": "2027-09-01",
//! ||||||| base
//!       "start": "2027-06-01",
//! =======
//!       "start": "2027-08-01",
//! >>>>>>> theirs
//! ```
//!
//! Each side between the markers is whole lines of its own canonical file, commas included, so
//! keeping one side of every conflict gives a file that reads.

use std::ops::Range;

use similar::{Algorithm, DiffOp, DiffTag, capture_diff_slices};

/// How many marker characters git writes unless told otherwise.
pub const DEFAULT_MARKER_SIZE: usize = 7;

/// `ours` with markers around the lines where it differs from `theirs` (or from `base`), and
/// the lines of the other two sides there. With no such lines, `ours` as it is.
pub fn with_markers(ours: &str, base: &str, theirs: &str, marker_size: usize) -> String {
    let ours: Vec<&str> = ours.split_inclusive('\n').collect();
    let base: Vec<&str> = base.split_inclusive('\n').collect();
    let theirs: Vec<&str> = theirs.split_inclusive('\n').collect();
    let to_theirs = capture_diff_slices(Algorithm::Patience, &ours, &theirs);
    let to_base = capture_diff_slices(Algorithm::Patience, &ours, &base);
    let marker = |c: char, label: &str| format!("{} {label}\n", c.to_string().repeat(marker_size));
    let mut text = String::new();
    let mut copied = 0;
    for hunk in hunks(&to_theirs, &to_base) {
        text.extend(ours[copied..hunk.start].iter().copied());
        text.push_str(&marker('<', "ours"));
        text.extend(ours[hunk.clone()].iter().copied());
        ensure_newline(&mut text);
        text.push_str(&marker('|', "base"));
        text.extend(base[mapped(&to_base, &hunk, base.len())].iter().copied());
        ensure_newline(&mut text);
        text.push_str(&format!("{}\n", "=".repeat(marker_size)));
        text.extend(
            theirs[mapped(&to_theirs, &hunk, theirs.len())]
                .iter()
                .copied(),
        );
        ensure_newline(&mut text);
        text.push_str(&marker('>', "theirs"));
        copied = hunk.end;
    }
    text.extend(ours[copied..].iter().copied());
    text
}

/// A marker must start a line of its own, even after a side whose last line has no newline.
fn ensure_newline(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// The ranges of `ours` lines that differ from the other side of either diff, joined where
/// they touch (an insertion right after a change belongs to the same conflict).
fn hunks(first: &[DiffOp], second: &[DiffOp]) -> Vec<Range<usize>> {
    let mut changed: Vec<Range<usize>> = first
        .iter()
        .chain(second)
        .filter(|op| op.tag() != DiffTag::Equal)
        .map(DiffOp::old_range)
        .collect();
    changed.sort_by_key(|range| (range.start, range.end));
    let mut joined: Vec<Range<usize>> = Vec::new();
    for range in changed {
        match joined.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => joined.push(range),
        }
    }
    joined
}

/// The lines of the other side of `ops` that stand where `hunk` stands in ours. A hunk starts
/// and ends outside every change (changes that touch it are part of it), so both ends map
/// through the equal runs around it.
fn mapped(ops: &[DiffOp], hunk: &Range<usize>, other_len: usize) -> Range<usize> {
    let start = ops
        .iter()
        .find_map(|op| {
            let (old, new) = (op.old_range(), op.new_range());
            match op.tag() {
                DiffTag::Equal if old.contains(&hunk.start) => {
                    Some(new.start + hunk.start - old.start)
                }
                DiffTag::Equal => None,
                _ if old.start == hunk.start || old.contains(&hunk.start) => Some(new.start),
                _ => None,
            }
        })
        .unwrap_or(other_len);
    let end = ops
        .iter()
        .find_map(|op| {
            let (old, new) = (op.old_range(), op.new_range());
            (op.tag() == DiffTag::Equal && old.contains(&hunk.end))
                .then(|| new.start + hunk.end - old.start)
        })
        .unwrap_or(other_len);
    start..end.max(start)
}

/// A file with merge markers, taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedText {
    /// The file with the ours side of every conflict kept.
    pub ours: String,
    /// The file with the base side kept; `None` when a conflict has no base section (git's
    /// default style), so nothing says what both sides started from.
    pub base: Option<String>,
    /// The file with the theirs side kept.
    pub theirs: String,
    /// The line (from 1) of each conflict's opening marker.
    pub lines: Vec<usize>,
}

/// What is wrong with the markers of a file: the line (from 1) and what was expected there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkerProblem {
    /// Where.
    pub line: usize,
    /// What was expected.
    pub message: String,
}

/// Where a line is, between markers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Outside,
    Ours,
    Base,
    Theirs,
}

/// Whether `line` is a marker made of `c`: at least seven of them at the start of the line,
/// then the end of the line or a space and a label.
fn is_marker(line: &str, c: char) -> bool {
    let line = line.trim_end_matches(['\n', '\r']);
    let run = line.chars().take_while(|&x| x == c).count();
    run >= DEFAULT_MARKER_SIZE && matches!(line[run..].chars().next(), None | Some(' '))
}

/// Whether the text holds merge markers (a line that opens a conflict).
pub fn has_markers(text: &str) -> bool {
    text.split('\n').any(|line| is_marker(line, '<'))
}

/// The three files a text with merge markers stands for, or `None` when it has none.
pub fn split_markers(text: &str) -> Option<Result<MarkedText, MarkerProblem>> {
    has_markers(text).then(|| split(text))
}

fn split(text: &str) -> Result<MarkedText, MarkerProblem> {
    let (mut ours, mut base, mut theirs) = (String::new(), String::new(), String::new());
    let mut every_base = true;
    let mut saw_base = false;
    let mut lines = Vec::new();
    let mut section = Section::Outside;
    let mut opened = 0;
    let problem = |line: usize, message: String| MarkerProblem { line, message };
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let next = match section {
            Section::Outside if is_marker(line, '<') => Some(Section::Ours),
            Section::Ours if is_marker(line, '|') => Some(Section::Base),
            Section::Ours | Section::Base if is_marker(line, '=') => Some(Section::Theirs),
            Section::Theirs if is_marker(line, '>') => Some(Section::Outside),
            _ if ['<', '|', '=', '>'].iter().any(|&c| is_marker(line, c)) => {
                return Err(problem(
                    number,
                    format!(
                        "a merge marker out of place: {}",
                        expected_after(section, opened)
                    ),
                ));
            }
            _ => None,
        };
        if let Some(next) = next {
            match next {
                Section::Ours => {
                    opened = number;
                    lines.push(number);
                    saw_base = false;
                }
                Section::Base => saw_base = true,
                Section::Theirs => every_base &= saw_base,
                Section::Outside => {}
            }
            section = next;
            continue;
        }
        match section {
            Section::Outside => {
                ours.push_str(line);
                base.push_str(line);
                theirs.push_str(line);
            }
            Section::Ours => ours.push_str(line),
            Section::Base => base.push_str(line),
            Section::Theirs => theirs.push_str(line),
        }
    }
    if section != Section::Outside {
        return Err(problem(opened, expected_after(section, opened)));
    }
    Ok(MarkedText {
        ours,
        base: every_base.then_some(base),
        theirs,
        lines,
    })
}

/// What the next marker should be, in a section of the conflict opened at line `opened`.
fn expected_after(section: Section, opened: usize) -> String {
    match section {
        Section::Outside => "expected `<<<<<<<` to open a conflict first".to_owned(),
        Section::Ours => {
            format!("the conflict opened at line {opened} needs `|||||||` or `=======` next")
        }
        Section::Base => format!("the conflict opened at line {opened} needs `=======` next"),
        Section::Theirs => {
            format!("the conflict opened at line {opened} is not closed by `>>>>>>>`")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(text: &str) -> MarkedText {
        match split_markers(text) {
            Some(Ok(marked)) => marked,
            other => panic!("expected well-formed markers, got {other:?}"),
        }
    }

    #[test]
    fn markers_go_around_only_the_lines_that_differ() {
        let base = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}\n";
        let ours = "{\n  \"a\": 1,\n  \"b\": 5,\n  \"c\": 3\n}\n";
        let theirs = "{\n  \"a\": 1,\n  \"b\": 7,\n  \"c\": 3\n}\n";
        let marked = with_markers(ours, base, theirs, 7);
        assert_eq!(
            marked,
            "{\n  \"a\": 1,\n<<<<<<< ours\n  \"b\": 5,\n||||||| base\n  \"b\": 2,\n=======\n  \
             \"b\": 7,\n>>>>>>> theirs\n  \"c\": 3\n}\n"
        );
        let split = split_ok(&marked);
        assert_eq!(split.ours, ours);
        assert_eq!(split.base.as_deref(), Some(base));
        assert_eq!(split.theirs, theirs);
        assert_eq!(split.lines, vec![3]);
    }

    #[test]
    fn a_last_field_removed_on_one_side_takes_the_comma_before_it_along() {
        let base = "{\n  \"a\": 1,\n  \"b\": 2\n}\n";
        let ours = "{\n  \"a\": 1\n}\n";
        let theirs = "{\n  \"a\": 1,\n  \"b\": 3\n}\n";
        let split = split_ok(&with_markers(ours, base, theirs, 9));
        assert_eq!((split.ours.as_str(), split.theirs.as_str()), (ours, theirs));
        assert_eq!(split.base.as_deref(), Some(base));
    }

    #[test]
    fn an_unclosed_conflict_is_a_problem_at_its_opening_line() {
        let text = "{\n<<<<<<< ours\n  \"a\": 1\n=======\n  \"a\": 2\n}\n";
        let problem = match split_markers(text) {
            Some(Err(problem)) => problem,
            other => panic!("expected a problem, got {other:?}"),
        };
        assert_eq!(problem.line, 2);
        assert!(
            problem.message.contains("not closed"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn conflicts_without_a_base_section_have_no_base() {
        let text = "{\n<<<<<<< HEAD\n  \"a\": 1\n=======\n  \"a\": 2\n>>>>>>> branch\n}\n";
        let split = split_ok(text);
        assert_eq!(split.base, None);
        assert_eq!(split.theirs, "{\n  \"a\": 2\n}\n");
    }
}
