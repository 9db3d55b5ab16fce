// An export that would break a person's consent is refused before anything is read or written
// (T5): showing names to a recipient someone did not consent to be named to is not a risk to
// accept but a promise the organisation made.
import { consentBreaches } from '../../shared/dossier/pseudonymise';
import type { DossierIncidentInput, Recipient } from '../../shared/dossier/dossier-types';
import { CustodiaError } from '../../shared/errors/error-codes';

export function requireConsent(incidents: readonly DossierIncidentInput[], o: { showNames: boolean; recipient: Recipient }): void {
  const breaches = incidents.flatMap(({ id, incident }) =>
    consentBreaches(incident, { showNames: o.showNames, recipient: o.recipient.kind }).map((i) => `incident ${id} affected[${i}]`));
  if (breaches.length === 0) return;
  // Where, never who: the message may reach a log or a screen the person's name must not.
  throw new CustodiaError('E_CONSENT', `showing names to ${o.recipient.kind} would break the consent of ${breaches.join(', ')}: they did not consent to be named to this kind of recipient. Nothing was written. Export without showing names`, {
    people: breaches,
  });
}
