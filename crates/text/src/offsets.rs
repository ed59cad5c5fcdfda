//! Byte offsets (what Rust slices use) to Unicode scalar offsets (what the record publishes,
//! so that Python, JavaScript-with-care and Java-with-care users can slice the same text).

/// Converts byte offsets of one text to character offsets.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset of every character start, plus the text length at the end.
    starts: Vec<usize>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharOffsets { starts }
    }

    /// The character offset of byte offset `b`; a byte inside a character maps to that
    /// character's start.
    pub fn char_of(&self, b: usize) -> usize {
        match self.starts.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of character offset `c` (clamped to the end).
    pub fn byte_of(&self, c: usize) -> usize {
        self.starts[c.min(self.starts.len() - 1)]
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let t = "ab قال c";
        let o = CharOffsets::new(t);
        assert_eq!(o.len(), 8);
        let b = t.find('ق').unwrap();
        assert_eq!(o.char_of(b), 3);
        assert_eq!(o.byte_of(3), b);
        assert_eq!(o.char_of(t.len()), 8);
    }
}
