/**
 * Mainland mobile numbers as the signals compare them: as integers (a SIM pool's cards are numbered
 * in series) and by range. 162, 165, 167, 170 and 171 are the virtual operators' ranges (虚拟运营商号段),
 * where the numbers SMS-receiving services (接码平台) rent out mostly come from; honest voters hold
 * them too, a few in a hundred.
 */
const virtualRanges = new Set(['162', '165', '167', '170', '171']);

const mobile = /^1\d{10}$/;

/** The 11 digits (as voters store them, normalised) as an integer, or undefined for anything else. */
export const numberOf = (phone: string): number | undefined => (mobile.test(phone) ? Number(phone) : undefined);

export const isVirtualRange = (phone: string) => virtualRanges.has(phone.slice(0, 3));
