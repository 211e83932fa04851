// Escaping for XML text and attribute values (XML 1.0 §2.4, §3.3.3). Bulletin titles and
// summaries are staff-written text, so every character that could end a text node or an
// attribute is escaped, and characters XML 1.0 forbids outright are dropped.

// Control characters other than tab, newline and carriage return are not allowed in XML 1.0
// even as references, nor are U+FFFE, U+FFFF and lone surrogates.
function isXmlChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** `text` safe inside an XML (or HTML) text node or a quoted attribute value. */
export function escapeXml(text: string): string {
  // Iterating by code point keeps surrogate pairs whole; a lone surrogate is one item, dropped.
  return Array.from(text)
    .filter(isXmlChar)
    .join('')
    .replace(/[&<>"']/g, (char) => ENTITIES[char] ?? '');
}
