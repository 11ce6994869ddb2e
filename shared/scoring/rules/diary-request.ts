/**
 * Fishing for the principal's diary, movements or what the office is working on: the
 * intelligence a honey trap is usually after.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const diaryRequest = phraseRule({
  id: 'honeytrap.diary-request',
  category: 'honeytrap',
  kind: 'content',
  reason: "asks about your principal's diary, movements or work",
  pattern: words([
    '(?:which|what) days (?:are|r) (?:you|u) (?:in|at|usually in|normally in) (?:the )?(?:constituency|westminster|london|the office|parliament)',
    "(?:what'?s|what is|how'?s|how is|hows) (?:your|his|her|their|the) (?:boss'?s? |mp'?s? |minister'?s? |member'?s? )?(?:diary|week|schedule|calendar|weekend|movements|plans?)(?: looking)?(?: like)?",
    "(?:what'?s|what is|how'?s|how is|hows) [a-z]+'s (?:diary|week|schedule|calendar|movements|plans?)",
    "what (?:your|his|her|the) (?:boss|mp|minister|member|principal) (?:is|'s) (?:up to|doing|working on|planning|saying)",
    "(?:his|her|their|your boss'?s?|the mp'?s?|the minister'?s?) (?:diary|schedule|calendar|movements|whereabouts|itinerary) (?:like|for|next|this|on)",
    "where (?:will|is|'s) (?:he|she|your boss|the mp|the minister) (?:be|going|staying)",
    '(?:who|which) (?:he|she|your boss|the minister) (?:is )?(?:meeting|seeing)',
    '(?:any|what) (?:gossip|goss|inside info)',
    '(?:secretary of state|minister|boss|pm|he|she|mp) is next (?:travelling|visiting|in|going|due)',
    '(?:every|each) (?:stop|hotel|visit|engagement)',
    '(?:is|will) (?:he|she|your boss|the minister) (?:be )?in [a-z]+ on (?:mon|tues|wednes|thurs|fri|satur|sun)day',
    "who'?s (?:actually |really )?on the (?:shortlist|longlist|list) for",
    'how the whip count is (?:looking|going)',
    '(?:whip|vote) count',
    "(?:heard|hear|saw|see) (?:you'?re|you are|he'?s|she'?s|your boss is) (?:off|going|heading|travelling|flying) to",
    "which way (?:he|she|your boss|the minister|your mp) (?:is|'s|will be) (?:going|voting|leaning)",
    '(?:which|what) (?:day|days|date|time|train|flight) (?:are|is|will) (?:you|he|she|they|your (?:boss|minister|mp)) (?:going|travelling|leaving|arriving|flying|getting|be)',
    '(?:are|is|will) (?:you|he|she|they) (?:be )?staying (?:over|the night|overnight|at)',
    '(?:go|going|come|coming) on (?:all )?(?:the|his|her) (?:trips|visits|travels) with (?:him|her)',
    '(?:still )?doing the (?:visit|trip) to',
    "what (?:days?|times?|evenings?|nights?) (?:your|his|her|the) (?:boss|mp|minister|member|principal) (?:is|'s|are) (?:in|around|about|free|at|away)",
    '(?:normal|typical|usual) (?:week|day) looks? like for (?:him|her|your boss|the minister|the mp)',
    "when'?s (?:he|she|your boss|the minister) in (?:london|the constituency|westminster)",
    'which hotel (?:is|are) (?:the|he|she|you|they)',
    'what time (?:does|will) (?:he|she|your boss|the minister|your mp) (?:normally |usually )?(?:finish|leave|arrive|get)',
    'does (?:he|she) (?:drive|get the train|walk|take a taxi)',
    'what (?:are|is) (?:you|he|she|your office) working on',
  ]),
  weights: [0.3],
});
