// `--redact phones,emails,ids,notes` (or `none`): what an export takes out of every text.
import { InvalidArgumentError } from 'commander';
import { REDACTABLE, type Redactable } from '../../../shared/vocabulary/export-protection';

export function parseRedactList(value: string): Redactable[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return [];
  for (const item of items) {
    if (!(REDACTABLE as readonly string[]).includes(item)) {
      throw new InvalidArgumentError(`"${item}" is not one of ${REDACTABLE.join(', ')} (or none)`);
    }
  }
  if (items.length === 0) throw new InvalidArgumentError(`give ${REDACTABLE.join(',')} or none`);
  return items as Redactable[];
}
