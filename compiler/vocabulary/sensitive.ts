// The special categories of personal data (GDPR art. 9 and 10) that
// `sensitive <category>` may name.

export const SENSITIVE_CATEGORIES = ["health", "ethnicity", "religion", "political", "union", "genetic", "biometric", "sexual_life", "sexual_orientation", "criminal"] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export function isSensitiveCategory(word: string): word is SensitiveCategory {
  return (SENSITIVE_CATEGORIES as readonly string[]).includes(word);
}
