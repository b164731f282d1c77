import type { CrmDetector } from './types';
import { salesforceClassic, salesforceLightning } from './salesforce';
import { dynamics } from './dynamics';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { zoho } from './zoho';
import { twenty } from './twenty';
import { capsule } from './capsule';
import { closeCrm } from './close';
import { freshsales } from './freshsales';

/** Every built-in detector. Adding a CRM means adding its file and one line here. */
export const DETECTORS: readonly CrmDetector[] = [salesforceLightning, salesforceClassic, dynamics, hubspot, pipedrive, zoho, twenty, capsule, closeCrm, freshsales];

/** Manifest match patterns of the built-in CRMs: the only hosts Leadside may read by default. */
export const BUILT_IN_CRM_MATCHES: readonly string[] = DETECTORS.flatMap((detector) => detector.matches);
