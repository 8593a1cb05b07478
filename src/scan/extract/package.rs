//! The containers plans come in: the zip of a DOCX or ODT, and the OLE compound file that
//! password-protected Office documents (and old .doc files) are stored as.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::DocumentKind;
use crate::scan::ScanProblem;

/// The most a document's parts may unpack to, all told. A 50 MB DOCX of text unpacks to far
/// less; a zip bomb (a few kilobytes that inflate to gigabytes) is stopped here.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

const ODF_TEXT_MIMETYPES: [&str; 3] = [
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
    "application/vnd.oasis.opendocument.text-master",
];

/// A zip file's local header, an empty zip's end record, or a spanned zip's marker.
pub fn is_zip(bytes: &[u8]) -> bool {
    [b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"].iter().any(|magic| bytes.starts_with(*magic))
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&OLE_MAGIC)
}

/// Whether an OLE compound file holds an encrypted Office package: its directory names an
/// `EncryptionInfo` or `EncryptedPackage` stream (ECMA-376 part 2 / MS-OFFCRYPTO).
///
/// Directory entries are 128-byte records and every sector starts at a multiple of 512 bytes,
/// so instead of following the sector chains, every 128-byte record after the header is read
/// as a directory entry: a name (UTF-16, at most 32 units) whose length field agrees, and the
/// type "stream". Ordinary data matching all of that by chance is not a worry.
pub fn is_encrypted_ole(bytes: &[u8]) -> bool {
    bytes.chunks_exact(128).skip(4).any(|entry| {
        let name_bytes = usize::from(u16::from_le_bytes([entry[64], entry[65]]));
        let is_stream = entry[66] == 2;
        if !is_stream || !(2..=64).contains(&name_bytes) || name_bytes % 2 != 0 {
            return false;
        }
        // The length counts the terminating NUL.
        let units: Vec<u16> =
            entry[..name_bytes - 2].chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
        let name = String::from_utf16_lossy(&units);
        name == "EncryptionInfo" || name == "EncryptedPackage"
    })
}

/// An opened zip, and how many bytes may still be unpacked from it.
pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, ScanProblem> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| ScanProblem::CorruptZip)?;
        Ok(Package { archive, budget: MAX_UNPACKED_BYTES })
    }

    /// DOCX by its main part, ODT by its `mimetype` entry, as the two standards define them.
    pub fn kind(&mut self) -> Result<DocumentKind, ScanProblem> {
        if self.index("word/document.xml").is_some() {
            return Ok(DocumentKind::Docx);
        }
        if let Some(mimetype) = self.read("mimetype")? {
            let mimetype = String::from_utf8_lossy(&mimetype);
            if ODF_TEXT_MIMETYPES.contains(&mimetype.trim()) {
                return Ok(DocumentKind::Odt);
            }
        }
        // A spreadsheet, a presentation, or any other zip.
        Err(ScanProblem::UnknownKind)
    }

    /// A part's bytes, or None if the zip has no such part. Names are matched exactly first and
    /// then ignoring case (OPC part names are case-insensitive).
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ScanProblem> {
        let Some(index) = self.index(name) else { return Ok(None) };
        let mut file = self.archive.by_index(index).map_err(problem)?;
        let mut bytes = Vec::new();
        // Read one byte past the budget, to know it was exceeded rather than met.
        let read = (&mut file).take(self.budget + 1).read_to_end(&mut bytes).map_err(|error| {
            // A bad checksum or broken deflate stream: the zip is damaged.
            problem(ZipError::Io(error))
        })?;
        if read as u64 > self.budget {
            return Err(ScanProblem::Unreadable {
                detail: format!("the document unpacks to more than {} MB", MAX_UNPACKED_BYTES / (1024 * 1024)),
            });
        }
        self.budget -= read as u64;
        Ok(Some(bytes))
    }

    /// A part's text: XML parts are UTF-8 in every DOCX and ODT (a UTF-8 byte order mark is
    /// dropped; a byte that is not UTF-8 becomes U+FFFD rather than failing the whole plan).
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, ScanProblem> {
        Ok(self.read(name)?.map(|bytes| {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            String::from_utf8_lossy(bytes).into_owned()
        }))
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.archive.index_for_name(name).or_else(|| {
            self.archive.file_names_raw().position(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
        })
    }
}

fn problem(error: ZipError) -> ScanProblem {
    match error {
        ZipError::UnsupportedArchive(message) if message == ZipError::PASSWORD_REQUIRED => ScanProblem::Encrypted,
        ZipError::InvalidPassword => ScanProblem::Encrypted,
        ZipError::CompressionMethodNotSupported(method) => {
            ScanProblem::Unreadable { detail: format!("a part is packed with zip method {method}, which is not read") }
        }
        _ => ScanProblem::CorruptZip,
    }
}
