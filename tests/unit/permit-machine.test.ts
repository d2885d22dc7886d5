import fc from "fast-check";
import {
  caseActions,
  caseStateAfter,
  caseStates,
  checkCaseAction,
  checkItemAction,
  checkOpenCase,
  isCaseOpen,
  itemActions,
  itemStates,
  type CaseAction,
  type CaseState,
  type ItemAction,
  type ItemState,
} from "../../lib/permits/permit-machine";
import { stages } from "../../lib/projects/stages";

// The expected answer for every case state × action, for the applicant, with and without
// an item waiting for 补正. "=" means allowed, staying in the same state.
const caseTable: Record<CaseState, Record<CaseAction, [string, string]>> = {
  //            [no returned item, a returned item]
  DRAFT: {
    EDIT_APPLICATION: ["=", "="],
    CHANGE_FAST_TRACK: ["=", "="],
    ADD_DOCUMENT: ["=", "="],
    SUBMIT: ["SUBMITTED", "SUBMITTED"],
  },
  SUBMITTED: {
    EDIT_APPLICATION: ["RULE_PERMIT_APPLICATION_LOCKED", "="],
    CHANGE_FAST_TRACK: ["RULE_PERMIT_APPLICATION_LOCKED", "RULE_PERMIT_APPLICATION_LOCKED"],
    ADD_DOCUMENT: ["RULE_PERMIT_APPLICATION_LOCKED", "="],
    SUBMIT: ["RULE_PERMIT_NOT_DRAFT", "RULE_PERMIT_NOT_DRAFT"],
  },
  IN_REVIEW: {
    EDIT_APPLICATION: ["RULE_PERMIT_APPLICATION_LOCKED", "="],
    CHANGE_FAST_TRACK: ["RULE_PERMIT_APPLICATION_LOCKED", "RULE_PERMIT_APPLICATION_LOCKED"],
    ADD_DOCUMENT: ["RULE_PERMIT_APPLICATION_LOCKED", "="],
    SUBMIT: ["RULE_PERMIT_NOT_DRAFT", "RULE_PERMIT_NOT_DRAFT"],
  },
  ISSUED: {
    EDIT_APPLICATION: ["RULE_PERMIT_APPLICATION_LOCKED", "RULE_PERMIT_APPLICATION_LOCKED"],
    CHANGE_FAST_TRACK: ["RULE_PERMIT_APPLICATION_LOCKED", "RULE_PERMIT_APPLICATION_LOCKED"],
    ADD_DOCUMENT: ["RULE_PERMIT_APPLICATION_LOCKED", "RULE_PERMIT_APPLICATION_LOCKED"],
    SUBMIT: ["RULE_PERMIT_NOT_DRAFT", "RULE_PERMIT_NOT_DRAFT"],
  },
  REJECTED: {
    EDIT_APPLICATION: ["RULE_PERMIT_APPLICATION_LOCKED", "RULE_PERMIT_APPLICATION_LOCKED"],
    CHANGE_FAST_TRACK: ["RULE_PERMIT_APPLICATION_LOCKED", "RULE_PERMIT_APPLICATION_LOCKED"],
    ADD_DOCUMENT: ["RULE_PERMIT_APPLICATION_LOCKED", "RULE_PERMIT_APPLICATION_LOCKED"],
    SUBMIT: ["RULE_PERMIT_NOT_DRAFT", "RULE_PERMIT_NOT_DRAFT"],
  },
};

const answer = (v: { ok: true; next: string } | { ok: false; rule: string }, same: string) =>
  v.ok ? (v.next === same ? "=" : v.next) : v.rule;

describe("permit machine: the case", () => {
  for (const state of caseStates)
    for (const action of caseActions)
      it(`${state} × ${action}`, () => {
        const [plain, returned] = caseTable[state][action];
        expect(answer(checkCaseAction(action, { state, hasReturnedItems: false, applicant: true }), state)).toBe(plain);
        expect(answer(checkCaseAction(action, { state, hasReturnedItems: true, applicant: true }), state)).toBe(
          returned,
        );
        // Someone who is not the applicant may do nothing, in any state.
        expect(checkCaseAction(action, { state, hasReturnedItems: true, applicant: false })).toEqual({
          ok: false,
          rule: "FORBIDDEN",
        });
      });

  it("only SUBMITTED and IN_REVIEW are open", () => {
    expect(caseStates.filter(isCaseOpen)).toEqual(["SUBMITTED", "IN_REVIEW"]);
  });

  it("opens from 签约, 落地注册 or 手续办理, once, for the applicant", () => {
    for (const projectStage of stages) {
      const v = checkOpenCase({ projectStage, caseExists: false, applicant: true });
      const opens = ["SIGNED", "REGISTERED", "APPROVING"].includes(projectStage);
      expect(v).toEqual(opens ? { ok: true, next: "DRAFT" } : { ok: false, rule: "RULE_PERMIT_CASE_STAGE" });
    }
    expect(checkOpenCase({ projectStage: "SIGNED", caseExists: true, applicant: true })).toEqual({
      ok: false,
      rule: "RULE_PERMIT_CASE_EXISTS",
    });
    expect(checkOpenCase({ projectStage: "SIGNED", caseExists: false, applicant: false })).toEqual({
      ok: false,
      rule: "FORBIDDEN",
    });
  });

  it("follows its items: one rejection rejects, all approved issues, else in review", () => {
    expect(caseStateAfter(["APPROVED", "APPROVED", "APPROVED"])).toBe("ISSUED");
    expect(caseStateAfter(["APPROVED", "REJECTED", "PENDING"])).toBe("REJECTED");
    expect(caseStateAfter(["APPROVED", "RETURNED"])).toBe("IN_REVIEW");
    expect(caseStateAfter(["PENDING"])).toBe("IN_REVIEW");
    expect(caseStateAfter([])).toBe("IN_REVIEW");
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...itemStates), { minLength: 1, maxLength: 9 }), (items) => {
        const s = caseStateAfter(items);
        expect(s === "ISSUED").toBe(items.every((i) => i === "APPROVED"));
        expect(s === "REJECTED").toBe(items.includes("REJECTED"));
      }),
    );
  });
});

// Expected answers for the approver of the item's department (decisions) and for the
// applicant (RESUBMIT), for an item state in an open case.
const itemTable: Record<ItemState, Record<ItemAction, string>> = {
  PENDING: { APPROVE: "APPROVED", RETURN: "RETURNED", REJECT: "REJECTED", RESUBMIT: "RULE_PERMIT_ITEM_NOT_RETURNED" },
  RETURNED: {
    APPROVE: "RULE_PERMIT_ITEM_NOT_PENDING",
    RETURN: "RULE_PERMIT_ITEM_NOT_PENDING",
    REJECT: "RULE_PERMIT_ITEM_NOT_PENDING",
    RESUBMIT: "PENDING",
  },
  APPROVED: {
    APPROVE: "RULE_PERMIT_ITEM_NOT_PENDING",
    RETURN: "RULE_PERMIT_ITEM_NOT_PENDING",
    REJECT: "RULE_PERMIT_ITEM_NOT_PENDING",
    RESUBMIT: "RULE_PERMIT_ITEM_NOT_RETURNED",
  },
  REJECTED: {
    APPROVE: "RULE_PERMIT_ITEM_NOT_PENDING",
    RETURN: "RULE_PERMIT_ITEM_NOT_PENDING",
    REJECT: "RULE_PERMIT_ITEM_NOT_PENDING",
    RESUBMIT: "RULE_PERMIT_ITEM_NOT_RETURNED",
  },
};

describe("permit machine: the items", () => {
  for (const caseState of caseStates)
    for (const itemState of itemStates)
      for (const action of itemActions)
        it(`${caseState} / ${itemState} × ${action}`, () => {
          const resubmit = action === "RESUBMIT";
          const rightful = { caseState, itemState, approverOfItem: !resubmit, applicant: resubmit };
          const expected = isCaseOpen(caseState) ? itemTable[itemState][action] : "RULE_PERMIT_CASE_CLOSED";
          expect(answer(checkItemAction(action, rightful), "")).toBe(expected);
          // The other side may not do it: an approver cannot resubmit, an applicant cannot decide.
          expect(
            checkItemAction(action, { caseState, itemState, approverOfItem: resubmit, applicant: !resubmit }),
          ).toEqual({ ok: false, rule: "FORBIDDEN" });
        });
});
