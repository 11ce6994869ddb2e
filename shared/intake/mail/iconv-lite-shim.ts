/**
 * Stands in for iconv-lite in the Lambda bundles (an esbuild alias, see infra/): @kenjiuno/msgreader
 * only decodes ANSI code pages with it, and Node's own TextDecoder (full ICU) does that, saving
 * ~480 KB of code-page tables in every function that can read an Outlook .msg.
 */
export function decode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    // An encoding ICU does not know: keep the bytes readable rather than fail the whole report.
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Writing .msg files is not something lurewatch does; only ASCII-safe text is ever encoded. */
export function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export default { decode, encode };
