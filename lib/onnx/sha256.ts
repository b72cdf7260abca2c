/**
 * SHA-256 of a byte array as lowercase hex. Web Crypto when the page has it (secure contexts and
 * Node); otherwise @noble/hashes, so a site served over plain HTTP still verifies its model files.
 */

interface SubtleDigest {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

/** Lowercase hex of a byte array. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The SHA-256 digest of `bytes` as 64 lowercase hex digits. */
export async function sha256Hex(bytes: Uint8Array, options: { useWebCrypto?: boolean } = {}): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;
  if (subtle && options.useWebCrypto !== false) {
    return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
  }
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return toHex(sha256(bytes));
}
