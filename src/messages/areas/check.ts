/** Messages of the check area: codes TCRM2xxx (check owns this range). */
export const EN = {
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
};
