import { tamperMatrix } from './tamper-matrix';
import { LOG_CASES } from './tamper-cases-log';

tamperMatrix('custody log', LOG_CASES);
