"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { convertTargetToLead } from "@/lib/chains/convert-target";
import { createIndustry } from "@/lib/chains/industries";
import { createChain } from "@/lib/chains/chains";
import { createLink, deleteLink, updateLink } from "@/lib/chains/links";
import { setEnterpriseChains } from "@/lib/enterprises/set-enterprise-chains";

export async function convertTargetAction(chainId: string, input: unknown) {
  return runAction("project.create", async (actor) => {
    const r = await convertTargetToLead({ actor, input });
    revalidatePath(`/chains/${chainId}`);
    revalidatePath("/projects");
    return r;
  });
}

export async function createChainAction(input: unknown) {
  return runAction("chain.manage", async (actor) => {
    const c = await createChain({ actor, input });
    revalidatePath("/chains");
    return { id: c.id };
  });
}

export async function saveLinkAction(chainId: string, id: string | null, input: unknown) {
  return runAction("chain.manage", async (actor) => {
    const l = id
      ? await updateLink({ actor, id: String(id), input })
      : await createLink({ actor, chainId: String(chainId), input });
    revalidatePath(`/chains/${chainId}`);
    return { id: l.id };
  });
}

export async function deleteLinkAction(chainId: string, id: string) {
  return runAction("chain.manage", async (actor) => {
    const r = await deleteLink({ actor, id: String(id) });
    revalidatePath(`/chains/${chainId}`);
    return r;
  });
}

export async function setEnterpriseChainsAction(enterpriseId: string, input: unknown) {
  return runAction("enterprise.edit", async (actor) => {
    const e = await setEnterpriseChains({ actor, enterpriseId: String(enterpriseId), input });
    revalidatePath(`/enterprises/${enterpriseId}`);
    return { version: e.version };
  });
}

export async function createIndustryAction(input: unknown) {
  return runAction("chain.manage", async (actor) => {
    const i = await createIndustry({ actor, input });
    revalidatePath("/chains");
    return { id: i.id };
  });
}
