/**
 * Every bound the intake parsers enforce, in one place. A report address is a public inbox:
 * anyone can send it anything, so each limit is what keeps one hostile message from holding a
 * Lambda (1–2 GB memory, 15 min max, but we want seconds) or the local runtime hostage.
 */
export interface IntakeLimits {
  /** Raw mail larger than this is not MIME-parsed (SES accepts up to 40 MB; real reports are KBs). */
  maxMessageBytes: number;
  /** MIME parts (boundary lines) counted before parsing: 10,000 empty parts cost seconds in any parser. */
  maxParts: number;
  /** Multipart nesting depth handed to the MIME parser: real mail nests 3–5 deep. */
  maxMimeDepth: number;
  /** Attached message/rfc822 (forward of a forward of ...) we open ourselves: 5 is plenty. */
  maxRfc822Depth: number;
  /** Total header bytes across all parts: real mail has a few KB; postal-mime defaults to 2 MB. */
  maxHeaderBytes: number;
  /** Attachments we hash and record; beyond this they are counted, not listed. */
  maxAttachments: number;
  /** A .zip chat export: total uncompressed bytes we let it expand to (zip bombs). */
  maxZipExpandedBytes: number;
  /** A .zip chat export: entries we look at. */
  maxZipEntries: number;
  /** A chat export (.txt) larger than this is truncated: 5,000 messages fit in far less. */
  maxChatBytes: number;
  /** Chat messages kept (the Report schema allows 5,000). */
  maxChatMessages: number;
  /** Characters of text scanned for forwards, phones and URLs (the schema keeps 400,000). */
  maxTextChars: number;
  /** URLs recorded (the schema allows 500). */
  maxUrls: number;
  /** An Outlook .msg attachment larger than this is recorded but not opened. */
  maxMsgBytes: number;
}

export const DEFAULT_LIMITS: IntakeLimits = {
  maxMessageBytes: 15 * 1024 * 1024,
  maxParts: 500,
  maxMimeDepth: 20,
  maxRfc822Depth: 5,
  maxHeaderBytes: 256 * 1024,
  maxAttachments: 100,
  maxZipExpandedBytes: 10 * 1024 * 1024,
  maxZipEntries: 200,
  maxChatBytes: 4 * 1024 * 1024,
  maxChatMessages: 5000,
  maxTextChars: 400_000,
  maxUrls: 500,
  maxMsgBytes: 5 * 1024 * 1024,
};
