// Makes the census import test variants from the public CIN census and workforce census messages
// (fixtures/cin-census, fixtures/workforce-census) into fixtures/census-variants. Run from
// packages/imports: `pnpm exec tsx test/make-census-variants.ts`. The outputs are committed; the tests
// read them. Each variant changes one thing an authority's export does.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

const here = dirname(fileURLToPath(import.meta.url));
const cin = (name: string) => readFileSync(join(here, "fixtures/cin-census", name), "utf8");
const out = join(here, "fixtures/census-variants");
rmSync(out, { recursive: true, force: true });
const write = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), content);
};
const replaceOnce = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  return text.replace(from, to);
};

// The first 40 children of data-to-insight's fake census (2021-22), as the authority first sent it.
const fake = cin("d2i-fake_CIN_data.xml");
const children = fake.split("<Child>");
const head = children[0] as string;
const first40 = `${head}<Child>${children.slice(1, 41).join("<Child>")}`.replace(
  /<\/Child>(?![\s\S]*<\/Child>)[\s\S]*$/,
  "</Child>\n  </Children>\n</Message>\n",
);
write("corrected/first.xml", first40);
// The same 40 children corrected: the first episode still open at 31 March 2022 led to further action
// after all (ReferralNFA true → false, so the child is in need), the second open one closed on
// 28 February 2022 (RC7), and the first child's date of birth is corrected.
const openEpisodes = [...first40.matchAll(/<CINdetails>[\s\S]*?<\/CINdetails>/g)]
  .map((d) => d[0])
  .filter((d) => !d.includes("<CINclosureDate>"));
const [nowInNeed, nowClosed] = openEpisodes;
if (nowInNeed === undefined || nowClosed === undefined) throw new Error("fewer than two open episodes");
const corrected = first40
  .replace(
    nowInNeed,
    replaceOnce(nowInNeed, "<ReferralNFA>true</ReferralNFA>", "<ReferralNFA>false</ReferralNFA>"),
  )
  .replace(
    nowClosed,
    replaceOnce(
      nowClosed,
      "<ReferralNFA>",
      "<CINclosureDate>2022-02-28</CINclosureDate>\n        <ReasonForClosure>RC7</ReasonForClosure>\n        <ReferralNFA>",
    ),
  );
write(
  "corrected/second.xml",
  replaceOnce(
    corrected,
    "<PersonBirthDate>2019-12-06</PersonBirthDate>",
    "<PersonBirthDate>2019-12-16</PersonBirthDate>",
  ),
);

// The 2024 message with an XML declaration and a DOCTYPE whose internal subset declares entities the
// message uses (the second child's primary need is &need;), and two character references that name no character (&#x110000;): one in the first
// child's identifier (the child and everything of theirs cannot be read), one in the second child's
// ethnicity (left empty).
const c2024 = cin("d2i-CIN_Census_2024.xml");
let doctype = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Message [\n  <!ENTITY software "Local Authority">\n  <!ELEMENT Message ANY>\n]>\n${c2024}`;
doctype = replaceOnce(
  doctype,
  "<SoftwareCode>Local Authority</SoftwareCode>",
  "<SoftwareCode>&software;</SoftwareCode>",
);
doctype = replaceOnce(
  doctype,
  "<LAchildID>DfEX0000001</LAchildID>",
  "<LAchildID>DfEX&#x110000;0000001</LAchildID>",
);
doctype = replaceOnce(
  doctype,
  "<LAchildID>child_fails_assessments</LAchildID>",
  "<LAchildID>child2</LAchildID>",
);
doctype = doctype.replace(
  /(<LAchildID>child2<\/LAchildID>[\s\S]*?)<Ethnicity>WBRI<\/Ethnicity>/,
  "$1<Ethnicity>WB&#x110000;RI</Ethnicity>",
);
doctype = replaceOnce(doctype, "<!ENTITY software", '<!ENTITY need "N1">\n  <!ENTITY software');
doctype = doctype.replace(
  /(<LAchildID>child2<\/LAchildID>[\s\S]*?)<PrimaryNeedCode>N1<\/PrimaryNeedCode>/,
  "$1<PrimaryNeedCode>&need;</PrimaryNeedCode>",
);
write("doctype/d2i-CIN_Census_2024-doctype.xml", doctype);

// The 2021 message as UTF-16 little-endian with a byte-order mark, as some Windows tools save it.
write(
  "utf16/d2i-CIN_Census_2021-utf16.xml",
  iconv.encode(`<?xml version="1.0" encoding="UTF-16"?>\n${cin("d2i-CIN_Census_2021.xml")}`, "utf16le", {
    addBOM: true,
  }),
);

// A referral that cannot be read (CINreferralDate 2022-02-30 does not exist) with assessments, a CIN
// plan, a section 47 enquiry and a CP plan with a review of its own: all dropped with it. The child's
// second, readable episode is kept.
const liia = cin("liia-cin-2022.xml");
const details = /<CINdetails>[\s\S]*<\/CINdetails>/.exec(liia)?.[0] ?? "";
const bad = replaceOnce(
  details,
  "<CINreferralDate>1970-10-06</CINreferralDate>",
  "<CINreferralDate>2022-02-30</CINreferralDate>",
);
const good = details
  .replace(/<Assessments>[\s\S]*<\/Assessments>\s*/, "")
  .replace(/<CINPlanDates>[\s\S]*<\/CINPlanDates>\s*/, "")
  .replace(/<Section47>[\s\S]*<\/Section47>\s*/, "")
  .replace(/<ChildProtectionPlans>[\s\S]*<\/ChildProtectionPlans>\s*/, "")
  .replace(/<CINreferralDate>[^<]*</, "<CINreferralDate>2021-11-01<")
  .replace(/<CINclosureDate>[^<]*<\/CINclosureDate>\s*<ReasonForClosure>[^<]*<\/ReasonForClosure>\s*/, "")
  .replace(/<DateOfInitialCPC>[^<]*<\/DateOfInitialCPC>\s*/, "");
write("dropped-referral/cin-2022-dropped-referral.xml", liia.replace(details, `${bad}\n            ${good}`));

// Child protection plans open at 31 March 2024 with their reviews, for the review timeliness figure:
// four children on plans, reviewed on time, late, overdue, and one not yet 3 months on a plan.
const plan = (child: string, start: string, reviews: readonly string[]) => `
        <Child>
            <ChildIdentifiers>
                <LAchildID>${child}</LAchildID>
                <PersonBirthDate>2015-03-27</PersonBirthDate>
                <GenderCurrent>2</GenderCurrent>
            </ChildIdentifiers>
            <ChildCharacteristics>
                <Ethnicity>WBRI</Ethnicity>
            </ChildCharacteristics>
            <CINdetails>
                <CINreferralDate>2023-01-05</CINreferralDate>
                <ReferralSource>6</ReferralSource>
                <PrimaryNeedCode>N1</PrimaryNeedCode>
                <ReferralNFA>false</ReferralNFA>
                <Section47>
                    <S47ActualStartDate>2023-01-10</S47ActualStartDate>
                    <DateOfInitialCPC>${start}</DateOfInitialCPC>
                    <ICPCnotRequired>false</ICPCnotRequired>
                </Section47>
                <ChildProtectionPlans>
                    <CPPstartDate>${start}</CPPstartDate>
                    <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                    <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
                    <NumberOfPreviousCPP>0</NumberOfPreviousCPP>${
                      reviews.length === 0
                        ? ""
                        : `
                    <Reviews>${reviews
                      .map(
                        (r) => `
                        <CPPreviewDate>${r}</CPPreviewDate>`,
                      )
                      .join("")}
                    </Reviews>`
                    }
                </ChildProtectionPlans>
            </CINdetails>
        </Child>`;
const header = (/^[\s\S]*?<Children>/.exec(c2024)?.[0] ?? "").replace(
  "<Year>2023</Year>",
  "<Year>2024</Year>",
);
write(
  "cp-reviews/cin-2024-cp-reviews.xml",
  `${header}${[
    plan("R1", "2023-02-01", ["2023-04-20", "2023-10-10", "2024-03-28"]),
    plan("R2", "2023-02-01", ["2023-05-05", "2023-10-10"]),
    plan("R3", "2023-06-01", ["2023-08-25"]),
    plan("R4", "2024-01-15", []),
    plan("R5", "2023-12-31", []),
  ].join("")}
    </Children>
</Message>
`,
);

// A second workforce census a year on, corrected: one worker who was in post has left.
const csww = readFileSync(
  join(here, "fixtures/workforce-census/liia-social_work_workforce_2022.xml"),
  "utf8",
);
write(
  "workforce-corrected/csww-2022-corrected.xml",
  replaceOnce(csww, "<SWENo>Jd1465867330</SWENo>", "<SWENo>Jd1465867330</SWENo>").replace(
    /(<SWENo>Jd1465867330<\/SWENo>[\s\S]*?<RoleStartDate>1997-01-11<\/RoleStartDate>)/,
    "$1\n    <RoleEndDate>2022-08-31</RoleEndDate>\n    <ReasonLeave>1</ReasonLeave>",
  ),
);
