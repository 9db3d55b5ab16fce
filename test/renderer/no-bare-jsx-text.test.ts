// A lint-like check: no .tsx file may hold words as bare JSX text; they belong in the catalogues.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsxFiles(p) : name.endsWith('.tsx') ? [p] : [];
  });
}

/** Bare text between JSX tags, and string literals in user-facing attributes. */
export function bareTexts(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && ['title', 'alt', 'placeholder', 'aria-label'].includes(node.name.getText(sf))
      && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) {
      found.push(`${node.name.getText(sf)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no user-visible text outside the catalogues', () => {
  it('finds bare text when there is some (the check itself works)', () => {
    expect(bareTexts('x.tsx', 'const a = <p>Hola <b>{x}</b></p>; const b = <img alt="foto" />;')).toEqual(['Hola', 'alt="foto"']);
    expect(bareTexts('x.tsx', 'const a = <p>{t("k")}</p>;')).toEqual([]);
  });

  it.each(tsxFiles('renderer/src'))('%s has no bare JSX text', (file) => {
    expect(bareTexts(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});
