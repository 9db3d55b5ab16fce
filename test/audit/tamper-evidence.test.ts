import { tamperMatrix } from './tamper-matrix';
import { EVIDENCE_CASES } from './tamper-cases-evidence';

tamperMatrix('evidence', EVIDENCE_CASES);
