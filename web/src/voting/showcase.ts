/** The division tab to show: the one the address names, if the showcase has it, else the first. */
export const currentDivision = (divisions: readonly { id: string }[], asked: string | undefined) =>
  divisions.find((d) => d.id === asked)?.id ?? divisions[0]?.id;
