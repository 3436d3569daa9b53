/** What `preach init` writes: a commented starter config. */
export const STARTER_CONFIG = `# yaml-language-server: $schema=./node_modules/@preach/core/schema/preachrc.schema.json
# preach configuration. Docs: https://github.com/preach-dev/preach#configuration

# Start from the built-in PREACH style guide.
extends:
  - preach:recommended

# Your team's own rules: folders of rule files (see rules/examples in the preach repo).
# packs:
#   - ./preach-rules

# Turn rules off, change their severity (error, warning, suggestion, off) or options.
rules:
  # formal-word: off
  # long-sentence: [warning, { max: 30 }]
  # reply-too-long: { severity: warning, options: { sentences: { chat: 4, email: 14 } } }

# Product names and team words that are never typos or jargon.
vocabulary: []

# Default channel when a draft does not say: chat, email, social or sms.
# channel: email

# Your own situations, or changes to built-in ones.
# situations:
#   - id: chargeback
#     sensitivity: high
#     signals: ['charge ?back', 'disputed? (?:the )?charge']

# Help-desk tags that name a situation.
# tags:
#   billing_declined: billing-failure

# Scoring: weights per severity and rules that zero the score (auto-fail).
# scoring:
#   weights: { error: 1, warning: 0.35, suggestion: 0.1 }
#   critical: [asks-for-secret, sensitive-data-in-reply]
`;
