/** Messages of the transport area: codes TCRM5xxx (transport owns this range). */
export const EN = {
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
};
