// The only addresses the app may open in the system browser: help a defender may need. Exact
// addresses, no patterns: a compromised page could otherwise carry data out in a path or query.
export const HELP_LINKS: readonly string[] = Object.freeze([
  // Inter-American Commission on Human Rights: precautionary measures.
  'https://www.oas.org/es/cidh/',
  'https://www.oas.org/pt/cidh/',
  'https://www.oas.org/en/iachr/',
  // Front Line Defenders: 24-hour emergency line for human rights defenders at risk.
  'https://www.frontlinedefenders.org/en/emergency-contact',
  // Access Now Digital Security Helpline.
  'https://www.accessnow.org/help/',
]);
