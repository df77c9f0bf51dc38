/**
 * Tiny builders for the simple rich text the councils' reports use (paragraphs and bullet
 * lists), so sample narratives read like what SharePoint's rich text editor stores.
 */

/** Escapes the characters that would otherwise be read as markup. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One `<p>` per argument. */
export function p(...paragraphs: string[]): string {
  return paragraphs.map((t) => `<p>${escape(t)}</p>`).join('');
}

/** A `<ul>` with one `<li>` per argument. */
export function ul(...items: string[]): string {
  return `<ul>${items.map((t) => `<li>${escape(t)}</li>`).join('')}</ul>`;
}
