// The passphrase `user add` gives a new user, to be replaced at their first unlock: 100 random
// bits in five groups of four from an alphabet without look-alikes, so it can be read aloud.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789abcdefghijkmnpqrstuvwxyz';

export function oneTimePassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < 5; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
