// Some labels are looked up by a value rather than a literal id (t(`risk.${r}`)): every value
// the variable can take needs a message in every catalogue, or the screen shows a raw id. The
// renderer is read for every such lookup; each pattern must be in VALUES, which says where its
// values come from, so a new pattern fails here until someone names its vocabulary.
import { METADATA_FACT_KINDS } from '../../shared/media/metadata-summary';
import { MEDIA_KINDS } from '../../shared/media/media-kind';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_KINDS } from '../../shared/vocabulary/disclosure-kinds';
import { VERIFY_ITEM_KINDS } from '../../shared/dossier/verify-item-kind';
import { ERROR_CODES } from '../../shared/errors/error-codes';
import { CATALOGUES } from '../../shared/i18n/catalogues';
import { errorMessage } from '../../shared/i18n/error-messages';
import { ACTOR_TYPES, AUTHORITIES, CHANNELS, COORDINATE_SOURCES, INCIDENT_TYPES, PRECISIONS, REPORT_STATUSES, RISK_LEVELS } from '../../shared/incident/incident-schema';
import { disclosureFinding, RECIPIENTS } from '../../shared/ipc/schemas';
import { LANGUAGES } from '../../shared/vocabulary/languages';
import { ACQUISITION_METHODS } from '../../shared/vocabulary/acquisition';
import { CUSTODY_ACTIONS } from '../../shared/vocabulary/custody-actions';
import { ROLES } from '../../shared/vocabulary/roles';
import { REDACTABLE, STAFF_NAMING } from '../../shared/vocabulary/export-protection';
import { PLACE_PARTS, emptyForm, toIncident } from '../../renderer/src/form/incident-form-model';
import { VERDICT_TONES } from '../../renderer/src/screens/AuditLogScreen';

/** A lookup whose id is not a string literal: its pattern has `*` for each interpolated value, null if it is no template at all. */
interface Lookup {
  file: string;
  pattern: string | null;
  text: string;
  node: ts.Node;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** The file that implements useT, whose own formatMessage({ id }) passes every id through. */
const USE_T = 'renderer/src/i18n.tsx';

/** The id argument of a call to a function bound by `const x = useT()`, or of formatMessage. */
function idArgument(file: string, node: ts.CallExpression, translators: Set<string>): ts.Expression | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee) && translators.has(callee.text)) return node.arguments[0];
  if (file !== USE_T && ts.isPropertyAccessExpression(callee) && callee.name.text === 'formatMessage') {
    const descriptor = node.arguments[0];
    if (descriptor && ts.isObjectLiteralExpression(descriptor)) {
      for (const p of descriptor.properties) {
        if (ts.isPropertyAssignment(p) && p.name.getText() === 'id') return p.initializer;
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'id') return p.name;
      }
    }
  }
  return undefined;
}

/** Every message lookup in renderer/src whose id is not a plain string literal. */
function dynamicLookups(): Lookup[] {
  const found: Lookup[] = [];
  for (const path of sourceFiles('renderer/src')) {
    const file = path.split('\\').join('/');
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const translators = new Set<string>();
    const bind = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)
        && node.initializer.expression.getText(sf) === 'useT') translators.add(node.name.text);
      ts.forEachChild(node, bind);
    };
    bind(sf);
    const visit = (node: ts.Node) => {
      const id = ts.isCallExpression(node) ? idArgument(file, node, translators) : undefined;
      if (id && !ts.isStringLiteral(id)) {
        const pattern = ts.isNoSubstitutionTemplateLiteral(id) ? id.text
          : ts.isTemplateExpression(id) ? id.head.text + id.templateSpans.map((s) => `*${s.literal.text}`).join('')
            : null;
        found.push({ file, pattern, text: id.getText(sf), node: id });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

const lookups = dynamicLookups();
const lookupIn = (file: string, pattern: string): Lookup | undefined => lookups.find((l) => l.file === file && l.pattern === pattern);

/** The screens of the sidebar: the `screen` of each entry of Shell's SECTIONS. */
function sidebarScreens(): string[] {
  const sf = ts.createSourceFile('Shell.tsx', readFileSync('renderer/src/Shell.tsx', 'utf8'), ts.ScriptTarget.Latest, true);
  const screens: string[] = [];
  const visit = (node: ts.Node, inSections: boolean) => {
    const here = inSections || (ts.isVariableDeclaration(node) && node.name.getText(sf) === 'SECTIONS');
    if (here && ts.isPropertyAssignment(node) && node.name.getText(sf) === 'screen' && ts.isStringLiteral(node.initializer)) screens.push(node.initializer.text);
    ts.forEachChild(node, (child) => visit(child, here));
  };
  visit(sf, false);
  return screens;
}

/** The string literals of the array whose `.map` callback holds the lookup: `(['a', 'b'] as const).map(…)`. */
function mappedLiterals(lookup: Lookup): string[] {
  for (let n: ts.Node | undefined = lookup.node; n; n = n.parent) {
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || n.expression.name.text !== 'map') continue;
    let list: ts.Expression = n.expression.expression;
    while (ts.isParenthesizedExpression(list) || ts.isAsExpression(list)) list = list.expression;
    if (ts.isArrayLiteralExpression(list)) return list.elements.filter(ts.isStringLiteral).map((e) => e.text);
  }
  return [];
}

/** Where the values of each pattern come from. */
const VALUES: Record<string, () => readonly string[]> = {
  'role.*': () => ROLES,
  'nav.*': sidebarScreens,
  'risk.*': () => RISK_LEVELS,
  'risk.*.definition': () => RISK_LEVELS,
  'type.*': () => INCIDENT_TYPES,
  'channel.*': () => CHANNELS,
  'precision.*': () => PRECISIONS,
  'authority.*': () => AUTHORITIES,
  'reportStatus.*': () => REPORT_STATUSES,
  'actorType.*': () => ACTOR_TYPES,
  'coordSource.*': () => COORDINATE_SOURCES,
  'place.*': () => PLACE_PARTS,
  'acquisition.*': () => ACQUISITION_METHODS,
  'evidence.fact.*': () => METADATA_FACT_KINDS,
  'evidence.kind.*': () => MEDIA_KINDS,
  'action.*': () => CUSTODY_ACTIONS,
  'language.*': () => LANGUAGES,
  'recipient.*': () => RECIPIENTS,
  'disclosure.kind.*': () => DISCLOSURE_KINDS,
  'severity.*': () => disclosureFinding.shape.severity.options,
  'dossier.redact.*': () => REDACTABLE,
  'dossier.staffNames.*': () => STAFF_NAMING,
  'verifyDossier.check.*': () => VERIFY_ITEM_KINDS,
  'auditLog.verdict.*': () => VERDICT_TONES,
  // The form names the first field of each validation issue: a key of what it submits, or
  // occurredAt for an issue about the whole incident.
  'field.*': () => [...new Set([...Object.keys(toIncident(emptyForm()) as object), 'occurredAt'])],
  'unlock.mode.*': () => {
    const lookup = lookupIn('renderer/src/screens/UnlockScreen.tsx', 'unlock.mode.*');
    return lookup ? mappedLiterals(lookup) : [];
  },
};

/** The ids a pattern can form; none for a pattern with no known values, which the test refuses anyway. */
const expand = (pattern: string | null): string[] => {
  if (pattern === null) return [];
  return pattern.includes('*') ? (VALUES[pattern]?.() ?? []).map((v) => pattern.replace('*', v)) : [pattern];
};

describe('messages looked up by a value', () => {
  it('finds the renderer\'s lookups (the scan itself works)', () => {
    expect(lookups.length).toBeGreaterThan(20);
    expect(lookupIn('renderer/src/form/RiskChoice.tsx', 'risk.*.definition')).toBeDefined();
  });

  it('knows where the values of every pattern the renderer uses come from', () => {
    const unknown = lookups.filter((l) => l.pattern === null || (l.pattern.includes('*') && !VALUES[l.pattern]));
    expect(unknown.map((l) => `${l.file}: ${l.text}`)).toEqual([]);
    expect(Object.keys(VALUES).filter((p) => !lookups.some((l) => l.pattern === p)), 'patterns the renderer no longer uses').toEqual([]);
  });

  it.each(Object.keys(VALUES))('%s has values to check', (pattern) => {
    expect(VALUES[pattern]!().length).toBeGreaterThan(1);
  });

  for (const [lang, messages] of Object.entries(CATALOGUES)) {
    it(`every id those lookups can form exists in ${lang}.json`, () => {
      const ids = [...new Set(lookups.flatMap((l) => expand(l.pattern)))];
      expect(ids.filter((id) => !messages[id])).toEqual([]);
    });

    // A new code needs its words in every language before it can land.
    it(`every error code has its own message in ${lang}.json`, () => {
      const generic = errorMessage('E_NO_SUCH_CODE', lang as keyof typeof CATALOGUES);
      expect(Object.keys(ERROR_CODES).filter((code) => errorMessage(code, lang as keyof typeof CATALOGUES) === generic), 'codes without a message').toEqual([]);
    });
  }
});
