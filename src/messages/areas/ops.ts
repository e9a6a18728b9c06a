/** Messages of the ops area: codes TCRM6xxx (ops owns this range). */
export const EN = {
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
};
