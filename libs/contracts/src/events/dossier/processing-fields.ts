import { z } from 'zod';

/** An agency's electronic identifier code, e.g. 000.00.17.H33. */
export const agencyCode = z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/);
/** A staff member's subject at the tenant's identity provider, or `system`. */
export const staff = z.string().min(1).max(200);
export const instant = z.iso.datetime({ offset: true });
