const NUMBER = String.raw`(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)`;
const UNIT = String.raw`(?:min(?:ute)?s?|hours?|hrs?|days?|business\s+days?|working\s+days?|weeks?)`;
const WEEKDAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const CLOCK = String.raw`(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midday|midnight)`;

/**
 * A concrete time or range: "by 3 pm", "within 2 hours", "in 3-5 business days", "tomorrow",
 * "on Friday", "by 12 May", "end of day". What a customer can plan around, unlike "soon".
 */
export const TIME_EXPRESSION = new RegExp(
  [
    String.raw`\b(?:by|before|at|until|around|from|after)\s+(?:about\s+)?${CLOCK}`,
    String.raw`\b${CLOCK}\b`,
    String.raw`\b(?:within|in|under|over|for|after)\s+(?:the\s+)?(?:next\s+)?(?:about\s+|around\s+|roughly\s+)?${NUMBER}(?:\s*(?:-|–|to|or)\s*${NUMBER})?\s+${UNIT}\b`,
    String.raw`\b\d{1,3}\s*(?:-|–|to)\s*\d{1,3}\s+${UNIT}\b`,
    String.raw`\bwithin\s+(?:the|an|a)\s+(?:hour|day|week)\b`,
    String.raw`\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)|next\s+(?:week|monday|tuesday|wednesday|thursday|friday))\b`,
    String.raw`\b(?:end\s+of\s+(?:the\s+)?(?:day|week|business\s+day)|eod|cob)\b`,
    String.raw`\b(?:on|by|before|until|this|next)\s+${WEEKDAY}\b`,
    String.raw`\b${WEEKDAY}\s+(?:morning|afternoon|evening)\b`,
    String.raw`\b(?:by|on|before|until)?\s*\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\b`,
    String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b(?:by|on|before)\s+the\s+\d{1,2}(?:st|nd|rd|th)\b`,
  ].join('|'),
  'i',
);

export function mentionsTime(text: string): boolean {
  return TIME_EXPRESSION.test(text);
}
