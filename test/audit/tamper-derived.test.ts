import { tamperMatrix } from './tamper-matrix';
import { DERIVED_CASES } from './tamper-cases-derived';

tamperMatrix('derived tables', DERIVED_CASES);
