/** The registered rules. Adding a signal = adding a rule file and one line here. */
import { prepare } from '../prefilter.ts';
import type { Rule } from '../rule.ts';
import { authFailure } from './auth-failure.ts';
import { claimedMeeting } from './claimed-meeting.ts';
import { codeTakeover } from './code-takeover.ts';
import { coercion } from './coercion.ts';
import { coldOpen } from './cold-open.ts';
import { credentialLure } from './credential-lure.ts';
import { cultivationOffer } from './cultivation-offer.ts';
import { deadlinePressure } from './deadline-pressure.ts';
import { diaryRequest } from './diary-request.ts';
import { displayNameImpersonation } from './display-name-impersonation.ts';
import { documentShareLure } from './document-share-lure.ts';
import { embarrassment } from './embarrassment.ts';
import { establishedRelationship } from './established-relationship.ts';
import { explicitMention } from './explicit-mention.ts';
import { exposureThreat } from './exposure-threat.ts';
import { extortionDemand } from './extortion-demand.ts';
import { flirtation } from './flirtation.ts';
import { fraudPretext } from './fraud-pretext.ts';
import { imagePretext } from './image-pretext.ts';
import { kompromatClaim } from './kompromat-claim.ts';
import { linkImitatesSender } from './link-imitates-sender.ts';
import { linkTextMismatch } from './link-text-mismatch.ts';
import { lookalikeDomain } from './lookalike-domain.ts';
import { lureLanguage, ordinaryLanguage } from './lure-language.ts';
import { meetingRequest } from './meeting-request.ts';
import { namedAttachment } from './named-attachment.ts';
import { newNumberClaim } from './new-number-claim.ts';
import { notRemembered } from './not-remembered.ts';
import { officialChannel } from './official-channel.ts';
import { outOfBandContact } from './out-of-band-contact.ts';
import { paymentRedirection } from './payment-redirection.ts';
import { personaReveal } from './persona-reveal.ts';
import { policeDeterrence } from './police-deterrence.ts';
import { privateChannel } from './private-channel.ts';
import { privateVenue } from './private-venue.ts';
import { professionalContact } from './professional-contact.ts';
import { publicProfile } from './public-profile.ts';
import { replyToMismatch } from './reply-to-mismatch.ts';
import { riskyAttachment } from './risky-attachment.ts';
import { secrecy } from './secrecy.ts';
import { securityAdvisory } from './security-advisory.ts';
import { sensitiveRequest } from './sensitive-request.ts';
import { strangerContact } from './stranger-contact.ts';
import { unsolicitedImage } from './unsolicited-image.ts';
import { urgentFavour } from './urgent-favour.ts';
import { vagueNumberSource } from './vague-number-source.ts';

export const RULES: readonly Rule[] = [
  // honey trap
  claimedMeeting,
  notRemembered,
  embarrassment,
  flirtation,
  unsolicitedImage,
  imagePretext,
  explicitMention,
  privateChannel,
  diaryRequest,
  meetingRequest,
  privateVenue,
  vagueNumberSource,
  coldOpen,
  strangerContact,
  publicProfile,
  // shared by all lure families
  secrecy,
  outOfBandContact,
  sensitiveRequest,
  deadlinePressure,
  cultivationOffer,
  lureLanguage,
  // sextortion
  exposureThreat,
  kompromatClaim,
  extortionDemand,
  coercion,
  policeDeterrence,
  personaReveal,
  // spear-phishing
  lookalikeDomain,
  linkImitatesSender,
  linkTextMismatch,
  displayNameImpersonation,
  credentialLure,
  codeTakeover,
  paymentRedirection,
  fraudPretext,
  documentShareLure,
  newNumberClaim,
  riskyAttachment,
  namedAttachment,
  urgentFavour,
  authFailure,
  replyToMismatch,
  // context that discounts
  establishedRelationship,
  professionalContact,
  officialChannel,
  securityAdvisory,
  ordinaryLanguage,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

// Every rule's patterns are registered by now: build the literal prefilter at load time.
prepare();
