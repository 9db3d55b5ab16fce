import { tamperMatrix } from './tamper-matrix';
import { RECORD_CASES } from './tamper-cases-records';

tamperMatrix('records', RECORD_CASES);
