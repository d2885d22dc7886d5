import type { Metadata } from "next";
import { ImportPage, importPageTitle } from "@/components/imports/import-page";

export async function generateMetadata(): Promise<Metadata> {
  return importPageTitle("ENTERPRISES");
}

export default function Page() {
  return <ImportPage kind="ENTERPRISES" />;
}
