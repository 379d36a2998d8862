import { redirect } from "next/navigation";
import { getLatestQuarter } from "../../lib/api";

/** `/reports` goes to the report of the latest quarter with data. */
export default async function ReportsIndex() {
  const latest = await getLatestQuarter();
  if (latest === null) return <p>No records have been ingested yet, so there is no report.</p>;
  redirect(`/reports/${latest}`);
}
