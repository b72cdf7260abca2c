/** Copying a code block's text: the Clipboard API where the browser allows it, else selecting the text for the reader. */

/** How a copy went: on the clipboard, selected for the reader to copy, or neither. */
export type CopyResult = 'copied' | 'selected' | 'failed';

/**
 * Put text on the clipboard. Without the Clipboard API (an insecure origin, a denied permission)
 * the element's text is selected and the old copy command tried; if that fails too, the text
 * stays selected so the reader can press Ctrl+C.
 */
export async function copyText(text: string, element: HTMLElement): Promise<CopyResult> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Fall through to selecting the text.
  }
  const selection = typeof window === 'undefined' ? null : window.getSelection();
  if (!selection) return 'failed';
  selection.selectAllChildren(element);
  try {
    // Deprecated, but it is the only copy left when the Clipboard API is refused.
    if (document.execCommand('copy')) return 'copied';
  } catch {
    // The text stays selected.
  }
  return 'selected';
}
