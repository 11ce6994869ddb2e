export { composeAcknowledgement } from './acknowledgement.ts';
export { DEFAULT_LIMITS, type IntakeLimits } from './limits.ts';
export { parseFile } from './parse-file.ts';
export { parseRawMail } from './parse-raw-mail.ts';
export { draftFromPartnerJson, PartnerReportBody } from './partner-json.ts';
export { normalisePhone } from './phones.ts';
export { decideTrust } from './trust.ts';
export type { ForwardEnvelope, IntakeKind, IntakeOptions, ParsedMessage, Reporter } from './types.ts';
