/** Where 办理 leads: the case, scrolled to the item, with that item's decision form open. */
export const decideHref = (i: { caseId: string; id: string }) => `/permits/${i.caseId}?item=${i.id}#item-${i.id}`;
