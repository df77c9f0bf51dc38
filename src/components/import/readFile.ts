/**
 * Reads a file the user chose into bytes. FileReader rather than `Blob.arrayBuffer()`: it is
 * available in every browser SharePoint supports and in the tests' jsdom.
 */
import { lazyStrings } from '../../loc/lazy';
import { ImportFileError } from '../../domain/import/errors';
import { formatString } from '../format';

/**
 * The content of a chosen file. Rejects with ImportFileError ('unreadable') when the browser
 * cannot read it (moved, deleted or not permitted), so the ErrorBar words it like other file problems.
 */
export function readFileBytes(file: File): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    const fail = (): void => reject(new ImportFileError('unreadable', formatString(lazyStrings.ImportFileUnreadable, file.name)));
    reader.onload = () => {
      const result = reader.result;
      // Not `instanceof ArrayBuffer`: the buffer may come from another realm (an iframe, jsdom).
      if (result !== null && typeof result !== 'string') resolve(new Uint8Array(result));
      else fail();
    };
    reader.onerror = fail;
    reader.readAsArrayBuffer(file);
  });
}
