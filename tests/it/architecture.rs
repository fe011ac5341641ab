//! The house in order, read from the source as a newcomer reads it: no source file longer
//! than 700 lines; no import circle (files that reach each other through their imports) in the
//! crate, a parent module and its children included; and the file format importing nothing
//! from the analysis, so that data flows one way. An import is a `use` line or a `crate::` or
//! `super::` path in the code (test modules aside), and names the file that defines what it
//! imports, through re-exports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Longest source file, in lines.
const MAX_LINES: usize = 700;

/// The crate's source files by path from `src/` (`ui/app.rs`), with their text.
type Sources = BTreeMap<String, String>;

fn sources() -> Sources {
    let mut files = Sources::new();
    let mut folders = vec![Path::new("src").to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).unwrap_or_else(|err| panic!("{err}"));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{err}"));
                let name = path.strip_prefix("src").unwrap_or(&path);
                files.insert(name.to_string_lossy().replace('\\', "/"), text);
            }
        }
    }
    files
}

/// The module a file is: `ui/app.rs` is `["ui", "app"]`, `ui/mod.rs` is `["ui"]`.
fn module_of(file: &str) -> Vec<String> {
    let mut module: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if module
        .last()
        .is_some_and(|m| m == "mod" || m == "lib" || m == "main")
    {
        module.pop();
    }
    module
}

/// The file of a module, if the crate has one.
fn file_of(sources: &Sources, module: &[String]) -> Option<String> {
    if module.is_empty() {
        return Some("lib.rs".to_owned());
    }
    let base = module.join("/");
    [format!("{base}.rs"), format!("{base}/mod.rs")]
        .into_iter()
        .find(|file| sources.contains_key(file))
}

/// The code without comments and without `#[cfg(test)]` modules.
fn without_tests(text: &str) -> String {
    let text: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find('{') else {
            rest = "";
            break;
        };
        let mut depth = 0;
        let mut end = after.len();
        for (k, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// `a::{b, c::{d, e}}` as `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.to_owned()];
    };
    let (prefix, inner) = (&tree[..open], &tree[open + 1..tree.len() - 1]);
    let mut parts = Vec::new();
    let (mut depth, mut part) = (0, String::new());
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut part));
                continue;
            }
            _ => {}
        }
        part.push(c);
    }
    parts.push(part);
    (parts.iter())
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(p).into_iter().map(|e| format!("{prefix}{e}")))
        .collect()
}

/// The paths a file's `use` lines import, each with whether it is re-exported (`pub use`).
fn uses(code: &str) -> Vec<(bool, Vec<String>)> {
    let mut found = Vec::new();
    for statement in code.split(';') {
        let statement = statement.trim();
        let Some(at) = statement.find("use ") else {
            continue;
        };
        let before = statement[..at].trim();
        // After attributes, `use` starts the statement, or a visibility does.
        let visibility = before.rsplit(']').next().unwrap_or("").trim();
        let public = visibility.starts_with("pub");
        if !(visibility.is_empty() || public) {
            continue;
        }
        for path in expand(&statement[at + 4..]) {
            let path = path.split(" as ").next().unwrap_or("").trim().to_owned();
            let segments = path.split("::").map(|s| s.trim().to_owned()).collect();
            found.push((public, segments));
        }
    }
    found
}

/// The `crate::…` and `super::…` paths written in the code outside `use` lines.
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("::") {
        let start = (code[..at].char_indices().rev())
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == ':'))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let end = code[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(code.len(), |k| at + k);
        let path = &code[start..end];
        // A path ending in `::` opens a `use` line's braces: that line is read as such. A
        // visibility (`pub(in crate::analysis)`) imports nothing.
        let whole = !path.ends_with("::") && !code[..start].ends_with("(in ");
        if whole && (path.starts_with("crate::") || path.starts_with("super::")) {
            found.push(path.split("::").map(str::to_owned).collect());
        }
    }
    found
}

/// Whether the file defines an item called `name`.
fn defines(code: &str, name: &str) -> bool {
    [
        "fn", "struct", "enum", "const", "static", "type", "trait", "mod",
    ]
    .iter()
    .any(|kind| {
        code.match_indices(&format!("{kind} {name}"))
            .any(|(at, found)| {
                let after = code[at + found.len()..].chars().next();
                after.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
            })
    })
}

/// The file that defines what `path`, written in `module`, imports; `None` outside the crate.
fn resolve(sources: &Sources, module: &[String], path: &[String], depth: usize) -> Option<String> {
    let (mut at, mut rest): (Vec<String>, &[String]) = match path.first()?.as_str() {
        "crate" | "ger_planner" => (Vec::new(), &path[1..]),
        "self" | "super" => {
            let mut at = module.to_vec();
            let mut rest = path;
            while let Some(first) = rest.first().filter(|s| *s == "self" || *s == "super") {
                if first == "super" {
                    at.pop();
                }
                rest = &rest[1..];
            }
            (at, rest)
        }
        first if file_of(sources, &[module, &[first.to_owned()]].concat()).is_some() => {
            (module.to_vec(), path)
        }
        _ => return None,
    };
    while let Some(next) = rest.first() {
        let child = [at.as_slice(), std::slice::from_ref(next)].concat();
        if file_of(sources, &child).is_none() {
            break;
        }
        at = child;
        rest = &rest[1..];
    }
    let file = file_of(sources, &at)?;
    let Some(item) = rest.first().filter(|i| *i != "*" && *i != "self") else {
        return Some(file);
    };
    let code = without_tests(&sources[&file]);
    if depth < 16 && !defines(&code, item) {
        for (public, reexported) in uses(&code) {
            if public
                && reexported.last() == Some(item)
                && let Some(defined) = resolve(sources, &at, &reexported, depth + 1)
            {
                return Some(defined);
            }
        }
    }
    Some(file)
}

/// Which files each file imports from.
fn imports(sources: &Sources) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for (file, text) in sources {
        let code = without_tests(text);
        let module = module_of(file);
        let paths = (uses(&code).into_iter().map(|(_, path)| path)).chain(inline_paths(&code));
        let targets: BTreeSet<String> = paths
            .filter_map(|path| resolve(sources, &module, &path, 0))
            .filter(|target| target != file)
            .collect();
        graph.insert(file.clone(), targets);
    }
    graph
}

/// The groups of files under `folder` that reach each other through their imports.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>, folder: &str) -> Vec<Vec<String>> {
    let within: Vec<&String> = graph.keys().filter(|f| f.starts_with(folder)).collect();
    let reaches = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(file) = stack.pop() {
            for next in graph.get(&file).into_iter().flatten() {
                if next.starts_with(folder) && seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&String, BTreeSet<String>> =
        within.iter().map(|&f| (f, reaches(f))).collect();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for &file in &within {
        let group: Vec<String> = (within.iter())
            .filter(|&&other| reached[file].contains(other) && reached[other].contains(file))
            .map(|f| (*f).clone())
            .collect();
        if group.len() > 1 && !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
}

#[test]
fn no_source_file_is_longer_than_700_lines() {
    let long: Vec<(String, usize)> = (sources().into_iter())
        .map(|(file, text)| (file, text.lines().count()))
        .filter(|&(_, lines)| lines > MAX_LINES)
        .collect();
    assert!(long.is_empty(), "files to split: {long:?}");
}

#[test]
fn no_file_reaches_itself_through_its_imports() {
    let graph = imports(&sources());
    assert!(
        graph.contains_key("ui/app.rs"),
        "the window's files are read"
    );
    assert_eq!(circles(&graph, ""), Vec::<Vec<String>>::new());
}

#[test]
fn the_file_format_imports_nothing_from_the_analysis() {
    let graph = imports(&sources());
    let backwards: Vec<(&String, &String)> = (graph.iter())
        .filter(|(file, _)| file.starts_with("format/"))
        .flat_map(|(file, targets)| targets.iter().map(move |t| (file, t)))
        .filter(|(_, target)| target.starts_with("analysis/"))
        .collect();
    assert!(backwards.is_empty(), "{backwards:?}");
}

/// The reading above finds a circle where there is one: through a re-export and an inline
/// path, not only between two files that `use` each other.
#[test]
fn a_circle_through_a_re_export_is_found() {
    let sources: Sources = [
        ("lib.rs", "mod ui;"),
        ("ui/mod.rs", "mod a;\nmod b;\npub use b::Thing;"),
        ("ui/a.rs", "use super::Thing;\npub struct Other;"),
        ("ui/b.rs", "pub struct Thing(crate::ui::a::Other);"),
    ]
    .into_iter()
    .map(|(file, text)| (file.to_owned(), text.to_owned()))
    .collect();
    let graph = imports(&sources);
    assert_eq!(
        circles(&graph, "ui/"),
        vec![vec!["ui/a.rs".to_owned(), "ui/b.rs".to_owned()]]
    );
}
