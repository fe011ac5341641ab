//! The text of a roadmap file (or any file the program reads as text), refused with a clear
//! message when it is too large or not UTF-8.

use std::path::Path;

use super::error::ReadError;

/// Files larger than this are refused rather than read into memory (a 100 000-mission roadmap is
/// about 40 MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The text of a file, refused when it is too large or not UTF-8.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let file = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|err| ReadError::io(&file, &err))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::too_large(&file, size, MAX_FILE_BYTES));
    }
    let bytes = std::fs::read(path).map_err(|err| ReadError::io(&file, &err))?;
    String::from_utf8(bytes).map_err(|err| ReadError::not_utf8(&file, &err))
}
